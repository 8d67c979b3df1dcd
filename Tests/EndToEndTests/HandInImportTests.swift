import Foundation
import SOSCore
import SOSStore
import Testing

/// Hand-ins as a mischievous trainee edits them: the scenario text re-hashed, the times,
/// the latencies, a future date under another name; and what import, score and the
/// cohort report make of each (facilitator-guide/cohorts.md, "What a session file can
/// and cannot prove").
@Suite struct HandInImportTests {
  /// Plays no-chicken as `trainee` (option 1, one statement) and exports the session.
  static func handIn(
    _ workshop: Workshop, as trainee: String, mode: String = "assessment", key: String? = nil
  ) throws -> [String: Any] {
    let statement =
      "We're sorry: many of our restaurants have no chicken today. Check the app to see"
      + " which are open. Next update by 13:00."
    let lines = (0..<14).map { _ in "1\n\(statement)\n" }.joined()
    _ = try workshop.run(
      [
        "play", "no-chicken", "--as", trainee, "--seed", "3", "--mode", mode,
        "--scenarios", "scenarios",
      ] + (key.map { ["--hand-in-key", $0] } ?? []),
      stdin: lines)
    let sessions = try workshop.sessions()
    let id = try #require(sessions.last?["id"] as? String)
    let out = workshop.folder.appendingPathComponent("\(trainee)-\(mode).json").path
    let exported = try workshop.run(["export", id, "--out", out])
    #expect(exported.status == 0, "\(exported.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
    return try #require(object as? [String: Any])
  }

