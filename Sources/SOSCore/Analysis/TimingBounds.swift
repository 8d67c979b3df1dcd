/// Bounds on the simulated clock over every path through a scenario, found by graph
/// search with conditions ignored (so the earliest times are lower bounds, and a fact
/// that is "never" possible here is impossible in play).
public struct TimingBounds: Sendable {
  /// The earliest clock time at which each reachable node can be entered.
  public let earliestArrival: [String: ClockDuration]
  /// The latest clock time at which untimed play can end, or `nil` when a loop makes
  /// it unbounded.
  public let latestEnd: ClockDuration?
  private let scenario: Scenario

  /// Computes the bounds of a scenario.
  public init(_ scenario: Scenario) {
    self.scenario = scenario
    self.earliestArrival = Self.shortestPaths(scenario)
    self.latestEnd = Self.latestEnd(scenario)
  }

  /// The earliest time a choice can be completed (its node reached, then its time
  /// spent), or `nil` if no path reaches it.
  public func earliestCompletion(of choice: Choice, in node: ScenarioNode) -> ClockDuration? {
    earliestArrival[node.id].map { $0 + choice.takes }
  }

  /// The earliest time any path can contact a stakeholder (by a choice's `contacts`,
  /// or by writing a statement to it), or `nil` if none can.
  public func earliestContact(_ stakeholder: String) -> ClockDuration? {
    earliestChoice {
      $0.contacts.contains { $0.value == stakeholder } || $0.write?.audience.value == stakeholder
        || ($0.write?.outcomes ?? []).contains { $0.contacts.contains { $0.value == stakeholder } }
    }
  }

  /// The earliest completion of any reachable choice that satisfies `predicate`.
  public func earliestChoice(where predicate: (Choice) -> Bool) -> ClockDuration? {
    var best: ClockDuration? = nil
    for node in scenario.nodes {
      for choice in node.choices where predicate(choice) {
        if let time = earliestCompletion(of: choice, in: node), best.map({ time < $0 }) ?? true {
          best = time
        }
      }
    }
    return best
  }

  /// The earliest time an expression could become true, or `nil` if it never can.
  /// Facts the graph cannot bound (variables, negations) count as possible at T+0.
  public func earliestTrue(_ expression: Expression) -> ClockDuration? {
    earliestTrue(expression, visitingDeadlines: [])
  }

  // MARK: - Expressions

  private func earliestTrue(_ expression: Expression, visitingDeadlines: Set<String>)
    -> ClockDuration?
  {
    switch expression.kind {
    case .literal(let value):
      if case .boolean(false) = value { return nil }
      return .zero
    case .variable, .not, .elapsed, .statementMet:
      return .zero
    case .and(let left, let right):
      guard let first = earliestTrue(left, visitingDeadlines: visitingDeadlines),
        let second = earliestTrue(right, visitingDeadlines: visitingDeadlines)
      else { return nil }
      return max(first, second)
    case .or(let left, let right):
      let times = [left, right].compactMap {
        earliestTrue($0, visitingDeadlines: visitingDeadlines)
      }
      return times.min()
    case .compare(let comparison, let left, let right):
      // `elapsed >= X` and `elapsed > X` cannot hold before X.
      if case .elapsed = left.kind, case .literal(.duration(let limit)) = right.kind,
        comparison == .greaterThan || comparison == .greaterThanOrEqual
      {
        return limit
      }
      return .zero
    case .call(let function, let argument, _):
      switch function {
      case .visited:
        return earliestArrival[argument]
      case .chose:
        for node in scenario.nodes {
          if let choice = node.choices.first(where: { $0.id == argument }) {
            return earliestCompletion(of: choice, in: node)
          }
        }
        return nil
      case .tagged:
        let byChoice = earliestChoice { choice in
          choice.tags.contains(argument) || choice.outcomes.contains { $0.tags.contains(argument) }
            || (choice.write?.outcomes ?? []).contains { $0.tags.contains(argument) }
        }
        let byInject = scenario.injects.filter { inject in
          inject.tags.contains(argument) || inject.outcomes.contains { $0.tags.contains(argument) }
        }.map(\.at).min()
        return [byChoice, byInject].compactMap { $0 }.min()
      case .contacted:
        return earliestContact(argument)
      case .statement:
        return .zero
      case .met:
        guard !visitingDeadlines.contains(argument),
          let deadline = scenario.deadlines.first(where: { $0.id == argument })
        else { return nil }
        return earliestTrue(
          deadline.met.expression, visitingDeadlines: visitingDeadlines.union([argument]))
      }
    }
  }

