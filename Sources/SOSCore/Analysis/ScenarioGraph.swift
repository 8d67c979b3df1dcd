/// The scenario as a directed graph of nodes: an edge for every choice's goto target,
/// every timeout goto, and every inject that diverts play. Conditions are ignored, so
/// the graph over-approximates what play can reach.
public struct ScenarioGraph: Sendable {
  /// Each node's successors, in file order.
  public let successors: [String: [String]]
  /// The start node.
  public let start: String
  /// Nodes an inject can divert to, from anywhere.
  public let divertTargets: [String]

  /// Builds the graph of a scenario.
  public init(_ scenario: Scenario) {
    var successors: [String: [String]] = [:]
    for node in scenario.nodes {
      var next: [String] = []
      for choice in node.choices {
        next += choice.targets.map(\.value)
      }
      if let timeout = node.onTimeout?.goto { next.append(timeout.value) }
      successors[node.id] = next
    }
    self.successors = successors
    self.start = scenario.start.value
    self.divertTargets = scenario.injects.flatMap { inject in
      ([inject.goto] + inject.outcomes.map(\.goto)).compactMap { $0?.value }
    }
  }

  /// Every node reachable from the start, counting inject diverts as reachable from
  /// any node.
  public func reachable() -> Set<String> {
    var seen: Set<String> = [start]
    var stack = [start] + divertTargets
    seen.formUnion(divertTargets)
    while let node = stack.popLast() {
      for next in successors[node] ?? [] where seen.insert(next).inserted {
        stack.append(next)
      }
    }
    return seen
  }
}
