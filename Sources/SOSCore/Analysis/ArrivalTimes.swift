/// The times on the crisis clock at which each node can be entered, over every path
/// (conditions ignored, so it over-approximates play), with one path to each: what
/// lint needs to check a text that opens with a time of day, and an `until` reached
/// after the time it waits for.
///
/// Paths that reach the same node at the same time are merged, so the search is over
/// (node, time) pairs; it stops after ``limit`` of them and says so.
struct ArrivalTimes {
  /// One way to reach a node at a time: the options taken, by id.
  struct Arrival: Hashable {
    var clock: ClockDuration
    var path: [String]
  }

  /// The (node, time) pairs explored at most.
  static let limit = 20_000

  /// Each node's arrivals, earliest first.
  private(set) var arrivals: [String: [Arrival]] = [:]
  /// Whether the search stopped at ``limit`` before it was done.
  private(set) var incomplete = false

  init(_ scenario: Scenario) {
    let nodes = Dictionary(
      scenario.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    struct Key: Hashable {
      var node: String
      var clock: ClockDuration
    }
    var seen: Set<Key> = [Key(node: scenario.start.value, clock: .zero)]
    var queue: [(Key, [String])] = [(Key(node: scenario.start.value, clock: .zero), [])]
    var head = 0
    while head < queue.count {
      let (key, path) = queue[head]
      head += 1
      arrivals[key.node, default: []].append(Arrival(clock: key.clock, path: path))
      guard let node = nodes[key.node] else { continue }
      for choice in node.choices {
        var clock = key.clock + choice.takes
        if let until = choice.until?.value, let startsAt = scenario.startsAt {
          clock = clock + Engine.wait(until: until, startsAt: startsAt, clock: clock)
        }
        for target in choice.targets {
          let next = Key(node: target.value, clock: clock)
          guard seen.insert(next).inserted else { continue }
          if seen.count > Self.limit {
            incomplete = true
            break
          }
          queue.append((next, path + [choice.id]))
        }
      }
      if incomplete { break }
    }
    for (node, list) in arrivals {
      arrivals[node] = list.sorted { $0.clock < $1.clock }
    }
  }
}
