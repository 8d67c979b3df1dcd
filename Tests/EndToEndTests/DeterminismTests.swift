import Foundation
import Testing

/// Same scenario, seed and inputs → identical transcript and identical session record
/// (DESIGN §4). Two sessions of the strong path are played in one database; what may
/// differ — the session's UUID, wall-clock times and latencies — is normalised, and
/// everything else must be byte for byte the same.
@Suite struct DeterminismTests {
  @Test(arguments: ScriptedScenario.shippedIDs)
  func sameInputsGiveTheSameTranscriptAndRecord(scenarioID: String) throws {
    let scenario = try ScriptedScenario.load(scenarioID)
    let script = try scenario.script("strong")
    let workshop = try Workshop()
    defer { workshop.remove() }
    let file = "scenarios/\(scenario.file)"

    let first = try workshop.play(file, script.lines)
    let second = try workshop.play(file, script.lines)
    #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
    #expect(first.stdout != second.stdout, "the session ids should differ")
    let (one, two) = (Transcript.normalised(first.stdout), Transcript.normalised(second.stdout))
    let sameTranscript = one == two
    #expect(
      sameTranscript, "transcripts differ at \(GoldenTranscriptTests.firstDifference(two, one))")

    let ids = try workshop.sessions().compactMap { $0["id"] as? String }
    try #require(ids.count == 2)
    let records = try ids.map { id in
      let export = try workshop.run(["export", id])
      #expect(export.status == 0, "\(export.stderr)")
      return export.stdout
    }
    // The normalised fields are there to normalise: one `at` and one `latency_ms` per
    // input, besides the session's id and times.
    let record = try #require(records.first)
    #expect(record.contains("\"session\" : \"\(ids[0])\""))
    #expect(record.matches(of: /"at" : "[^"]+"/).count == script.lines.count)
    #expect(record.matches(of: /"latency_ms" : [0-9]+/).count == script.lines.count)
    #expect(record.contains("\"started\" : \"") && record.contains("\"finished\" : \""))
    let normalised = records.map(Self.normalised)
    let sameRecord = normalised.allSatisfy { $0 == normalised[0] }
    #expect(
      sameRecord,
      "records differ at \(GoldenTranscriptTests.firstDifference(normalised[1], normalised[0]))")
  }

  /// Two seeds show the first decision's options in different orders, and the file
  /// of a session names each chosen option beside its number and replays the same.
  @Test func differentSeedsShowDifferentOrdersAndFilesNameTheChoice() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    var firstDecisions: Set<String> = []
    for seed in ["1", "2", "3", "4"] {
      let outcome = try workshop.run(
        ["play", "scenarios/supply-chain.yaml", "--as", "T", "--seed", seed], stdin: "")
      #expect(outcome.status == 0, "\(outcome.stderr)")
      // The options are the numbered lines before the first prompt.
      let before = outcome.stdout.components(separatedBy: "choice [").first ?? ""
      let options = before.split(separator: "\n").filter { $0.first?.isNumber == true }
      firstDecisions.insert(options.joined(separator: "\n"))
    }
    #expect(firstDecisions.count > 1, "every seed showed the same order")

    let scenario = try ScriptedScenario.load("no-chicken")
    let script = try scenario.script("strong")
    let played = try workshop.play("scenarios/\(scenario.file)", script.lines)
    #expect(played.status == 0)
    let id = try #require(
      try workshop.sessions().compactMap { $0["id"] as? String }.first {
        try workshop.run(["export", $0]).stdout.contains("\"choice\"")
      })
    let file = workshop.folder.appendingPathComponent("played.json").path
    let export = try workshop.run(["export", id, "--out", file])
    #expect(export.status == 0, "\(export.stderr)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("\"shuffled\" : true"))
    let chosen = script.inputs.filter { if case .choose = $0 { return true } else { return false } }
    #expect(text.matches(of: /"choice" : "[^"]+"/).count == chosen.count)
    let fromFile = try workshop.run(["score", file, "--json"])
    let fromDatabase = try workshop.run(["score", id, "--json"])
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    // The file's log is read for signs of editing (a script answers faster than anyone
    // reads); the scores are the same.
    #expect(
      CohortCommandTests.withoutFlags(fromFile.stdout, format: "json")
        == CohortCommandTests.withoutFlags(fromDatabase.stdout, format: "json"))
  }

  /// A session file with its UUID, wall-clock times and latencies blanked out.
  static func normalised(_ record: String) -> String {
    record.replacing(/"(session|started|finished|at)" : "[^"]*"/) { match in
      "\"\(match.output.1)\" : \"…\""
    }.replacing(/"latency_ms" : [0-9]+/) { _ in "\"latency_ms\" : 0" }
  }
}
