/// A node as the engine keeps it for play: the node in a box (finding it copies a
/// reference, not the node), with what every step would otherwise work out again.
final class NodeEntry: Sendable {
  let node: ScenarioNode
  /// Its options' ids in file order: the shown order of a session that does not
  /// shuffle, shared rather than built at every entry.
  let choiceIDs: [String]
  /// Whether some option is offered only sometimes (a `when`, or `goto: return`).
  let hasConditionalChoices: Bool

  init(_ node: ScenarioNode) {
    self.node = node
    self.choiceIDs = node.choices.map(\.id)
    self.hasConditionalChoices = node.choices.contains { choice in
      if choice.when != nil { return true }
      if case .returnToDiverted = choice.goto { return true }
      return false
    }
  }
}
