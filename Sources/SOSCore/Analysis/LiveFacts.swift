/// Which of the facts conditions name can still be read from a state on: the facts of
/// the conditions at the nodes play can still reach (from where it is, from the nodes
/// it will return to, and from where unfired injects can divert it), of deadlines not
/// yet settled and of injects not yet fired. A fact no condition can read again
/// changes nothing ahead, so the score-bounds search leaves it out of a state's key
/// and states that differ only in such facts are one (see ``SituationCoder``).
struct LiveFacts {
  /// Bit sets over each universe of ``SituationCoder``, in its order.
  struct Mask: Equatable {
    var tags: [UInt32]
    var nodes: [UInt32]
    var choices: [UInt32]
    var stakeholders: [UInt32]
    var variables: [Bool]
    var statements: [Bool]

    mutating func formUnion(_ other: Mask) {
      for index in tags.indices { tags[index] |= other.tags[index] }
      for index in nodes.indices { nodes[index] |= other.nodes[index] }
      for index in choices.indices { choices[index] |= other.choices[index] }
      for index in stakeholders.indices { stakeholders[index] |= other.stakeholders[index] }
      for index in variables.indices where other.variables[index] { variables[index] = true }
      for index in statements.indices where other.statements[index] { statements[index] = true }
    }
  }

  /// By node id: what the conditions at the nodes reachable from it read.
  let byNode: [String: Mask]
  /// By deadline id: what its `met` condition reads.
  let byDeadline: [String: Mask]
  /// By scheduled inject id: what its conditions read, and what the nodes it can divert
  /// to can still read.
  let byInject: [String: Mask]
  let empty: Mask

  init(
    _ scenario: Scenario, tags: [String: Int], nodes: [String: Int], choices: [String: Int],
    stakeholders: [String: Int], variables: [String], statements: [String]
  ) {
    let variableIndex = Dictionary(
      variables.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let statementIndex = Dictionary(
      statements.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    func words(_ universe: [String: Int]) -> [UInt32] {
      [UInt32](repeating: 0, count: (universe.count + 31) / 32)
    }
    let empty = Mask(
      tags: words(tags), nodes: words(nodes), choices: words(choices),
      stakeholders: words(stakeholders),
      variables: Array(repeating: false, count: variables.count),
      statements: Array(repeating: false, count: statements.count))
    self.empty = empty
    func mask(_ expressions: [Expression]) -> Mask {
      let references = ScenarioReferences(expressions: expressions)
      var mask = empty
      func set(_ names: Set<String>, in universe: [String: Int], _ bits: inout [UInt32]) {
        for name in names {
          if let bit = universe[name] { bits[bit / 32] |= 1 << UInt32(bit % 32) }
        }
      }
      set(references.tags, in: tags, &mask.tags)
      set(references.nodes, in: nodes, &mask.nodes)
      set(references.choices, in: choices, &mask.choices)
      set(references.stakeholders, in: stakeholders, &mask.stakeholders)
      for name in references.variables {
        if let index = variableIndex[name] { mask.variables[index] = true }
      }
      for name in references.statements {
        if let index = statementIndex[name] { mask.statements[index] = true }
      }
      return mask
    }

    // Each node's own conditions, and the nodes its steps lead to.
    var own: [String: Mask] = [:]
    var next: [String: Set<String>] = [:]
    for node in scenario.nodes {
      var expressions: [Expression] = []
      var targets: Set<String> = []
      for choice in node.choices {
        expressions += [choice.when].compactMap { $0?.expression }
        expressions += ScenarioReferences.conditions(of: choice.goto)
        targets.formUnion(choice.goto.targets.map(\.value))
        targets.formUnion(choice.outcomes.compactMap { $0.goto?.value })
        for outcome in choice.write?.outcomes ?? [] {
          expressions += [outcome.when].compactMap { $0?.expression }
          if let goto = outcome.goto {
            expressions += ScenarioReferences.conditions(of: goto)
            targets.formUnion(goto.targets.map(\.value))
          }
        }
      }
      if let target = node.onTimeout?.goto?.value { targets.insert(target) }
      own[node.id] = mask(expressions)
      next[node.id] = targets
    }
    // What each node can still read: its own and every reachable node's (each node's
    // reach found once, depth first over the step graph).
    var reach: [String: Mask] = [:]
    for node in scenario.nodes {
      var seen: Set<String> = [node.id]
      var stack = [node.id]
      var total = empty
      while let id = stack.popLast() {
        if let mask = own[id] { total.formUnion(mask) }
        for target in next[id] ?? [] where seen.insert(target).inserted { stack.append(target) }
      }
      reach[node.id] = total
    }
    byNode = reach
    byDeadline = Dictionary(
      scenario.deadlines.map { ($0.id, mask([$0.met.expression])) },
      uniquingKeysWith: { first, _ in first })
    var injects: [String: Mask] = [:]
    for inject in scenario.injects where !inject.manual {
      var total = mask([inject.when, inject.unless].compactMap { $0?.expression })
      for target in [inject.goto] + inject.outcomes.map(\.goto) {
        if let target = target?.value, let reachable = reach[target] { total.formUnion(reachable) }
      }
      injects[inject.id] = total
    }
    byInject = injects
  }

  /// What can still be read from `state` on.
  func mask(for state: SessionState, scenario: Scenario) -> Mask {
    var live = byNode[state.node] ?? empty
    for node in state.returnStack {
      if let mask = byNode[node] { live.formUnion(mask) }
    }
    for deadline in scenario.deadlines
    where state.metDeadlines[deadline.id] == nil && !state.missedDeadlines.contains(deadline.id) {
      if let mask = byDeadline[deadline.id] { live.formUnion(mask) }
    }
    for inject in scenario.injects where !state.firedInjects.contains(inject.id) {
      if let mask = byInject[inject.id] { live.formUnion(mask) }
    }
    return live
  }
}
