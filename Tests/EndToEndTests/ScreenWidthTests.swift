import Foundation
import Testing

/// Text wraps to the terminal's width (DESIGN §8): in plain mode the width is
/// `COLUMNS`, and every line of play — decisions, outcomes, and the answers to
/// `status`, `timeline`, `stakeholders`, `help` and `hint` — fits in it.
@Suite struct ScreenWidthTests {
  @Test func everyLineOfPlayFitsANarrowTerminal() throws {
    let scenario = try ScriptedScenario.load("loyalty-data-exposed")
    let script = try scenario.script("strong")
    var workshop = try Workshop()
    defer { workshop.remove() }
    workshop.environment["COLUMNS"] = "50"
    let asked = ["status", "timeline", "stakeholders", "help", "hint"]
    var lines: [String] = []
    for (index, answer) in script.lines.enumerated() {
      let atChoice =
        scenario.engine.pendingWrite(
          in: try scenario.state(after: script, count: index)) == nil
      if atChoice { lines += asked }
      lines.append(answer)
    }
    let outcome = try workshop.play(
      "scenarios/\(scenario.file)", lines, options: ["--mode", "practice"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("Status at"))
    #expect(outcome.stdout.contains("Timeline"))
    for line in Transcript.linesWider(than: 50, in: outcome.stdout) {
      Issue.record("wider than COLUMNS=50: \(line)")
    }
  }
}
