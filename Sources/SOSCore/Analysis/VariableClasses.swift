/// Which values of a whole-number variable play can no longer tell apart from a
/// state on, so that the score-bounds search can keep them as one (see
/// ``SituationCoder``).
///
/// A variable qualifies when every condition that reads it compares it with a whole
/// number (`trust < 35`, `60 <= trust`): those numbers are its thresholds. From each
/// node, the most and least that the effects still to come (`add`) can move it, at
/// any point of any path, are worked out once, backwards along the scenario graph.
/// In a state, the reach of its node, of the nodes it will return to and of the
/// injects not yet spent is added up. A value that lies, however it moves within that
/// reach, always on the same side of every threshold still compared with (from the
/// state's nodes, the injects not spent and the deadlines not settled) behaves as any
/// other that does with the same of those thresholds below it: it is kept as that
/// count. A value near such a threshold is kept as itself. A `set` only makes two
/// values alike sooner.
struct VariableClasses: Sendable {
  /// The most and least a variable can still move from somewhere.
  struct Reach: Sendable {
    var low: Int
    var high: Int

    static let none = Reach(low: 0, high: 0)

    static func + (left: Reach, right: Reach) -> Reach {
      Reach(
        low: Self.clamped(left.low &+ right.low), high: Self.clamped(left.high &+ right.high))
    }

    /// Past this, a reach counts as unbounded (and sums of reaches cannot overflow).
    static let limit = 1 << 40

    static func clamped(_ value: Int) -> Int { min(max(value, -limit), limit) }
  }

  /// By variable: its thresholds in increasing order, or `nil` when a condition reads
  /// it otherwise (or a reach cannot be bounded): then its value is kept as itself.
  let thresholds: [[Int]?]
  /// By variable, by node (`variable × nodes + node`): its reach from the node.
  private let byNode: [Reach]
  /// By variable, by inject in firing order: its reach if the inject fires.
  private let byInject: [Reach]
  private let nodeCount: Int
  private let injectCount: Int
  private let variableCount: Int
  /// By node, inject and deadline (`index × variables + variable`): the thresholds
  /// compared with from there on, a bit by place among the variable's thresholds.
  private let readByNode: [UInt64]
  private let readByInject: [UInt64]
  private let readByDeadline: [UInt64]