  // MARK: - Paths

  /// Dijkstra over nodes, with a choice's `takes` as the edge length; an inject that
  /// diverts play reaches its target no earlier than its `at`.
  private static func shortestPaths(_ scenario: Scenario) -> [String: ClockDuration] {
    var best: [String: ClockDuration] = [scenario.start.value: .zero]
    for inject in scenario.injects {
      for target in [inject.goto] + inject.outcomes.map(\.goto) {
        if let target = target?.value, best[target].map({ inject.at < $0 }) ?? true {
          best[target] = inject.at
        }
      }
    }
    var done: Set<String> = []
    let nodes = Dictionary(
      scenario.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    // The nodes to settle, nearest first; a node pushed again with a shorter time is
    // settled by its first pop and its later, longer entries are skipped.
    var queue = MinHeap<Pending>()
    for (node, time) in best { queue.push(Pending(time: time, node: node)) }
    while let pending = queue.popMin() {
      let (current, time) = (pending.node, pending.time)
      guard done.insert(current).inserted, best[current] == time else { continue }
      guard let node = nodes[current] else { continue }
      var edges = node.choices.flatMap { choice in
        choice.targets.map { ($0.value, time + choice.takes) }
      }
      if let timeout = node.onTimeout, let target = timeout.goto {
        edges.append((target.value, time + timeout.takes))
      }
      for (target, arrival) in edges where !done.contains(target) {
        if best[target].map({ arrival < $0 }) ?? true {
          best[target] = arrival
          queue.push(Pending(time: arrival, node: target))
        }
      }
    }
    return best
  }

  /// A node waiting to be settled, ordered by time, then by id (so ties settle in a
  /// fixed order).
  private struct Pending: Comparable {
    var time: ClockDuration
    var node: String

    static func < (lhs: Pending, rhs: Pending) -> Bool {
      (lhs.time, lhs.node) < (rhs.time, rhs.node)
    }
  }

  /// The longest time untimed play can take: the longest path from the start, plus the
  /// longest thread each diverting inject can add. `nil` if a loop makes it unbounded.
  private static func latestEnd(_ scenario: Scenario) -> ClockDuration? {
    let nodes = Dictionary(
      scenario.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var memo: [String: ClockDuration] = [:]
    var onStack: Set<String> = []
    var unbounded = false

    func longest(from id: String) -> ClockDuration {
      if let known = memo[id] { return known }
      guard let node = nodes[id], !unbounded else { return .zero }
      if !onStack.insert(id).inserted {
        unbounded = true
        return .zero
      }
      var result = ClockDuration.zero
      for choice in node.choices {
        // Waiting until a time of day can take up to a whole day more.
        let most = choice.takes + (choice.until == nil ? .zero : .hours(24))
        for target in choice.targets {
          result = max(result, most + longest(from: target.value))
        }
        if case .returnToDiverted = choice.goto { result = max(result, most) }
      }
      onStack.remove(id)
      memo[id] = result
      return result
    }

    var total = longest(from: scenario.start.value)
    for target in Set(scenario.injects.compactMap(\.goto?.value)) {
      total += longest(from: target)
    }
    return unbounded ? nil : total
  }
}
