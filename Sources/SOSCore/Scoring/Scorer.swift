/// Scores a session by replaying its inputs through the engine: timeliness,
/// communication quality and the ending's outcome, combined with the scenario's
/// weights, every point explained in a ledger. The same scenario, options and inputs
/// always give the same report.
///
/// ```swift
/// let report = try Scorer(engine: engine).score(inputs: inputs, options: options).get()
/// print(report.overall, report.grade)
/// ```
public struct Scorer: Sendable {
  public let engine: Engine
  public let analyzer: StatementAnalyzer
  /// Whether the scenario asks for any typed statement anywhere.
  let asksForStatements: Bool

  /// Prepares to score sessions of one scenario. Statements are graded by the
  /// engine's analyser, as play graded them.
  public init(engine: Engine) {
    self.engine = engine
    self.analyzer = engine.analyzer
    self.asksForStatements = engine.scenario.nodes.contains { node in
      node.choices.contains { $0.write != nil }
    }
  }

  var scenario: Scenario { engine.scenario }

  /// Replays `inputs` and scores the result. `latencies` (milliseconds, aligned with
  /// `inputs`) matter only in timed play. Undone decisions do not count.
  public func score(
    inputs: [SessionInput], options: SessionOptions, latencies: [Int?] = []
  ) -> Result<ScoreReport, Engine.ReplayError> {
    standingReplay(inputs: inputs, options: options, latencies: latencies).map(\.report)
  }

  /// Replays and scores `inputs` as ``score(inputs:options:latencies:)`` does, except
  /// at the inputs a tool makes assumptions for (by position in `inputs`): there the
  /// statement's analysis is the assumed record's, not the text's, and the chance
  /// outcomes drawn are the assumed ones (see ``Engine/Assumption``).
  package func score(
    inputs: [SessionInput], options: SessionOptions, latencies: [Int?] = [],
    assuming assumptions: [Int: Engine.Assumption]
  ) -> Result<ScoreReport, Engine.ReplayError> {
    standingReplay(
      inputs: inputs, options: options, latencies: latencies, assuming: assumptions
    ).map(\.report)
  }

  /// What a replay of the inputs that still stand gives: the report, and the events
  /// of those inputs alone.
  struct StandingReplay {
    var report: ScoreReport
    /// Everything that happened from T+0 to the last input that still stands: no
    /// decision taken back with undo, nothing that followed it, and no `.undone`.
    var events: [SessionEvent]
    /// The state after the last input that still stands.
    var state: SessionState
  }

  /// Replays the inputs that still stand once every undo has taken back its decision,
  /// and scores them. Indices in errors refer to the log as given.
  ///
  /// `choices`, aligned with `inputs`, are the option ids a log recorded beside the
  /// numbers typed; a number that now stands for another option is refused, as
  /// ``Engine/replay(_:options:choices:)`` refuses it.
  func standingReplay(
    inputs: [SessionInput], options: SessionOptions, latencies: [Int?] = [],
    choices: [String?] = [], assuming assumptions: [Int: Engine.Assumption] = [:]
  ) -> Result<StandingReplay, Engine.ReplayError> {
    var walk = begin(options, recordsEvents: true)
    // Undone decisions do not count: score the inputs that still stand. Indices in
    // errors refer to the log as given.
    for (index, input, latency) in Self.standingInputs(inputs, latencies: latencies) {
      if case .choose(let number) = input, index < choices.count, let recorded = choices[index] {
        let offered = engine.offeredChoices(in: walk.state)
        if number >= 1, number <= offered.count, offered[number - 1].id != recorded {
          return .failure(
            Engine.ReplayError(
              index: index, input: input,
              error: .optionMismatch(number, recorded: recorded, offered: offered[number - 1].id)))
        }
      }
      if case .failure(let error) = take(
        input, latency: latency, assuming: assumptions[index], in: &walk)
      {
        return .failure(Engine.ReplayError(index: index, input: input, error: error))
      }
    }
    return .success(
      StandingReplay(report: report(of: walk), events: walk.events, state: walk.state))
  }

  /// A session played and scored input by input: its state, what its report reviews,
  /// and its events when they are kept. The scorer's replay and the playtester walk
  /// the same way, so a playtest is scored as it is played instead of replayed.
  package struct Walk: Sendable {
    package var state: SessionState
    /// Everything that happened, when kept.
    var events: [SessionEvent]
    let recordsEvents: Bool
    /// The chance draws made at T+0 (by an inject due at the start).
    var startDraws: [Engine.Draw]
    package var decisions: [ScoreReport.DecisionReview] = []
    package var statements: [ScoreReport.StatementReview] = []
    var timedAnswers: [(latency: Int?, limit: ClockDuration, timedOut: Bool)] = []
  }

  /// A walk at T+0.
  package func begin(_ options: SessionOptions, recordsEvents: Bool) -> Walk {
    let (started, draws) = engine.start(options, recordsEvents: recordsEvents)
    return Walk(
      state: started.state, events: started.events, recordsEvents: recordsEvents,
      startDraws: draws)
  }

