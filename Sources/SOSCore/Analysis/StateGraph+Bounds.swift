import Dispatch

extension StateGraph {
  /// One extreme found in the graph: its score and the arcs from the start to it.
  struct Found {
    var score: Double
    var arcs: [Int]
  }

  /// A history and timeline that reach a state, in a sweep's ``LabelPool``: the
  /// history's shape and sums, the timeline's settled points and how many times it
  /// holds (the times themselves are in the pool, at the label's slot), and the label
  /// it came from (an index into the sweep's trail) by which arc.
  ///
  /// One sweep works out several extremes (its goals) at once, and a label waits at
  /// a state for those of them (`waiting`, a bit by goal) whose front it came from;
  /// there it joins the list of each (the pool's links). Once the state is swept,
  /// `kept` says in which goals' fronts it stays, `trail` where its way back is (`-1`
  /// until it is kept) and `position` its place among the labels kept.
  struct Label {
    var shape: SearchKey.History.Shape
    var credit: Double
    var fit: Double
    var points: Double
    var settledPoints: Double
    var count: Int32
    /// The clock it reaches its state at, in seconds.
    var clock: Int32
    var from: Int32
    var arc: Int32
    var waiting: UInt8
    var kept: UInt8 = 0
    var trail: Int32 = -1
    var position: Int32 = -1
  }

  /// The labels of one sweep and their timelines' times, each label in a slot of its
  /// own: the times of slot `s` are `stride` values from `s × stride`, and its link
  /// to the next label waiting in goal `g`'s list at the same state is
  /// `links[s × goals + g]` (`-1` for none). A slot freed is used again, so that the
  /// pool holds only the labels still waiting.
  struct LabelPool: ~Copyable {
    let stride: Int
    let goals: Int
    var labels: [Label] = []
    var links: [Int32] = []
    private(set) var times: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var free: [Int32] = []

    init(stride: Int, goals: Int) {
      self.stride = max(stride, 1)
      self.goals = goals
      capacity = 1024
      times = .allocate(capacity: capacity * self.stride)
      times.initialize(repeating: 0, count: capacity * self.stride)
    }

    deinit { times.deallocate() }

    /// A slot for `label` (its times to be written by the caller), linked to none.
    mutating func add(_ label: Label) -> Int32 {
      if let slot = free.popLast() {
        labels[Int(slot)] = label
        for goal in 0..<goals { links[Int(slot) * goals + goal] = -1 }
        return slot
      }
      let slot = labels.count
      if slot == capacity {
        let larger = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * capacity * stride)
        larger.moveInitialize(from: times, count: capacity * stride)
        (larger + capacity * stride).initialize(repeating: 0, count: capacity * stride)
        times.deallocate()
        times = larger
        capacity *= 2
      }
      labels.append(label)
      links.append(contentsOf: repeatElement(-1, count: goals))
      return Int32(slot)
    }

    /// Frees `slot` for another label.
    mutating func remove(_ slot: Int32) { free.append(slot) }

