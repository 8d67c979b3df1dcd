import Foundation
import SOSCore
import Testing

/// A scripted trainee plays every shipped scenario to an ending through plain mode:
/// the `strong` and the `poor` path of scenarios/playthroughs/<id>.yaml, each choice
/// typed as the number the option has at that point, each statement on one line.
@Suite struct PlayCommandTests {
  @Test(arguments: ScriptedScenario.shippedIDs, ["strong", "poor"])
  func scriptedTraineeReachesTheEnding(scenarioID: String, path: String) throws {
    let scenario = try ScriptedScenario.load(scenarioID)
    let script = try scenario.script(path)
    let workshop = try Workshop()
    defer { workshop.remove() }

    let outcome = try workshop.play(scenarioID, script.lines)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr == "")
    #expect(!outcome.stdout.contains("Saved. Resume with"))
    // Each scripted answer was read at its own prompt.
    let prompts =
      outcome.stdout.matches(of: Transcript.choicePrompt).count
      + Transcript.count("statement> ", in: outcome.stdout)
    #expect(prompts == script.lines.count)
    // The ending the path names, as the scenario words it.
    let ending = try #require(scenario.engine.scenario.nodes.first { $0.id == script.ending })
    let shown = outcome.stdout.collapsingWhitespace
    if let title = ending.title { #expect(outcome.stdout.contains(title)) }
    // The ending's text as this path makes it (its variants and `{time}`).
    let final = try scenario.state(after: script, count: script.inputs.count)
    let text = scenario.engine.text(of: ending, in: final)
    #expect(shown.contains(text.collapsingWhitespace), "ending text of \(script.ending)")

    let session = try workshop.onlySession()
    let id = try #require(session["id"] as? String)
    #expect(session["status"] as? String == "finished")
    #expect(session["scenario"] as? String == scenarioID)
    #expect(session["trainee"] as? String == "T")
    #expect(session["decisions"] as? Int == script.lines.count)
    #expect(session["finished"] is String)
    let scores = try #require(session["scores"] as? [String: Any], "no scores: \(session)")
    let overall = try #require(scores["overall"] as? Double)
    #expect(scores["timeliness"] is Double)
    #expect(scores["communication"] is Double)
    #expect(scores["grade"] is String)
    #expect(try workshop.overall(id) == overall)
    // The binary scored exactly the scripted inputs: the engine, given them directly,
    // agrees.
    let report = try Scorer(engine: scenario.engine).score(
      inputs: script.inputs, options: SessionOptions(seed: 7)
    ).get()
    #expect((report.overall * 10).rounded() / 10 == overall)
  }
}