  /// Takes one input on `walk` and reviews it; refused, the walk is as it was.
  ///
  /// What the review needs of the state before the input is read first, so that no
  /// copy of the state outlives the step and the engine moves it on in place.
  @discardableResult
  package func take(
    _ input: SessionInput, latency: Int?, assuming assumption: Engine.Assumption? = nil,
    in walk: inout Walk
  ) -> Result<Engine.Step, EngineError> {
    let node = walk.state.node
    let clock = walk.state.clock
    var offered: [Choice] = []
    var writing: (choice: Choice, task: WriteTask)?
    var limit = ClockDuration.zero
    switch input {
    case .choose:
      offered = engine.offeredChoices(in: walk.state)
      limit = engine.timeLimit(in: walk.state)
    case .write:
      if let choice = engine.pendingWrite(in: walk.state), let task = choice.write {
        writing = (choice, task)
      }
    case .timeout:
      limit = engine.timeLimit(in: walk.state)
    case .undo, .inject:
      break
    }
    let step: Engine.Step
    switch engine.perform(
      &walk.state, input, assuming: assumption, recordsEvents: walk.recordsEvents)
    {
    case .failure(let error): return .failure(error)
    case .success(let value): step = value
    }
    if walk.recordsEvents { walk.events += step.events }
    switch input {
    case .choose(let number):
      walk.decisions.append(review(of: offered[number - 1], among: offered, at: node, clock))
      walk.timedAnswers.append((latency, limit, false))
    case .write(let text):
      if let writing,
        let analysis = step.analysis
          ?? assumption?.statement.map({ Self.assumedAnalysis($0, task: writing.task) })
      {
        walk.statements.append(
          ScoreReport.StatementReview(
            choice: writing.choice.id, audience: writing.task.audience.value,
            channel: writing.task.channel, at: clock, text: text, analysis: analysis))
      }
    case .timeout:
      walk.timedAnswers.append((latency, limit, true))
    case .undo, .inject:
      break
    }
    return .success(step)
  }

  /// The report of a walk so far; without `explains`, its entries carry no reasons
  /// and it has no dimensions (for a tool that reads only the scores).
  package func report(of walk: Walk, explains: Bool = true) -> ScoreReport {
    report(
      state: walk.state, decisions: walk.decisions, statements: walk.statements,
      timedAnswers: walk.state.options.timed ? walk.timedAnswers : [], explains: explains)
  }

  /// The inputs that still stand once every undo has taken back its decision, with
  /// their positions in the log and their latencies.
  static func standingInputs(_ inputs: [SessionInput], latencies: [Int?]) -> [(
    index: Int, input: SessionInput, latency: Int?
  )] {
    var standing: [(index: Int, input: SessionInput, latency: Int?)] = []
    for (index, input) in inputs.enumerated() {
      if input == .undo {
        if let last = standing.lastIndex(where: { $0.input.isChoice }) {
          standing.removeSubrange(last...)
        }
      } else {
        standing.append((index, input, index < latencies.count ? latencies[index] : nil))
      }
    }
    return standing
  }

  // MARK: - Decisions

  /// The review of `choice`, taken among `offered` at node `id` at `clock`.
  func review(of choice: Choice, among offered: [Choice], at id: String, _ clock: ClockDuration)
    -> ScoreReport.DecisionReview
  {
    let node = engine.entry(id)?.node
    let totals = offered.map(\.totalQuality)
    let best = offered[totals.firstIndex(of: totals.max() ?? 0) ?? 0]
    let low = Double(totals.min() ?? 0)
    let high = Double(totals.max() ?? 0)
    let credit = high > low ? (Double(choice.totalQuality) - low) / (high - low) : 1
    return ScoreReport.DecisionReview(
      node: id, title: node?.title, at: clock, offered: offered.map(\.id),
      chosen: choice.id, chosenText: choice.text, best: best.id, bestText: best.text,
      bestFeedback: best.feedback, credit: credit)
  }

  // MARK: - The report

  /// A sum of entries without floating-point dust (100.00000000000001 is 100), kept
  /// within 0–100.
  static func tidy(_ value: Double) -> Double {
    min(max((value * 1e9).rounded() / 1e9, 0), 100)
  }

