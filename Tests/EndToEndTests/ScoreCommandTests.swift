import Foundation
import Testing

/// `sos export` then `sos score`: a portable file scores exactly as the database does;
/// scores written in a file count for nothing; an input that cannot replay exits 65.
@Suite struct ScoreCommandTests {
  /// Plays the first three decisions of the data-breach scenario and quits, then
  /// finishes it with `resume`, returning the database folder and the session id.
  func playedSession() throws -> (folder: URL, id: String) {
    let folder = try SOSProcess.temporaryDirectory()
    let db = folder.appendingPathComponent("sos.sqlite").path
    let statement =
      "We are sorry: a file with our members' details was left publicly readable. It is"
      + " closed now. Please watch for suspicious emails; our helpline is 0800 123 456. We"
      + " will update you by 10:00 tomorrow."
    // In file order: the second option at the second decision, the first elsewhere.
    let answers = try ScriptedScenario.load("loyalty-data-exposed").lines(
      fileOrder: [1: 2], statement: statement, seed: 4)
    let play = try SOSProcess.run(
      ["play", "loyalty-data-exposed", "--as", "Tess", "--seed", "4", "--db", db],
      stdin: answers.joined(separator: "\n") + "\n")
    #expect(play.status == 0, "\(play.stderr)")
    let sessions = try SOSProcess.run(["sessions", "--json", "--db", db])
    let list =
      try JSONSerialization.jsonObject(with: Data(sessions.stdout.utf8)) as? [[String: Any]]
    let id = try #require(list?.first?["id"] as? String)
    #expect(list?.first?["status"] as? String == "finished")
    return (folder, id)
  }

  func overall(_ arguments: [String]) throws -> Double? {
    let outcome = try SOSProcess.run(["score", "--json"] + arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    return (json?["report"] as? [String: Any])?["overall"] as? Double
  }

  @Test func exportedFileScoresAsTheDatabaseDoes() throws {
    let (folder, id) = try playedSession()
    let db = folder.appendingPathComponent("sos.sqlite").path
    let file = folder.appendingPathComponent("session.json").path
    let export = try SOSProcess.run(["export", String(id.prefix(8)), "--out", file, "--db", db])
    #expect(export.status == 0, "\(export.stderr)")
    let fromDatabase = try #require(try overall([id, "--db", db]))
    let fromFile = try #require(try overall([file]))
    #expect(fromDatabase == fromFile)
    #expect((0...100).contains(fromFile))

    // The file carries scores for people to read; editing them changes nothing.
    var text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("\"overall\""))
    let edited = text.replacingOccurrences(
      of: #""overall" : [0-9.]+"#, with: "\"overall\" : 100", options: .regularExpression)
    #expect(edited != text)
    try edited.write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try overall([file]) == fromDatabase)

    // An option that was never on offer: exit 65, naming the input.
    text = edited
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    var inputs = try #require(json["inputs"] as? [[String: Any]])
    inputs[1]["value"] = 7
    var tampered = json
    tampered["inputs"] = inputs
    try JSONSerialization.data(withJSONObject: tampered).write(to: URL(fileURLWithPath: file))
    let impossible = try SOSProcess.run(["score", file])
    #expect(impossible.status == 65)
    #expect(
      impossible.stderr.contains(
        "input 2 (inputs[1], option 7) does not replay: there is no option 7"))
  }

  @Test func alteredScenarioTextIsRefused() throws {
    let (folder, id) = try playedSession()
    let db = folder.appendingPathComponent("sos.sqlite").path
    let file = folder.appendingPathComponent("session.json").path
    _ = try SOSProcess.run(["export", id, "--out", file, "--db", db])
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "Lena", with: "Lina").write(
      toFile: file, atomically: true, encoding: .utf8)
    let outcome = try SOSProcess.run(["score", file])
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("scenario text does not match its sha256"))
  }

  @Test func debriefShowsScoresLedgerAndTheStrongResponse() throws {
    let (folder, id) = try playedSession()
    let db = folder.appendingPathComponent("sos.sqlite").path
    let debrief = try SOSProcess.run(["debrief", id, "--db", db], environment: ["COLUMNS": "100"])
    #expect(debrief.status == 0, "\(debrief.stderr)")
    for heading in [
      "Timeliness", "Communication", "The strong response", "The ledger", "Your statements",
      "Who heard from you", "Your service crisis plan", "To reflect on",
    ] {
      #expect(debrief.stdout.contains(heading), "no '\(heading)' in the debrief")
    }
    // Not every option taken was the strongest: the strong response names a stronger.
    #expect(debrief.stdout.contains("Stronger: "))
    let markdown = try SOSProcess.run(["debrief", id, "--db", db, "--format", "md"])
    #expect(markdown.stdout.hasPrefix("# Debrief: Loyalty database exposed"))
  }
}
