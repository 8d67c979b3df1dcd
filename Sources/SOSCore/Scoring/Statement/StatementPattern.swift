/// A lexicon phrase compiled for matching against a statement's word stream.
///
/// Pattern syntax (words separated by single spaces; see `StatementLexicon`):
/// - `sorry` — any word with the same stem ("apologise" matches "apologising").
/// - `=check` — exactly this word form, not its inflections ("check", not "checked").
/// - `a|b|=c` — any of the alternatives.
/// - `*` — any one word.
/// - `<ing>` a word ending in "-ing"; `<ed>` a past participle ("-ed", "-en" or a listed
///   irregular one, not "been"); `<num>` a number or a number word; `<clock>` a clock
///   time ("5pm", "17:00", "noon"); `<name>` a capitalised word inside a clause; `<act>`
///   any word but a negation.
/// - a trailing `?` makes an element optional: `we have already? <ed>`.
/// - a leading `^` anchors the pattern to the start of a clause.
///
/// A match never crosses a sentence boundary.
///
/// A class, so that trying one of the many patterns on a word copies one reference,
/// not its source, steps and notes.
final class StatementPattern: Sendable {
  /// The words one element accepts: any with one of these stems, or one of these
  /// forms exactly. Looked up by hash first, then compared, so a match is exact. A
  /// class, so that trying a pattern copies one reference, not four sets.
  final class Words: Hashable, Sendable {
    let stems: [String]
    let forms: [String]
    /// The hashes of `stems` and `forms`, in the same order: a few numbers to scan.
    let stemKeys: [Int]
    let formKeys: [Int]

    init(stems: Set<String>, forms: Set<String>) {
      self.stems = stems.sorted()
      self.forms = forms.sorted()
      stemKeys = self.stems.map(SpellingKey.of)
      formKeys = self.forms.map(SpellingKey.of)
    }

    static func == (lhs: Words, rhs: Words) -> Bool {
      lhs.stems == rhs.stems && lhs.forms == rhs.forms
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(stems)
      hasher.combine(forms)
    }

    func accepts(_ word: StatementDocument.Word) -> Bool {
      for (index, key) in stemKeys.enumerated() where key == word.stemKey {
        if stems[index] == word.stem { return true }
      }
      for (index, key) in formKeys.enumerated() where key == word.formKey {
        if forms[index] == word.folded { return true }
      }
      return false
    }

    /// Whether it accepts the word at `position` of `words` (read in place, not copied).
    func accepts(_ words: [StatementDocument.Word], at position: Int) -> Bool {
      let stemKey = words[position].stemKey
      for (index, key) in stemKeys.enumerated() where key == stemKey {
        if stems[index] == words[position].stem { return true }
      }
      let formKey = words[position].formKey
      for (index, key) in formKeys.enumerated() where key == formKey {
        if forms[index] == words[position].folded { return true }
      }
      return false
    }
  }

  enum Element: Hashable, Sendable {
    case word(Words)
    case any
    case ing
    case participle
    case number
    case clock
    case name
    case act
  }

  struct Step: Hashable, Sendable {
    var element: Element
    var optional: Bool
  }

  let source: String
  let anchored: Bool
  let steps: [Step]
  /// The word lists of `steps`, by step (`nil` for any other element), unretained:
  /// `steps` keeps them, and matching reads them at every word without retaining and
  /// releasing each.
  private let stepWords: [Unmanaged<Words>?]
  /// Element names in angle brackets that the syntax does not know; empty when valid.
  let unknownClasses: [String]

  init(_ source: String) {
    self.source = source
    var parts = source.split(separator: " ").map(String.init)
    var anchored = false
    if parts.first == "^" {
      anchored = true
      parts.removeFirst()
    }
    var steps: [Step] = []
    var unknown: [String] = []
    for var part in parts {
      var optional = false
      if part.count > 1, part.hasSuffix("?") {
        optional = true
        part.removeLast()
      }
      let element: Element
      switch part {
      case "*": element = .any
      case "<ing>": element = .ing
      case "<ed>": element = .participle
      case "<num>": element = .number
      case "<clock>": element = .clock
      case "<name>": element = .name
      case "<act>": element = .act
      default:
        if part.hasPrefix("<") { unknown.append(part) }
        var stems: Set<String> = []
        var forms: Set<String> = []
        for alternative in part.split(separator: "|") {
          if alternative.hasPrefix("=") {
            forms.insert(StatementTokenizer.fold(String(alternative.dropFirst())))
          } else {
            stems.insert(WordStemmer.stem(StatementTokenizer.fold(String(alternative))))
          }
        }
        element = .word(Words(stems: stems, forms: forms))
      }
      steps.append(Step(element: element, optional: optional))
    }
    self.anchored = anchored
    self.steps = steps
    stepWords = steps.map { step in
      guard case .word(let words) = step.element else { return nil }
      return Unmanaged.passUnretained(words)
    }
    self.unknownClasses = unknown
  }

