/// A list of lexicon patterns, indexed by their first word so that matching a statement
/// costs about one look-up of a number per word. A class, so that a statement's matches
/// of each list can be kept by the list's identity (see `StatementEvaluation`).
final class PatternSet: Sendable {
  /// Where a pattern matched: a range of the word stream.
  struct Match: Hashable, Sendable {
    var pattern: Int
    var words: Range<Int>
  }

  let patterns: [StatementPattern]
  private let byStem: [Int: [Int]]
  private let byForm: [Int: [Int]]
  private let unindexed: [Int]

  init(_ sources: [String]) {
    patterns = sources.map(StatementPattern.init)
    var byStem: [Int: [Int]] = [:]
    var byForm: [Int: [Int]] = [:]
    var unindexed: [Int] = []
    for (index, pattern) in patterns.enumerated() {
      guard let first = pattern.steps.first, !first.optional,
        case .word(let words) = first.element
      else {
        unindexed.append(index)
        continue
      }
      for key in words.stemKeys { byStem[key, default: []].append(index) }
      for key in words.formKeys {
        byForm[key, default: []].append(index)
      }
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
      for candidate in unindexed {
        if let end = patterns[candidate].match(words, at: start) {
          found.append(Match(pattern: candidate, words: start..<end))
        }
      }
      let byStemHere = byStem[word.stemKey]
      if let byStemHere {
        for candidate in byStemHere {
          if let end = patterns[candidate].match(words, at: start) {
            found.append(Match(pattern: candidate, words: start..<end))
          }
        }
      }
      if let byFormHere = byForm[word.formKey] {
        for candidate in byFormHere where !(byStemHere?.contains(candidate) ?? false) {
          if let end = patterns[candidate].match(words, at: start) {
            found.append(Match(pattern: candidate, words: start..<end))
          }
        }
      }
    }
    return found
  }
}
