/// A session played on a ``CompactEngine`` and scored as it goes, as
/// ``Scorer/Walk`` scores a ``SessionState``: per decision it keeps only the numbers
/// the score is made of (the credit of each option taken among those offered, the fit
/// of each posture, each statement's score), so that the playtester's report of a run
/// is four numbers worked out from integer tables and a few short lists.
///
/// ``scores()`` gives the numbers ``Scorer/report(of:explains:)`` gives for the same
/// inputs, added up in the same order (so equal to the last bit); `CompactEngineTests`
/// holds them to it.
struct CompactWalk: Sendable {
  let engine: CompactEngine
  var state: CompactState
  /// How many inputs were taken.
  var inputCount = 0
  /// The inputs taken, when the walk keeps them (``init(_:options:keepsInputs:)``).
  var inputs: [SessionInput] = []
  let keepsInputs: Bool
  /// The credit of each decision that earns a choice item (more than one option
  /// offered, of different qualities), in order.
  var credits: [Double] = []
  /// The fit of each posture taken, in order.
  var postureFits: [Double] = []
  var tookDeny = false
  var tookRebuild = false
  /// Each typed statement's analysis: whether it says anything, and its score.
  var statements: [(isStatement: Bool, score: Int)] = []
  var timedAnswers: [(latency: Int?, limit: ClockDuration, timedOut: Bool)] = []

  /// A walk at T+0.
  init(_ engine: CompactEngine, options: SessionOptions, keepsInputs: Bool = false) {
    self.engine = engine
    self.state = engine.start(options)
    self.keepsInputs = keepsInputs
  }

  var compiled: CompiledScenario { engine.compiled }

  /// Takes one input and reviews it; refused, the walk is as it was.
  @discardableResult
  mutating func take(_ input: CompactEngine.Input, latency: Int? = nil) -> Result<
    CompactEngine.Step, EngineError
  > {
    var limit = ClockDuration.zero
    var taken: Int?
    var credit: Double?
    switch input {
    case .choose(let number):
      taken = engine.offeredChoice(number, in: state)
      if let taken { credit = self.credit(of: taken) }
      limit = engine.timeLimit(in: state)
    case .timeout:
      limit = engine.timeLimit(in: state)
    case .write:
      break
    }
    let step: CompactEngine.Step
    switch engine.perform(&state, input) {
    case .failure(let error): return .failure(error)
    case .success(let value): step = value
    }
    inputCount += 1
    if keepsInputs { inputs.append(input.sessionInput) }
    switch input {
    case .choose:
      if let credit { credits.append(credit) }
      if let taken, let fit = compiled.choices[taken].postureFit {
        postureFits.append(fit)
        switch compiled.choices[taken].posture {
        case .deny: tookDeny = true
        case .rebuild: tookRebuild = true
        default: break
        }
      }
      timedAnswers.append((latency, limit, false))
    case .write:
      if let analysis = step.analysis {
        statements.append((analysis.isStatement, analysis.score))
      }
    case .timeout:
      timedAnswers.append((latency, limit, true))
    }
    return .success(step)
  }

  /// The credit of taking `choice` among the options offered now, or `nil` when the
  /// decision earns no choice item (``ScoringRules/choiceItem(_:)``).
  func credit(of choice: Int) -> Double? {
    let node = compiled.nodes[state.node]
    guard node.hasConditionalChoices else { return compiled.choices[choice].fullCredit }
    let offered = engine.offered(in: state)
    guard offered.count > 1 else { return nil }
    var low = Int.max
    var high = Int.min
    for option in offered {
      low = min(low, compiled.choices[option].totalQuality)
      high = max(high, compiled.choices[option].totalQuality)
    }
    guard high > low else { return nil }
    return (Double(compiled.choices[choice].totalQuality) - Double(low))
      / (Double(high) - Double(low))
  }

  // MARK: - Scores

  /// Points of items of `worth` and `credit`, normalised to `total` and added up in
  /// order onto `sum` (``ScoringRules/normalise(_:component:total:)``).
  static func add(
    _ items: [(worth: Double, credit: Double)], total: Double, to sum: inout Double
  ) {
    let worth = items.reduce(0) { $0 + $1.worth }
    guard worth > 0 else { return }
    for item in items {
      sum += total * item.worth / worth * min(max(item.credit, 0), 1)
    }
  }

  /// The run's scores, as the scorer's report of the same inputs gives them.
  func scores() -> Playtester.Scores {
    let scorer = compiled.engine
    let scenario = scorer.scenario
    let settings = scenario.scoring
    let timeliness = timelinessScore()
    let communication = communicationScore()
    let node = compiled.nodes[state.node]
    let outcome = state.finished && node.isEnding ? Double(node.outcome ?? 0) : 0
    let totalWeight = Double(
      max(1, settings.timelinessWeight + settings.communicationWeight + settings.outcomeWeight))
    var overall = Scorer.tidy(
      (Double(settings.timelinessWeight) * timeliness + Double(settings.communicationWeight)
        * communication + Double(settings.outcomeWeight) * outcome) / totalWeight)
    let written = statements.map { $0.isStatement ? Double($0.score) : 0 }
    let asksForStatements = !compiled.writes.isEmpty
    let mean: Double? =
      written.isEmpty
      ? (asksForStatements ? 0 : nil) : written.reduce(0, +) / Double(written.count)
    if let mean {
      let ceiling = max(0, Double(settings.pass) - 0.1)
      if settings.statementGate > 0, mean < Double(settings.statementGate), overall > ceiling {
        overall = ceiling
      }
    }
    return Playtester.Scores(
      overall: overall, timeliness: timeliness, communication: communication, outcome: outcome)
  }

