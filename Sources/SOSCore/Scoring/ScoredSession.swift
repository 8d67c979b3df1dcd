/// A session replayed from its input log and scored: the score report, the state play
/// ended in, every event, and where in the log each scored decision and statement came
/// from. Scores are always derived this way, never read from a file or a database.
///
/// ```swift
/// switch ScoredSession.replay(scenario, inputs: inputs, options: options) {
/// case .success(let scored): print(scored.report.overall, scored.state.missedDeadlines)
/// case .failure(let error): print("input \(error.index) refused: \(error.error.message)")
/// }
/// ```
public struct ScoredSession: Hashable, Sendable {
  /// The scores, with every point explained.
  public var report: ScoreReport
  /// The state after the last input: deadlines met and missed, promises, the node.
  public var state: SessionState
  /// Everything that happened, from T+0.
  public var events: [SessionEvent]
  /// For each entry of `report.decisions`, the position of its input in the log.
  public var decisionInputs: [Int]
  /// For each entry of `report.statements`, the position of its input in the log.
  public var statementInputs: [Int]

  /// Replays `inputs` through the engine from T+0 and scores the result. `latencies`
  /// (milliseconds, aligned with `inputs`) matter only in timed play.
  ///
  /// Fails with the first input the scenario refuses, by its position in the log.
  public static func replay(
    _ scenario: Scenario, inputs: [SessionInput], options: SessionOptions,
    latencies: [Int?] = [], choices: [String?] = []
  ) -> Result<ScoredSession, Engine.ReplayError> {
    let engine = Engine(scenario: scenario)
    let transition: Engine.Transition
    switch engine.replay(inputs, options: options, choices: choices) {
    case .success(let value): transition = value
    case .failure(let error): return .failure(error)
    }
    let report: ScoreReport
    switch Scorer(engine: engine).score(inputs: inputs, options: options, latencies: latencies) {
    case .success(let value): report = value
    case .failure(let error): return .failure(error)
    }
    // The scorer reviews the inputs that still stand, in order: each choice gives a
    // decision review and each statement a statement review.
    let standing = Scorer.standingInputs(inputs, latencies: [])
    let decisionInputs = standing.filter { $0.input.isChoice }.map(\.index)
    let statementInputs = standing.filter {
      if case .write = $0.input { return true }
      return false
    }.map(\.index)
    return .success(
      ScoredSession(
        report: report, state: transition.state, events: transition.events,
        decisionInputs: decisionInputs, statementInputs: statementInputs))
  }
}
