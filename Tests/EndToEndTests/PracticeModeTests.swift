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

  /// A decision taken back is in no view of the session: not in the timeline on
  /// resuming, nor in `sos debrief`, `sos score` or the end-of-play debrief; the log
  /// (and `sos export`) keeps the undo.
  @Test func anUndoneDecisionIsInNoViewOfTheSession() throws {
    let scenario = try ScriptedScenario.load("no-chicken")
    let script = try scenario.script("strong")
    let start = try scenario.state(after: script, count: 0)
    let offered = scenario.engine.offeredChoices(in: start)
    let strong = try #require(Int(script.lines[0]))
    let undone = strong % offered.count + 1
    let undoneText = offered[undone - 1].text.collapsingWhitespace
    let workshop = try Workshop()
    defer { workshop.remove() }

    // The other option, undo, the strong first answer; leave; resume, look at the
    // timeline, and play the rest.
    let first = try workshop.play(
      "scenarios/\(scenario.file)", [String(undone), "undo", script.lines[0]],
      options: ["--mode", "practice"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.collapsingWhitespace.contains(undoneText))
    let id = try #require(try workshop.onlySession()["id"] as? String)
    let resumed = try workshop.run(
      ["resume"], stdin: (["timeline"] + script.lines.dropFirst()).map { $0 + "\n" }.joined())
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.contains("Timeline"))
    #expect(!resumed.stdout.collapsingWhitespace.contains(undoneText), "\(resumed.stdout)")

    let debrief = try workshop.run(["debrief", id, "--format", "json"])
    #expect(debrief.status == 0, "\(debrief.stderr)")
    #expect(!debrief.stdout.collapsingWhitespace.contains(undoneText))
    #expect(debrief.stdout.contains(offered[strong - 1].text))
    let text = try workshop.run(["debrief", id])
    #expect(!text.stdout.collapsingWhitespace.contains(undoneText))
    let score = try workshop.run(["score", id, "--json"])
    #expect(!score.stdout.collapsingWhitespace.contains(undoneText))

    let export = try workshop.run(["export", id])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("\"undo\""))
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
