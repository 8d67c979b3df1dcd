import Foundation
import Testing

/// `sos analyze` as a user runs it: exact bounds, loops named, chance and statements.
@Suite struct AnalyzeCommandTests {
  static let header = """
    format: 1
    id: ask-again
    title: Ask again
    kind: recall
    cluster: preventable
    difficulty: introductory
    minutes: 10
    role: Manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers, required: true }

    """

  /// Two nodes; the first option asks again and comes back to the same decision.
  static let askAgain =
    header + """
      start: ask
      nodes:
        ask:
          title: Ask
          text: What now?
          choices:
            - { id: ask-again, text: Ask again, takes: 10m, quality: { clarity: -1 }, goto: ask }
            - { id: tell, text: Tell customers, takes: 20m, contacts: [customers], update: true, quality: { clarity: 2 }, goto: told }
        told: { text: Told., ending: true, outcome: 90 }

      """

  static func write(_ text: String, as name: String) throws -> URL {
    let folder = try SOSProcess.temporaryDirectory()
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    return folder
  }

  static func json(_ outcome: SOSProcess.Outcome) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
  }

  static func score(_ json: [String: Any], _ name: String, _ end: String) -> Double? {
    ((json[name] as? [String: Any])?[end] as? [String: Any])?["score"] as? Double
  }

  @Test func aLoopIsNamedAndTheBoundsAreFinite() throws {
    let folder = try Self.write(Self.askAgain, as: "ask.yaml")
    let outcome = try SOSProcess.run(["analyze", "ask.yaml", "--json"], directory: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let json = try Self.json(outcome)
    // The one path that does not go round the loop: tell customers at once. Nothing
    // is timed, so timeliness is full; the outcome is the ending's 90; communication
    // is the option (full credit) and customers' coverage (told at 20m, the end:
    // half credit), 60 : 10 → 100 × 60/70 + 100 × 10/70 × 0.5 = 92.857…
    let communication = 100 * 60.0 / 70 + 100 * 10.0 / 70 * 0.5
    let overall = (40 * 100 + 45 * communication + 15 * 90) / 100
    for end in ["minimum", "maximum"] {
      #expect(abs((Self.score(json, "communication", end) ?? 0) - communication) < 1e-6)
      #expect(abs((Self.score(json, "overall", end) ?? 0) - overall) < 1e-6)
      #expect(Self.score(json, "timeliness", end) == 100)
      #expect(Self.score(json, "outcome", end) == 90)
    }
    let loops = try #require(json["loops"] as? [[String: Any]])
    #expect(loops.count == 1)
    #expect(loops.first?["node"] as? String == "ask")
    #expect(loops.first?["path"] as? [String] == ["ask-again"])
    #expect(json["exact"] as? Bool == false)
    #expect(json["exhaustive"] as? Bool == false)

    let text = try SOSProcess.run(["analyze", "ask.yaml"], directory: folder)
    #expect(text.status == 0)
    #expect(text.stdout.contains("loop at ask: ask-again → back to ask"))
    #expect(text.stdout.contains("not exact: going round a loop"))
    #expect(text.stdout.contains("overall: 95.3–95.3"))
  }

  @Test func theJSONKeepsItsOldFieldsAndAddsTheNewOnes() throws {
    let folder = try Self.write(Self.askAgain, as: "ask.yaml")
    let json = try Self.json(
      try SOSProcess.run(["analyze", "ask.yaml", "--json"], directory: folder))
    for key in [
      "scenario", "overall", "timeliness", "communication", "outcome", "paths", "exhaustive",
      "loopingPaths", "states", "completePaths", "exact", "reasons", "loops", "expected",
      "hasChance", "budgetReached",
    ] {
      #expect(json[key] != nil, "\(key)")
    }
    let overall = try #require(json["overall"] as? [String: Any])
    let minimum = try #require(overall["minimum"] as? [String: Any])
    #expect(minimum["path"] as? [String] == ["tell"])
    #expect(minimum["ending"] as? String == "told")
  }

  @Test func theBudgetCapsTheStatesExplored() throws {
    let scenario = SOSProcess.repositoryRoot.appendingPathComponent(
      "scenarios/miscommunication.yaml")
    let outcome = try SOSProcess.run(["analyze", scenario.path, "--budget", "40"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.hasPrefix("wrong-arrears-text: 40 states explored"))
    #expect(outcome.stdout.contains("not exact: the search stopped after 40 states (the budget)"))
    #expect(!outcome.stdout.contains("expected overall"))
    let json = try Self.json(
      try SOSProcess.run(["analyze", scenario.path, "--budget", "40", "--json"]))
    #expect(json["states"] as? Int == 40)
    #expect(json["paths"] as? Int == 40)
    #expect(json["budgetReached"] as? Bool == true)
    #expect(json["exhaustive"] as? Bool == false)
    #expect(json["expected"] is NSNull)
  }

  @Test func aBudgetOutOfRangeIsRefused() throws {
    let outcome = try SOSProcess.run(["analyze", "wrong-arrears-text", "--budget", "0"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("--budget must be between 1 and 10000000"))
  }

  @Test func chanceOutcomesGiveAnExpectedScore() throws {
    let text =
      Self.header.replacingOccurrences(of: "id: ask-again", with: "id: gamble") + """
        start: pick
        nodes:
          pick:
            text: Pick.
            choices:
              - id: gamble
                text: Gamble
                takes: 10m
                contacts: [customers]
                goto: great
                outcomes:
                  - { chance: 1, text: It works., goto: great }
                  - { chance: 3, text: It fails., goto: poor }
              - { id: safe, text: Safe, takes: 10m, contacts: [customers], goto: fine }
          great: { text: G., ending: true, outcome: 100 }
          poor: { text: P., ending: true, outcome: 20 }
          fine: { text: F., ending: true, outcome: 60 }

        """
    let folder = try Self.write(text, as: "gamble.yaml")
    let json = try Self.json(
      try SOSProcess.run(["analyze", "gamble.yaml", "--json"], directory: folder))
    // Customers hear at 10m, the end: half coverage credit, so communication is 50
    // (nothing else is graded) and overall = (4000 + 45 × 50 + 15 × outcome) / 100.
    func overall(_ outcome: Double) -> Double { (4_000 + 45 * 50 + 15 * outcome) / 100 }
    #expect(Self.score(json, "overall", "maximum") == overall(100))
    #expect(Self.score(json, "overall", "minimum") == overall(20))
    // Gamble: ¼ × 77.5 + ¾ × 65.5 = 68.5; safe: 71.5. The best option is safe.
    #expect(abs((json["expected"] as? Double ?? 0) - overall(60)) < 1e-9)
    #expect(json["hasChance"] as? Bool == true)
    let printed = try SOSProcess.run(["analyze", "gamble.yaml"], directory: folder)
    #expect(printed.stdout.contains("expected overall with the best options: 71.5 (chance"))
  }
}
