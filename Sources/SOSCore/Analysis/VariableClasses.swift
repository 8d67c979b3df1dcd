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
    // The thresholds, from every condition play reads.
    var found = [Set<Int>?](repeating: [], count: variableCount)
    func read(_ condition: CompiledCondition?) {
      guard let condition else { return }
      switch condition {
      case .compare(_, .variable(let variable), .literal(.integer(let threshold))),
        .compare(_, .literal(.integer(let threshold)), .variable(let variable)):
        found[variable]?.insert(threshold)
      case .variable(let variable):
        found[variable] = nil
      case .not(let operand):
        read(operand)
      case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right):
        read(left)
        read(right)
      default:
        break
      }
    }
    func read(_ target: CompiledScenario.Target?) {
      if case .branches(let branches)? = target { branches.forEach { read($0.when) } }
    }
    for choice in compiled.choices {
      read(choice.when)
      read(choice.target)
    }
    for write in compiled.writes {
      for rule in write.outcomes {
        read(rule.when)
        read(rule.target)
      }
    }
    for inject in compiled.injects {
      read(inject.when)
      read(inject.unless)
    }
    for deadline in compiled.deadlines { read(deadline.met) }

    // Each option's ways on: what it adds (unless its statement is no statement), what
    // a statement outcome and a draw then add, and where it leads. Each part is
    // counted at its most (least) or as nothing, whichever is more (less), so that
    // the sum bounds every point along the way.
    struct Way {
      var node: Int
      var parts: [[[(variable: Int, amount: Int)]]]
      var targets: [Int]
    }
    func targets(_ target: CompiledScenario.Target?) -> [Int] {
      switch target {
      case .node(let node)?: return [node]
      case .branches(let branches)?: return branches.map(\.to)
      case .returnToDiverted?, nil: return []
      }
    }
    var ways: [Way] = []
    for choice in compiled.choices {
      var way = Way(
        node: choice.node, parts: [[choice.effects.add]], targets: targets(choice.target))
      if let write = choice.write {
        way.parts.append(compiled.writes[write].outcomes.map(\.effects.add))
        way.targets += compiled.writes[write].outcomes.flatMap { targets($0.target) }
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
        let gotos =
          [inject.goto].compactMap { $0 } + (inject.chances?.gotos.compactMap { $0 } ?? [])
        byInject[variable * injectCount + position] =
          span(parts, variable) + ahead(gotos, variable, in: byNode)
      }
    }
    let thresholds = found.map { $0.map { $0.sorted() } }
    self.thresholds = thresholds
    self.byNode = byNode
    self.byInject = byInject

    // Which thresholds are still compared with from each node, inject and deadline, a
    // bit by place in the variable's thresholds (past 64, every one).
    func compared(_ condition: CompiledCondition?, into mask: inout [UInt64], at base: Int) {
      guard let condition else { return }
      func mark(_ variable: Int, _ threshold: Int) {
        guard let list = thresholds[variable] else { return }
        let place = list.firstIndex(of: threshold) ?? 64
        mask[base + variable] |= place < 64 ? 1 << UInt64(place) : ~0
      }
      switch condition {
      case .compare(_, .variable(let variable), .literal(.integer(let threshold))),
        .compare(_, .literal(.integer(let threshold)), .variable(let variable)):
        mark(variable, threshold)
      case .not(let operand):
        compared(operand, into: &mask, at: base)
      case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right):
        compared(left, into: &mask, at: base)
        compared(right, into: &mask, at: base)
      default:
        break
      }
    }
    func compared(_ target: CompiledScenario.Target?, into mask: inout [UInt64], at base: Int) {
      if case .branches(let branches)? = target {
        for branch in branches { compared(branch.when, into: &mask, at: base) }
      }
    }
    var readByNode = [UInt64](repeating: 0, count: nodeCount * variableCount)
    for choice in compiled.choices {
      let base = choice.node * variableCount
      compared(choice.when, into: &readByNode, at: base)
      compared(choice.target, into: &readByNode, at: base)
      if let write = choice.write {
        for rule in compiled.writes[write].outcomes {
          compared(rule.when, into: &readByNode, at: base)
          compared(rule.target, into: &readByNode, at: base)
        }
      }
    }
    if variableCount > 0 {
      var changed = true
      while changed {
        changed = false
        for way in ways.reversed() {
          for target in way.targets where target != way.node {
            for variable in 0..<variableCount {
              let merged =
                readByNode[way.node * variableCount + variable]
                | readByNode[target * variableCount + variable]
              if merged != readByNode[way.node * variableCount + variable] {
                readByNode[way.node * variableCount + variable] = merged
                changed = true
              }
            }
          }
        }
      }
    }
    var readByInject = [UInt64](repeating: 0, count: injectCount * variableCount)
    for (position, inject) in compiled.injects.enumerated() {
      let base = position * variableCount
      compared(inject.when, into: &readByInject, at: base)
      compared(inject.unless, into: &readByInject, at: base)
      let gotos =
        [inject.goto].compactMap { $0 } + (inject.chances?.gotos.compactMap { $0 } ?? [])
      for target in gotos {
        for variable in 0..<variableCount {
          readByInject[base + variable] |= readByNode[target * variableCount + variable]
        }
      }
    }
    var readByDeadline = [UInt64](repeating: 0, count: compiled.deadlines.count * variableCount)
    for (index, deadline) in compiled.deadlines.enumerated() {
      compared(deadline.met, into: &readByDeadline, at: index * variableCount)
    }
    self.readByNode = readByNode
    self.readByInject = readByInject
    self.readByDeadline = readByDeadline
    self.variableCount = variableCount
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
    let deadlineWords = (injectCount + 63) / 64
    for index in state.metDeadlines.indices where state.metDeadlines[index] == nil {
      let word = deadlineWords + index >> 6
      let never =
        word < spent.count
        ? spent[word] & 1 << UInt64(index & 63) != 0 : state.has(.missedDeadline, index)
      if never { continue }
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
