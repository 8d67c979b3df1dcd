/// One session of a cohort as the cohort report and the exports see it: who played
/// which scenario version, when, how it stands, and its replayed scores.
///
/// The shell builds attempts from the workshop database, from a replay of each input
/// log or from the scores a replay gave before (``CohortScore``, cached by the
/// store); ``CohortAnalysis`` and the renderers only read them, and the analysis reads
/// only ``score``.
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
  public var scenario: Scenario? {
    get { parts.scenario }
    set { parts = Parts(scenario: newValue, scored: scored, score: score) }
  }
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
  /// The whole replay, when the attempt was made from one (the exports read it); `nil`
  /// when the session could not be replayed or the attempt was made from ``score``
  /// alone.
  public var scored: ScoredSession? {
    get { parts.scored }
    set { parts = Parts(scenario: scenario, scored: newValue, score: score) }
  }
  /// What the cohort report reads of the replay, or `nil` when the session could not
  /// be replayed.
  public var score: CohortScore? {
    get { parts.score }
    set { parts = Parts(scenario: scenario, scored: scored, score: newValue) }
  }
  /// Why the session could not be replayed, in words.
  public var problem: String?
  /// What import found odd about the hand-in this session came from, in words.
  public var flags: [String] = []
  /// Where it was played: a live room's code, a site's label or a host's name.
  public var site: String?

  /// The scenario and the scores, kept out of line: they are large values, and a
  /// cohort's analysis copies and sorts arrays of thousands of attempts.
  private var parts = Parts(scenario: nil, scored: nil, score: nil)

  /// An attempt's large values, never changed once made (a setter makes new parts).
  private final class Parts: Hashable, Sendable {
    let scenario: Scenario?
    let scored: ScoredSession?
    let score: CohortScore?

    init(scenario: Scenario?, scored: ScoredSession?, score: CohortScore?) {
      self.scenario = scenario
      self.scored = scored
      self.score = score
    }

    static func == (left: Parts, right: Parts) -> Bool {
      left === right
        || (left.scenario == right.scenario && left.scored == right.scored
          && left.score == right.score)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(scenario)
      hasher.combine(scored)
      hasher.combine(score)
    }
  }

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
    self.parts = Parts(scenario: scenario, scored: scored, score: scored.map(CohortScore.init))
    self.status = status
    self.mode = mode
    self.started = started
    self.finished = finished
    self.durationMilliseconds = durationMilliseconds
    self.inputTimes = inputTimes
    self.problem = problem
  }

  /// Creates an attempt from what a replay gave the cohort report, without the replay.
  public init(
    session: String, trainee: String, scenarioID: String, scenarioHash: String,
    scenario: Scenario?, status: Status,
    mode: SessionOptions.Mode, started: String, finished: String?,
    durationMilliseconds: Int64?, inputTimes: [String], score: CohortScore?,
    problem: String? = nil
  ) {
    self.init(
      session: session, trainee: trainee, scenarioID: scenarioID, scenarioHash: scenarioHash,
      scenario: scenario, status: status, mode: mode, started: started, finished: finished,
      durationMilliseconds: durationMilliseconds, inputTimes: inputTimes, scored: nil,
      problem: problem)
    self.score = score
  }

  /// The scores of a session played to an ending; `nil` for one still active,
  /// abandoned, or that does not replay. Only these count in cohort statistics.
  public var finishedReport: ScoreReport? {
    guard status == .finished, let scored, scored.report.finished else { return nil }
    return scored.report
  }

  /// The scores of a session played to an ending, as the cohort report reads them;
  /// `nil` for one still active, abandoned, or that does not replay. Only these count
  /// in cohort statistics.
  public var finishedScore: CohortScore? {
    guard status == .finished, let score, score.finished else { return nil }
    return score
  }

  /// The first 8 hex digits of the session id, as people type it.
  public var shortID: String { String(session.prefix(8)) }
}
