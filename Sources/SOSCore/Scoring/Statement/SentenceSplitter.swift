/// Groups tokens into sentences, as the tokenizer cuts them: it passes on each token
/// and each mark that ends a sentence or a clause.
///
/// A sentence ends at `.`, `!`, `?` or `…`, at a line break (so a heading or a list item
/// on its own line is a sentence), and at the end of the text. Dots inside numbers,
/// links, addresses and abbreviations are inside tokens and never end one. An
/// abbreviation that can close a sentence ("a.m.", "etc.", "Ltd.") ends one when the next
/// word starts with a capital letter; titles and "e.g." never do. A sentence holds at
/// least one token: punctuation alone makes none.
struct SentenceSplitter {
  private var tokens: [StatementToken] = []
  private var sentences: [StatementSentence] = []
  private var sentenceStart = 0
  private var clausePending = true

  /// A splitter with room for about `capacity` tokens.
  init(capacity: Int) {
    tokens.reserveCapacity(capacity)
    // About one sentence for every eight tokens, so that few statements grow the list.
    sentences.reserveCapacity(capacity / 8 + 1)
  }

  /// The next token.
  mutating func add(_ token: consuming StatementToken) {
    // Only an abbreviation can end a sentence here: its kind is asked in place before
    // the token is copied out.
    if tokens.count > sentenceStart, tokens[tokens.count - 1].kind == .abbreviation,
      Self.endsSentence(after: tokens[tokens.count - 1], before: token)
    {
      close()
    }
    token.startsClause = clausePending
    clausePending = false
    token.sentence = sentences.count
    tokens.append(token)
  }

  /// `.`, `!`, `?` or `…` (alone or repeated), or a line break.
  mutating func endSentence() { close() }

  /// A comma, semicolon, colon, dash, bracket or list bullet: the next word starts a
  /// clause.
  mutating func breakClause() { clausePending = true }

  /// The tokens and sentences, the last sentence closed.
  consuming func finish() -> (tokens: [StatementToken], sentences: [StatementSentence]) {
    close()
    return (tokens, sentences)
  }

  private mutating func close() {
    if tokens.count > sentenceStart {
      sentences.append(StatementSentence(tokens: sentenceStart..<tokens.count))
    }
    sentenceStart = tokens.count
    clausePending = true
  }

  /// "at 5 p.m. We will…": an abbreviation that can close a sentence, then a capital.
  private static func endsSentence(after previous: StatementToken, before next: StatementToken)
    -> Bool
  {
    guard previous.kind == .abbreviation, previous.folded.hasSuffix("."),
      next.text.first?.isUppercase == true
    else { return false }
    let bare = String(previous.folded.filter { $0 != "." })
    return StatementLexicon.sentenceEndingAbbreviations.contains(bare)
  }
}
