import Foundation
import SOSCore
import Testing

/// Practice mode gives hints, feedback after each decision, and undo; assessment mode
/// refuses hints and undo with a message (DESIGN §4).
@Suite struct PracticeModeTests {
  @Test func practiceGivesHintsFeedbackAndUndo() throws {
    let scenario = try ScriptedScenario.load("loyalty-data-exposed")
    let script = try scenario.script("strong")
    let engine = scenario.engine
    let start = try scenario.state(after: script, count: 0)
    let firstHeading = try #require(scenario.title(of: start.node))
    let hints = engine.offeredChoices(in: start).compactMap(\.hint)
    try #require(!hints.isEmpty, "the first decision has no hints")
    let first = try #require(Int(script.lines[0]))
    let taken = engine.offeredChoices(in: start)[first - 1]
    let feedback = try #require(taken.feedback)
    let workshop = try Workshop()
    defer { workshop.remove() }

    // undo before any decision; a hint; the first answer; undo; then the whole path.
    let lines = ["undo", "hint", script.lines[0], "undo"] + script.lines
    let outcome = try workshop.play(
      "scenarios/\(scenario.file)", lines, options: ["--mode", "practice"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let shown = outcome.stdout.collapsingWhitespace
    #expect(outcome.stdout.contains("There is nothing to undo yet."))
    for hint in hints { #expect(shown.contains("Hint: " + hint.collapsingWhitespace)) }
    #expect(shown.contains(feedback.collapsingWhitespace), "no feedback after the decision")
    #expect(outcome.stdout.contains("Undone. 0 decisions stand."))
    // The first decision is shown again after the undo: its heading twice.
    #expect(Transcript.count("\n\(firstHeading)\n", in: outcome.stdout) == 2)
    let session = try workshop.onlySession()
    #expect(session["status"] as? String == "finished")
    #expect(session["decisions"] as? Int == script.lines.count)
    // Feedback follows every decision of the path that has one.
    var state = start
    for input in script.inputs {
      if case .choose(let number) = input,
        let text = engine.offeredChoices(in: state)[number - 1]
          .feedback
      {
        #expect(shown.contains(text.collapsingWhitespace))
      }
      state = try engine.step(state, input).get().state
    }
  }

  @Test func assessmentRefusesHintsAndUndo() throws {
    let scenario = try ScriptedScenario.load("loyalty-data-exposed")
    let script = try scenario.script("strong")
    let workshop = try Workshop()
    defer { workshop.remove() }
    let outcome = try workshop.play(
      "scenarios/\(scenario.file)", ["hint", script.lines[0], "undo", "hint"],
      options: ["--mode", "assessment"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(Transcript.count("Hints are only given in practice mode.", in: outcome.stdout) == 2)
    #expect(Transcript.count("Undo is only available in practice mode.", in: outcome.stdout) == 1)
    #expect(!outcome.stdout.contains("Hint:"))
    #expect(!outcome.stdout.contains("Undone"))
    // No feedback in assessment mode either.
    let start = try scenario.state(after: script, count: 0)
    let first = try #require(Int(script.lines[0]))
    let taken = scenario.engine.offeredChoices(in: start)[first - 1]
    let feedback = try #require(taken.feedback)
    #expect(!outcome.stdout.collapsingWhitespace.contains(feedback.collapsingWhitespace))
    let session = try workshop.onlySession()
    #expect(session["status"] as? String == "active")
    #expect(session["decisions"] as? Int == 1)
    // With --db the command is long, and stands whole on the next line.
    #expect(outcome.stdout.contains(#/Saved\. Resume with:\s+sos resume [0-9a-f]{8} --db /#))
  }
}
