/// What the futures of each state of a ``StateGraph`` can still add to a score, worked
/// out once backwards along the graph; and from it, for a history and timeline that
/// reach a state, a bound on the score of any path through them: no path scores
/// above the ``bound(_:at:shape:credit:fit:points:settledPoints:count:)`` of a
/// highest goal, or below that of a lowest one.
///
/// A sweep drops the labels whose bound cannot reach a score already found (always
/// one a path reaches): they cannot lead to the extreme, nor tie it. A label that can
/// reach the extreme is never dropped, and neither is one that beats it on every
/// count (it can reach the extreme too), so the extremes are found as before. Which
/// of several tied paths is shown can change: a front's groups follow the order in
/// which the labels' shapes first arrive, dropped ones included.
struct FutureReach: Sendable {
  /// By state: the most graded decisions, postures, statements and promises any path
  /// from it to a finished state takes or makes.
  private var graded: [Int32]
  private var postures: [Int32]
  private var statements: [Int32]
  private var promises: [Int32]
  /// By state: the most timeliness points a path from it settles (deadlines met and
  /// promises kept, each at full credit).
  private var settles: [Double]
  /// By state: the lowest and highest outcome of the finished states it reaches.
  private var outcomeLow: [Double]
  private var outcomeHigh: [Double]
  /// By state: whether a path from it takes a denial, or a rebuild.
  private var denies: [Bool]
  private var rebuilds: [Bool]
  /// By state: whether it reaches a finished state at all.
  private(set) var reaches: [Bool]
  /// By state: the graded decisions and the credit the paths from it take, as the
  /// corners of two hulls (``CreditHull``): the most credit for each count, above,
  /// and the least, below. A mean of credits is highest (lowest) at a corner of the
  /// hull above (below), so these bound the choices' mean more closely than counting
  /// every decision to come at full credit or none.
  private var above: CreditHull
  private var below: CreditHull
  /// By state: the required stakeholders (by bit, the first 64) a path from it
  /// contacts.
  private var contacts: [UInt64]

  private let layout: Timeline.Layout
  private let weights: Scorer.Weights
  /// Every deadline's and cadence rule's worth.
  private let fixedWorth: Double
  private let cadenceWorth: Double
  private let fixedItems: Int

  init(_ graph: StateGraph, changes: StateGraph.FlatChanges, weights: Scorer.Weights) {
    let count = graph.nodes.count
    graded = Array(repeating: 0, count: count)
    postures = graded
    statements = graded
    promises = graded
    settles = Array(repeating: 0, count: count)
    outcomeLow = Array(repeating: .infinity, count: count)
    outcomeHigh = Array(repeating: -.infinity, count: count)
    denies = Array(repeating: false, count: count)
    rebuilds = denies
    reaches = denies
    contacts = Array(repeating: 0, count: count)
    above = CreditHull(states: count, above: true)
    below = CreditHull(states: count, above: false)
    layout = graph.layout
    self.weights = weights
    cadenceWorth = layout.cadenceWorth.reduce(0, +)
    fixedWorth = layout.deadlineWorth + cadenceWorth
    fixedItems = layout.deadlineCount + layout.every.count
    // What each list of timeline changes settles at most.
    let listSettles = changes.lists.map { range in
      range.reduce(0.0) { total, index in
        let step = changes.steps[Int(index)]
        switch step.kind {
        case .met: return total + step.points
        case .kept: return total + ScoringDefaults.promiseWorth
        case .contact, .promise: return total
        }
      }
    }
    // Which required stakeholders each list of changes contacts (with more than 64,
    // every list is taken to contact them all).
    let listContacts = changes.lists.map { range in
      range.reduce(UInt64(0)) { mask, index in
        let step = changes.steps[Int(index)]
        guard step.kind == .contact, step.first >= 0 else { return mask }
        return step.first < 64 ? mask | 1 << UInt64(step.first) : ~0
      }
    }
    // `order` lists every state after the states its steps lead to.
    for node in graph.order {
      let index = Int(node)
      if let leaf = graph.nodes[index].leaf {
        reaches[index] = true
        outcomeLow[index] = leaf.outcome
        outcomeHigh[index] = leaf.outcome
        above.close(index, finished: true)
        below.close(index, finished: true)
        continue
      }
      for arcIndex in graph.nodes[index].arcs {
        let arc = graph.arcs[arcIndex]
        let target = Int(arc.to)
        guard reaches[target] else { continue }
        above.gather(target, graded: arc.graded, credit: arc.credit)
        below.gather(target, graded: arc.graded, credit: arc.credit)
        contacts[index] |= contacts[target] | listContacts[Int(arc.timeline)]
        reaches[index] = true
        graded[index] = max(graded[index], graded[target] + (arc.graded ? 1 : 0))
        postures[index] = max(postures[index], postures[target] + (arc.posture == nil ? 0 : 1))
        statements[index] = max(statements[index], statements[target] + (arc.statement ? 1 : 0))
        promises[index] = max(
          promises[index], promises[target] + changes.promises[Int(arc.timeline)])
        settles[index] = max(settles[index], settles[target] + listSettles[Int(arc.timeline)])
        outcomeLow[index] = min(outcomeLow[index], outcomeLow[target])
        outcomeHigh[index] = max(outcomeHigh[index], outcomeHigh[target])
        denies[index] = denies[index] || denies[target] || arc.posture == .deny
        rebuilds[index] = rebuilds[index] || rebuilds[target] || arc.posture == .rebuild
      }
      above.close(index)
      below.close(index)
    }
  }