    /// The times of `slot`.
    @inline(__always)
    func times(of slot: Int32) -> UnsafeMutablePointer<Int32> {
      times + Int(slot) * stride
    }
  }

  /// What each list of timeline changes (``changes``) does, laid out flat for the
  /// sweeps: steps that hold no list of their own, so that applying them copies and
  /// counts no reference. The times are counted from the step's start.
  struct FlatChanges: Sendable {
    /// One change: a contact (`first`, the cadence rules `rules`, `time`), a deadline
    /// met (its worth `points`, `first` its end and `due` its grace, `time`), a
    /// promise made (`time`, `due`) or kept (promise `first`, `time`).
    struct Step: Sendable {
      enum Kind: UInt8, Sendable { case contact, met, promise, kept }
      var kind: Kind
      var first: Int32 = 0
      var time: Int32 = 0
      var due: Int32 = 0
      var points: Double = 0
      var rules: Range<Int32> = 0..<0
    }
    var steps: [Step] = []
    /// By list: its steps.
    var lists: [Range<Int32>] = []
    /// By list: how many promises it makes.
    var promises: [Int32] = []
    /// The cadence rules of the contacts.
    var rules: [Int32] = []

    init(_ changes: [[Timeline.Change]]) {
      for list in changes {
        let start = Int32(steps.count)
        var made: Int32 = 0
        for change in list {
          switch change {
          case .contact(let first, let cadence, let at):
            let from = Int32(rules.count)
            rules += cadence.map { Int32($0) }
            steps.append(
              Step(
                kind: .contact, first: Int32(first), time: at,
                rules: from..<Int32(rules.count)))
          case .met(let worth, let by, let grace, let at):
            steps.append(Step(kind: .met, first: by, time: at, due: grace, points: worth))
          case .promise(let madeAt, let due):
            made += 1
            steps.append(Step(kind: .promise, time: madeAt, due: due))
          case .kept(let id, let at):
            steps.append(Step(kind: .kept, first: Int32(id), time: at))
          }
        }
        lists.append(start..<Int32(steps.count))
        promises.append(made)
      }
    }

    /// Applies list `list`, of a step taken at `start` (seconds), to the `count` times
    /// at `values` (with room for the promises it makes) and `settledPoints`, as
    /// ``Timeline/apply(_:layout:)`` does.
    @inline(__always)
    func apply(
      _ list: Int32, at start: Int32, to values: UnsafeMutablePointer<Int32>,
      count: inout Int32, settledPoints: inout Double, layout: Timeline.Layout
    ) {
      for index in lists[Int(list)] {
        let step = steps[Int(index)]
        switch step.kind {
        case .contact:
          Timeline.contact(
            first: Int(step.first), rules: step.rules.lazy.map { Int(self.rules[Int($0)]) },
            at: start &+ step.time, values: values, layout: layout)
        case .met:
          settledPoints += Timeline.metPoints(
            worth: step.points, by: step.first, grace: step.due, at: start &+ step.time)
        case .promise:
          values[Int(count)] = start &+ step.time
          values[Int(count) + 1] = start &+ step.due
          values[Int(count) + 2] = Timeline.none
          count += 3
        case .kept:
          Timeline.keep(
            Int(step.first), at: start &+ step.time, values: values, count: Int(count),
            settledPoints: &settledPoints, layout: layout)
        }
      }
    }
  }

  /// Where concurrent sweeps put their results: each writes its own slot only.
  private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<(found: Found, leaves: [Double?])?>
    let mismatches: UnsafeMutableBufferPointer<Int>
    let dropped: UnsafeMutableBufferPointer<Int>
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
    /// How many times a label was dropped for a goal because it could not reach the
    /// best score found (``FutureReach``).
    var dropped = 0
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
  ///
  /// With `pruning` (the default, unless each state keeps its own past), labels that
  /// cannot reach the best score found so far are dropped (``FutureReach``): the
  /// extremes are the same either way (where paths tie, another may be shown).
  func solve(from root: Int32, pruning: Bool = true) -> Solution? {
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
    // The timeline changes laid out flat, and the most times a timeline can hold (the
    // start's and three for each promise made on the way).
    let flat = FlatChanges(changes)
    let startTimes = (startTimeline ?? Timeline(layout)).values.count
    var most = [Int](repeating: -1, count: nodes.count)
    most[Int(root)] = startTimes
    var longest = startTimes
    for node in order.reversed() where most[Int(node)] >= 0 {
      for index in nodes[Int(node)].arcs {
        let arc = arcs[index]
        let count = most[Int(node)] + 3 * Int(flat.promises[Int(arc.timeline)])
        if count > most[Int(arc.to)] {
          most[Int(arc.to)] = count
          longest = max(longest, count)
        }
      }
    }
    let timesPerLabel = longest
    let goals: [Goal] = [
      Goal(.overall, highest: true), Goal(.overall, highest: false),
      Goal(.timeliness, highest: true), Goal(.timeliness, highest: false),
      Goal(.communication, highest: true), Goal(.communication, highest: false),
    ]
    // The goals swept together (the highest, and the lowest: each sweep carries a label
    // once for all its goals and scores it once for them), by index into `goals`.
    let sweeps = [[0, 2, 4], [1, 3, 5]]
    let weights = scorer.weights
    // Where each state's finished states are scored alone (no expected score is asked
    // for), labels that cannot reach the best found so far are dropped.
    let reach =
      keepsSums || !pruning ? nil : FutureReach(self, changes: flat, weights: weights)
    // The sweeps and the checks against the scorer (in a few parts) are independent:
    // they run side by side, each into its own slots.
    let parts = 4
    var results = [(found: Found, leaves: [Double?])?](repeating: nil, count: goals.count)
    var mismatches = [Int](repeating: 0, count: parts)
    var dropped = [Int](repeating: 0, count: sweeps.count)
    results.withUnsafeMutableBufferPointer { buffer in
      mismatches.withUnsafeMutableBufferPointer { counts in
        dropped.withUnsafeMutableBufferPointer { drops in
          let slots = Slots(buffer: buffer, mismatches: counts, dropped: drops)
          DispatchQueue.concurrentPerform(iterations: sweeps.count + parts) { index in
            guard index < sweeps.count else {
              let part = index - sweeps.count
              slots.mismatches[part] = self.mismatches(
                in: stride(from: part, to: checks.count, by: parts).lazy.map { checks[$0] })
              return
            }
            let (found, drops) = sweep(
              from: root, for: sweeps[index].map { goals[$0] }, changes: flat,
              stride: timesPerLabel, weights: weights, reach: reach)
            for (offset, goal) in sweeps[index].enumerated() { slots.buffer[goal] = found[offset] }
            slots.dropped[index] = drops
          }
        }
      }
    }
    for (index, goal) in goals.enumerated() {
      guard let sweep = results[index] else { continue }
      let component = goal.objective == .overall ? 0 : goal.objective == .timeliness ? 1 : 2
      if goal.highest {
        high[component] = sweep.found
      } else {
        low[component] = sweep.found
      }
      if keepsSums, goal.objective == .overall, goal.highest {
        expected = self.expected(from: root, leaves: sweep.leaves)
      }
    }
    return Solution(
      low: low, high: high, paths: leaves.reduce(0) { $0 + paths[$1] },
      expected: keepsSums ? expected : high[0].score, checked: checks.count,
      mismatches: mismatches.reduce(0, +), dropped: dropped.reduce(0, +))
  }

  /// An extreme a sweep works out: the highest or the lowest `objective` score.
  struct Goal: Sendable {
    var objective: Timeline.Objective
    var highest: Bool

    init(_ objective: Timeline.Objective, highest: Bool) {
      self.objective = objective
      self.highest = highest
    }

    /// Whether `score` is better than `best` for this goal.
    @inline(__always)
    func prefers(_ score: Double, to best: Double) -> Bool {
      highest ? score > best : score < best
    }

    /// This goal's score of the three.
    @inline(__always)
    func pick(_ scores: (overall: Double, timeliness: Double, communication: Double)) -> Double {
      switch objective {
      case .overall: return scores.overall
      case .timeliness: return scores.timeliness
      case .communication: return scores.communication
      }
    }
  }

  /// One sweep along the graph for several `goals` at once: for each, the extreme
  /// found and each finished state's best score (by node; for the expected score).
  /// `changes` are the graph's timeline changes laid out flat, and a timeline holds
  /// at most `stride` times.
  ///
  /// Each goal keeps its own front at each state, of the labels that came to it from
  /// its fronts before, in the order they came, as if it were swept alone; a label
  /// kept by several goals is carried (and scored at a finished state) once for all.
  /// A label that reaches a finished state is scored as it arrives (scoring costs
  /// less than comparing): each finished state keeps, by goal, the first label with
  /// its best score, and the extreme is the first of those, in the order states are
  /// swept.
  private func sweep(
    from root: Int32, for goals: [Goal], changes: FlatChanges, stride: Int,
    weights: Scorer.Weights, reach: FutureReach?
  ) -> (found: [(found: Found, leaves: [Double?])?], dropped: Int) {
    let layout = self.layout
    let startsAt = compiled.scenario.startsAt
    let count = goals.count
    let nodeCount = nodes.count
    let readsOverall = goals.contains { $0.objective == .overall }
    // The labels kept at the states swept so far, as the way back (label, arc); the
    // labels arriving at each state not yet swept, first and last of a list by goal
    // and state (at `goal × nodes + state`).
    var trail: [(from: Int32, arc: Int32)] = []
    var pool = LabelPool(stride: stride, goals: count)
    var first = [Int32](repeating: -1, count: count * nodeCount)
    var last = [Int32](repeating: -1, count: count * nodeCount)
    // By goal, each finished state's best score and the label (the way back) that
    // reached it.
    var leafBest = [[(score: Double, from: Int32, arc: Int32)?]](
      repeating: Array(repeating: nil, count: nodeCount), count: count)
    // By goal, the best score found so far at any finished state.
    var bar = goals.map { $0.highest ? -Double.infinity : Double.infinity }
    var dropped = 0
    // A timeline worked out for a finished state, scored at once.
    let scratch = UnsafeMutablePointer<Int32>.allocate(capacity: max(stride, 1))
    scratch.initialize(repeating: 0, count: max(stride, 1))
    defer { scratch.deallocate() }
    var fronts = FrontScratch()
    // By goal, the labels waiting at the state being swept, and those it keeps.
    var waiting = [[Int32]](repeating: [], count: count)
    var keeping = [[Int32]](repeating: [], count: count)
    // The labels kept by any goal, in the order first kept; the labels they lead to
    // (a slot) or the scores they reach at a finished state, at `position × arcs +
    // arc`; and the slots to free once the state is swept.
    var kept: [Int32] = []
    var next: [Int32] = []
    var scores: [(overall: Double, timeliness: Double, communication: Double)] = []
    var done: [Int32] = []
    // Scores a label (its sums and `shape`, times at `times`) at `leaf` for the goals
    // of `mask`: the overall worked out with the parts if any goal reads it.
    func score(
      _ leaf: LeafScore, _ shape: SearchKey.History.Shape, credit: Double, fit: Double,
      points: Double, times: UnsafeBufferPointer<Int32>, settledPoints: Double, mask: UInt8
    ) -> (overall: Double, timeliness: Double, communication: Double) {
      if readsOverall {
        return leaf.scores(
          shape, credit: credit, fit: fit, points: points, times: times,
          settledPoints: settledPoints, layout: layout, weights: weights)
      }
      var timeliness = 0.0
      var communication = 0.0
      for (goal, aim) in goals.enumerated() where mask & (1 << goal) != 0 {
        if aim.objective == .timeliness {
          timeliness = leaf.timeliness(times, settledPoints: settledPoints, layout: layout)
        } else {
          communication = leaf.communication(
            shape, credit: credit, fit: fit, points: points, times: times, layout: layout,
            weights: weights)
        }
      }
      return (0, timeliness, communication)
    }
    let start = startHistory
    let startTimeline = (startTimeline ?? Timeline(layout)).settled(
      at: nodes[Int(root)].clock, layout: layout)
    let startSlot = pool.add(
      Label(
        shape: start.shape, credit: start.credit.value, fit: start.fit,
        points: Double(start.statementPoints), settledPoints: startTimeline.settledPoints,
        count: Int32(startTimeline.values.count), clock: Int32(clamping: nodes[Int(root)].clock),
        from: -1, arc: -1,
        waiting: UInt8(truncatingIfNeeded: (1 << count) - 1)))
    for (offset, value) in startTimeline.values.enumerated() {
      pool.times(of: startSlot)[offset] = value
    }
    for goal in 0..<count {
      first[goal * nodeCount + Int(root)] = startSlot
      last[goal * nodeCount + Int(root)] = startSlot
    }
    if let reach {
      // A score one path reaches, found ahead, so that labels are dropped from the
      // start and not only once the first finished states are swept.
      for (goal, aim) in goals.enumerated() {
        if let reached = probe(
          for: aim, from: root, start: pool.labels[Int(startSlot)],
          times: pool.times(of: startSlot), changes: changes, stride: stride,
          weights: weights, reach: reach)
        {
          bar[goal] = reached
        }
      }
    }
    // `order` ends with the root, and every arc leads to a node earlier in it.
    for node in order.reversed() {
      var any = false
      done.removeAll(keepingCapacity: true)
      for goal in 0..<count {
        waiting[goal].removeAll(keepingCapacity: true)
        var slot = first[goal * nodeCount + Int(node)]
        guard slot >= 0 else { continue }
        any = true
        first[goal * nodeCount + Int(node)] = -1
        last[goal * nodeCount + Int(node)] = -1
        while slot >= 0 {
          waiting[goal].append(slot)
          // Freed once, from the list of its first goal.
          let below = UInt8(truncatingIfNeeded: (1 << goal) - 1)
          if pool.labels[Int(slot)].waiting & below == 0 { done.append(slot) }
          slot = pool.links[Int(slot) * count + goal]
        }
      }
      guard any else { continue }
      defer { for slot in done { pool.remove(slot) } }
      if let leaf = nodes[Int(node)].leaf {
        // Only the root's label waits at a finished state.
        for goal in 0..<count {
          for slot in waiting[goal] {
            let label = pool.labels[Int(slot)]
            let value = goals[goal].pick(
              score(
                leaf, label.shape, credit: label.credit, fit: label.fit, points: label.points,
                times: UnsafeBufferPointer(start: pool.times(of: slot), count: Int(label.count)),
                settledPoints: label.settledPoints, mask: 1 << goal))
            if leafBest[goal][Int(node)].map({ goals[goal].prefers(value, to: $0.score) }) ?? true {
              leafBest[goal][Int(node)] = (value, label.from, label.arc)
            }
            if goals[goal].prefers(value, to: bar[goal]) { bar[goal] = value }
          }
        }
        continue
      }
      // Each goal's front, and the labels kept by any, each with its way back.
      kept.removeAll(keepingCapacity: true)
      for goal in 0..<count {
        keeping[goal].removeAll(keepingCapacity: true)
        guard !waiting[goal].isEmpty else { continue }
        Self.front(
          waiting[goal], in: pool, for: goals[goal].objective, highest: goals[goal].highest,
          layout: layout, into: &fronts)
        keeping[goal] += fronts.kept
        for slot in fronts.kept {
          pool.labels[Int(slot)].kept |= 1 << goal
          guard pool.labels[Int(slot)].trail < 0 else { continue }
          trail.append((pool.labels[Int(slot)].from, pool.labels[Int(slot)].arc))
          pool.labels[Int(slot)].trail = Int32(trail.count - 1)
          pool.labels[Int(slot)].position = Int32(kept.count)
          kept.append(slot)
        }
      }
      // What each label kept leads to, worked out once for all the goals keeping it.
      let steps = nodes[Int(node)].arcs
      let width = steps.count
      next.removeAll(keepingCapacity: true)
      next.append(contentsOf: repeatElement(-1, count: kept.count * width))
      scores.removeAll(keepingCapacity: true)
      scores.append(
        contentsOf: repeatElement(
          (overall: 0.0, timeliness: 0.0, communication: 0.0), count: kept.count * width))
      for (position, slot) in kept.enumerated() {
        let label = pool.labels[Int(slot)]
        for (offset, arcIndex) in steps.enumerated() {
          let arc = arcs[arcIndex]
          let target = Int(arc.to)
          let shape = arc.adding(to: label.shape)
          var times = label.count
          var settledPoints = label.settledPoints
          let clock = arc.clock(after: label.clock, startsAt: startsAt)
          if var leaf = nodes[target].leaf {
            // Scored at once, with the timeline worked out in the scratch one, at the
            // clock this path ends at.
            leaf.clock = Int(clock)
            let from = pool.times(of: slot)
            for index in 0..<Int(times) { scratch[index] = from[index] }
            changes.apply(
              arc.timeline, at: label.clock, to: scratch, count: &times,
              settledPoints: &settledPoints, layout: layout)
            Timeline.settle(values: scratch, at: Int(clock), layout: layout)
            scores[position * width + offset] = score(
              leaf, shape, credit: label.credit + arc.credit, fit: label.fit + arc.fit,
              points: label.points + arc.points,
              times: UnsafeBufferPointer(start: scratch, count: Int(times)),
              settledPoints: settledPoints, mask: label.kept)
            continue
          }
          let child = pool.add(
            Label(
              shape: shape, credit: label.credit + arc.credit, fit: label.fit + arc.fit,
              points: label.points + arc.points, settledPoints: 0, count: 0, clock: clock,
              from: label.trail, arc: Int32(arcIndex), waiting: label.kept))
          let from = pool.times(of: slot)
          let into = pool.times(of: child)
          for index in 0..<Int(times) { into[index] = from[index] }
          changes.apply(
            arc.timeline, at: label.clock, to: into, count: &times, settledPoints: &settledPoints,
            layout: layout)
          Timeline.settle(values: into, at: Int(clock), layout: layout)
          pool.labels[Int(child)].count = times
          pool.labels[Int(child)].settledPoints = settledPoints
          if let reach {
            // The goals it can still reach the best found for.
            var waits = label.kept
            for goal in 0..<count where waits & (1 << goal) != 0 {
              let aim = goals[goal]
              let bound = reach.bound(
                aim.objective, highest: aim.highest, at: target, shape: shape,
                credit: label.credit + arc.credit, fit: label.fit + arc.fit,
                points: label.points + arc.points, settledPoints: settledPoints, times: into,
                count: times)
              if !reach.reaches[target]
                || (aim.highest ? bound < bar[goal] - 1e-6 : bound > bar[goal] + 1e-6)
              {
                waits &= ~(1 << goal)
                dropped += 1
              }
            }
            if waits == 0 {
              pool.remove(child)
              next[position * width + offset] = -2
              continue
            }
            pool.labels[Int(child)].waiting = waits
          }
          next[position * width + offset] = child
        }
      }
      // Each goal in turn, its labels in the order of its front: the scores at finished
      // states, and the labels that go on joining its lists.
      for goal in 0..<count {
        let aim = goals[goal]
        for slot in keeping[goal] {
          let label = pool.labels[Int(slot)]
          let position = Int(label.position)
          for (offset, arcIndex) in steps.enumerated() {
            let target = Int(arcs[arcIndex].to)
            let child = next[position * width + offset]
            if child == -2 { continue }
            guard child >= 0 else {
              let value = aim.pick(scores[position * width + offset])
              if leafBest[goal][target].map({ aim.prefers(value, to: $0.score) }) ?? true {
                leafBest[goal][target] = (value, label.trail, Int32(arcIndex))
              }
              if aim.prefers(value, to: bar[goal]) { bar[goal] = value }
              continue
            }
            guard pool.labels[Int(child)].waiting & (1 << goal) != 0 else { continue }
            let end = last[goal * nodeCount + target]
            if end >= 0 {
              pool.links[Int(end) * count + goal] = child
            } else {
              first[goal * nodeCount + target] = child
            }
            last[goal * nodeCount + target] = child
          }
        }
      }
    }
    let found: [(found: Found, leaves: [Double?])?] = goals.indices.map { goal in
      let aim = goals[goal]
      var best: (score: Double, from: Int32, arc: Int32)?
      for node in order.reversed() {
        guard let found = leafBest[goal][Int(node)] else { continue }
        if best.map({ aim.prefers(found.score, to: $0.score) }) ?? true { best = found }
      }
      guard let best else { return nil }
      var back: [Int] = []
      var step = (from: best.from, arc: best.arc)
      while step.arc >= 0, back.count <= trail.count {
        back.append(Int(step.arc))
        guard step.from >= 0 else { break }
        step = trail[Int(step.from)]
      }
      return (Found(score: best.score, arcs: back.reversed()), leafBest[goal].map { $0?.score })
    }
    return (found, dropped)
  }

  /// The `goal` score of one path from `root` to a finished state, reached with the
  /// history of `label` and the timeline `times`: at each state the step whose bound
  /// (``FutureReach``), or score where it finishes, is best. Any path's score will
  /// do: a sweep drops only the labels that cannot reach it, and the closer it is to
  /// the extreme, the more it drops.
  private func probe(
    for goal: Goal, from root: Int32, start label: Label, times: UnsafeMutablePointer<Int32>,
    changes: FlatChanges, stride: Int, weights: Scorer.Weights, reach: FutureReach
  ) -> Double? {
    let layout = self.layout
    let startsAt = compiled.scenario.startsAt
    // The path's timeline, the step being tried's and the best step's so far.
    let buffers = UnsafeMutablePointer<Int32>.allocate(capacity: 3 * stride)
    buffers.initialize(repeating: 0, count: 3 * stride)
    defer { buffers.deallocate() }
    var (current, trying, chosen) = (buffers, buffers + stride, buffers + 2 * stride)
    for index in 0..<Int(label.count) { current[index] = times[index] }
    var label = label
    var node = Int(root)
    // Every step leads to a state earlier in `order`: the walk ends.
    while nodes[node].leaf == nil {
      var best: (value: Double, label: Label, target: Int, finished: Bool)?
      for arcIndex in nodes[node].arcs {
        let arc = arcs[arcIndex]
        let target = Int(arc.to)
        guard reach.reaches[target] else { continue }
        var next = label
        next.shape = arc.adding(to: label.shape)
        next.credit += arc.credit
        next.fit += arc.fit
        next.points += arc.points
        next.clock = arc.clock(after: label.clock, startsAt: startsAt)
        for index in 0..<Int(label.count) { trying[index] = current[index] }
        changes.apply(
          arc.timeline, at: label.clock, to: trying, count: &next.count,
          settledPoints: &next.settledPoints, layout: layout)
        Timeline.settle(values: trying, at: Int(next.clock), layout: layout)
        let value: Double
        if var leaf = nodes[target].leaf {
          leaf.clock = Int(next.clock)
          value = goal.pick(
            leaf.scores(
              next.shape, credit: next.credit, fit: next.fit, points: next.points,
              times: UnsafeBufferPointer(start: trying, count: Int(next.count)),
              settledPoints: next.settledPoints, layout: layout, weights: weights))
        } else {
          value = reach.bound(
            goal.objective, highest: goal.highest, at: target, shape: next.shape,
            credit: next.credit, fit: next.fit, points: next.points,
            settledPoints: next.settledPoints, times: trying, count: next.count)
        }
        guard best.map({ goal.prefers(value, to: $0.value) }) ?? true else { continue }
        best = (value, next, target, nodes[target].leaf != nil)
        swap(&trying, &chosen)
      }
      guard let best else { return nil }
      if best.finished { return best.value }
      label = best.label
      node = best.target
      swap(&current, &chosen)
    }
    return nil
  }

  /// Lists a sweep reuses from one state to the next, so that finding a front
  /// allocates nothing once they are large enough.
  struct FrontScratch {
    /// The groups found, in order of arrival (and, past 16, by a table).
    var kinds: [Group] = []
    var table: [Group: Int] = [:]
    var groups: [Int] = []
    var starts: [Int] = []
    var next: [Int] = []
    var ordered: [Int32] = []
    var front: [Int] = []
    /// The counts a goal compares, of each label of a group (by its position in
    /// `ordered`), `width` apart; and how many times each label holds.
    var counts: [Double] = []
    var sizes: [Int32] = []
    /// The slots of the labels kept.
    var kept: [Int32] = []
  }

  /// What labels must share to be compared: their clock (where time no longer
  /// matters, labels of one state differ in it, and a score can move either way with
  /// it) and, where the score reads the history, its shape.
  struct Group: Hashable {
    var shape: SearchKey.History.Shape
    var clock: Int32

    /// Hashes one word mixed from every field (hashing each field in turn cost a
    /// sweep more than comparing the labels).
    func hash(into hasher: inout Hasher) {
      var word = UInt64(bitPattern: Int64(clock))
      func mix(_ part: Int) {
        word = (word ^ UInt64(bitPattern: Int64(part))) &* 0x9E37_79B9_7F4A_7C15
        word ^= word >> 29
      }
      mix(shape.graded)
      mix(shape.postures)
      mix(shape.statements)
      mix(shape.unique ?? -1)
      mix((shape.denied ? 1 : 0) | (shape.rebuilt ? 2 : 0))
      hasher.combine(word)
    }
  }

  /// Of the labels in `slots` (of `pool`), those that no other matches or beats
  /// (`highest`), or matches or undercuts, on every sum and time the `objective`
  /// score reads; of equal ones, the first: their slots, into `scratch.kept`, group
  /// after group. Only labels of the same clock, and of the same history shape where
  /// the score reads the history, are compared.
  static func front(
    _ slots: [Int32], in pool: borrowing LabelPool, for objective: Timeline.Objective,
    highest: Bool, layout: Timeline.Layout, into scratch: inout FrontScratch
  ) {
    scratch.kept.removeAll(keepingCapacity: true)
    guard slots.count > 1 else {
      scratch.kept += slots
      return
    }
    let readsHistory = objective != .timeliness
    // Groups in the order they first arrive, so that ties resolve the same every run:
    // each label's group, found among the first groups by a look down the list and
    // among more in a table.
    scratch.kinds.removeAll(keepingCapacity: true)
    scratch.table.removeAll(keepingCapacity: true)
    scratch.groups.removeAll(keepingCapacity: true)
    for slot in slots {
      let label = pool.labels[Int(slot)]
      let kind = Group(
        shape: readsHistory ? label.shape : SearchKey.History.Shape(), clock: label.clock)
      let known =
        scratch.kinds.count <= 16
        ? scratch.kinds.firstIndex(of: kind) : scratch.table[kind]
      if let known {
        scratch.groups.append(known)
        continue
      }
      if scratch.kinds.count == 16 {
        for (index, kind) in scratch.kinds.enumerated() { scratch.table[kind] = index }
      }
      if scratch.kinds.count >= 16 { scratch.table[kind] = scratch.kinds.count }
      scratch.groups.append(scratch.kinds.count)
      scratch.kinds.append(kind)
    }
    // The labels of each group, in order of arrival, group after group.
    let groupCount = max(scratch.kinds.count, 1)
    scratch.starts.removeAll(keepingCapacity: true)
    scratch.starts.append(contentsOf: repeatElement(0, count: groupCount + 1))
    for group in scratch.groups { scratch.starts[group + 1] += 1 }
    for group in 0..<groupCount { scratch.starts[group + 1] += scratch.starts[group] }
    scratch.ordered.removeAll(keepingCapacity: true)
    scratch.ordered.append(contentsOf: repeatElement(0, count: slots.count))
    scratch.next.removeAll(keepingCapacity: true)
    scratch.next += scratch.starts
    for (index, group) in scratch.groups.enumerated() {
      scratch.ordered[scratch.next[group]] = slots[index]
      scratch.next[group] += 1
    }
    // Each label's counts, gathered once for its group, each turned so that more is
    // better: a label covers another when it holds as many times and has as much
    // (highest) or as little of every count. Timeliness reads the settled points, the
    // cadence (whether and when each rule's stakeholder last heard: later is better;
    // the overrun so far: less is better) and the open promises; communication reads
    // the sums, the first contacts (coverage: earlier is better) and the open
    // promises (broken ones cost points). An open promise is worth more due later
    // (less likely broken, less late when kept) and over a longer span (less late when
    // kept).
    let readsSettled = objective != .communication
    let readsFirst = objective != .timeliness
    let rules = readsSettled ? layout.every.count : 0
    let required = readsFirst ? layout.required.count : 0
    let head = (readsHistory ? 3 : 0) + (readsSettled ? 1 + 3 * rules : 0) + required
    let perPromise = readsSettled ? 2 : 1
    let width = head + perPromise * max(0, (pool.stride - layout.promiseStart) / 3)
    for group in 0..<groupCount {
      let range = scratch.starts[group]..<scratch.starts[group + 1]
      guard range.count > 1 else {
        scratch.kept += scratch.ordered[range]
        continue
      }
      scratch.counts.removeAll(keepingCapacity: true)
      scratch.counts.append(contentsOf: repeatElement(0, count: range.count * width))
      scratch.sizes.removeAll(keepingCapacity: true)
      for (position, slot) in scratch.ordered[range].enumerated() {
        let label = pool.labels[Int(slot)]
        let times = pool.times(of: slot)
        var at = position * width
        scratch.sizes.append(label.count)
        if readsHistory {
          scratch.counts[at] = label.credit
          scratch.counts[at + 1] = label.fit
          scratch.counts[at + 2] = label.points
          at += 3
        }
        if readsSettled {
          scratch.counts[at] = label.settledPoints
          at += 1
          for rule in 0..<rules {
            let base = layout.cadenceStart + 3 * rule
            scratch.counts[at] = Double(times[base])
            scratch.counts[at + 1] = Double(times[base + 1])
            scratch.counts[at + 2] = -Double(times[base + 2])
            at += 3
          }
        }
        for index in 0..<required {
          scratch.counts[at] = -Double(times[index])
          at += 1
        }
        var base = layout.promiseStart
        while base + 2 < Int(label.count) {
          scratch.counts[at] = Double(times[base + 1])
          if readsSettled {
            scratch.counts[at + 1] = Double(
              Int32(clamping: max(Int(times[base + 1]) - Int(times[base]), 60)))
          }
          at += perPromise
          base += 3
        }
      }
      // Whether the label at `rival` covers the one at `label` (positions in the group).
      scratch.counts.withUnsafeBufferPointer { counts in
        scratch.sizes.withUnsafeBufferPointer { sizes in
          func covers(_ rival: Int, _ label: Int) -> Bool {
            guard sizes[rival] == sizes[label] else { return false }
            let length =
              head
              + perPromise * max(0, (Int(sizes[label]) - layout.promiseStart) / 3)
            let theirs = rival * width
            let mine = label * width
            if highest {
              for index in 0..<length where counts[theirs + index] < counts[mine + index] {
                return false
              }
            } else {
              for index in 0..<length where counts[theirs + index] > counts[mine + index] {
                return false
              }
            }
            return true
          }
          scratch.front.removeAll(keepingCapacity: true)
          for position in 0..<range.count {
            if scratch.front.contains(where: { covers($0, position) }) { continue }
            scratch.front.removeAll { covers(position, $0) }
            scratch.front.append(position)
          }
        }
      }
      for position in scratch.front {
        scratch.kept.append(scratch.ordered[range.lowerBound + position])
      }
    }
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

extension StateGraph.Arc {
  /// The clock after this step, taken at `start` (seconds), in a scenario whose T+0
  /// is `startsAt`: its duration, then the wait for its time of day.
  @inline(__always)
  func clock(after start: Int32, startsAt: Int?) -> Int32 {
    let clock = start &+ duration
    guard until >= 0, let startsAt else { return clock }
    let wait = Engine.wait(
      until: Int(until), startsAt: startsAt, clock: ClockDuration(seconds: Int(clock)))
    return clock &+ Int32(clamping: wait.seconds)
  }
}
