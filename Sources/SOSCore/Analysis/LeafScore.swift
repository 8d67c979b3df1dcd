/// The scores of a finished state, for any history and timeline that can end there.
///
/// This is the scorer's arithmetic (``ScoringRules``) on the numbers the search
/// carries instead of a whole session: timeliness from the timeline (deadlines met,
/// cadence overruns, promises' times), communication from the shape and sums of the
/// history (each part an average: of the graded decisions' credits, the postures'
/// fits, the statements' scores; the parts present divide the 100 points) with the
/// coverage of required stakeholders and the penalties. The search checks it against
/// the scorer at the finished states it reaches, and replays through the scorer
/// every extreme it reports.
struct LeafScore: Hashable, Sendable {
  /// When play ended, in seconds.
  var clock: Int
  var outcome: Double
  /// The ending reached (`nil` for a stalled session).
  var ending: String?

  /// Reads the finished `state`.
  init(_ state: SessionState, engine: Engine) {
    clock = state.clock.seconds
    let node = engine.node(of: state)
    ending = node?.isEnding == true ? node?.id : nil
    outcome = node?.isEnding == true ? Double(node?.outcome ?? 0) : 0
  }

  /// Reads the finished compact `state`.
  init(_ state: CompactState, compiled: CompiledScenario) {
    clock = state.clock.seconds
    let node = compiled.nodes[state.node]
    ending = node.isEnding ? compiled.nodeIDs[state.node] : nil
    outcome = node.isEnding ? Double(node.outcome ?? 0) : 0
  }

  /// Overall, timeliness and communication for a history of `shape` with these sums,
  /// and `timeline`.
  func scores(
    _ shape: SearchKey.History.Shape, credit: Double, fit: Double, points: Double,
    timeline: Timeline, layout: Timeline.Layout, rules: ScoringRules, scorer: Scorer
  ) -> (overall: Double, timeliness: Double, communication: Double) {
    timeline.values.withUnsafeBufferPointer { values in
      scores(
        shape, credit: credit, fit: fit, points: points, times: values,
        settledPoints: timeline.settledPoints, layout: layout, weights: scorer.weights)
    }
  }

  /// ``scores(_:credit:fit:points:timeline:layout:rules:scorer:)`` for a timeline held
  /// elsewhere (its `times` and `settledPoints`), with the scorer's `weights`.
  @inline(__always)
  func scores(
    _ shape: SearchKey.History.Shape, credit: Double, fit: Double, points: Double,
    times: UnsafeBufferPointer<Int32>, settledPoints: Double, layout: Timeline.Layout,
    weights: Scorer.Weights
  ) -> (overall: Double, timeliness: Double, communication: Double) {
    let timeliness = self.timeliness(times, settledPoints: settledPoints, layout: layout)
    let communication = self.communication(
      shape, credit: credit, fit: fit, points: points, times: times, layout: layout,
      weights: weights)
    var overall = weights.overall(
      timeliness: timeliness, communication: communication, outcome: outcome)
    if let mean = weights.gateMean(statements: shape.statements, points: points),
      let ceiling = weights.gateCeiling(overall, statementMean: mean)
    {
      overall = ceiling
    }
    return (overall, timeliness, communication)
  }

  /// The `objective` score for a history of `shape` with these sums, and a timeline
  /// held elsewhere (its `times` and `settledPoints`): the same as
  /// ``scores(_:credit:fit:points:timeline:layout:rules:scorer:)``'s, worked out alone.
  @inline(__always)
  func score(
    _ objective: Timeline.Objective, _ shape: SearchKey.History.Shape, credit: Double,
    fit: Double, points: Double, times: UnsafeBufferPointer<Int32>, settledPoints: Double,
    layout: Timeline.Layout, weights: Scorer.Weights
  ) -> Double {
    switch objective {
    case .timeliness:
      return timeliness(times, settledPoints: settledPoints, layout: layout)
    case .communication:
      return communication(
        shape, credit: credit, fit: fit, points: points, times: times, layout: layout,
        weights: weights)
    case .overall:
      return scores(
        shape, credit: credit, fit: fit, points: points, times: times,
        settledPoints: settledPoints, layout: layout, weights: weights
      ).overall
    }
  }

  /// Timeliness: each deadline, cadence rule and promise worth its share, earning
  /// its credit (those of deadlines met and promises kept are settled already).
  func timeliness(_ timeline: Timeline, layout: Timeline.Layout) -> Double {
    timeline.values.withUnsafeBufferPointer { values in
      timeliness(values, settledPoints: timeline.settledPoints, layout: layout)
    }
  }

