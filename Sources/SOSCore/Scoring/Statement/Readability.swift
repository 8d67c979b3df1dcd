/// Readability figures of a statement: Flesch Reading Ease and Flesch–Kincaid grade,
/// with the counts behind them.
///
/// Flesch Reading Ease = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words).
/// Flesch–Kincaid grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
/// Both are rounded to one decimal, and criteria judge the rounded figures, so what the
/// trainee sees is what was judged. Words are prose tokens: a hyphenated word is one word
/// (its parts' syllables add up); links, e-mail addresses, handles and phone numbers are
/// not counted. Sentences are those with at least one counted word. With no words both
/// figures are 0.
public struct Readability: Hashable, Sendable, Codable {
  /// Flesch Reading Ease (higher is easier; 60 or more is plain English).
  public var fre: Double
  /// Flesch–Kincaid grade (a US school grade; 8 or less is plain English).
  public var fkgl: Double
  public var words: Int
  public var sentences: Int
  public var syllables: Int

  /// Creates readability figures from counts, computing and rounding the two scores.
  public init(words: Int, sentences: Int, syllables: Int) {
    self.words = words
    self.sentences = sentences
    self.syllables = syllables
    guard words > 0, sentences > 0 else {
      fre = 0
      fkgl = 0
      return
    }
    let wordsPerSentence = Double(words) / Double(sentences)
    let syllablesPerWord = Double(syllables) / Double(words)
    fre = Self.round(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord)
    fkgl = Self.round(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59)
  }

  /// Rounds to one decimal, halves away from zero; never "-0.0".
  static func round(_ value: Double) -> Double {
    let rounded = (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    return rounded == 0 ? 0 : rounded
  }
}

extension Readability {
  init(_ document: StatementDocument) {
    var words = 0
    var syllables = 0
    var sentences = 0
    // Tokens are read in place, by index, rather than copied out one by one.
    let tokens = document.tokens
    for sentence in document.sentences {
      var counted = 0
      for index in sentence.tokens where tokens[index].isProse {
        syllables += SyllableCounter.count(tokens[index].folded)
        if !tokens[index].joinedByHyphen { counted += 1 }
      }
      if counted > 0 {
        words += counted
        sentences += 1
      }
    }
    self.init(words: words, sentences: sentences, syllables: syllables)
  }
}
