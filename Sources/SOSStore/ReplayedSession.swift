import Foundation
import SOSCore

/// A stored session (or a session file) replayed through the engine and re-scored:
/// the record, its input log, the scenario version it was played with, and the
/// scores, or why it could not be replayed.
public struct ReplayedSession: Hashable, Sendable {
  public var record: SessionRecord
  public var inputs: [RecordedInput]
  /// The scenario played, when its text loads.
  public var scenario: Scenario?
  /// The replayed scores, when the scenario loads and every input replays.
  public var scored: ScoredSession?
  /// Why the session could not be replayed, in words.
  public var problem: String?

  /// Creates a replayed session.
  public init(
    record: SessionRecord, inputs: [RecordedInput], scenario: Scenario?, scored: ScoredSession?,
    problem: String?
  ) {
    self.record = record
    self.inputs = inputs
    self.scenario = scenario
    self.scored = scored
    self.problem = problem
  }

  /// The session as the cohort report and the exports see it, under `trainee` (the
  /// name, or a pseudonym).
  public func attempt(trainee: String) -> CohortAttempt {
    var attempt = CohortAttempt(
      session: record.idText, trainee: trainee, scenarioID: record.scenarioID,
      scenarioHash: record.scenarioHash, scenario: scenario, status: record.status.attemptStatus,
      mode: record.mode, started: Timestamp.string(record.started),
      finished: record.finished.map(Timestamp.string),
      durationMilliseconds: record.durationMilliseconds,
      inputTimes: inputs.map { Timestamp.string($0.at) },
      scored: scored, problem: problem)
    attempt.flags = record.flags
    attempt.site = record.site
    return attempt
  }
}