  /// The highest (`highest`) or lowest score of `objective` that a path through state
  /// `node`, reached with a history of `shape` and these sums and a timeline of
  /// `count` times and `settledPoints`, can end with; the other way, infinite, when
  /// the state reaches no finished one.
  func bound(
    _ objective: Timeline.Objective, highest: Bool, at node: Int,
    shape: SearchKey.History.Shape, credit: Double, fit: Double, points: Double,
    settledPoints: Double, times: UnsafePointer<Int32>, count: Int32
  ) -> Double {
    guard reaches[node] else { return highest ? -.infinity : .infinity }
    let made = max(0, (Int(count) - layout.promiseStart) / 3)
    switch objective {
    case .timeliness:
      return timeliness(highest: highest, at: node, settledPoints: settledPoints, made: made)
    case .communication:
      return communication(
        highest: highest, at: node, shape: shape, credit: credit, fit: fit, points: points,
        times: times, made: made)
    case .overall:
      let timeliness = self.timeliness(
        highest: highest, at: node, settledPoints: settledPoints, made: made)
      let communication = self.communication(
        highest: highest, at: node, shape: shape, credit: credit, fit: fit, points: points,
        times: times, made: made)
      let overall = weights.overall(
        timeliness: timeliness, communication: communication,
        outcome: highest ? outcomeHigh[node] : outcomeLow[node])
      // The statement gate only ever lowers the overall score: it bounds the highest
      // where no statement to come can lift the mean to the gate, and the lowest where
      // none it could still be held under.
      let written = shape.statements + Int(statements[node])
      let mean: Double? =
        written > 0
        ? (highest
          ? (points + 100 * Double(statements[node])) / Double(written)
          : points / Double(written))
        : weights.gateMean(statements: 0, points: 0)
      guard let mean, let ceiling = weights.gateCeiling(overall, statementMean: mean) else {
        return overall
      }
      return ceiling
    }
  }

  /// Timeliness: the points settled so far and, at best, every point the future can
  /// settle and every cadence rule's whole worth, over the deadlines' and rules'
  /// worth; at worst, the points settled so far over that worth and every promise's.
  private func timeliness(highest: Bool, at node: Int, settledPoints: Double, made: Int)
    -> Double
  {
    if highest {
      guard fixedWorth > 0 else { return 100 }
      return min(
        100, Scorer.tidy(100 * (settledPoints + settles[node] + cadenceWorth) / fixedWorth))
    }
    let promised = made + Int(promises[node])
    if fixedItems + promised == 0 { return 100 }
    guard fixedWorth > 0 else { return 0 }
    let worth = fixedWorth + ScoringDefaults.promiseWorth * Double(promised)
    return Scorer.tidy(100 * settledPoints / worth)
  }

