// Golden transcripts: the plain-mode standard output of each scenario's strong path,
// kept at scenarios/playthroughs/<scenario-id>.strong.txt and compared exactly.
//
// They are made with `sos play <id> --as T --seed 7`, NO_COLOR=1 and COLUMNS=80, with
// each session id after "sos resume ", "sos debrief " or "session " replaced by
// "<session>". When a change to a scenario or to the screen is intended, regenerate
// them and review the diff before committing:
//
//     SOS_UPDATE_GOLDEN=1 swift test --filter GoldenTranscriptTests
//     git diff scenarios/playthroughs/
//
// With SOS_UPDATE_GOLDEN=1 the test writes the files instead of comparing.

import Foundation
import Testing

@Suite struct GoldenTranscriptTests {
  static let updating = ProcessInfo.processInfo.environment["SOS_UPDATE_GOLDEN"] == "1"

  @Test(arguments: ScriptedScenario.shippedIDs)
  func strongPathMatchesItsGoldenTranscript(scenarioID: String) throws {
    let script = try ScriptedScenario.load(scenarioID).script("strong")
    let workshop = try Workshop()
    defer { workshop.remove() }
    let outcome = try workshop.play(scenarioID, script.lines)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let transcript = Transcript.normalised(outcome.stdout)
    for line in Transcript.linesWider(than: 80, in: transcript) {
      Issue.record("wider than COLUMNS=80: \(line)")
    }
    let golden = ScriptedScenario.playthroughFolder.appendingPathComponent(
      "\(scenarioID).strong.txt")

    if Self.updating {
      try transcript.write(to: golden, atomically: true, encoding: .utf8)
      return
    }
    let expected = try #require(
      try? String(contentsOf: golden, encoding: .utf8),
      "no \(golden.lastPathComponent): make it with SOS_UPDATE_GOLDEN=1 swift test")
    // A Bool, so that a failure names the first differing line, not both transcripts.
    let same = transcript == expected
    #expect(
      same, "\(golden.lastPathComponent) differs at \(Self.firstDifference(transcript, expected))")
  }

  /// The first line that differs, for a readable failure.
  static func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, e.count) {
      let left = index < a.count ? String(a[index]) : "<end>"
      let right = index < e.count ? String(e[index]) : "<end>"
      if left != right { return "line \(index + 1)\n  got:      \(left)\n  expected: \(right)" }
    }
    return "nowhere"
  }
}
