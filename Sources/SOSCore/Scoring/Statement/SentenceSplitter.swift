/// Groups tokens into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…`, at a line break (so a heading or a list item
/// on its own line is a sentence), and at the end of the text. Dots inside numbers,
/// links, addresses and abbreviations are inside tokens and never end one. An
/// abbreviation that can close a sentence ("a.m.", "etc.", "Ltd.") ends one when the next
/// word starts with a capital letter; titles and "e.g." never do. A sentence holds at
/// least one token: punctuation alone makes none.
enum SentenceSplitter {
  static func split(_ lexemes: [StatementLexeme]) -> (
    tokens: [StatementToken], sentences: [StatementSentence]
  ) {
    var tokens: [StatementToken] = []
    tokens.reserveCapacity(lexemes.count)
    var sentences: [StatementSentence] = []
    var sentenceStart = 0
    var clausePending = true

    func close() {
      if tokens.count > sentenceStart {
        sentences.append(StatementSentence(tokens: sentenceStart..<tokens.count))
      }
      sentenceStart = tokens.count
      clausePending = true
    }

    for lexeme in lexemes {
      switch lexeme {
      case .token(var token):
        if let previous = tokens.last, tokens.count > sentenceStart,
          endsSentence(after: previous, before: token)
        {
          close()
        }
        token.startsClause = clausePending
        clausePending = false
        token.sentence = sentences.count
        tokens.append(token)
      case .terminator, .lineBreak:
        close()
      case .clauseBreak:
        clausePending = true
      }
    }
    close()
    return (tokens, sentences)
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
