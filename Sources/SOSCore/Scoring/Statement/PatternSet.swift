/// A list of lexicon patterns, indexed by their first word so that matching a statement
/// costs about one dictionary look-up per word.
struct PatternSet: Sendable {
  /// Where a pattern matched: a range of the word stream.
  struct Match: Hashable, Sendable {
    var pattern: Int
    var words: Range<Int>
  }

  let patterns: [StatementPattern]
  private let byStem: [String: [Int]]
  private let byForm: [String: [Int]]
  private let unindexed: [Int]

  init(_ sources: [String]) {
    patterns = sources.map(StatementPattern.init)
    var byStem: [String: [Int]] = [:]
    var byForm: [String: [Int]] = [:]
    var unindexed: [Int] = []
    for (index, pattern) in patterns.enumerated() {
      guard let first = pattern.steps.first, !first.optional,
        case .word(let stems, let forms) = first.element
      else {
        unindexed.append(index)
        continue
      }
      for stem in stems { byStem[stem, default: []].append(index) }
      for form in forms { byForm[form, default: []].append(index) }
    }
    self.byStem = byStem
    self.byForm = byForm
    self.unindexed = unindexed
  }

  /// Every match in the word stream, in order of position.
  func matches(in words: [StatementDocument.Word]) -> [Match] {
    var found: [Match] = []
    for start in words.indices {
      let word = words[start]
      var candidates = unindexed
      candidates += byStem[word.stem] ?? []
      candidates += byForm[word.folded] ?? []
      for (position, candidate) in candidates.enumerated()
      where !candidates[..<position].contains(candidate) {
        if let end = patterns[candidate].match(words, at: start) {
          found.append(Match(pattern: candidate, words: start..<end))
        }
      }
    }
    return found
  }
}