  /// ``timeliness(_:layout:)`` for a timeline's `values` and `settledPoints`.
  @inline(__always)
  func timeliness(
    _ values: UnsafeBufferPointer<Int32>, settledPoints: Double, layout: Timeline.Layout
  ) -> Double {
    var items = layout.deadlineCount
    var worth = layout.deadlineWorth
    var points = settledPoints
    for rule in 0..<layout.every.count {
      let base = layout.cadenceStart + 3 * rule
      let every = layout.every[rule]
      let ruleWorth = layout.cadenceWorth[rule]
      items += 1
      worth += ruleWorth
      guard values[base] == 1 else { continue }
      let gap =
        layout.hasQuiet[rule]
        ? layout.gap(from: Int(values[base + 1]), to: clock, rule: rule)
        : clock - Int(values[base + 1])
      let over = Int(values[base + 2]) + (gap > every ? gap - every : 0)
      let credit = 1 - Double(over) / Double(max(every, 1))
      points += ruleWorth * min(max(credit, 0), 1)
    }
    var base = layout.promiseStart
    while base + 2 < values.count {
      items += 1
      // Kept (its credit settled), or open when play ended: broken if due, else
      // neither kept nor broken, and worth nothing.
      if values[base + 2] != Timeline.none || Int(values[base + 1]) <= clock {
        worth += ScoringDefaults.promiseWorth
      }
      base += 3
    }
    if items == 0 { return 100 }
    guard worth > 0 else { return 0 }
    return Scorer.tidy(100 * points / worth)
  }

  /// The mean coverage credit of the required stakeholders.
  func coverage(_ timeline: Timeline, layout: Timeline.Layout) -> Double? {
    timeline.values.withUnsafeBufferPointer { coverage($0, layout: layout) }
  }

  /// ``coverage(_:layout:)`` for a timeline's `values`.
  @inline(__always)
  func coverage(_ values: UnsafeBufferPointer<Int32>, layout: Timeline.Layout) -> Double? {
    guard !layout.required.isEmpty else { return nil }
    let early = Int(Double(clock) * ScoringDefaults.earlyContactShare)
    var total = 0.0
    for index in 0..<layout.required.count {
      let first = values[index]
      if first == Timeline.none { continue }
      if first == Timeline.settled || Int(first) <= early {
        total += 1
      } else {
        let span = max(clock - early, 1)
        total += min(max(1 - 0.5 * Double(Int(first) - early) / Double(span), 0), 1)
      }
    }
    return total / Double(layout.required.count)
  }

  /// Communication: the parts present share the 100 points, less the penalties.
  ///
  /// The parts are (choices, coverage, postures, statements), each a share and a
  /// mean; they are added up in that order, as the scorer adds them.
  func communication(
    _ shape: SearchKey.History.Shape, credit: Double, fit: Double, points: Double,
    timeline: Timeline, layout: Timeline.Layout, rules: ScoringRules
  ) -> Double {
    timeline.values.withUnsafeBufferPointer { values in
      communication(
        shape, credit: credit, fit: fit, points: points, times: values, layout: layout,
        weights: Scorer.Weights(rules.scenario.scoring, asksForStatements: false))
    }
  }

  /// ``communication(_:credit:fit:points:timeline:layout:rules:)`` for a timeline's
  /// `times`, with the scorer's `weights`.
  @inline(__always)
  func communication(
    _ shape: SearchKey.History.Shape, credit: Double, fit: Double, points: Double,
    times: UnsafeBufferPointer<Int32>, layout: Timeline.Layout, weights: Scorer.Weights
  ) -> Double {
    let choices: (share: Double, mean: Double)? =
      shape.graded > 0 ? (ScoringDefaults.choiceShare, credit / Double(shape.graded)) : nil
    let coverage = self.coverage(times, layout: layout).map {
      (share: ScoringDefaults.coverageShare, mean: $0)
    }
    let postures: (share: Double, mean: Double)? =
      shape.postures > 0 ? (ScoringDefaults.postureShare, fit / Double(shape.postures)) : nil
    var others = 0.0
    if let choices { others += choices.share }
    if let coverage { others += coverage.share }
    if let postures { others += postures.share }
    let statements: (share: Double, mean: Double)? =
      shape.statements > 0
      ? (weights.statementWeight(besides: others), points / 100 / Double(shape.statements))
      : nil
    var shares = others
    if let statements { shares += statements.share }
    var total = 0.0
    var present = false
    func add(_ part: (share: Double, mean: Double)?) {
      guard let part else { return }
      present = true
      total += 100 * part.share / shares * part.mean
    }
    add(choices)
    add(coverage)
    add(postures)
    add(statements)
    if !present { total = 100 }
    if shape.denied, shape.rebuilt { total -= ScoringDefaults.inconsistencyPenalty }
    var position = layout.promiseStart
    while position + 2 < times.count {
      if times[position + 2] == Timeline.none, Int(times[position + 1]) <= clock {
        total -= ScoringDefaults.brokenPromisePenalty
      }
      position += 3
    }
    return Scorer.tidy(max(0, total))
  }
}
