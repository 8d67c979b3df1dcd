import SOSCore

/// A stored session with what its replay gave the cohort report — its scores or why
/// it does not replay — without the replay itself (see
/// ``WorkshopDatabase/sessionScores(cohort:rescore:)``).
public struct SessionScore: Hashable, Sendable {
  public var record: SessionRecord
  /// The scenario played, when its text loads.
  public var scenario: Scenario?
  /// The scores, when the scenario loads and every input replays.
  public var score: CohortScore?
  /// Why the session could not be replayed, in words.
  public var problem: String?

  /// Creates a session's score.
  public init(record: SessionRecord, scenario: Scenario?, score: CohortScore?, problem: String?) {
    self.record = record
    self.scenario = scenario
    self.score = score
    self.problem = problem
  }

  /// The session as the cohort report sees it, under `trainee` (the name, or a
  /// pseudonym). It carries no input times (the report does not read them; the xAPI
  /// export works from ``ReplayedSession``).
  public func attempt(trainee: String) -> CohortAttempt {
    var attempt = CohortAttempt(
      session: record.idText, trainee: trainee, scenarioID: record.scenarioID,
      scenarioHash: record.scenarioHash, scenario: scenario, status: record.status.attemptStatus,
      mode: record.mode, started: Timestamp.string(record.started),
      finished: record.finished.map(Timestamp.string),
      durationMilliseconds: record.durationMilliseconds, inputTimes: [], score: score,
      problem: problem)
    attempt.flags = record.flags
    attempt.site = record.site
    return attempt
  }
}
