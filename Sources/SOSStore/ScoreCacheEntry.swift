import SOSCore

/// What a replay gave, as the score cache keeps it: the scores the cohort report reads,
/// or why the answers do not replay. Exactly one of the two is set.
struct ScoreCacheEntry: Hashable, Sendable {
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

  /// The entry as stored (``ScoreCachePayload``), naming `texts` where it can.
  func payload(texts: ScenarioTexts?) -> [UInt8] { ScoreCachePayload.encode(self, texts: texts) }

  /// The entry stored as `payload`, or `nil` when it does not decode or is not well
  /// formed.
  init?(payload: [UInt8], context: inout ScoreCachePayload.Context) {
    guard let entry = ScoreCachePayload.decode(payload, context: &context), entry.isWellFormed
    else { return nil }
    self = entry
  }
}