  static func write(_ object: [String: Any], _ name: String, in workshop: Workshop) throws
    -> String
  {
    let path = workshop.folder.appendingPathComponent(name).path
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func spreadTimes(_ object: inout [String: Any], from start: String) {
    // Times 20 s apart after the start, so the untouched hand-in reads as a person's.
    guard var inputs = object["inputs"] as? [[String: Any]],
      let started = Timestamp.date(start)
    else { return }
    for index in inputs.indices {
      inputs[index]["at"] = Timestamp.string(started.addingTimeInterval(Double(index + 1) * 20))
      inputs[index]["latency_ms"] = nil
    }
    object["inputs"] = inputs
    object["finished"] = Timestamp.string(started.addingTimeInterval(Double(inputs.count + 1) * 20))
  }

  @Test func forgedHandInsAreRefusedOrFlaggedAndUntouchedOnesImport() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    var played = try Self.handIn(workshop, as: "Ada")
    Self.spreadTimes(&played, from: try #require(played["started"] as? String))
    let clean = try Self.write(played, "clean.json", in: workshop)

    // A fresh facilitator's database: it has only the scenario folder's texts.
    let facilitator = try Workshop()
    defer { facilitator.remove() }
    _ = try facilitator.run(["cohort", "create", "room"])
    let imported = try facilitator.run([
      "cohort", "import", "room", clean, "--scenarios", "scenarios",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(!imported.stdout.contains("flagged"), "\(imported.stdout)")

    // The scenario text edited (every ending worth 100) and re-hashed.
    var forged = played
    var scenario = try #require(forged["scenario"] as? [String: Any])
    let text = try #require(scenario["text"] as? String).replacing(
      /outcome: \d+/, with: "outcome: 100")
    scenario["text"] = text
    scenario["sha256"] = SHA256.hex(SHA256.digest(Array(text.utf8)))
    forged["scenario"] = scenario
    forged["session"] = UUID().uuidString.lowercased()
    let textForged = try Self.write(forged, "text.json", in: workshop)
    let refused = try facilitator.run(
      ["cohort", "import", "room", textForged, "--scenarios", "scenarios"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("text.json: error: its text of scenario 'no-chicken'"))
    #expect(refused.stderr.contains("is not a version you have"))
    let scored = try facilitator.run(["score", textForged, "--scenarios", "scenarios"])
    #expect(scored.status == 65)
    let trusted = try facilitator.run(
      [
        "cohort", "import", "room", textForged, "--scenarios", "scenarios",
        "--trust-scenario-text",
      ])
    #expect(trusted.status == 0)
    #expect(trusted.stdout.contains("flagged: its scenario text is not one of yours"))

    // Times edited: a future start under another name, and all answers at once.
    var future = played
    future["trainee"] = "Ada"
    future["session"] = UUID().uuidString.lowercased()
    future["started"] = "2099-01-01T09:00:00.000Z"
    var same = played
    same["session"] = UUID().uuidString.lowercased()
    if var inputs = same["inputs"] as? [[String: Any]], let first = inputs.first?["at"] {
      for index in inputs.indices { inputs[index]["at"] = first }
      same["inputs"] = inputs
    }
    let futurePath = try Self.write(future, "future.json", in: workshop)
    let samePath = try Self.write(same, "same.json", in: workshop)
    let strict = try facilitator.run(
      ["cohort", "import", "room", futurePath, "--strict", "--scenarios", "scenarios"])
    #expect(strict.status == 65)
    #expect(strict.stderr.contains("refused with --strict: it says it started in the future"))
    let flagged = try facilitator.run(
      ["cohort", "import", "room", futurePath, samePath, "--scenarios", "scenarios"])
    #expect(flagged.status == 0)
    #expect(flagged.stdout.contains("2 hand-ins look edited"), "\(flagged.stdout)")

    let report = try facilitator.run(["cohort", "report", "room"])
    #expect(report.stdout.contains("3 hand-ins look edited"), "\(report.stdout)")
    #expect(
      report.stdout.contains("all 14 answers have the same time")
        || report.stdout.contains("answers have the same time"))
    let csv = try facilitator.run(["cohort", "report", "room", "--format", "csv"])
    #expect(csv.stdout.hasPrefix("trainee,scenario,"))
    #expect(csv.stdout.contains(",mode,flags\r\n"))
    #expect(csv.stdout.contains(",assessment,\"it says it started in the future"))
  }

  @Test func theLatestAttemptIsTheLastStoredAndPracticeDoesNotCount() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    _ = try workshop.run(["cohort", "create", "room"])
    var first = try Self.handIn(workshop, as: "Ada")
    Self.spreadTimes(&first, from: "2099-01-01T09:00:00.000Z")
    first["started"] = "2099-01-01T09:00:00.000Z"
    var practice = try Self.handIn(workshop, as: "Ada", mode: "practice")
    Self.spreadTimes(&practice, from: try #require(practice["started"] as? String))
    let firstPath = try Self.write(first, "first.json", in: workshop)
    let practicePath = try Self.write(practice, "practice.json", in: workshop)
    let facilitator = try Workshop()
    defer { facilitator.remove() }
    _ = try facilitator.run(["cohort", "create", "room"])
    _ = try facilitator.run([
      "cohort", "import", "room", firstPath, practicePath, "--scenarios", "scenarios",
    ])
    let json = try facilitator.run(["cohort", "report", "room", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let trainees = try #require(object["trainees"] as? [[String: Any]])
    let latest = try #require(trainees.first?["latest"] as? [String: Any])
    // The future-dated file was stored first; the practice session is not counted, so
    // the latest counted attempt is the assessed one, whatever date it claims.
    #expect(latest["started"] as? String == "2099-01-01T09:00:00.000Z")
    #expect(trainees.first?["finished"] as? Int == 2)
    let text = try facilitator.run(["cohort", "report", "room"])
    #expect(text.stdout.contains("practice sessions are listed, not counted"))
  }

  @Test func aSealedHandInWithOneChangedByteIsRefused() throws {
    let facilitator = try Workshop()
    defer { facilitator.remove() }
    _ = try facilitator.run(["cohort", "create", "room"])
    let printed = try facilitator.run(["cohort", "key", "room"])
    #expect(printed.status == 0, "\(printed.stderr)")
    let key = try #require(printed.stdout.split(separator: "\n").first.map(String.init))
    #expect(key.hasPrefix("SOS-"))
    #expect(try facilitator.run(["cohort", "key", "room"]).stdout == printed.stdout)

    let trainee = try Workshop()
    defer { trainee.remove() }
    let played = try Self.handIn(trainee, as: "Ada", key: key)
    #expect(played["seal"] != nil)
    let sealed = trainee.folder.appendingPathComponent("Ada-assessment.json").path
    let imported = try facilitator.run([
      "cohort", "import", "room", sealed, "--scenarios", "scenarios",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("seal intact"), "\(imported.stdout)")

    // One byte changed, in the file exactly as written: the last digit of the third
    // input's time (a millisecond, so the time still reads as a time).
    var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: sealed)))
    let needle = Array("\"at\" : \"".utf8)
    let times = bytes.indices.filter { bytes[$0...].starts(with: needle) }
    try #require(times.count > 3)
    let zulu = try #require(bytes[times[2]...].firstIndex(of: UInt8(ascii: "Z")))
    bytes[zulu - 1] = bytes[zulu - 1] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
    let edited = trainee.folder.appendingPathComponent("edited.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: edited))
    let refused = try facilitator.run([
      "cohort", "import", "room", edited, "--scenarios", "scenarios",
    ])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("edited.json: error: its hand-in seal is broken: input"))
    let scored = try facilitator.run(["score", edited, "--scenarios", "scenarios"])
    #expect(scored.status == 65, "\(scored.stdout)")

    // The seal taken out: imported only without --require-seal, and then flagged
    // nowhere (an unsealed file is what every trainee without a key hands in).
    var unsealed = played
    unsealed["seal"] = nil
    unsealed["session"] = UUID().uuidString.lowercased()
    let stripped = try Self.write(unsealed, "stripped.json", in: trainee)
    let required = try facilitator.run([
      "cohort", "import", "room", stripped, "--require-seal", "--scenarios", "scenarios",
    ])
    #expect(required.status == 65)
    #expect(required.stderr.contains("no hand-in seal"), "\(required.stderr)")

    // A key no cohort here issued: flagged, not trusted.
    let elsewhere = try Workshop()
    defer { elsewhere.remove() }
    _ = try elsewhere.run(["cohort", "create", "other-room"])
    let unknown = try elsewhere.run([
      "cohort", "import", "other-room", sealed, "--scenarios", "scenarios",
    ])
    #expect(unknown.status == 0, "\(unknown.stderr)")
    #expect(unknown.stdout.contains("no cohort here issued"), "\(unknown.stdout)")

    // A mistyped key is refused before play starts.
    let typo = try trainee.run(
      [
        "play", "no-chicken", "--as", "Ada", "--hand-in-key", "SOS-NOPE", "--scenarios",
        "scenarios",
      ],
      stdin: "1\n")
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("not a hand-in key"), "\(typo.stderr)")
  }
}
