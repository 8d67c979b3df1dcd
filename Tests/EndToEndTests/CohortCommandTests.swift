import Foundation
import SOSCore
import Testing

/// `sos cohort …` as a facilitator runs it, on databases filled by real `sos play`
/// processes playing the shipped scenarios' scripted paths.
@Suite struct CohortCommandTests {
  /// A temporary folder with a workshop database in it.
  struct Workshop {
    let folder: URL
    var db: String { folder.appendingPathComponent("workshop.sqlite").path }

    init() throws { folder = try SOSProcess.temporaryDirectory() }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs `sos ARGUMENTS --db DB`.
    func sos(_ arguments: [String], stdin: String = "") throws -> SOSProcess.Outcome {
      try SOSProcess.run(arguments + ["--db", db], stdin: stdin)
    }

    /// Plays a scripted path to its end under `cohort`.
    @discardableResult
    func play(_ script: TypedPlaythrough, as trainee: String, cohort: String) throws
      -> SOSProcess.Outcome
    {
      try sos(
        ["play", script.scenario, "--as", trainee, "--cohort", cohort, "--seed", "1"],
        stdin: script.stdin)
    }
  }

  /// Splits RFC 4180 CSV into records of fields (quoted fields may hold commas,
  /// doubled quotes and line breaks).
  /// A report without what import flagged: the CSV's `flags` column emptied, JSON's
  /// `flags` and `flagged` entries dropped, the text and Markdown "look edited" section
  /// removed.
  static func withoutFlags(_ report: String, format: String) -> String {
    switch format {
    case "csv":
      return report.replacing(/,"?[^,\r\n]*answers came less than half a second[^\r\n]*\r\n/) {
        _ in ",\r\n"
      }
    case "json":
      func strip(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
          return object.filter { $0.key != "flags" && $0.key != "flagged" }.mapValues(strip)
        }
        if let array = value as? [Any] { return array.map(strip) }
        return value
      }
      guard let value = try? JSONSerialization.jsonObject(with: Data(report.utf8)),
        let data = try? JSONSerialization.data(
          withJSONObject: strip(value), options: [.sortedKeys, .prettyPrinted])
      else { return report }
      return String(decoding: data, as: UTF8.self)
    default:
      return report.replacing(/\n(## )?\d+ hand-ins look edited\n(\n)?(.+\n)*/) { _ in "" }
    }
  }

  static func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      if quoted {
        if scalar == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        quoted = true
      } else if scalar == "," {
        record.append(field)
        field = ""
      } else if scalar == "\r", characters.first == "\n" {
        characters.removeFirst()
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
    return records
  }

  // MARK: - A classroom on one database

  @Test func fourPlayersAtOnceLoseNoSession() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    #expect(try workshop.sos(["cohort", "create", "classroom"]).status == 0)
    let scripts = try TypedPlaythrough.load("broken-cello")
    try #require(scripts.count >= 3)

    let outcomes = Collected<(String, SOSProcess.Outcome)>()
    let group = DispatchGroup()
    for lane in 1...4 {
      group.enter()
      DispatchQueue.global().async {
        defer { group.leave() }
        for round in 0..<3 {
          let script = scripts[(lane + round) % scripts.count]
          do {
            let outcome = try workshop.play(script, as: "Trainee \(lane)", cohort: "classroom")
            outcomes.append("lane \(lane) round \(round)", outcome)
          } catch {
            outcomes.append(
              "lane \(lane) round \(round)",
              SOSProcess.Outcome(status: -1, stdout: "", stderr: "\(error)"))
          }
        }
      }
    }
    group.wait()

    #expect(outcomes.values.count == 12)
    for (name, outcome) in outcomes.values {
      #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
      #expect(!outcome.stderr.contains("locked"), "\(name): \(outcome.stderr)")
      #expect(!outcome.stderr.contains("busy"), "\(name): \(outcome.stderr)")
      #expect(outcome.stdout.contains("finished"), "\(name)")
    }
    let report = try workshop.sos(["cohort", "report", "classroom", "--format", "csv"])
    #expect(report.status == 0, "\(report.stderr)")
    let records = Self.parseCSV(report.stdout)
    let header = try #require(records.first)
    #expect(header.prefix(5) == ["trainee", "scenario", "status", "started", "finished"])
    let rows = records.dropFirst()
    #expect(rows.count == 12)
    let overall = try #require(header.firstIndex(of: "overall"))
    for row in rows {
      #expect(row.count == header.count)
      #expect(row[2] == "finished")
      #expect(Double(row[overall]) != nil, "\(row)")
    }
    #expect(Set(rows.map { $0[0] }) == ["Trainee 1", "Trainee 2", "Trainee 3", "Trainee 4"])

    let show = try workshop.sos(["cohort", "show", "classroom"])
    #expect(show.status == 0)
    #expect(show.stdout.contains("12 sessions · 4 trainees"))
  }