  func report(
    state: SessionState, decisions: [ScoreReport.DecisionReview],
    statements: [ScoreReport.StatementReview],
    timedAnswers: [(latency: Int?, limit: ClockDuration, timedOut: Bool)], explains: Bool = true
  ) -> ScoreReport {
    let rules = ScoringRules(engine: engine, state: state, explains: explains)
    let timeliness = rules.timeliness(timedAnswers: timedAnswers)
    let communication = rules.communication(
      decisions: decisions, statements: statements)
    // Play that reached an ending stays there, finished (see `Engine`).
    let endingNode =
      state.finished ? engine.node(of: state).flatMap { $0.isEnding ? $0 : nil } : nil
    let ending = endingNode.map { ($0.id, $0.outcome ?? 0) }
    let outcome = Double(ending?.1 ?? 0)
    let settings = scenario.scoring
    let weights = ScoreReport.Weights(
      timeliness: settings.timelinessWeight, communication: settings.communicationWeight,
      outcome: settings.outcomeWeight)
    let timelinessScore = Self.tidy(timeliness.reduce(0) { $0 + $1.points })
    let communicationScore = Self.tidy(communication.reduce(0) { $0 + $1.points })
    var overall = self.overall(
      timeliness: timelinessScore, communication: communicationScore, outcome: outcome)
    var cap: String?
    let written = statements.map { $0.analysis.isStatement ? Double($0.analysis.score) : 0 }
    if let mean = gateMean(statements: written.count, points: written.reduce(0, +)),
      let ceiling = gateCeiling(overall, statementMean: mean)
    {
      cap =
        written.isEmpty
        ? "held at \(ScoreFormat.points(ceiling)), below the pass mark: you wrote no statement,"
          + " and a pass needs statements that average \(settings.statementGate) or more"
        : "held at \(ScoreFormat.points(ceiling)), below the pass mark: your statements averaged"
          + " \(ScoreFormat.points(mean))/100, and a pass needs statements that average"
          + " \(settings.statementGate) or more (one that says nothing counts 0)"
      overall = ceiling
    }
    let bands = settings.bands.isEmpty ? ScoringDefaults.bands : settings.bands
    return ScoreReport(
      scenario: scenario.id, finished: state.finished, ending: ending?.0, overall: overall,
      timeliness: timelinessScore, communication: communicationScore, outcome: outcome,
      weights: weights,
      dimensions: explains ? rules.dimensions(decisions: decisions, statements: statements) : [],
      // The grade and the pass are read from the score as people see it (rounded once,
      // to a tenth), so "60 — pass" and "59.96 — not yet" cannot disagree on screen.
      grade: GradeBand.band(for: ScoreFormat.tenths(overall), in: bands).name,
      passMark: Double(settings.pass), passed: ScoreFormat.tenths(overall) >= Double(settings.pass),
      ledger: timeliness + communication, decisions: decisions, statements: statements,
      cap: cap)
  }

  /// The statement average the gate reads, from `statements` statements earning
  /// `points` in all: their mean, or 0 for a run that wrote none in a scenario that
  /// asks for statements (a communication assessment is not passed without writing),
  /// or `nil` in a scenario that asks for none.
  func gateMean(statements count: Int, points: Double) -> Double? {
    weights.gateMean(statements: count, points: points)
  }

  /// The score the statement gate holds `overall` at, or `nil` when it does not: a
  /// session whose statements average (`statementMean`) below the scenario's
  /// `statement_gate` cannot score above a tenth below the pass mark.
  func gateCeiling(_ overall: Double, statementMean: Double) -> Double? {
    weights.gateCeiling(overall, statementMean: statementMean)
  }

  /// The overall score from its three components, by the scenario's weights.
  func overall(timeliness: Double, communication: Double, outcome: Double) -> Double {
    weights.overall(timeliness: timeliness, communication: communication, outcome: outcome)
  }

  /// The scenario's scoring settings that combine the parts, read once.
  var weights: Weights { Weights(scenario.scoring, asksForStatements: asksForStatements) }

  /// What combines a session's parts into its scores: the scenario's weights, pass
  /// mark, statement gate and statement share, held as plain numbers so that a tool
  /// that scores millions of finished states (the score-bounds search) copies no
  /// settings for each.
  struct Weights: Sendable {
    let timeliness: Int
    let communication: Int
    let outcome: Int
    let pass: Int
    let statementGate: Int
    let statementShare: Int
    let asksForStatements: Bool

    init(_ settings: ScoringSettings, asksForStatements: Bool) {
      timeliness = settings.timelinessWeight
      communication = settings.communicationWeight
      outcome = settings.outcomeWeight
      pass = settings.pass
      statementGate = settings.statementGate
      statementShare = settings.statementShare
      self.asksForStatements = asksForStatements
    }

    /// ``Scorer/gateMean(statements:points:)``.
    @inline(__always)
    func gateMean(statements count: Int, points: Double) -> Double? {
      if count > 0 { return points / Double(count) }
      return asksForStatements ? 0 : nil
    }

    /// ``Scorer/gateCeiling(_:statementMean:)``.
    @inline(__always)
    func gateCeiling(_ overall: Double, statementMean: Double) -> Double? {
      let ceiling = max(0, Double(pass) - 0.1)
      guard statementGate > 0, statementMean < Double(statementGate), overall > ceiling
      else { return nil }
      return ceiling
    }

    /// ``Scorer/overall(timeliness:communication:outcome:)``.
    @inline(__always)
    func overall(timeliness score: Double, communication part: Double, outcome ending: Double)
      -> Double
    {
      let totalWeight = Double(max(1, timeliness + communication + outcome))
      return Scorer.tidy(
        (Double(timeliness) * score + Double(communication) * part + Double(outcome) * ending)
          / totalWeight)
    }

    /// ``ScoringRules/statementWeight(besides:)``.
    @inline(__always)
    func statementWeight(besides others: Double) -> Double {
      let share = Double(min(max(statementShare, 0), 100))
      guard others > 0 else { return 1 }
      guard share < 100 else { return others * 1_000_000 }
      return others * share / (100 - share)
    }
  }
}
