@testable import SOSCore

/// Random games that use every rule of play, for holding the compact engine to the
/// engine: state variables of each type with `add` and `set` effects, options with
/// `when`, conditional gotos, chance outcomes, pins, `until`, promises, updates,
/// postures, write tasks with outcomes, time limits with timeout rules, injects (at
/// T+0 and later, with `when`/`unless`, diverts, chance outcomes) and a node they
/// divert to that goes back with `goto: return`, deadlines (one met by another) and
/// cadence with quiet hours. Decisions jump 1–3 ahead, so every path ends.
enum FeatureGame {
  static func text(decisions: Int, seed: UInt64) -> String {
    var generator = SeededGenerator(seed: seed)
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &generator) < percent }
    func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &generator)] }
    let stakeholders = ["customers", "press", "regulator"]
    var lines = [
      "format: 1", "id: feature-\(seed)", "title: Feature game", "kind: outage",
      "cluster: accidental", "difficulty: advanced", "minutes: 45", "role: R", "briefing: B",
      "starts_at: \"09:00\"",
      "stakeholders:",
      "  customers: { label: Customers, required: true }",
      "  press: { label: Press }",
      "  regulator: { label: Regulator, required: true }",
      "state:", "  score: 0", "  alarm: false", "  mood: calm",
      "deadlines:",
      "  - { id: d1, label: Tell the regulator, by: 2h, grace: 1h, weight: 2, met: contacted(regulator) }",
      "  - { id: d2, label: Follow through, by: 3h, met: \"met(d1) and score >= 1\" }",
      "  - { id: d3, label: Early tag, by: 30m, grace: 2h, met: tagged(t0) }",
      "cadence:",
      "  - { stakeholder: customers, every: 1h, weight: 2, quiet: \"22:00-07:00\" }",
      "  - { stakeholder: press, every: 2h }",
      "injects:",
      "  - { id: opening, at: 0m, text: It starts., outcomes: [ { chance: 1, effects: { set: { alarm: true } } }, { chance: 2, tags: [quiet-start] } ] }",
      "  - { id: heat, at: 1h, text: Heat., unless: tagged(t1), tags: [heat], effects: { add: { score: -1 } }, goto: side }",
      "  - { id: coin, at: 2h30m, text: Coin., when: \"score >= 0\", outcomes: [ { chance: 1, tags: [lucky] }, { chance: 3, goto: side } ] }",
      "  - { id: late, at: 6h, text: Late., effects: { set: { mood: tense } } }",
      "start: n0",
      "nodes:",
    ]
    let conditions = [
      "\"score >= 1\"", "tagged(t2)", "contacted(press)", "met(d1)", "\"elapsed <= 2h\"",
      "\"mood == 'tense'\"", "\"not alarm\"", "chose(n0-a)", "visited(side)",
    ]
    var writes: [String] = []
    for index in 0..<decisions {
      func target(_ jump: Int) -> String {
        index + jump >= decisions ? pick(["end-low", "end-mid", "end-high"]) : "n\(index + jump)"
      }
      lines += ["  n\(index):", "    text: Choose."]
      if chance(15) {
        lines.append("    time_limit: 60s")
        if chance(50) {
          lines.append(
            "    on_timeout: { takes: 20m, tags: [slow], effects: { add: { score: -1 } }, goto: \(target(1)) }"
          )
        }
      }
      lines.append("    choices:")
      let count = Int.random(in: 2...4, using: &generator)
      for (position, letter) in ["a", "b", "c", "d"].prefix(count).enumerated() {
        var fields = ["id: n\(index)-\(letter)", "text: Option \(letter)"]
        fields.append("takes: \(pick(["5m", "20m", "45m", "1h", "2h"]))")
        if position > 0, chance(30) { fields.append("when: \(pick(conditions))") }
        if chance(40) {
          fields.append(
            pick([
              "effects: { add: { score: 1 } }", "effects: { add: { score: -2 } }",
              "effects: { set: { alarm: true } }", "effects: { set: { mood: tense } }",
            ]))
        }
        if chance(35) {
          fields.append("contacts: [\(pick(stakeholders))]")
          if chance(50) { fields.append("update: true") }
        }
        if chance(40) { fields.append("tags: [t\(Int.random(in: 0..<5, using: &generator))]") }
        fields.append(
          "quality: { clarity: \(Int.random(in: -2...2, using: &generator)),"
            + " empathy: \(Int.random(in: -1...2, using: &generator)) }")
        if chance(25) {
          fields.append("posture: \(pick(["deny", "diminish", "rebuild", "bolster"]))")
        }
        if chance(12) {
          fields.append("promise: { to: \(pick(stakeholders)), within: 1h, label: an update }")
        }
        if chance(8) { fields.append("pin: \(pick(["first", "last"]))") }
        if chance(5) { fields.append("until: \"08:00\"") }
        if chance(8), writes.count < 3 {
          let id = "w\(index)\(letter)"
          writes.append(id)
          fields.append(
            "write: { id: \(id), channel: \(pick(["email", "social"])), audience: \(pick(stakeholders)),"
              + " prompt: Write., must: [ { id: sorry, label: Says sorry, any: [sorry] } ],"
              + " outcomes: [ { min: 50, met: [sorry], tags: [good-words], goto: \(target(1)) },"
              + " { below: 20, text: Weak., contacts: [press], effects: { add: { score: -1 } } },"
              + " { when: \"statement(\(id)) >= 30\", text: Fine. } ] }")
        }
        if chance(10) {
          fields.append(
            "outcomes: [ { chance: 1, tags: [lucky], goto: \(target(1)) },"
              + " { chance: 2, effects: { add: { score: 1 } } } ]")
        }
        if chance(20) {
          fields.append(
            "goto: [ { when: \"score >= 2\", to: \(target(2)) },"
              + " { when: tagged(heat), to: \(target(3)) }, { to: \(target(1)) } ]")
        } else if position == count - 1, chance(15) {
          fields.append("goto: return")
        } else {
          fields.append("goto: \(target(Int.random(in: 1...3, using: &generator)))")
        }
        lines.append("      - { " + fields.joined(separator: ", ") + " }")
      }
    }
    lines += [
      "  side:", "    text: A detour.", "    choices:",
      "      - { id: side-back, text: Back, takes: 10m, quality: { clarity: 1 }, goto: return }",
      "      - { id: side-on, text: On, takes: 10m, tags: [t3], quality: { clarity: -1 },"
        + " goto: n\(max(decisions - 1, 0)) }",
    ]
    for (ending, outcome) in [("end-low", 10), ("end-mid", 50), ("end-high", 100)] {
      lines += [
        "  \(ending):", "    ending: true", "    outcome: \(outcome)", "    text: The end.",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The benchmark's game (Benchmarks/scripts/generate-scenario.py) in small: 3
  /// options a decision jumping 1–10 ahead, with a score variable and conditional
  /// gotos to the endings when `variables`.
  static func benchmarkShaped(decisions: Int, seed: UInt64, variables: Bool) -> String {
    var generator = SeededGenerator(seed: seed)
    var lines = [
      "format: 1", "id: generated-\(decisions)", "title: Generated", "kind: outage",
      "cluster: accidental", "difficulty: advanced", "minutes: 45", "role: R", "briefing: B",
      "starts_at: \"09:00\"", "stakeholders:",
      "  customers: { label: Customers, required: true }",
    ]
    if variables { lines += ["state:", "  score: 0"] }
    lines += ["start: n0", "nodes:"]
    let endings = ["end-low", "end-mid", "end-high"]
    for index in 0..<decisions {
      lines += ["  n\(index):", "    text: Choose.", "    choices:"]
      for (letter, quality) in zip(["a", "b", "c"], [2, 1, -1]) {
        let target = index + Int.random(in: 1...10, using: &generator)
        let scored =
          variables
          ? ", effects: { add: { score: \(quality) } }"
          : ", takes: 5m, quality: { clarity: \(quality) }"
        let goto: String
        if target >= decisions {
          goto =
            variables
            ? "goto: [ { when: 'score >= 20', to: end-high }, { when: 'score >= 5', to: end-mid },"
              + " { to: end-low } ]"
            : "goto: \(endings[Int.random(in: 0..<3, using: &generator)])"
        } else {
          goto = "goto: n\(target)"
        }
        let contacts = letter == "a" && index % 5 == 0 ? ", contacts: [customers]" : ""
        lines.append(
          "      - { id: n\(index)-\(letter), text: Option \(letter)\(scored)\(contacts), \(goto) }"
        )
      }
    }
    for (ending, outcome) in zip(endings, [10, 50, 100]) {
      lines += [
        "  \(ending):", "    ending: true", "    outcome: \(outcome)", "    text: The end.",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
