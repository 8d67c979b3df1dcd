import Testing

@testable import SOSCore

/// Small scenarios written by a seeded generator with the features whose states the
/// search merges: deadlines met or missed (named by a condition or not), injects that
/// fire or can no longer fire (`unless`, `when`, on facts set or that play can no
/// longer set, some calling the trainee aside until play returns), a variable moved
/// by effects and compared with thresholds (in conditions and routes), promises kept
/// or left open, waits
/// until a time of day, quiet hours, and options that take different times to the
/// same node. The bounds must equal a full enumeration through the scorer.
@Suite struct RandomFeatureBoundsTests {
  /// A scenario of four to seven decision nodes, written from `seed`.
  static func scenario(seed: UInt64) -> String {
    var random = SeededGenerator(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    let tags = ["t0", "t1", "t2"]
    let facts = [
      "tagged(t0)", "tagged(t1)", "contacted(customers)", "contacted(staff)",
      "tagged(t0) and contacted(staff)", "not tagged(t2)", "tagged(t1) or tagged(t2)",
      "chose(n1-c1)", "visited(n3) or tagged(t2)", "tagged(t1) and elapsed <= 1h",
      "trust >= 53", "trust < 44 and tagged(t0)", "40 > trust or trust == 62",
    ]
    var text = """
      starts_at: "\(pick(["07:30", "12:00", "17:45", "21:15"]))"
      state:
        trust: 50
      stakeholders:
        customers: { label: Customers, required: true }
        staff: { label: Staff, required: \(chance(50)) }
        press: { label: Press }

      """
    if chance(70) {
      let quiet = chance(50) ? ", quiet: \"22:00-07:00\"" : ""
      let every = pick(["1h", "2h", "3h"])
      text += "cadence:\n  - { stakeholder: customers, every: \(every)\(quiet) }\n"
    }
    let deadlines = Int.random(in: 0...2, using: &random)
    if deadlines > 0 {
      text += "deadlines:\n"
      for index in 0..<deadlines {
        text +=
          "  - { id: d\(index), label: D\(index), by: \(pick(["30m", "1h", "2h", "4h"])),"
          + " grace: \(pick(["0m", "30m", "2h"])), weight: \(Int.random(in: 1...3, using: &random)),"
          + " met: \(pick(Array(facts.prefix(5)))) }\n"
      }
    }
    let injects = Int.random(in: 0...2, using: &random)
    if injects > 0 {
      text += "injects:\n"
      for index in 0..<injects {
        var conditions = deadlines > 0 ? ["when: met(d0)", "unless: met(d0)"] : []
        conditions += facts.map { "unless: \($0)" } + facts.map { "when: \($0)" } + [""]
        let condition = pick(conditions)
        // Some end the crisis there and then, for better or worse; some call the
        // trainee aside, and play returns to where it was going.
        let goto = chance(45) ? " goto: \(pick(["end-low", "end-high", "aside"]))," : ""
        text +=
          "  - { id: i\(index), at: \(pick(["30m", "1h", "2h", "3h"])), text: News.,"
          + (condition.isEmpty ? "" : " \(condition),") + goto
          + (chance(40) ? " effects: { add: { trust: \(pick([-9, -4, 8])) } }," : "")
          + " tags: [\(pick(tags))] }\n"
      }
    }
    let nodes = Int.random(in: 4...7, using: &random)
    text += "start: n0\nnodes:\n"
    for node in 0..<nodes {
      text += "  n\(node):\n    text: Node \(node).\n    choices:\n"
      for option in 0..<Int.random(in: 2...3, using: &random) {
        var parts = [
          "id: n\(node)-c\(option)", "text: Option \(option)",
          "takes: \(pick(["10m", "30m", "45m", "1h", "2h", "3h"]))",
          "quality: { clarity: \(Int.random(in: -1...2, using: &random)) }",
        ]
        if chance(40) { parts.append("tags: [\(pick(tags))]") }
        if chance(50) {
          parts.append("contacts: [\(pick(["customers", "staff", "press", "customers, staff"]))]")
          if chance(50) { parts.append("update: true") }
        }
        if chance(20) {
          let within = pick(["1h", "2h"])
          parts.append("promise: { to: customers, within: \(within), label: an update }")
        }
        if chance(20) { parts.append("until: \"\(pick(["09:00", "18:00", "23:00"]))\"") }
        if chance(40) {
          let effect =
            chance(85)
            ? "add: { trust: \(pick([-12, -7, -5, 6, 10, 15])) }"
            : "set: { trust: \(pick([30, 60])) }"
          parts.append("effects: { \(effect) }")
        }
        // The first option is always offered, so that no node leaves play stuck.
        if option > 0, chance(50) {
          parts.append("when: \(pick(facts + (deadlines > 0 ? ["met(d0)", "not met(d0)"] : [])))")
        }
        let ahead = (node + 1)..<min(node + 4, nodes)
        let target =
          ahead.isEmpty || chance(10) ? pick(["end-low", "end-high"]) : "n\(pick(Array(ahead)))"
        if chance(20) {
          // A route on the variable: one way if it is high enough, else the other.
          let other = ahead.isEmpty ? "end-high" : "n\(pick(Array(ahead)))"
          let threshold = pick([38, 50, 61])
          parts.append("goto: [{ when: trust >= \(threshold), to: \(other) }, { to: \(target) }]")
        } else {
          parts.append("goto: \(target)")
        }
        text += "      - { \(parts.joined(separator: ", ")) }\n"
      }
    }
    text += "  aside:\n    text: Aside.\n    choices:\n"
    text +=
      "      - { id: aside-c0, text: Answer, takes: \(pick(["20m", "1h"])), contacts: [press],"
      + " quality: { clarity: 1 }, goto: return }\n"
    text +=
      "      - { id: aside-c1, text: Later, takes: 10m, until: \"\(pick(["09:00", "18:00"]))\","
      + " quality: { clarity: 0 }, goto: return }\n"
    text += "  end-low: { text: Done., ending: true, outcome: 40 }\n"
    text += "  end-high: { text: Done well., ending: true, outcome: 85 }\n"
    // Every tag is set somewhere, so that no condition names a tag that never is.
    text += "  unreached:\n    text: Never reached.\n    choices:\n"
    text += "      - { id: set-tags, text: Set, takes: 1m, tags: [t0, t1, t2], goto: end-low }\n"
    return ScoreBoundsTests.scenario("random-\(seed)", text)
  }

  @Test(arguments: 1...400)
  func boundsEqualAFullEnumeration(seed: Int) throws {
    let text = Self.scenario(seed: UInt64(seed))
    let loaded = ScenarioLoader.load(text: text, file: "random-\(seed).yaml")
    let scenario = try #require(
      loaded.scenario, "\(loaded.diagnostics.map(\.headline))\n\(text)")
    let engine = Engine(scenario: scenario)
    let bounds = try #require(ScoreBounds.analyze(engine), "\(text)")
    let reference = try #require(
      try ReferenceBounds.enumerate(engine, from: engine.start(ScoreBoundsTests.analysis).state),
      "\(text)")
    #expect(bounds.exact, "\(bounds.reasons)\n\(text)")
    ScoreBoundsTests.expectSame(bounds, reference)
  }
}
