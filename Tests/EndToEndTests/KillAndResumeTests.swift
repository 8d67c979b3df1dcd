import Foundation
import Testing

/// Every answered decision is saved before the next prompt appears (DESIGN §6): a
/// trainee's `sos play` killed with SIGKILL while it waits at decision k has k−1
/// decisions saved, and `sos resume` continues at decision k and finishes with the
/// score an uninterrupted playthrough gets.
@Suite struct KillAndResumeTests {
  /// A choice or statement prompt.
  static var anyPrompt: Regex<Substring> { #/choice \[1(?:-[0-9]+)?\]> |statement> /# }

  @Test(arguments: ScriptedScenario.shippedIDs)
  func killedAtDecisionKResumesThere(scenarioID: String) throws {
    let scenario = try ScriptedScenario.load(scenarioID)
    let script = try scenario.script("strong")
    // Decision k: the first choice in the second half of the path.
    let index = try #require(
      script.inputs.indices.first { $0 >= script.inputs.count / 2 && !script.isStatement($0) })
    let k = index + 1
    let before = try scenario.state(after: script, count: k - 1)
    let heading = try #require(scenario.title(of: before.node), "node \(before.node) has no title")
    let offered = try scenario.offeredCount(after: script, k - 1)
    let workshop = try Workshop()
    defer { workshop.remove() }
    let file = "scenarios/\(scenario.file)"

    let live = try workshop.start(["play", file, "--as", "T", "--seed", "7"])
    for (number, line) in script.lines.prefix(k - 1).enumerated() {
      try live.waitForPrompt(number: number + 1, matching: Self.anyPrompt)
      try live.type(line)
    }
    let shown = try live.waitForPrompt(number: k, matching: Self.anyPrompt)
    #expect(shown.matches(of: Self.anyPrompt).count == k)
    #expect(shown.hasSuffix("\n" + Transcript.choicePrompt(offering: offered)))
    try live.kill()
    #expect(live.process.terminationReason == .uncaughtSignal)
    #expect(shown.contains(heading))

    let killed = try workshop.onlySession()
    let id = try #require(killed["id"] as? String)
    #expect(killed["status"] as? String == "active")
    #expect(killed["decisions"] as? Int == k - 1)
    #expect(killed["scores"] is NSNull, "scores of an unfinished session: \(killed)")

    let resumed = try workshop.run(
      ["resume"], stdin: script.lines.dropFirst(k - 1).map { $0 + "\n" }.joined())
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.hasPrefix("Resuming"))
    // Play goes on at decision k: its node's heading comes before the first prompt.
    let firstPrompt = try #require(resumed.stdout.firstMatch(of: Self.anyPrompt))
    #expect(resumed.stdout[..<firstPrompt.range.lowerBound].contains(heading))
    #expect(String(firstPrompt.output) == Transcript.choicePrompt(offering: offered))
    #expect(resumed.stdout.matches(of: Self.anyPrompt).count == script.lines.count - (k - 1))
    let session = try workshop.onlySession()
    #expect(session["status"] as? String == "finished")
    #expect(session["decisions"] as? Int == script.lines.count)

    let uninterrupted = try workshop.play(file, script.lines)
    #expect(uninterrupted.status == 0)
    let other = try #require(
      try workshop.sessions().compactMap { $0["id"] as? String }.first { $0 != id })
    let expected = try #require(try workshop.overall(other))
    #expect(try workshop.overall(id) == expected)
  }
}

extension ScriptedScenario.Script {
  /// Whether step `index` types a statement.
  func isStatement(_ index: Int) -> Bool {
    if case .write = inputs[index] { return true }
    return false
  }
}

extension ScriptedScenario {
  /// How many options are offered after the first `count` inputs of a script.
  func offeredCount(after script: Script, _ count: Int) throws -> Int {
    engine.offeredChoices(in: try state(after: script, count: count)).count
  }
}
