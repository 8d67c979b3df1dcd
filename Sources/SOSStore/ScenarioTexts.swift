import SOSCore

/// One scenario version's nodes and options, by id and by position: a cached score
/// names a node, an option and their texts by position instead of repeating them
/// (``ScoreCachePayload``), which keeps each cached row small and lets every session's
/// copy share the scenario's own strings.
struct ScenarioTexts {
  struct Node {
    var id: String
    var title: String?
    var choices: [(id: String, text: String)]
    var choiceIndex: [String: Int]
  }

  private(set) var nodes: [Node] = []
  private var nodeIndex: [String: Int] = [:]

  init(_ scenario: Scenario) {
    for node in scenario.nodes where nodeIndex[node.id] == nil {
      var choiceIndex: [String: Int] = [:]
      for (index, choice) in node.choices.enumerated() where choiceIndex[choice.id] == nil {
        choiceIndex[choice.id] = index
      }
      nodeIndex[node.id] = nodes.count
      nodes.append(
        Node(
          id: node.id, title: node.title, choices: node.choices.map { ($0.id, $0.text) },
          choiceIndex: choiceIndex))
    }
  }

  /// The position of the node `id`, if the scenario has it.
  func index(ofNode id: String) -> Int? { nodeIndex[id] }

  /// The node at `index`, if there is one.
  func node(at index: Int) -> Node? {
    nodes.indices.contains(index) ? nodes[index] : nil
  }
}
