/// Which clocks at a node lead to the same futures, so that the score-bounds search
/// can keep one state for all of them while time still matters.
///
/// Play reads the clock only by comparing it with fixed times: an inject's `at`, a
/// deadline's end of grace, a duration a condition compares `elapsed` with, and the
/// times of day an option waits for (`until`). From a node, those comparisons happen
/// at the node's clock plus an offset: the time the options taken since have cost
/// (``offsets``), up to the first wait, after which the clock no longer depends on
/// when play arrived. Two clocks at a node with no fixed time minus an offset between
/// them (``points``) answer every comparison ahead alike, so the states that differ
/// only in them have the same futures; and what a future adds to the timeline is
/// counted from each step's start, so the sweeps still score each path at its own
/// clock.
///
/// A node keeps its exact clock where a wait may come later than the times worked out
/// (``exact``), and every node does where a condition compares `elapsed` with
/// anything but a written duration, or the offsets would take too much room.
struct ClockClasses: Sendable {
  /// By node: the points, sorted, as `points[ranges[node]]`.
  private var points: [Int32] = []
  private var ranges: [Range<Int>] = []
  /// By node: whether its states keep their exact clock.
  private var exact: [Bool] = []

  /// The most words the offsets may take, all nodes together (8 MB).
  static let wordBudget = 1 << 20
  /// The most words of offsets moved while working them out, all nodes together.
  static let workBudget = 1 << 26
  /// The most points kept, all nodes together (8 MB): the nodes beyond keep their
  /// exact clocks.
  static let pointBudget = 1 << 21

  /// Classes that keep every clock.
  init() {}

  init(_ compiled: CompiledScenario, references: ScenarioReferences) {
    let count = compiled.nodes.count
    exact = Array(repeating: true, count: count)
    ranges = Array(repeating: 0..<0, count: count)
    if references.readsClock, references.latestClockLiteral == nil { return }
    // The fixed times play compares the clock with, `clock >= time` each: a
    // comparison of another kind is one of these, or of the time a second later.
    var times = Set<Int>()
    for inject in compiled.injects { times.insert(inject.at.seconds) }
    for deadline in compiled.deadlines {
      let end = deadline.by.seconds + deadline.grace.seconds
      times.formUnion([end, end + 1])
    }
    for literal in references.clockLiterals { times.formUnion([literal, literal + 1]) }
    guard let latest = times.max(), latest > 0 else { return }
    // Time matters only up to the latest of them; offsets beyond a day more are
    // looked at for the waits alone.
    let day = 24 * 60 * 60
    let span = latest + day
    let startsAt = compiled.scenario.startsAt
    var unit = 0
    var waits = Set<Int>()
    for choice in compiled.choices {
      unit = Self.gcd(unit, choice.takes.seconds)
      if let until = choice.until, let startsAt {
        waits.insert(((until - startsAt) * 60 % day + day) % day)
      }
    }
    for node in compiled.nodes where node.timeLimit != nil {
      unit = Self.gcd(unit, node.onTimeout.takes.seconds)
    }
    unit = max(unit, 1)
    // A wait ends at the next of its times: one a second later begins the next day's.
    var waitTimes: [Int] = []
    for first in waits {
      var end = first
      while end <= latest + 1 + span {
        waitTimes += [end, end + 1]
        end += day
      }
    }
    let bits = span / unit + 1
    let width = (bits + 63) / 64
    let (words, overflow) = width.multipliedReportingOverflow(by: count + 1)
    guard !overflow, words <= Self.wordBudget else { return }
    var steps = Self.steps(compiled)
    // By node (and the one for wherever play is diverted to): the offsets at which
    // play compares the clock, and those at which an option waits; whether a wait may
    // come later than `span`.
    let all = count + 1
    var offsets = [UInt64](repeating: 0, count: all * width)
    var waitOffsets = offsets
    var lateWait = [Bool](repeating: false, count: all)
    for node in 0..<all { offsets[node * width] = 1 }
    for (node, list) in steps.byNode.enumerated() {
      for step in list where step.waits {
        let offset = step.takes / unit
        guard offset < bits else {
          lateWait[node] = true
          continue
        }
        offsets[node * width + offset >> 6] |= 1 << UInt64(offset & 63)
        waitOffsets[node * width + offset >> 6] |= 1 << UInt64(offset & 63)
      }
    }
    // Worked out backwards from each node whose offsets grew, to a fixpoint.
    var queue = Array(0..<all)
    var queued = [Bool](repeating: true, count: all)
    var work = 0
    while let node = queue.popLast() {
      queued[node] = false
      for predecessor in steps.predecessors[node] {
        var grew = false
        for step in steps.byNode[predecessor] where !step.waits && steps.leads(step, to: node) {
          work += 2 * width
          guard work <= Self.workBudget else { return }
          let shift = step.takes / unit
          // Offsets past the span compare the clock with no time that still matters.
          let more = Self.shiftIn(
            &offsets, into: predecessor, from: node, by: shift, width: width, bits: bits
          ).grew
          let (moreWaits, lateWaits) = Self.shiftIn(
            &waitOffsets, into: predecessor, from: node, by: shift, width: width, bits: bits)
          if lateWaits || lateWait[node], !lateWait[predecessor] {
            lateWait[predecessor] = true
            grew = true
          }
          grew = grew || more || moreWaits
        }
        if grew, !queued[predecessor] {
          queued[predecessor] = true
          queue.append(predecessor)
        }
      }
    }
    steps.byNode = []
    // Each node's points: a fixed time less an offset, from a second to a second past
    // the latest (a clock beyond it no longer matters).
    let sortedTimes = times.sorted()
    let sortedWaits = waitTimes.sorted()
    var found: [Int32] = []
    for node in 0..<count where !lateWait[node] {
      found.removeAll(keepingCapacity: true)
      for word in 0..<width {
        var bitsLeft = offsets[node * width + word]
        let waitBits = waitOffsets[node * width + word]
        while bitsLeft != 0 {
          let bit = bitsLeft.trailingZeroBitCount
          bitsLeft &= bitsLeft - 1
          let delay = (word << 6 + bit) * unit
          Self.collect(sortedTimes, less: delay, upTo: latest + 1, into: &found)
          if waitBits & 1 << UInt64(bit) != 0 {
            Self.collect(sortedWaits, less: delay, upTo: latest + 1, into: &found)
          }
        }
      }
      guard points.count + found.count <= Self.pointBudget else { break }
      found.sort()
      let start = points.count
      for point in found where points.count == start || points[points.count - 1] != point {
        points.append(point)
      }
      ranges[node] = start..<points.count
      exact[node] = false
    }
  }

