@testable import SOSCore

/// Score bounds by brute force, to check ``ScoreBounds`` against: every path from a
/// state is played through the engine (every option, every statement class, every
/// chance outcome) and scored by the scorer, with no memo and no graph. The expected
/// score is the expectimax over the tree (best option and statement, chance
/// outcomes weighted).
struct ReferenceBounds {
  /// Overall, timeliness, communication, outcome.
  var low: [Double]
  var high: [Double]
  var expected: Double
  var paths: Int

  struct TooDeep: Error {}

  /// Plays every path from `state`; throws if one goes on for more than `depth`
  /// steps (a loop: the reference cannot value those).
  static func enumerate(_ engine: Engine, from state: SessionState, depth: Int = 60) throws
    -> ReferenceBounds?
  {
    let scorer = Scorer(engine: engine)
    // The decisions and statements that led to `state` count too.
    let past = try scorer.score(inputs: state.inputs, options: state.options).get()
    return try value(
      state, engine: engine, scorer: scorer, decisions: past.decisions,
      statements: past.statements, depth: depth)
  }

  private static func value(
    _ state: SessionState, engine: Engine, scorer: Scorer,
    decisions: [ScoreReport.DecisionReview], statements: [ScoreReport.StatementReview],
    depth: Int
  ) throws -> ReferenceBounds? {
    if state.finished {
      let report = scorer.report(
        state: state, decisions: decisions, statements: statements, timedAnswers: [])
      let scores = [report.overall, report.timeliness, report.communication, report.outcome]
      return ReferenceBounds(low: scores, high: scores, expected: report.overall, paths: 1)
    }
    guard depth > 0 else { throw TooDeep() }
    // Each option (or statement class): its outcomes, with their probabilities.
    var groups:
      [[(SessionState, Double, ScoreReport.DecisionReview?, ScoreReport.StatementReview?)]] = []
    if let choice = engine.pendingWrite(in: state), let task = choice.write {
      for kind in StatementClass.classes(for: task) {
        let review = ScoreReport.StatementReview(
          choice: choice.id, audience: task.audience.value, channel: task.channel,
          at: state.clock, text: "", analysis: Scorer.assumedAnalysis(kind.record, task: task))
        groups.append(
          outcomes(engine, state, .write(""), kind.record).map { ($0.0, $0.1, nil, review) })
      }
    } else {
      let offered = engine.offeredChoices(in: state)
      for (index, choice) in offered.enumerated() {
        let review = scorer.review(of: choice, among: offered, at: state.node, state.clock)
        groups.append(
          outcomes(engine, state, .choose(index + 1), nil).map { ($0.0, $0.1, review, nil) })
      }
    }
    var result: ReferenceBounds?
    var best = -Double.infinity
    for group in groups {
      var weighted = 0.0
      var probability = 0.0
      for (next, chance, decision, statement) in group {
        guard
          let child = try value(
            next, engine: engine, scorer: scorer,
            decisions: decisions + (decision.map { [$0] } ?? []),
            statements: statements + (statement.map { [$0] } ?? []), depth: depth - 1)
        else { continue }
        weighted += chance * child.expected
        probability += chance
        if var merged = result {
          merged.low = zip(merged.low, child.low).map { min($0, $1) }
          merged.high = zip(merged.high, child.high).map { max($0, $1) }
          merged.paths += child.paths
          result = merged
        } else {
          result = child
        }
      }
      if probability > 0 { best = max(best, weighted / probability) }
    }
    result?.expected = best
    return result
  }

  /// How many complete paths lead from `state`, if no more than `limit`.
  static func count(_ engine: Engine, from state: SessionState, limit: Int) -> Int? {
    var count = 0
    var stack = [state]
    while let current = stack.popLast() {
      if current.finished {
        count += 1
        if count > limit { return nil }
        continue
      }
      if let task = engine.pendingWrite(in: current)?.write {
        for kind in StatementClass.classes(for: task) {
          stack += outcomes(engine, current, .write(""), kind.record).map(\.0)
        }
      } else {
        for index in engine.offeredChoices(in: current).indices {
          stack += outcomes(engine, current, .choose(index + 1), nil).map(\.0)
        }
      }
    }
    return count
  }

  /// Every way `input` can turn out from `state`, by the chance outcomes drawn.
  private static func outcomes(
    _ engine: Engine, _ state: SessionState, _ input: SessionInput, _ statement: StatementRecord?
  ) -> [(SessionState, Double)] {
    var found: [(SessionState, Double)] = []
    var pending: [([Int], Double)] = [([], 1)]
    while let (prefix, probability) = pending.popLast() {
      guard
        case .success(let (transition, draws)) = engine.step(
          state, input, assuming: Engine.Assumption(statement: statement, draws: prefix))
      else { continue }
      if draws.count > prefix.count {
        let chances = draws[prefix.count].chances
        let total = Double(chances.reduce(0, +))
        for (index, chance) in chances.enumerated() where chance > 0 {
          pending.append((prefix + [index], probability * Double(chance) / total))
        }
      } else {
        found.append((transition.state, probability))
      }
    }
    return found
  }
}
