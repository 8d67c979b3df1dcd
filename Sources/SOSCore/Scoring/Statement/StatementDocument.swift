/// A statement cut into tokens, sentences and the word stream that lexicon patterns and
/// scenario phrasings are matched against.
///
/// In the word stream contractions are spelt out ("we're" is "we" "are", "don't" is "do"
/// "not"), a possessive "'s" is dropped, and every word carries its stem. Each word
/// remembers its token, so a match can be quoted exactly as written.
struct StatementDocument: Sendable {
  /// A word of the matching stream.
  struct Word: Hashable, Sendable {
    /// Lower-cased with straight apostrophes.
    var folded: String
    var stem: String
    /// Index into `tokens`.
    var token: Int
    var sentence: Int
    var startsClause: Bool
    var kind: StatementToken.Kind
    /// Written with a capital letter and not at the start of a clause: likely a name.
    var isName: Bool
  }

  let characters: [Character]
  let tokens: [StatementToken]
  let sentences: [StatementSentence]
  let words: [Word]

  init(_ text: String) {
    characters = Array(text)
    let split = SentenceSplitter.split(StatementTokenizer.lexemes(characters))
    tokens = split.tokens
    sentences = split.sentences
    words = Self.words(of: split.tokens)
  }

  /// The text between two character offsets, as written.
  func text(_ range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, characters.count))
    let upper = max(lower, min(range.upperBound, characters.count))
    return String(characters[lower..<upper])
  }

  /// The text of the words `range` of the word stream, as written.
  func text(words range: Range<Int>) -> String {
    guard !range.isEmpty, range.upperBound <= words.count else { return "" }
    let first = tokens[words[range.lowerBound].token].range.lowerBound
    let last = tokens[words[range.upperBound - 1].token].range.upperBound
    return text(first..<last)
  }

  /// The text of a sentence, as written.
  func text(sentence: StatementSentence) -> String {
    guard let first = tokens[sentence.tokens].first, let last = tokens[sentence.tokens].last
    else { return "" }
    return text(first.range.lowerBound..<last.range.upperBound)
  }

  private static func words(of tokens: [StatementToken]) -> [Word] {
    var words: [Word] = []
    words.reserveCapacity(tokens.count + tokens.count / 8)
    var stems: [String: String] = [:]
    for (index, token) in tokens.enumerated() {
      let parts: [String]
      switch token.kind {
      case .word: parts = expand(token.folded)
      // "Mr." and "a.m." match as "mr" and "a.m".
      case .abbreviation:
        parts = [String(token.folded.dropLast(token.folded.hasSuffix(".") ? 1 : 0))]
      default: parts = [token.folded]
      }
      let capital = token.text.first?.isUppercase == true && !token.startsClause
      for (offset, part) in parts.enumerated() {
        let stem: String
        if let known = stems[part] {
          stem = known
        } else {
          stem = token.kind == .word ? WordStemmer.stem(part) : part
          stems[part] = stem
        }
        words.append(
          Word(
            folded: part, stem: stem, token: index, sentence: token.sentence,
            startsClause: token.startsClause && offset == 0, kind: token.kind,
            isName: capital && offset == 0))
      }
    }
    return words
  }

  /// Spells out a contraction: "we're" → ["we", "are"], "customer's" → ["customer"].
  static func expand(_ folded: String) -> [String] {
    guard folded.contains("'") else { return [folded] }
    if let whole = StatementLexicon.contractions[folded] { return whole }
    for (suffix, replacement) in StatementLexicon.contractionSuffixes
    where folded.hasSuffix(suffix) && folded.count > suffix.count {
      let base = String(folded.dropLast(suffix.count))
      return replacement.isEmpty ? [base] : [base, replacement]
    }
    return [folded]
  }
}