  // MARK: - Files handed in

  /// A cohort of a few trainees over two scenarios, one session left unfinished.
  static func fillCohort(_ workshop: Workshop, name: String) throws -> Int {
    #expect(
      try workshop.sos(["cohort", "create", name, "--description", "Tuesday group"]).status == 0)
    let cello = try TypedPlaythrough.load("broken-cello")
    let arrears = try TypedPlaythrough.load("wrong-arrears-text")
    let trainees = ["Ada Lovelace", "Smith, Jo", "Kim \"KC\" Chan", "<script>alert(1)</script>"]
    var count = 0
    for (index, trainee) in trainees.enumerated() {
      let first = try workshop.play(cello[index % cello.count], as: trainee, cohort: name)
      #expect(first.status == 0, "\(first.stderr)")
      let second = try workshop.play(arrears[index % arrears.count], as: trainee, cohort: name)
      #expect(second.status == 0, "\(second.stderr)")
      count += 2
    }
    // Two decisions, then the input ends: saved, still active.
    let partial = try workshop.sos(
      ["play", "broken-cello", "--as", "Lee", "--cohort", name, "--seed", "1"],
      stdin: String(cello[0].stdin.split(separator: "\n").prefix(2).joined(separator: "\n")) + "\n")
    #expect(partial.status == 0, "\(partial.stderr)")
    return count + 1
  }

  @Test func exportedSessionsImportedIntoAFreshDatabaseScoreTheSame() throws {
    let source = try Workshop()
    let target = try Workshop()
    defer {
      source.remove()
      target.remove()
    }
    let count = try Self.fillCohort(source, name: "tuesday")
    let folder = source.path("handed-in")
    let export = try source.sos(
      ["cohort", "export", "tuesday", "--format", "sessions", "--out", folder])
    #expect(export.status == 0, "\(export.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(files.filter { $0.hasSuffix(".json") }.count == count)

    #expect(
      try target.sos(["cohort", "create", "tuesday", "--description", "Tuesday group"]).status == 0)
    // The hand-ins were played here: imported with this computer's name as their site
    // (what `sos play` records), the reports keep their sites too.
    let imported = try target.sos([
      "cohort", "import", "tuesday", folder, "--site", ProcessInfo.processInfo.hostName,
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    // Scripted trainees answer in milliseconds, so every hand-in is flagged as faster
    // than anyone reads; apart from those flags the reports are the same.
    #expect(imported.stdout.contains("Imported \(count) sessions into cohort 'tuesday'; "))
    #expect(imported.stdout.contains(/; \d+ hand-ins look edited/))

    for format in ["csv", "json", "md", "text"] {
      let before = try source.sos(["cohort", "report", "tuesday", "--format", format])
      let after = try target.sos(["cohort", "report", "tuesday", "--format", format])
      #expect(before.status == 0)
      #expect(after.status == 0)
      #expect(
        Self.withoutFlags(before.stdout, format: format)
          == Self.withoutFlags(after.stdout, format: format), "\(format) reports differ")
    }
    let csv = Self.parseCSV(
      try target.sos(["cohort", "report", "tuesday", "--format", "csv"]).stdout)
    #expect(csv.count == count + 1)
    #expect(csv.contains { $0.first == "Smith, Jo" })
    #expect(csv.contains { $0.first == "Kim \"KC\" Chan" })
    #expect(csv.contains { $0.first == "<script>alert(1)</script>" })

    let again = try target.sos(["cohort", "import", "tuesday", folder])
    #expect(again.status == 0)
    #expect(
      again.stdout.contains("Imported 0 sessions into cohort 'tuesday'; \(count) already present."))
    #expect(again.stdout.contains("is already in the database"))
  }

  @Test func badFilesAreNamedWithTheirReasonAndTheRestImported() throws {
    let source = try Workshop()
    let target = try Workshop()
    defer {
      source.remove()
      target.remove()
    }
    #expect(try source.sos(["cohort", "create", "c"]).status == 0)
    let scripts = try TypedPlaythrough.load("broken-cello")
    try source.play(scripts[0], as: "Ada", cohort: "c")
    try source.play(scripts[1], as: "Bo", cohort: "c")
    let folder = source.path("out")
    #expect(
      try source.sos(["cohort", "export", "c", "--format", "sessions", "--out", folder]).status == 0
    )
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    try #require(names.count == 2)
    let good = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + names[0]))
    let other = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + names[1]))
    let bad = target.path("bad")
    try FileManager.default.createDirectory(atPath: bad, withIntermediateDirectories: true)
    func write(_ name: String, _ data: Data) throws {
      try data.write(to: URL(fileURLWithPath: bad + "/" + name))
    }
    func edited(_ change: (inout [String: Any]) throws -> Void) throws -> Data {
      var object = try #require(try JSONSerialization.jsonObject(with: good) as? [String: Any])
      try change(&object)
      return try JSONSerialization.data(withJSONObject: object)
    }
    try write("1-good.json", good)
    try write("2-duplicate.json", good)
    try write("3-garbage.json", Data("this is not a session file\n".utf8))
    try write("4-truncated.json", good.prefix(good.count / 2))
    try write(
      "5-altered.json",
      try edited { object in
        var scenario = try #require(object["scenario"] as? [String: Any])
        let text = try #require(scenario["text"] as? String)
        scenario["text"] = text.replacingOccurrences(of: "cello", with: "viola")
        object["scenario"] = scenario
      })
    try write(
      "6-impossible.json",
      try edited { object in
        var inputs = try #require(object["inputs"] as? [[String: Any]])
        inputs[1]["value"] = 99
        object["inputs"] = inputs
      })
    try write(
      "7-rehashed.json",
      try edited { object in
        var scenario = try #require(object["scenario"] as? [String: Any])
        let text = try #require(scenario["text"] as? String) + "\nnot: [valid\n"
        scenario["text"] = text
        scenario["sha256"] = SHA256.hex(SHA256.digest(Array(text.utf8)))
        object["scenario"] = scenario
      })
    try write("8-other.json", other)
    try write(
      "9-early.json",
      try edited { object in
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        object["inputs"] = Array(inputs.dropLast())
      })

    #expect(try target.sos(["cohort", "create", "c"]).status == 0)
    let outcome = try target.sos(["cohort", "import", "c", bad])
    #expect(outcome.status == 65)
    let errors = outcome.stderr.split(separator: "\n").map(String.init)
    #expect(errors.count == 6, "\(outcome.stderr)")
    func line(_ file: String) -> String {
      errors.first { $0.hasPrefix(bad + "/" + file) } ?? ""
    }
    #expect(line("3-garbage.json").contains("invalid JSON"))
    #expect(line("4-truncated.json").contains("invalid JSON"))
    #expect(line("5-altered.json").contains("does not match its sha256"))
    #expect(line("6-impossible.json").contains("inputs[1] (option 99) does not replay"))
    #expect(line("7-rehashed.json").contains("scenario text does not load"))
    #expect(line("9-early.json").contains("its inputs stop before an ending"))
    #expect(outcome.stdout.contains("imported \(bad)/1-good.json"))
    #expect(outcome.stdout.contains("skipped \(bad)/2-duplicate.json"))
    #expect(outcome.stdout.contains("imported \(bad)/8-other.json"))
    #expect(
      outcome.stdout.contains(
        "Imported 2 sessions into cohort 'c'; 1 already present; 2 hand-ins look edited"))
    #expect(outcome.stdout.hasSuffix("; 6 files failed.\n"))
    let csv = Self.parseCSV(try target.sos(["cohort", "report", "c", "--format", "csv"]).stdout)
    #expect(csv.count == 3)
  }

  // MARK: - Reports and exports

  @Test func reportsInEveryFormatAndTheirErrors() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    _ = try Self.fillCohort(workshop, name: "tuesday")

    let html = workshop.path("report.html")
    let written = try workshop.sos([
      "cohort", "report", "tuesday", "--format", "html", "--out", html,
    ])
    #expect(written.status == 0, "\(written.stderr)")
    let page = try String(contentsOfFile: html, encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(!page.lowercased().contains("<script"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("<svg"))

    let text = try workshop.sos(["cohort", "report", "tuesday"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Debrief these first"))
    #expect(text.stdout.contains("9 sessions (8 finished, 1 active)"))

    let json = try workshop.sos(["cohort", "report", "tuesday", "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let scenarios = try #require(object["scenarios"] as? [[String: Any]])
    #expect(scenarios.compactMap { $0["id"] as? String } == ["broken-cello", "wrong-arrears-text"])
    #expect((object["sessions"] as? [Any])?.count == 9)

    let filtered = try workshop.sos(
      ["cohort", "report", "tuesday", "--format", "csv", "--scenario", "wrong-arrears-text"])
    #expect(Self.parseCSV(filtered.stdout).dropFirst().allSatisfy { $0[1] == "wrong-arrears-text" })
    #expect(Self.parseCSV(filtered.stdout).count == 5)

    let unknown = try workshop.sos(["cohort", "report", "nobody"])
    #expect(unknown.status == 66)
    #expect(
      unknown.stderr.contains("no cohort named 'nobody'; create it with: sos cohort create nobody"))
    let noScenario = try workshop.sos(["cohort", "report", "tuesday", "--scenario", "nope"])
    #expect(noScenario.status == 66)
    #expect(noScenario.stderr.contains("its scenarios: broken-cello, wrong-arrears-text"))
    let badOut = try workshop.sos(
      ["cohort", "report", "tuesday", "--out", workshop.path("missing/report.txt")])
    #expect(badOut.status == 74)
    let badFormat = try workshop.sos(["cohort", "report", "tuesday", "--format", "pdf"])
    #expect(badFormat.status == 64)
  }

  @Test func xapiStatementsHaveTheRequiredFieldsAndStableIDs() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let count = try Self.fillCohort(workshop, name: "tuesday")
    let file = workshop.path("statements.json")
    let arguments = [
      "cohort", "export", "tuesday", "--format", "xapi", "--out", file, "--home-page",
      "https://lms.example.org", "--base-iri", "https://lms.example.org/sos/",
    ]
    let outcome = try workshop.sos(arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let statements = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(!statements.isEmpty)
    let uuid = try Regex("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
    var ids: Set<String> = []
    var registrations: Set<String> = []
    var completed = 0
    for statement in statements {
      let id = try #require(statement["id"] as? String)
      #expect(id.wholeMatch(of: uuid) != nil)
      ids.insert(id)
      let actor = try #require(statement["actor"] as? [String: Any])
      let account = try #require(actor["account"] as? [String: Any])
      #expect(account["homePage"] as? String == "https://lms.example.org")
      #expect(account["name"] is String)
      let verb = try #require(statement["verb"] as? [String: Any])
      let verbID = try #require(verb["id"] as? String)
      #expect(verbID.hasPrefix("http://adlnet.gov/expapi/verbs/"))
      let object = try #require(statement["object"] as? [String: Any])
      let objectID = try #require(object["id"] as? String)
      #expect(objectID.hasPrefix("https://lms.example.org/sos/"))
      #expect(statement["timestamp"] is String)
      let context = try #require(statement["context"] as? [String: Any])
      registrations.insert(try #require(context["registration"] as? String))
      let result = try #require(statement["result"] as? [String: Any])
      if verbID.hasSuffix("/completed") {
        completed += 1
        let score = try #require(result["score"] as? [String: Any])
        let scaled = try #require(score["scaled"] as? Double)
        #expect((-1...1).contains(scaled))
        #expect(score["min"] as? Double == 0)
        #expect(score["max"] as? Double == 100)
        #expect(result["success"] is Bool)
        #expect(result["completion"] as? Bool == true)
        let duration = try #require(result["duration"] as? String)
        #expect(duration.wholeMatch(of: try Regex(#"^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$"#)) != nil)
      }
      if verbID.hasSuffix("/answered") {
        #expect(result["response"] is String)
      }
    }
    #expect(ids.count == statements.count)
    #expect(completed == count - 1)  // the unfinished session has no completed statement
    #expect(registrations.count == count)

    // The same export again gives the same bytes.
    #expect(try workshop.sos(arguments).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == data)
  }

  @Test func anonymisedOutputsUseStablePseudonyms() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    _ = try Self.fillCohort(workshop, name: "tuesday")
    let first = try workshop.sos(["cohort", "report", "tuesday", "--format", "csv", "--anonymise"])
    let second = try workshop.sos(["cohort", "report", "tuesday", "--format", "csv", "--anonymize"])
    #expect(first.status == 0)
    // Names are stable pseudonyms; session ids are drawn afresh for every anonymised
    // export, so no two exports (and no named one) can be joined on them.
    let named = try workshop.sos(["cohort", "report", "tuesday", "--format", "csv"])
    let column = try #require(Self.parseCSV(first.stdout).first?.firstIndex(of: "session"))
    func sessions(_ csv: String) -> Set<String> {
      Set(Self.parseCSV(csv).dropFirst().map { $0[column] })
    }
    #expect(sessions(first.stdout).isDisjoint(with: sessions(second.stdout)))
    #expect(sessions(first.stdout).isDisjoint(with: sessions(named.stdout)))
    #expect(sessions(first.stdout).count == sessions(named.stdout).count)
    #expect(
      Self.parseCSV(first.stdout).map { $0[0] } == Self.parseCSV(second.stdout).map { $0[0] })
    let trainees = Set(Self.parseCSV(first.stdout).dropFirst().map { $0[0] })
    #expect(trainees.count == 5)
    let pseudonym = try Regex("^T-[0-9a-f]{8}$")
    #expect(trainees.allSatisfy { $0.wholeMatch(of: pseudonym) != nil })
    let file = workshop.path("x.json")
    #expect(
      try workshop.sos([
        "cohort", "export", "tuesday", "--format", "xapi", "--out", file, "--anonymise",
      ])
      .status == 0)
    let xapi = try String(contentsOfFile: file, encoding: .utf8)
    for name in ["Lovelace", "Smith, Jo", "\\\"KC\\\"", "\"Lee\"", "alert(1)"] {
      #expect(!xapi.contains(name), "\(name) in the anonymised export")
    }
    for trainee in trainees { #expect(xapi.contains("\"\(trainee)\"")) }
    // No statement id or registration is shared with the named export.
    let namedFile = workshop.path("named.json")
    _ = try workshop.sos(["cohort", "export", "tuesday", "--format", "xapi", "--out", namedFile])
    let namedXAPI = try String(contentsOfFile: namedFile, encoding: .utf8)
    func uuids(_ text: String) -> Set<Substring> {
      Set(
        text.matches(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/).map(
          \.output))
    }
    #expect(!uuids(namedXAPI).isEmpty)
    #expect(uuids(xapi).isDisjoint(with: uuids(namedXAPI)))
    let html = try workshop.sos(["cohort", "report", "tuesday", "--format", "html", "--anonymise"])
    #expect(!html.stdout.contains("Lovelace"))
  }

  @Test func cohortsAreCreatedListedAndRequired() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    // No database yet: listing creates none, and says where it looked.
    let none = try workshop.sos(["cohort", "list"])
    #expect(none.status == 66)
    #expect(none.stderr.contains("error: no workshop database at "))
    _ = try workshop.sos(["sessions"])
    _ = try workshop.sos(["play", "no-chicken", "--as", "T"])
    let empty = try workshop.sos(["cohort", "list"])
    #expect(empty.stdout == "No cohorts yet. Create one with: sos cohort create NAME\n")
    let created = try workshop.sos(["cohort", "create", "spring 25", "--description", "Leeds"])
    #expect(created.status == 0)
    #expect(created.stdout.contains("sos play ID --cohort 'spring 25'"))
    let duplicate = try workshop.sos(["cohort", "create", "spring 25"])
    #expect(duplicate.status == 64)
    #expect(duplicate.stderr == "error: a cohort named 'spring 25' already exists\n")
    let list = try workshop.sos(["cohort", "list", "--json"])
    let cohorts = try #require(
      try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    #expect(cohorts.first?["name"] as? String == "spring 25")
    #expect(cohorts.first?["sessions"] as? Int == 0)
    let report = try workshop.sos(["cohort", "report", "spring 25"])
    #expect(report.status == 0)
    #expect(report.stdout.contains("No sessions yet."))
    let play = try workshop.sos(
      ["play", "broken-cello", "--as", "Ada", "--cohort", "autumn"], stdin: "1\n")
    #expect(play.status == 66)
    #expect(play.stderr.contains("create it with: sos cohort create autumn"))
    let importing = try workshop.sos(["cohort", "import", "autumn", workshop.path("x.json")])
    #expect(importing.status == 66)
  }
}