  /// Communication: each part's mean at best or at worst, with the parts still to
  /// come present or not, whichever gives the extreme; the penalties that are certain
  /// (at best) or possible (at worst). The choices' mean is read from the credit hulls;
  /// every posture and statement still to come counts at full credit (at best) or at
  /// none (at worst); a required stakeholder counts fully heard unless no path
  /// from here contacts one not heard yet (at best), and at worst as heard late,
  /// half, if heard, and not at all if not.
  private func communication(
    highest: Bool, at node: Int, shape: SearchKey.History.Shape, credit: Double, fit: Double,
    points: Double, times: UnsafePointer<Int32>, made: Int
  ) -> Double {
    // Each part: whether it is present now, can still come, and its mean at the extreme.
    func part(count: Int, sum: Double, ahead: Int32) -> (now: Bool, later: Bool, mean: Double) {
      let ahead = Double(ahead)
      if count > 0 {
        let mean =
          highest ? (sum + ahead) / (Double(count) + ahead) : sum / (Double(count) + ahead)
        return (true, true, mean)
      }
      return (false, ahead > 0, highest ? 1 : 0)
    }
    var choices = part(count: shape.graded, sum: credit, ahead: graded[node])
    if let mean = (highest ? above : below).mean(at: node, count: shape.graded, sum: credit) {
      choices.mean = mean
    }
    let stances = part(count: shape.postures, sum: fit, ahead: postures[node])
    let written = part(count: shape.statements, sum: points / 100, ahead: statements[node])
    let covers = !layout.required.isEmpty
    let heard = covers ? coverage(highest: highest, at: node, times: times) : 0
    var best: Double?
    for mask in 0..<8 {
      let choicesIn = mask & 1 != 0
      let stancesIn = mask & 2 != 0
      let writtenIn = mask & 4 != 0
      // A part present now stays; one that cannot come stays out.
      guard choicesIn == choices.now || (choicesIn && choices.later),
        stancesIn == stances.now || (stancesIn && stances.later),
        writtenIn == written.now || (writtenIn && written.later)
      else { continue }
      var others = 0.0
      if choicesIn { others += ScoringDefaults.choiceShare }
      if covers { others += ScoringDefaults.coverageShare }
      if stancesIn { others += ScoringDefaults.postureShare }
      let statementShare = writtenIn ? weights.statementWeight(besides: others) : 0
      let shares = others + statementShare
      var total = 0.0
      if shares > 0 {
        if choicesIn { total += 100 * ScoringDefaults.choiceShare / shares * choices.mean }
        if covers { total += 100 * ScoringDefaults.coverageShare / shares * heard }
        if stancesIn { total += 100 * ScoringDefaults.postureShare / shares * stances.mean }
        if writtenIn { total += 100 * statementShare / shares * written.mean }
      } else {
        total = 100
      }
      if let known = best {
        best = highest ? max(known, total) : min(known, total)
      } else {
        best = total
      }
    }
    var total = best ?? (highest ? 100 : 0)
    if highest {
      if shape.denied, shape.rebuilt { total -= ScoringDefaults.inconsistencyPenalty }
    } else {
      if shape.denied || denies[node], shape.rebuilt || rebuilds[node] {
        total -= ScoringDefaults.inconsistencyPenalty
      }
      total -= ScoringDefaults.brokenPromisePenalty * Double(made + Int(promises[node]))
    }
    return Scorer.tidy(max(0, total))
  }

  /// The coverage credit a path through `node` can end with, at most or at least,
  /// from the first contacts in `times`: a stakeholder heard early keeps full credit;
  /// one heard later at least half (a first contact is never after the end); one not
  /// heard yet at most full credit if a path from here contacts them, else none.
  private func coverage(highest: Bool, at node: Int, times: UnsafePointer<Int32>) -> Double {
    var total = 0.0
    for index in 0..<layout.required.count {
      let first = times[index]
      if first == Timeline.settled {
        total += 1
      } else if first != Timeline.none {
        total += highest ? 1 : 0.5
      } else if highest, index >= 64 || contacts[node] & 1 << UInt64(index) != 0 {
        total += 1
      }
    }
    return total / Double(layout.required.count)
  }
}
