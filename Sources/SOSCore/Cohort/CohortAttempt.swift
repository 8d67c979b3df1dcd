/// One session of a cohort as the cohort report and the exports see it: who played
/// which scenario version, when, how it stands, and its replayed scores.
///
/// The shell builds attempts from the workshop database (replaying every input log);
/// ``CohortAnalysis`` and the renderers only read them.
public struct CohortAttempt: Hashable, Sendable {
  /// Where a session stands.
  public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    /// Still being played.
    case active
    /// Played to an ending.
    case finished
    /// Given up before an ending.
    case abandoned
  }

  /// The session's id (a lower-case UUID).
  public var session: String
  /// The name reports show: the trainee's name, or a pseudonym when anonymised.
  public var trainee: String
  /// The scenario's `id` field.
  public var scenarioID: String
  /// The SHA-256 of the scenario text played (lower-case hex): one per version.
  public var scenarioHash: String
  /// The scenario version the session was played with, if its stored text loads.
  public var scenario: Scenario?
  public var status: Status
  public var mode: SessionOptions.Mode
  /// When play began: ISO 8601 in UTC with milliseconds (this form sorts in time order).
  public var started: String
  /// When the session was finished or abandoned, in the same form.
  public var finished: String?
  /// Wall-clock milliseconds from `started` to `finished`, when both are known.
  public var durationMilliseconds: Int64?
  /// When each input of the log was given, in the same form, by position.
  public var inputTimes: [String]
  /// The replayed scores, or `nil` when the session could not be replayed.
  public var scored: ScoredSession?
  /// Why the session could not be replayed, in words.
  public var problem: String?
  /// What import found odd about the hand-in this session came from, in words.
  public var flags: [String] = []

  /// Creates an attempt.
  public init(
    session: String, trainee: String, scenarioID: String, scenarioHash: String,
    scenario: Scenario?, status: Status,
    mode: SessionOptions.Mode, started: String, finished: String?,
    durationMilliseconds: Int64?, inputTimes: [String], scored: ScoredSession?,
    problem: String? = nil
  ) {
    self.session = session
    self.trainee = trainee
    self.scenarioID = scenarioID
    self.scenarioHash = scenarioHash
    self.scenario = scenario
    self.status = status
    self.mode = mode
    self.started = started
    self.finished = finished
    self.durationMilliseconds = durationMilliseconds
    self.inputTimes = inputTimes
    self.scored = scored
    self.problem = problem
  }

  /// The scores of a session played to an ending; `nil` for one still active,
  /// abandoned, or that does not replay. Only these count in cohort statistics.
  public var finishedReport: ScoreReport? {
    guard status == .finished, let scored, scored.report.finished else { return nil }
    return scored.report
  }

  /// The first 8 hex digits of the session id, as people type it.
  public var shortID: String { String(session.prefix(8)) }
}