  /// The end (exclusive) of the longest-first match starting at `start`, if any.
  func match(_ words: [StatementDocument.Word], at start: Int) -> Int? {
    guard start < words.count, !steps.isEmpty else { return nil }
    if anchored && !words[start].startsClause { return nil }
    let sentence = words[start].sentence
    guard let end = match(step: 0, word: start, in: words, sentence: sentence), end > start
    else { return nil }
    return end
  }

  private func match(
    step: Int, word: Int, in words: [StatementDocument.Word], sentence: Int
  ) -> Int? {
    if step == steps.count { return word }
    if word < words.count, words[word].sentence == sentence,
      accepts(step: step, words, at: word),
      let end = match(step: step + 1, word: word + 1, in: words, sentence: sentence)
    {
      return end
    }
    if steps[step].optional {
      return match(step: step + 1, word: word, in: words, sentence: sentence)
    }
    return nil
  }

  /// Whether the element of `step` accepts the word at `index` of `words`.
  private func accepts(step: Int, _ words: [StatementDocument.Word], at index: Int) -> Bool {
    if let accepted = stepWords[step] {
      return accepted._withUnsafeGuaranteedRef { $0.accepts(words, at: index) }
    }
    return Self.matches(steps[step].element, words, at: index)
  }

  static func matches(_ element: Element, _ word: StatementDocument.Word) -> Bool {
    switch element {
    case .word(let accepted):
      return accepted.accepts(word)
    case .any:
      return true
    case .ing:
      return word.classes.contains(.ing)
    case .participle:
      return word.classes.contains(.participle)
    case .number:
      return word.classes.contains(.number)
    case .clock:
      return word.classes.contains(.clock)
    case .name:
      return word.isName
    case .act:
      return word.kind == .word && !word.classes.contains(.negation)
    }
  }

  /// Whether `element` accepts the word at `index` of `words`, read in place.
  static func matches(_ element: Element, _ words: [StatementDocument.Word], at index: Int)
    -> Bool
  {
    switch element {
    case .word(let accepted):
      return accepted.accepts(words, at: index)
    case .any:
      return true
    case .ing:
      return words[index].classes.contains(.ing)
    case .participle:
      return words[index].classes.contains(.participle)
    case .number:
      return words[index].classes.contains(.number)
    case .clock:
      return words[index].classes.contains(.clock)
    case .name:
      return words[index].isName
    case .act:
      return words[index].kind == .word && !words[index].classes.contains(.negation)
    }
  }

  /// The class a word must have for this pattern to start on it, or `nil` when any
  /// word might (a pattern that opens with `*`, `<act>` or an optional element).
  var firstClass: StatementDocument.WordClasses? {
    guard let first = steps.first, !first.optional else { return nil }
    switch first.element {
    case .number: return .number
    case .clock: return .clock
    case .ing: return .ing
    case .participle: return .participle
    case .name: return .name
    case .word, .any, .act: return nil
    }
  }

  /// "5pm", "10.30am", "17:00", "noon".
  static func isClock(_ word: StatementDocument.Word) -> Bool {
    if word.sets.contains(.clockWord) { return true }
    guard word.kind == .number, let first = word.folded.first, first.isNumber else {
      return false
    }
    if word.folded.hasSuffix("am") || word.folded.hasSuffix("pm") {
      return word.folded.dropLast(2).allSatisfy { $0.isNumber || $0 == ":" || $0 == "." }
    }
    let parts = word.folded.split(separator: ":")
    return parts.count == 2 && parts.allSatisfy { $0.count == 2 || $0.count == 1 }
      && word.folded.allSatisfy { $0.isNumber || $0 == ":" }
  }
}