  func timelinessScore() -> Double {
    let scenario = compiled.scenario
    var items: [(worth: Double, credit: Double)] = []
    for (index, deadline) in compiled.deadlines.enumerated() {
      var credit = 0.0
      if let met = state.metDeadlines[index] {
        if met <= deadline.by {
          credit = 1
        } else if deadline.grace.seconds > 0 {
          credit = 1 - Double((met - deadline.by).seconds) / Double(deadline.grace.seconds)
        }
      }
      items.append((ScoringDefaults.deadlineUnit * Double(deadline.weight), credit))
    }
    for rule in compiled.cadence {
      let times = state.contactTimes(of: rule.stakeholder).sorted()
      var credit = 0.0
      if !times.isEmpty {
        var overshoot = 0
        var from = ClockDuration.zero
        for to in times + [state.clock] {
          var gap = to - from
          if let quiet = rule.quiet, let startsAt = scenario.startsAt {
            gap =
              gap - ClockDuration(seconds: quiet.overlap(from: from, to: to, startsAt: startsAt))
          }
          if gap > rule.every { overshoot += (gap - rule.every).seconds }
          from = to
        }
        credit = 1 - Double(overshoot) / Double(max(rule.every.seconds, 1))
      }
      items.append((ScoringDefaults.cadenceUnit * Double(rule.weight), credit))
    }
    for promise in state.promises {
      switch promise.status {
      case .kept(let time) where time <= promise.due:
        items.append((ScoringDefaults.promiseWorth, 1))
      case .kept(let time):
        let span = max((promise.due - promise.madeAt).seconds, 60)
        items.append(
          (ScoringDefaults.promiseWorth, 1 - Double((time - promise.due).seconds) / Double(span)))
      case .open, .broken:
        items.append((ScoringDefaults.promiseWorth, 0))
      case .notYetDue:
        items.append((0, 0))
      }
    }
    if state.options.timed, !timedAnswers.isEmpty {
      let credits = timedAnswers.map { answer -> Double in
        guard !answer.timedOut, let latency = answer.latency else { return 0 }
        let limit = Double(max(answer.limit.seconds, 1)) * 1000
        let full = limit * ScoringDefaults.latencyFullCreditShare
        if Double(latency) <= full { return 1 }
        return max(0, 1 - (Double(latency) - full) / (limit - full))
      }
      items.append(
        (ScoringDefaults.latencyWorth, credits.reduce(0, +) / Double(max(credits.count, 1))))
    }
    if items.isEmpty { return Scorer.tidy(100) }
    var sum = 0.0
    Self.add(items, total: 100, to: &sum)
    return Scorer.tidy(sum)
  }

  func communicationScore() -> Double {
    var parts: [(share: Double, items: [(worth: Double, credit: Double)])] = []
    if !credits.isEmpty {
      parts.append((ScoringDefaults.choiceShare, credits.map { (1, $0) }))
    }
    if !compiled.required.isEmpty {
      let early = ClockDuration(
        seconds: Int(Double(state.clock.seconds) * ScoringDefaults.earlyContactShare))
      let coverage = compiled.required.map { stakeholder -> (worth: Double, credit: Double) in
        guard let first = state.contactTimes(of: stakeholder).min() else { return (1, 0) }
        if first <= early { return (1, 1) }
        let span = max((state.clock - early).seconds, 1)
        return (1, 1 - 0.5 * Double((first - early).seconds) / Double(span))
      }
      parts.append((ScoringDefaults.coverageShare, coverage))
    }
    if !postureFits.isEmpty {
      parts.append((ScoringDefaults.postureShare, postureFits.map { (1, $0) }))
    }
    if !statements.isEmpty {
      let others = parts.reduce(0) { $0 + $1.share }
      let share = Double(min(max(compiled.scenario.scoring.statementShare, 0), 100))
      let weight: Double
      if others <= 0 {
        weight = 1
      } else if share >= 100 {
        weight = others * 1_000_000
      } else {
        weight = others * share / (100 - share)
      }
      parts.append(
        (weight, statements.map { (1, $0.isStatement ? Double($0.score) / 100 : 0) }))
    }
    let shares = parts.reduce(0) { $0 + $1.share }
    var sum = 0.0
    for part in parts { Self.add(part.items, total: 100 * part.share / shares, to: &sum) }
    if parts.isEmpty { sum = 100 }
    if tookDeny, tookRebuild { sum += -ScoringDefaults.inconsistencyPenalty }
    for promise in state.promises where promise.status == .broken {
      sum += -ScoringDefaults.brokenPromisePenalty
    }
    if sum < 0 { sum += -sum }
    return Scorer.tidy(sum)
  }
}
