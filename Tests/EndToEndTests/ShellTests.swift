import Foundation
import Testing

/// The shell (`sos` alone) in plain mode: `sos> ` prompts, `list`, a hint for an
/// unknown command, `play ID` answered to the ending, `sessions`, `quit`.
@Suite struct ShellTests {
  @Test func aScriptedShellSession() throws {
    let scenario = try ScriptedScenario.load("loyalty-data-exposed")
    let script = try scenario.script("strong")
    let workshop = try Workshop()
    defer { workshop.remove() }
    let commands = ["list", "frobnicate", "lst", "play \(scenario.id)"]
    let lines = commands + script.lines + ["sessions", "quit", "list"]

    let outcome = try workshop.run(["--seed", "7"], stdin: lines.map { $0 + "\n" }.joined())
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr == "")
    let out = outcome.stdout
    // list, frobnicate, lst, play, sessions, quit: six prompts; nothing after quit.
    #expect(Transcript.count("sos> ", in: out) == 6)
    #expect(out.hasSuffix("sos> \nGoodbye.\n"))

    let parts = out.components(separatedBy: "sos> ")
    try #require(parts.count == 7)
    for id in ScriptedScenario.shippedIDs {
      #expect(parts[1].contains(id), "list does not show \(id)")
    }
    #expect(parts[2].contains("Unknown command 'frobnicate'. Type 'help' for the commands."))
    #expect(parts[3].contains("Did you mean 'list'?"))

    let play = parts[4]
    let ending = try #require(scenario.engine.scenario.nodes.first { $0.id == script.ending })
    #expect(play.collapsingWhitespace.contains(ending.text.collapsingWhitespace))
    #expect(play.contains("finished. The full debrief: sos debrief "))
    #expect(
      play.matches(of: Transcript.choicePrompt).count + Transcript.count("statement> ", in: play)
        == script.lines.count)

    let sessions = parts[5]
    #expect(sessions.contains("e2e-user"))
    #expect(sessions.contains(scenario.id))
    #expect(sessions.contains("finished"))
    let session = try workshop.onlySession()
    #expect(session["trainee"] as? String == "e2e-user")
    #expect(session["status"] as? String == "finished")
    #expect(session["decisions"] as? Int == script.lines.count)
  }
}