  /// Appends to `found` each of the sorted `times` less `delay` that falls between a
  /// second and `latest`.
  private static func collect(
    _ times: [Int], less delay: Int, upTo latest: Int, into found: inout [Int32]
  ) {
    // The first time past `delay`, by halves.
    var low = 0
    var high = times.count
    while low < high {
      let middle = (low + high) >> 1
      if times[middle] - delay < 1 { low = middle + 1 } else { high = middle }
    }
    var index = low
    while index < times.count, times[index] - delay <= latest {
      found.append(Int32(clamping: times[index] - delay))
      index += 1
    }
  }

  /// What the search keys a state at `node` by for a clock of `seconds`: the clock
  /// itself where the node keeps it, else its class (below ``SearchKey/anyClock``).
  @inline(__always)
  func key(node: Int, seconds: Int) -> Int {
    guard node < exact.count, !exact[node] else { return seconds }
    // How many of the node's points are at or before the clock.
    var low = ranges[node].lowerBound
    var high = ranges[node].upperBound
    while low < high {
      let middle = (low + high) >> 1
      if Int(points[middle]) <= seconds { low = middle + 1 } else { high = middle }
    }
    return SearchKey.anyClock - 1 - (low - ranges[node].lowerBound)
  }

  /// Whether states at `node` keep their exact clock.
  func keepsExactClock(at node: Int) -> Bool {
    node >= exact.count || exact[node]
  }

