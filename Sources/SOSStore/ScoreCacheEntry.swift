import Foundation
import SOSCore

/// What a replay gave, as the score cache keeps it: the scores the cohort report reads,
/// or why the answers do not replay. Exactly one of the two is set.
struct ScoreCacheEntry: Hashable, Sendable, Codable {
  var score: CohortScore?
  var problem: String?

  /// The entry of a replay that scored.
  init(score: CohortScore) {
    self.score = score
    self.problem = nil
  }

  /// The entry of a replay the scenario refused.
  init(problem: String) {
    self.score = nil
    self.problem = problem
  }

  /// Whether the entry is one a replay can give: one of the two set, plausible scores.
  var isWellFormed: Bool {
    switch (score, problem) {
    case (let score?, nil): return score.isPlausible
    case (nil, let problem?): return !problem.isEmpty
    default: return false
    }
  }

  /// The entry as stored: JSON with sorted keys, or `nil` when it cannot be written
  /// (a number that is not finite), in which case it is not cached.
  func payload() -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// The entry stored as `payload`, or `nil` when it does not decode or is not well
  /// formed.
  init?(payload: String) {
    guard let entry = try? JSONDecoder().decode(Self.self, from: Data(payload.utf8)),
      entry.isWellFormed
    else { return nil }
    self = entry
  }
}
