/// A session replayed from its input log and scored: the score report, the state play
/// ended in, the events of the decisions that still stand, and where in the log each
/// scored decision and statement came from. Scores are always derived this way, never
/// read from a file or a database.
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
  /// Its `inputs` are the whole log, undos included.
  public var state: SessionState
  /// Everything that happened, from T+0, as the decisions that still stand made it
  /// happen: a decision taken back with undo in practice mode, and everything after
  /// it, is not here, and neither is the `.undone` event. The timeline, the debrief
  /// and every other view of a replayed session read these events; the input log
  /// (and the session file and database that keep it) still holds the undo.
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
    replay(
      scenario, inputs: inputs, options: options, latencies: latencies, choices: choices,
      singlePass: !inputs.contains(.undo))
  }

  /// ``replay(_:inputs:options:latencies:choices:)``, in one pass when `singlePass`:
  /// a log without an undo is all standing inputs, so the scorer's replay is the whole
  /// replay and gives the end state too (each statement is analysed once less). Tests
  /// compare both ways.
  static func replay(
    _ scenario: Scenario, inputs: [SessionInput], options: SessionOptions,
    latencies: [Int?], choices: [String?], singlePass: Bool
  ) -> Result<ScoredSession, Engine.ReplayError> {
    let engine = Engine(scenario: scenario)
    if singlePass {
      return Scorer(engine: engine).standingReplay(
        inputs: inputs, options: options, latencies: latencies, choices: choices
      ).map { standing in
        ScoredSession(
          report: standing.report, state: standing.state, events: standing.events,
          decisionInputs: inputs.indices.filter { inputs[$0].isChoice },
          statementInputs: inputs.indices.filter {
            if case .write = inputs[$0] { return true }
            return false
          })
      }
    }
    // The whole log, undos included, must replay as it was played: this checks every
    // input (and every recorded option id) and gives the state play ended in.
    let transition: Engine.Transition
    switch engine.replay(inputs, options: options, choices: choices) {
    case .success(let value): transition = value
    case .failure(let error): return .failure(error)
    }
    // The report and the events come from the inputs that still stand, so that no
    // view shows a decision the trainee took back.
    let standing: Scorer.StandingReplay
    switch Scorer(engine: engine).standingReplay(
      inputs: inputs, options: options, latencies: latencies)
    {
    case .success(let value): standing = value
    case .failure(let error): return .failure(error)
    }
    // The scorer reviews the inputs that still stand, in order: each choice gives a
    // decision review and each statement a statement review.
    let kept = Scorer.standingInputs(inputs, latencies: [])
    let decisionInputs = kept.filter { $0.input.isChoice }.map(\.index)
    let statementInputs = kept.filter {
      if case .write = $0.input { return true }
      return false
    }.map(\.index)
    return .success(
      ScoredSession(
        report: standing.report, state: transition.state, events: standing.events,
        decisionInputs: decisionInputs, statementInputs: statementInputs))
  }
}