  /// ORs node `from`'s offsets, moved `shift` later, into node `into`'s: whether they
  /// grew, and whether any fell beyond `bits`.
  private static func shiftIn(
    _ words: inout [UInt64], into: Int, from: Int, by shift: Int, width: Int, bits: Int
  ) -> (grew: Bool, late: Bool) {
    var grew = false
    var late = false
    let wordShift = shift >> 6
    let bitShift = UInt64(shift & 63)
    for word in stride(from: width - 1, through: 0, by: -1) {
      let source = from * width + word
      let value = words[source]
      guard value != 0 else { continue }
      let target = word + wordShift
      let low = value << bitShift
      let high = bitShift == 0 ? 0 : value >> (64 - bitShift)
      for (part, index) in [(low, target), (high, target + 1)] where part != 0 {
        // Bits at or past `bits` are beyond the span.
        var kept = part
        if index >= width {
          late = true
          continue
        }
        if index == width - 1, bits & 63 != 0 {
          let mask: UInt64 = (1 << UInt64(bits & 63)) - 1
          if kept & ~mask != 0 { late = true }
          kept &= mask
        }
        let slot = into * width + index
        if words[slot] | kept != words[slot] {
          words[slot] |= kept
          grew = true
        }
      }
    }
    return (grew, late)
  }

  /// The steps of play between nodes, conditions ignored: each option's and timeout's
  /// time taken and the nodes it can lead to. An inject can divert any step to its
  /// goto, and a return can lead anywhere play came from: the steps lead to one more
  /// node, after the scenario's, which leads to all of those at no cost.
  private struct Steps {
    struct Step {
      var takes: Int
      var waits: Bool
      /// Its targets, as `targets[targets]`.
      var targets: Range<Int>
    }
    var byNode: [[Step]] = []
    var targets: [Int] = []
    var predecessors: [[Int]] = []

    func leads(_ step: Step, to node: Int) -> Bool {
      targets[step.targets].contains(node)
    }
  }

  private static func steps(_ compiled: CompiledScenario) -> Steps {
    var steps = Steps()
    let count = compiled.nodes.count
    // The node standing for wherever play can be diverted to.
    let anywhere = count
    var diverted = Set<Int>()
    for inject in compiled.injects {
      for target in NodeSuccessors.targets(of: inject) where target < count {
        diverted.insert(target)
      }
    }
    if compiled.choices.contains(where: {
      if case .returnToDiverted = $0.target { return true }
      return false
    }) {
      diverted.formUnion(0..<count)
    }
    var predecessors = Array(repeating: Set<Int>(), count: count + 1)
    func add(
      from node: Int, takes: Int, waits: Bool, to targets: [Int], into list: inout [Steps.Step]
    ) {
      var valid = targets.filter { $0 >= 0 && $0 < count }
      if !diverted.isEmpty, node != anywhere { valid.append(anywhere) }
      let start = steps.targets.count
      steps.targets += valid
      list.append(
        Steps.Step(takes: max(takes, 0), waits: waits, targets: start..<steps.targets.count))
      for target in valid { predecessors[target].insert(node) }
    }
    for (index, node) in compiled.nodes.enumerated() {
      var list: [Steps.Step] = []
      for choice in node.choiceStart..<(node.choiceStart + node.choiceCount) {
        let option = compiled.choices[choice]
        var targets = NodeSuccessors.targets(option.target)
        if case .returnToDiverted = option.target { targets.append(index) }
        targets += option.chances?.gotos.compactMap { $0 } ?? []
        if let write = option.write {
          targets += compiled.writes[write].outcomes.flatMap {
            NodeSuccessors.targets($0.target)
          }
        }
        add(
          from: index, takes: option.takes.seconds,
          waits: option.until != nil && compiled.scenario.startsAt != nil, to: targets,
          into: &list)
      }
      if node.timeLimit != nil {
        add(
          from: index, takes: node.onTimeout.takes.seconds, waits: false,
          to: [node.onTimeout.goto ?? index], into: &list)
      }
      steps.byNode.append(list)
    }
    var list: [Steps.Step] = []
    add(from: anywhere, takes: 0, waits: false, to: diverted.sorted(), into: &list)
    steps.byNode.append(list)
    steps.predecessors = predecessors.map { $0.sorted() }
    return steps
  }

  private static func gcd(_ first: Int, _ second: Int) -> Int {
    var (a, b) = (abs(first), abs(second))
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }
}