  init(_ compiled: CompiledScenario) {
    let variableCount = compiled.variableNames.count
    let nodeCount = compiled.nodes.count
    let injectCount = compiled.injects.count
    self.nodeCount = nodeCount
    self.injectCount = injectCount
    // The thresholds, from every condition play reads: a variable read other than
    // compared with a whole number has none (it is kept as itself).
    var found = [Set<Int>?](repeating: [], count: variableCount)
    func read(_ variable: Int, _ threshold: Int?) {
      if let threshold { found[variable]?.insert(threshold) } else { found[variable] = nil }
    }
    for choice in compiled.choices { Self.visit(choice, in: compiled, read) }
    for inject in compiled.injects {
      Self.visit(inject.when, read)
      Self.visit(inject.unless, read)
    }
    for deadline in compiled.deadlines { Self.visit(deadline.met, read) }

    // Each option's ways on: what it adds (unless its statement is no statement), what
    // a statement outcome and a draw then add, and where it leads. Each part is
    // counted at its most (least) or as nothing, whichever is more (less), so that
    // the sum bounds every point along the way.
    struct Way {
      var node: Int
      var parts: [[[(variable: Int, amount: Int)]]]
      var targets: [Int]
    }
    var ways: [Way] = []
    for choice in compiled.choices {
      var way = Way(
        node: choice.node, parts: [[choice.effects.add]],
        targets: NodeSuccessors.targets(choice.target))
      if let write = choice.write {
        way.parts.append(compiled.writes[write].outcomes.map(\.effects.add))
        way.targets += compiled.writes[write].outcomes.flatMap { NodeSuccessors.targets($0.target) }
      }
      if let chances = choice.chances {
        way.parts.append(chances.effects.map(\.add))
        way.targets += chances.gotos.compactMap { $0 }
      }
      ways.append(way)
    }
    for (index, node) in compiled.nodes.enumerated() {
      let timeout = node.onTimeout
      ways.append(
        Way(node: index, parts: [[timeout.effects.add]], targets: [timeout.goto ?? index]))
    }
    // What the parts of a way can add at most and at least, each part counted at its
    // extreme or as nothing.
    func span(_ parts: [[[(variable: Int, amount: Int)]]], _ variable: Int) -> Reach {
      var total = Reach.none
      for part in parts {
        let amounts = part.map { adds in
          adds.reduce(0) { $0 + ($1.variable == variable ? $1.amount : 0) }
        }
        total = total + Reach(low: min(0, amounts.min() ?? 0), high: max(0, amounts.max() ?? 0))
      }
      return total
    }
    func ahead(_ targets: [Int], _ variable: Int, in reaches: [Reach]) -> Reach {
      Reach(
        low: targets.map { reaches[variable * nodeCount + $0].low }.min() ?? 0,
        high: targets.map { reaches[variable * nodeCount + $0].high }.max() ?? 0)
    }
    // The reach from each node, raised until it holds (a loop that moves a variable
    // never does: that variable is kept as itself).
    var byNode = [Reach](repeating: .none, count: variableCount * nodeCount)
    for variable in 0..<variableCount where found[variable] != nil {
      let spans = ways.map { span($0.parts, variable) }
      var settled = false
      for _ in 0...(nodeCount + 1) {
        var changed = false
        for (index, way) in ways.enumerated().reversed() {
          let reach = spans[index] + ahead(way.targets, variable, in: byNode)
          let current = byNode[variable * nodeCount + way.node]
          if reach.high > current.high || reach.low < current.low {
            byNode[variable * nodeCount + way.node] = Reach(
              low: min(reach.low, current.low), high: max(reach.high, current.high))
            changed = true
          }
        }
        if !changed {
          settled = true
          break
        }
      }
      if !settled { found[variable] = nil }
    }
    var byInject = [Reach](repeating: .none, count: variableCount * injectCount)
    for variable in 0..<variableCount where found[variable] != nil {
      for (position, inject) in compiled.injects.enumerated() {
        var parts = [[inject.effects.add]]
        if let chances = inject.chances { parts.append(chances.effects.map(\.add)) }
        byInject[variable * injectCount + position] =
          span(parts, variable) + ahead(NodeSuccessors.targets(of: inject), variable, in: byNode)
      }
    }
    let thresholds = found.map { $0.map { $0.sorted() } }
    self.thresholds = thresholds
    self.byNode = byNode
    self.byInject = byInject

    // Which thresholds are still compared with from each node, inject and deadline, a
    // bit by place in the variable's thresholds (past 64, every one).
    func marker(_ mask: UnsafeMutablePointer<UInt64>) -> (Int, Int?) -> Void {
      { variable, threshold in
        guard let threshold, let list = thresholds[variable] else { return }
        let place = list.firstIndex(of: threshold) ?? 64
        mask[variable] |= place < 64 ? 1 << UInt64(place) : ~0
      }
    }
    var readByNode = [UInt64](repeating: 0, count: nodeCount * variableCount)
    readByNode.withUnsafeMutableBufferPointer { masks in
      guard let base = masks.baseAddress else { return }
      for choice in compiled.choices {
        Self.visit(choice, in: compiled, marker(base + choice.node * variableCount))
      }
    }
    NodeSuccessors(compiled).close(&readByNode, width: variableCount)
    var readByInject = [UInt64](repeating: 0, count: injectCount * variableCount)
    readByInject.withUnsafeMutableBufferPointer { masks in
      guard let base = masks.baseAddress else { return }
      for (position, inject) in compiled.injects.enumerated() {
        let mark = marker(base + position * variableCount)
        Self.visit(inject.when, mark)
        Self.visit(inject.unless, mark)
        for target in NodeSuccessors.targets(of: inject) {
          for variable in 0..<variableCount {
            base[position * variableCount + variable] |=
              readByNode[target * variableCount + variable]
          }
        }
      }
    }
    var readByDeadline = [UInt64](repeating: 0, count: compiled.deadlines.count * variableCount)
    readByDeadline.withUnsafeMutableBufferPointer { masks in
      guard let base = masks.baseAddress else { return }
      for (index, deadline) in compiled.deadlines.enumerated() {
        Self.visit(deadline.met, marker(base + index * variableCount))
      }
    }
    self.readByNode = readByNode
    self.readByInject = readByInject
    self.readByDeadline = readByDeadline
    self.variableCount = variableCount
  }

