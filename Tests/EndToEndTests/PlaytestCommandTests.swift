import Foundation
import Testing

/// `sos playtest --blind` and `--paths` as an author runs them.
@Suite struct PlaytestCommandTests {
  /// Option 1 is the strongest at every decision, and nothing needs writing: pressing 1
  /// passes and reaches the best ending.
  static let pressOne =
    AnalyzeCommandTests.header + """
      start: first
      nodes:
        first:
          text: What now?
          choices:
            - { id: tell, text: Tell customers now, takes: 10m, pin: first, contacts: [customers], update: true, quality: { clarity: 2 }, goto: second }
            - { id: wait, text: Wait for the facts, takes: 10m, quality: { clarity: -2 }, goto: second }
        second:
          text: And then?
          choices:
            - { id: fix, text: Fix the fault first, takes: 10m, pin: first, quality: { accountability: 2 }, goto: fixed }
            - { id: hide, text: Hide the fault now, takes: 10m, quality: { accountability: -2 }, goto: hidden }
        fixed: { text: Fixed., ending: true, outcome: 90 }
        hidden: { text: Hidden., ending: true, outcome: 10 }

      """

  @Test func blindPlayNamesTheStrategiesThatPass() throws {
    let folder = try AnalyzeCommandTests.write(Self.pressOne, as: "one.yaml")
    let outcome = try SOSProcess.run(
      ["playtest", "one.yaml", "--blind", "--runs", "20", "--no-color"], directory: folder)
    #expect(outcome.status == 1, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("ask-again: played blind; best ending fixed"))
    #expect(outcome.stdout.contains("MISS seed 1:"))
    #expect(
      outcome.stdout.contains(
        "- option 1 everywhere, 'ok' as every statement, seed 7: scores 97.4, not below 60"))
    #expect(
      outcome.stdout.contains(
        "lorem ipsum as statements, seed 1: scores 97.4, not below 75, and reaches the best ending 'fixed'"
      ))
    #expect(!outcome.stdout.contains("the last option everywhere, 'ok' as every statement, seed"))

    let json = try AnalyzeCommandTests.json(
      try SOSProcess.run(["playtest", "one.yaml", "--blind", "--json"], directory: folder))
    #expect(json["bestEndings"] as? [String] == ["fixed"])
    #expect((json["runs"] as? [Any])?.count == 12)
  }

  @Test func aShippedScenarioPathsFilePlaysUnderThreeSeeds() throws {
    let outcome = try SOSProcess.run(
      ["playtest", "no-chicken", "--paths", "scenarios/playthroughs/no-chicken.yaml"],
      directory: SOSProcess.repositoryRoot)
    #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    #expect(outcome.stdout.contains("strong: to "))
    #expect(outcome.stdout.contains("  ok   seed 2026: "))
    #expect(outcome.stdout.hasSuffix("Every path reaches its ending within its scores.\n"))
  }

  @Test func aPathThatMissesItsEndingOrScoreFails() throws {
    let folder = try AnalyzeCommandTests.write(Self.pressOne, as: "one.yaml")
    let paths = """
      scenario: ask-again
      file: one.yaml
      paths:
        - name: strong
          ending: fixed
          min_overall: 99
          steps: [{ choose: wait }, { choose: fix }]
        - name: lost
          ending: fixed
          steps: [{ choose: tell }, { choose: hide }]
        - name: typo
          ending: fixed
          steps: [{ choose: tel }]

      """
    try paths.write(
      to: folder.appendingPathComponent("paths.yaml"), atomically: true, encoding: .utf8)
    let outcome = try SOSProcess.run(
      ["playtest", "one.yaml", "--paths", "paths.yaml"], directory: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stdout.contains("strong: overall "))
    #expect(outcome.stdout.contains(", below 99"))
    #expect(outcome.stdout.contains("lost: ended at 'hidden', not 'fixed'"))
    #expect(
      outcome.stdout.contains("typo step 1: 'tel' is not offered at 'first'; offered: tell, wait"))
    #expect(outcome.stdout.contains("9 runs missed."))

    try "paths: [".write(
      to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    let bad = try SOSProcess.run(
      ["playtest", "one.yaml", "--paths", "bad.yaml"], directory: folder)
    #expect(bad.status == 65)
    #expect(bad.stderr == "bad.yaml: error: not valid YAML\n")
    let missing = try SOSProcess.run(
      ["playtest", "one.yaml", "--paths", "nowhere.yaml"], directory: folder)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("cannot read 'nowhere.yaml'"))
  }
}
