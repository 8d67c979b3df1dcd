import Dispatch

extension StateGraph {
  /// One extreme found in the graph: its score and the arcs from the start to it.
  struct Found {
    var score: Double
    var arcs: [Int]
  }

  /// A history and timeline that reach a state: the history's shape and sums, and
  /// the label it came from (an index into the sweep's trail) by which arc.
  struct Label {
    var shape: SearchKey.History.Shape
    var credit: Double
    var fit: Double
    var points: Double
    var timeline: Timeline
    var from: Int32
    var arc: Int32
  }

  /// Where concurrent sweeps put their results: each writes its own slot only.
  private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<(found: Found, leaves: [Double?])?>
    let mismatches: UnsafeMutableBufferPointer<Int>
  }

  /// What the graph allows, worked out along it from `root`.
  struct Solution {
    /// Overall, timeliness, communication and outcome, lowest and highest.
    var low: [Found]
    var high: [Found]
    /// Complete paths from the start to an ending.
    var paths: Double
    /// The expected overall score with the best options and statements, chance
    /// outcomes weighted by their chances (without chance, the highest overall).
    var expected: Double?
    /// Finished states checked against the scorer (``checks``), and how many differ.
    var checked: Int
    var mismatches: Int
  }

  /// The lowest and highest of each score over the paths from `root` to a finished
  /// state, each with a path that reaches it.
  ///
  /// The outcome reads only the ending: every finished state reachable counts. For
  /// each other score and each direction, the histories and timelines that reach each
  /// state are carried along the graph in the order its states were explored, from
  /// the start, and only those that no other (of the same shape) matches or beats on
  /// every sum and time that score reads go on: the score moves one way with each, so
  /// the others cannot reach that extreme. At the finished states every one left is
  /// scored.
  func solve(from root: Int32) -> Solution? {
    // Which states are reachable, one path to each, and how many paths.
    var via = [Int32](repeating: -1, count: nodes.count)
    var reached = [Bool](repeating: false, count: nodes.count)
    var paths = [Double](repeating: 0, count: nodes.count)
    reached[Int(root)] = true
    paths[Int(root)] = 1
    for node in order.reversed() where reached[Int(node)] {
      for index in nodes[Int(node)].arcs {
        let target = Int(arcs[index].to)
        paths[target] += paths[Int(node)]
        if !reached[target] {
          reached[target] = true
          via[target] = Int32(index)
        }
      }
    }
    let leaves = nodes.indices.filter { reached[$0] && nodes[$0].leaf != nil }
    guard !leaves.isEmpty else { return nil }
    func pathArcs(to node: Int) -> [Int] {
      var back: [Int] = []
      var current = node
      while via[current] >= 0, back.count <= nodes.count {
        back.append(Int(via[current]))
        current = Int(arcs[Int(via[current])].from)
      }
      return back.reversed()
    }
    var low = Array(repeating: Found(score: 0, arcs: []), count: 4)
    var high = low
    let outcomes = leaves.map { (node: $0, outcome: nodes[$0].leaf?.outcome ?? 0) }
    if let lowest = outcomes.min(by: { $0.outcome < $1.outcome }),
      let highest = outcomes.max(by: { $0.outcome < $1.outcome })
    {
      low[3] = Found(score: lowest.outcome, arcs: pathArcs(to: lowest.node))
      high[3] = Found(score: highest.outcome, arcs: pathArcs(to: highest.node))
    }
    var expected: Double?
    let sweeps: [(component: Int, objective: Timeline.Objective, highest: Bool)] = [
      (0, .overall, true), (0, .overall, false), (1, .timeliness, true),
      (1, .timeliness, false), (2, .communication, true), (2, .communication, false),
    ]
    // The sweeps and the checks against the scorer (in a few parts) are independent:
    // they run side by side, each into its own slot.
    let parts = 4
    var results = [(found: Found, leaves: [Double?])?](repeating: nil, count: sweeps.count)
    var mismatches = [Int](repeating: 0, count: parts)
    results.withUnsafeMutableBufferPointer { buffer in
      mismatches.withUnsafeMutableBufferPointer { counts in
        let slots = Slots(buffer: buffer, mismatches: counts)
        DispatchQueue.concurrentPerform(iterations: sweeps.count + parts) { index in
          guard index < sweeps.count else {
            let part = index - sweeps.count
            slots.mismatches[part] = self.mismatches(
              in: stride(from: part, to: checks.count, by: parts).lazy.map { checks[$0] })
            return
          }
          let task = sweeps[index]
          slots.buffer[index] = sweep(from: root, for: task.objective, highest: task.highest)
        }
      }
    }
    for (index, task) in sweeps.enumerated() {
      guard let sweep = results[index] else { continue }
      if task.highest {
        high[task.component] = sweep.found
      } else {
        low[task.component] = sweep.found
      }
      if keepsSums, task.objective == .overall, task.highest {
        expected = self.expected(from: root, leaves: sweep.leaves)
      }
    }
    return Solution(
      low: low, high: high, paths: leaves.reduce(0) { $0 + paths[$1] },
      expected: keepsSums ? expected : high[0].score, checked: checks.count,
      mismatches: mismatches.reduce(0, +))
  }

  /// One sweep along the graph for the highest (or lowest) `objective` score: the
  /// extreme found, and each finished state's best score (by node; for the expected
  /// score).
  ///
  /// A label that reaches a finished state is scored as it arrives (scoring costs
  /// less than comparing): each finished state keeps the first label with its best
  /// score, and the extreme is the first of those, in the order states are swept.
  private func sweep(from root: Int32, for objective: Timeline.Objective, highest: Bool)
    -> (found: Found, leaves: [Double?])?
  {
    let layout = self.layout
    // The labels kept at the states swept so far, as the way back (label, arc); the
    // labels arriving at each state not yet swept.
    var trail: [(from: Int32, arc: Int32)] = []
    var arriving = [[Label]](repeating: [], count: nodes.count)
    // Each finished state's best score and the label (the way back) that reached it.
    var leafBest = [(score: Double, from: Int32, arc: Int32)?](repeating: nil, count: nodes.count)
    func better(_ score: Double, than best: Double) -> Bool {
      highest ? score > best : score < best
    }
    func score(_ leaf: LeafScore, _ label: Label) -> Double {
      leaf.score(
        objective, label.shape, credit: label.credit, fit: label.fit, points: label.points,
        timeline: label.timeline, layout: layout, rules: rules, scorer: scorer)
    }
    var scratch = Timeline(layout)
    var fronts = FrontScratch()
    let start = startHistory
    arriving[Int(root)] = [
      Label(
        shape: start.shape, credit: start.credit.value, fit: start.fit,
        points: Double(start.statementPoints),
        timeline: (startTimeline ?? Timeline(layout)).settled(
          at: nodes[Int(root)].clock, layout: layout),
        from: -1, arc: -1)
    ]
    // `order` ends with the root, and every arc leads to a node earlier in it.
    for node in order.reversed() {
      let here = arriving[Int(node)]
      guard !here.isEmpty else { continue }
      arriving[Int(node)] = []
      if let leaf = nodes[Int(node)].leaf {
        // Only the root's label waits at a finished state.
        for label in here {
          let value = score(leaf, label)
          if leafBest[Int(node)].map({ better(value, than: $0.score) }) ?? true {
            leafBest[Int(node)] = (value, label.from, label.arc)
          }
        }
        continue
      }
      let steps = nodes[Int(node)].arcs
      Self.front(here, for: objective, highest: highest, layout: layout, into: &fronts)
      for label in fronts.kept {
        trail.append((label.from, label.arc))
        let index = Int32(trail.count - 1)
        for arcIndex in steps {
          let arc = arcs[arcIndex]
          let target = Int(arc.to)
          if let leaf = nodes[target].leaf {
            // Scored at once, with the timeline worked out in the scratch one.
            scratch.assign(label.timeline)
            for change in changes[Int(arc.timeline)] { scratch.apply(change, layout: layout) }
            scratch.settle(at: nodes[target].clock, layout: layout)
            let value = leaf.score(
              objective, arc.adding(to: label.shape), credit: label.credit + arc.credit,
              fit: label.fit + arc.fit, points: label.points + arc.points, timeline: scratch,
              layout: layout, rules: rules, scorer: scorer)
            if leafBest[target].map({ better(value, than: $0.score) }) ?? true {
              leafBest[target] = (value, index, Int32(arcIndex))
            }
            continue
          }
          var timeline = label.timeline
          for change in changes[Int(arc.timeline)] { timeline.apply(change, layout: layout) }
          timeline.settle(at: nodes[target].clock, layout: layout)
          arriving[target].append(
            Label(
              shape: arc.adding(to: label.shape), credit: label.credit + arc.credit,
              fit: label.fit + arc.fit, points: label.points + arc.points, timeline: timeline,
              from: index, arc: Int32(arcIndex)))
        }
      }
    }
    var best: (score: Double, from: Int32, arc: Int32)?
    for node in order.reversed() {
      guard let found = leafBest[Int(node)] else { continue }
      if best.map({ better(found.score, than: $0.score) }) ?? true { best = found }
    }
    guard let best else { return nil }
    var back: [Int] = []
    var step = (from: best.from, arc: best.arc)
    while step.arc >= 0, back.count <= trail.count {
      back.append(Int(step.arc))
      guard step.from >= 0 else { break }
      step = trail[Int(step.from)]
    }
    return (Found(score: best.score, arcs: back.reversed()), leafBest.map { $0?.score })
  }

  /// Lists a sweep reuses from one state to the next, so that finding a front
  /// allocates nothing once they are large enough.
  struct FrontScratch {
    var shapes: [SearchKey.History.Shape] = []
    var table: [SearchKey.History.Shape: Int] = [:]
    var groups: [Int] = []
    var starts: [Int] = []
    var next: [Int] = []
    var ordered: [Int] = []
    var front: [Int] = []
    /// The labels kept.
    var kept: [Label] = []
  }

  /// Of `labels`, those that no other matches or beats (`highest`), or matches or
  /// undercuts, on every sum and time the `objective` score reads; of equal ones, the
  /// first. Only labels of the same history shape are compared where the score reads
  /// the history.
  static func front(
    _ labels: [Label], for objective: Timeline.Objective, highest: Bool, layout: Timeline.Layout
  ) -> [Label] {
    var scratch = FrontScratch()
    front(labels, for: objective, highest: highest, layout: layout, into: &scratch)
    return scratch.kept
  }

  /// ``front(_:for:highest:layout:)`` into `scratch.kept`, with `scratch`'s lists.
  static func front(
    _ labels: [Label], for objective: Timeline.Objective, highest: Bool,
    layout: Timeline.Layout, into scratch: inout FrontScratch
  ) {
    scratch.kept.removeAll(keepingCapacity: true)
    guard labels.count > 1 else {
      scratch.kept += labels
      return
    }
    let readsHistory = objective != .timeliness
    // Groups in the order they first arrive, so that ties resolve the same every run:
    // each label's group, found among the first shapes by a look down the list and
    // among more in a table.
    scratch.shapes.removeAll(keepingCapacity: true)
    scratch.table.removeAll(keepingCapacity: true)
    scratch.groups.removeAll(keepingCapacity: true)
    for label in labels {
      guard readsHistory else {
        scratch.groups.append(0)
        continue
      }
      let known =
        scratch.shapes.count <= 16
        ? scratch.shapes.firstIndex(of: label.shape) : scratch.table[label.shape]
      if let known {
        scratch.groups.append(known)
        continue
      }
      if scratch.shapes.count == 16 {
        for (index, shape) in scratch.shapes.enumerated() { scratch.table[shape] = index }
      }
      if scratch.shapes.count >= 16 { scratch.table[label.shape] = scratch.shapes.count }
      scratch.groups.append(scratch.shapes.count)
      scratch.shapes.append(label.shape)
    }
    // The labels of each group, in order of arrival, group after group.
    let groupCount = max(scratch.shapes.count, 1)
    scratch.starts.removeAll(keepingCapacity: true)
    scratch.starts.append(contentsOf: repeatElement(0, count: groupCount + 1))
    for group in scratch.groups { scratch.starts[group + 1] += 1 }
    for group in 0..<groupCount { scratch.starts[group + 1] += scratch.starts[group] }
    scratch.ordered.removeAll(keepingCapacity: true)
    scratch.ordered.append(contentsOf: repeatElement(0, count: labels.count))
    scratch.next.removeAll(keepingCapacity: true)
    scratch.next += scratch.starts
    for (index, group) in scratch.groups.enumerated() {
      scratch.ordered[scratch.next[group]] = index
      scratch.next[group] += 1
    }
    // Labels are compared in place, not copied.
    labels.withUnsafeBufferPointer { labels in
      for group in 0..<groupCount {
        scratch.front.removeAll(keepingCapacity: true)
        for position in scratch.starts[group]..<scratch.starts[group + 1] {
          let index = scratch.ordered[position]
          if scratch.front.contains(where: {
            covers(
              labels[$0], labels[index], readsHistory: readsHistory, for: objective,
              highest: highest, layout: layout)
          }) {
            continue
          }
          scratch.front.removeAll {
            covers(
              labels[index], labels[$0], readsHistory: readsHistory, for: objective,
              highest: highest, layout: layout)
          }
          scratch.front.append(index)
        }
        for index in scratch.front { scratch.kept.append(labels[index]) }
      }
    }
  }

  /// Whether `rival` matches or beats `label` (`highest`), or matches or undercuts it,
  /// on every count the `objective` score reads.
  static func covers(
    _ rival: Label, _ label: Label, readsHistory: Bool, for objective: Timeline.Objective,
    highest: Bool, layout: Timeline.Layout
  ) -> Bool {
    if readsHistory {
      let sums =
        highest
        ? rival.credit >= label.credit && rival.fit >= label.fit && rival.points >= label.points
        : rival.credit <= label.credit && rival.fit <= label.fit && rival.points <= label.points
      guard sums else { return false }
    }
    return label.timeline.bounds(rival.timeline, atMost: highest, for: objective, layout: layout)
  }

  /// The expected overall score from `root` with the best options and statements,
  /// over chance outcomes weighted by their chances, given each finished state's
  /// overall score. Each state must keep its own past (`keepsSums`), so that it has
  /// one score.
  func expected(from root: Int32, leaves: [Double?]) -> Double? {
    var value = [Double?](repeating: nil, count: nodes.count)
    for node in order {
      let here = nodes[Int(node)]
      if here.leaf != nil {
        value[Int(node)] = leaves[Int(node)]
        continue
      }
      var groups: [Int32: (weighted: Double, probability: Double)] = [:]
      for index in here.arcs {
        let arc = arcs[index]
        guard let next = value[Int(arc.to)] else { continue }
        let group = groups[arc.group] ?? (0, 0)
        groups[arc.group] = (
          group.weighted + arc.probability * next, group.probability + arc.probability
        )
      }
      value[Int(node)] =
        groups.values.filter { $0.probability > 0 }
        .map { $0.weighted / $0.probability }.max()
    }
    return value[Int(root)]
  }
}
