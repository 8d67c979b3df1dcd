/// Which clocks at a node lead to the same futures, so that the score-bounds search
/// can keep one state for all of them while time still matters.
///
/// Play reads the clock only by comparing it with fixed times: an inject's `at`, a
/// deadline's end of grace, a duration a condition compares `elapsed` with, and the
/// times of day an option waits for (`until`). From a node, those comparisons happen
/// at the node's clock plus an offset: the time the options taken since have cost,
/// up to the first wait, after which the clock no longer depends on when play
/// arrived. Conditions are ignored, so the offsets are those of every way on, an
/// inject's diversion at any step (each inject diverts once) and the detour's return
/// to where the step was going. Two clocks at a node with no fixed time less an
/// offset between them (its points) answer every comparison ahead alike, so states
/// that differ only in them have the same futures; and what a future adds to the
/// timeline is counted from each step's start, so the sweeps still score each path at
/// its own clock.
///
/// A node keeps its exact clock where a wait may come later than the times worked out
/// (more than a day after the latest), and every node does where a condition compares
/// `elapsed` with anything but a written duration, or the offsets would take too much
/// room or work. (The search also keeps the exact clock of a state on a detour: where
/// it returns to decides what follows.)
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

  /// The classes of `compiled`'s nodes, for untimed play (the search takes no
  /// timeouts), with the clock conditions `references` found.
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
    let all = count + 1
    let (words, overflow) = width.multipliedReportingOverflow(by: all)
    guard !overflow, words <= Self.wordBudget else { return }
    let steps = Self.steps(compiled)
    let diverted = steps.diverted
    // Each inject diverts play at most once: the offsets are worked out for paths
    // with no diversion, then with one more at a time, up to as many as there can be
    // (or until one more adds nothing). A step diverted leads to an inject's goto;
    // a detour that returns, to where the step was going, that much later.
    let diversions = compiled.injects.filter { !NodeSuccessors.targets(of: $0).isEmpty }.count
    var layer = Layer(words: words, nodes: all)
    var work = 0
    for round in 0...diversions {
      var next = Layer(words: words, nodes: all)
      // Each node compares the clock on arrival; an option that waits, as it waits; a
      // return, as it returns.
      for node in 0..<all { next.offsets[node * width] = 1 }
      for (node, list) in steps.byNode.enumerated() {
        for step in list {
          let offset = step.takes / unit
          guard offset < bits else {
            if step.waits { next.lateWait[node] = true }
            if step.returns { next.lateReturn[node] = true }
            continue
          }
          let (word, bit) = (node * width + offset >> 6, UInt64(1) << UInt64(offset & 63))
          next.offsets[word] |= bit
          if step.waits { next.waitOffsets[word] |= bit }
          if step.returns, !step.waits { next.returnOffsets[word] |= bit }
        }
      }
      // The detours an inject can make with one fewer diversion to come.
      var detours: [Int] = []
      if round > 0 {
        for word in 0..<width {
          var left = layer.returnOffsets[diverted * width + word]
          while left != 0 {
            detours.append(word << 6 + left.trailingZeroBitCount)
            left &= left - 1
          }
        }
        for (node, list) in steps.byNode.enumerated() where node != diverted {
          for step in list where !step.waits {
            // Play on the detour (and, for a return, back where it was going to).
            work += 3 * width
            Self.shift(
              from: layer, diverted, into: &next, node, by: step.takes / unit, width: width,
              bits: bits, returns: step.returns)
            if layer.lateReturn[diverted] { next.lateWait[node] = true }
          }
        }
      }
      // Then back along the steps from each node whose offsets grew, to a fixpoint: a
      // step that can be diverted arrives after any detour too.
      var queue = Array(0..<all)
      var queued = [Bool](repeating: true, count: all)
      // The node's offsets, copied out of the layer they are shifted within.
      var scratch = Layer(words: width, nodes: 1)
      while let node = queue.popLast() {
        queued[node] = false
        scratch.copy(node, of: next, width: width)
        for predecessor in steps.predecessors[node] {
          var grew = false
          for step in steps.byNode[predecessor] where !step.waits && steps.leads(step, to: node) {
            let base = step.takes / unit
            for detour in [0] + (predecessor == diverted ? [] : detours) {
              work += 3 * width
              guard work <= Self.workBudget else { return }
              grew =
                Self.shift(
                  from: scratch, 0, into: &next, predecessor, by: base + detour, width: width,
                  bits: bits, returns: true) || grew
            }
          }
          if grew, !queued[predecessor] {
            queued[predecessor] = true
            queue.append(predecessor)
          }
        }
      }
      let settled = round > 0 && next == layer
      layer = next
      if settled { break }
    }
    let (offsets, waitOffsets, lateWait) = (layer.offsets, layer.waitOffsets, layer.lateWait)
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

  /// By node (and the one standing for where injects divert play to), `width` words
  /// each: the offsets at which play compares the clock, at which an option waits,
  /// and at which a detour returns (to where play was going when it was diverted);
  /// whether a wait or a return may come later than the span.
  private struct Layer: Equatable {
    var offsets: [UInt64]
    var waitOffsets: [UInt64]
    var returnOffsets: [UInt64]
    var lateWait: [Bool]
    var lateReturn: [Bool]

    init(words: Int, nodes: Int) {
      offsets = Array(repeating: 0, count: words)
      waitOffsets = offsets
      returnOffsets = offsets
      lateWait = Array(repeating: false, count: nodes)
      lateReturn = lateWait
    }

    /// Node `node`'s offsets of `layer`, as this layer's first node's.
    mutating func copy(_ node: Int, of layer: Layer, width: Int) {
      for word in 0..<width {
        offsets[word] = layer.offsets[node * width + word]
        waitOffsets[word] = layer.waitOffsets[node * width + word]
        returnOffsets[word] = layer.returnOffsets[node * width + word]
      }
      lateWait[0] = layer.lateWait[node]
      lateReturn[0] = layer.lateReturn[node]
    }
  }

  /// ORs node `from`'s offsets in `source`, moved `shift` later, into node `into`'s in
  /// `target`, its returns too if `returns`: whether they grew. Offsets at or past
  /// `bits` are beyond the span: they compare the clock with no time that still
  /// matters, but a wait or a return there is marked late.
  @discardableResult
  private static func shift(
    from source: Layer, _ from: Int, into target: inout Layer, _ into: Int, by shift: Int,
    width: Int, bits: Int, returns: Bool
  ) -> Bool {
    var grew = false
    if source.lateWait[from], !target.lateWait[into] {
      target.lateWait[into] = true
      grew = true
    }
    if returns, source.lateReturn[from], !target.lateReturn[into] {
      target.lateReturn[into] = true
      grew = true
    }
    let wordShift = shift >> 6
    let bitShift = UInt64(shift & 63)
    let lastMask: UInt64 = bits & 63 == 0 ? ~0 : (1 << UInt64(bits & 63)) - 1
    for kind in 0..<(returns ? 3 : 2) {
      for word in 0..<width {
        let value: UInt64
        switch kind {
        case 0: value = source.offsets[from * width + word]
        case 1: value = source.waitOffsets[from * width + word]
        default: value = source.returnOffsets[from * width + word]
        }
        guard value != 0 else { continue }
        let low = value << bitShift
        let high = bitShift == 0 ? 0 : value >> (64 - bitShift)
        for (part, index) in [(low, word + wordShift), (high, word + wordShift + 1)]
        where part != 0 {
          var kept = part
          if index >= width || (index == width - 1 && part & ~lastMask != 0) {
            if kind == 1, !target.lateWait[into] {
              target.lateWait[into] = true
              grew = true
            }
            if kind == 2, !target.lateReturn[into] {
              target.lateReturn[into] = true
              grew = true
            }
            guard index < width else { continue }
            kept &= lastMask
          }
          let slot = into * width + index
          switch kind {
          case 0:
            if target.offsets[slot] | kept != target.offsets[slot] {
              target.offsets[slot] |= kept
              grew = true
            }
          case 1:
            if target.waitOffsets[slot] | kept != target.waitOffsets[slot] {
              target.waitOffsets[slot] |= kept
              grew = true
            }
          default:
            if target.returnOffsets[slot] | kept != target.returnOffsets[slot] {
              target.returnOffsets[slot] |= kept
              grew = true
            }
          }
        }
      }
    }
    return grew
  }

  /// The steps of play between nodes, conditions ignored: each option's time taken,
  /// whether it waits or returns, and the nodes it leads to (the search plays
  /// untimed, and takes no timeouts). One more
  /// node, after the scenario's, stands for where injects divert play to, and leads
  /// to each of those nodes at no cost.
  private struct Steps {
    struct Step {
      var takes: Int
      var waits: Bool
      var returns: Bool
      /// Its targets, as `targets[targets]`.
      var targets: Range<Int>
    }
    var byNode: [[Step]] = []
    var targets: [Int] = []
    var predecessors: [[Int]] = []
    /// The node standing for where injects divert play to.
    var diverted: Int

    func leads(_ step: Step, to node: Int) -> Bool {
      targets[step.targets].contains(node)
    }
  }

  private static func steps(_ compiled: CompiledScenario) -> Steps {
    let count = compiled.nodes.count
    var steps = Steps(diverted: count)
    var diverted = Set<Int>()
    for inject in compiled.injects {
      for target in NodeSuccessors.targets(of: inject) where target < count {
        diverted.insert(target)
      }
    }
    // Each node's steps: time taken, whether it waits or returns, and where it leads.
    typealias Found = (takes: Int, waits: Bool, returns: Bool, targets: [Int])
    var found: [[Found]] = []
    for node in compiled.nodes {
      var list: [Found] = []
      for choice in node.choiceStart..<(node.choiceStart + node.choiceCount) {
        let option = compiled.choices[choice]
        let targets = NodeSuccessors.targets(of: option, in: compiled)
        let waits = option.until != nil && compiled.scenario.startsAt != nil
        list.append(
          (
            option.takes.seconds, waits, NodeSuccessors.returns(option, in: compiled),
            targets.filter { (0..<count).contains($0) }
          ))
      }
      found.append(list)
    }
    // A return with nothing to return to stays where it is: only where play can
    // arrive without a diversion (a detour's return is followed from where the step
    // diverted was going).
    var undiverted = Set<Int>([compiled.start])
    var pending = [compiled.start]
    while let node = pending.popLast() {
      for step in found[node] {
        for target in step.targets where undiverted.insert(target).inserted {
          pending.append(target)
        }
      }
    }
    var predecessors = Array(repeating: Set<Int>(), count: count + 1)
    func add(_ step: Found, from node: Int, into list: inout [Steps.Step]) {
      let start = steps.targets.count
      steps.targets += step.targets
      list.append(
        Steps.Step(
          takes: max(step.takes, 0), waits: step.waits, returns: step.returns,
          targets: start..<steps.targets.count))
      for target in step.targets { predecessors[target].insert(node) }
    }
    for (index, list) in found.enumerated() {
      var made: [Steps.Step] = []
      for var step in list {
        if step.returns, undiverted.contains(index) { step.targets.append(index) }
        add(step, from: index, into: &made)
      }
      steps.byNode.append(made)
    }
    var list: [Steps.Step] = []
    add((0, false, false, diverted.sorted()), from: steps.diverted, into: &list)
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