  /// Calls `read` for each variable `condition` reads: with the whole number it is
  /// compared with, or `nil` when it is read otherwise.
  private static func visit(_ condition: CompiledCondition?, _ read: (Int, Int?) -> Void) {
    guard let condition else { return }
    switch condition {
    case .compare(_, .variable(let variable), .literal(.integer(let threshold))),
      .compare(_, .literal(.integer(let threshold)), .variable(let variable)):
      read(variable, threshold)
    case .variable(let variable):
      read(variable, nil)
    case .not(let operand):
      visit(operand, read)
    case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right):
      visit(left, read)
      visit(right, read)
    default:
      break
    }
  }

  /// ``visit(_:_:)`` for the conditions read where `choice` is offered and taken: its
  /// own, its goto's branches, and its statement outcomes' and their gotos'.
  private static func visit(
    _ choice: CompiledScenario.CompiledChoice, in compiled: CompiledScenario,
    _ read: (Int, Int?) -> Void
  ) {
    func branches(_ target: CompiledScenario.Target?) {
      if case .branches(let branches)? = target { branches.forEach { visit($0.when, read) } }
    }
    visit(choice.when, read)
    branches(choice.target)
    for rule in choice.write.map({ compiled.writes[$0].outcomes }) ?? [] {
      visit(rule.when, read)
      branches(rule.target)
    }
  }

  /// Which of `variable`'s thresholds are still compared with from `state` on (a bit
  /// by place): from its node, the nodes it returns to, the injects not spent and the
  /// deadlines not settled.
  func compared(_ variable: Int, in state: CompactState, spent: [UInt64]) -> UInt64 {
    var mask = readByNode[state.node * variableCount + variable]
    for node in state.returnStack { mask |= readByNode[node * variableCount + variable] }
    for position in 0..<injectCount
    where spent[position >> 6] & 1 << UInt64(position & 63) == 0 {
      mask |= readByInject[position * variableCount + variable]
    }
    // A deadline never to be met (its bit after the injects', ``SpentInjects``)
    // compares with nothing more.
    for index in state.metDeadlines.indices
    where state.metDeadlines[index] == nil
      && !SpentInjects.isDoomed(index, in: spent, injects: injectCount, state: state)
    {
      mask |= readByDeadline[index * variableCount + variable]
    }
    return mask
  }

  /// How far `variable` can still move from `state`, where `spent` are the injects
  /// that can no longer fire (a bit by firing position).
  func reach(of variable: Int, in state: CompactState, spent: [UInt64]) -> Reach {
    var total = byNode[variable * nodeCount + state.node]
    for node in state.returnStack { total = total + byNode[variable * nodeCount + node] }
    for position in 0..<injectCount
    where spent[position >> 6] & 1 << UInt64(position & 63) == 0 {
      total = total + byInject[variable * injectCount + position]
    }
    return total
  }

  /// The class of `value` of `variable` in `state`: the number of its thresholds it
  /// stays above, if it stays on one side of each whatever play does; `nil` when it
  /// must be kept as itself.
  func `class`(of value: Int, variable: Int, in state: CompactState, spent: [UInt64]) -> Int? {
    guard let thresholds = thresholds[variable] else { return nil }
    let reach = reach(of: variable, in: state, spent: spent)
    guard reach.high < Reach.limit, reach.low > -Reach.limit else { return nil }
    // Only the thresholds still compared with count.
    let compared = compared(variable, in: state, spent: spent)
    var above = 0
    for (place, threshold) in thresholds.enumerated()
    where place >= 64 || compared & 1 << UInt64(place) != 0 {
      if value &+ reach.high < threshold { continue }
      guard value &+ reach.low > threshold else { return nil }
      above += 1
    }
    return above
  }
}
