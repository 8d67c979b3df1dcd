import Foundation

/// A private workshop for one test: a temporary folder holding its database, and the
/// `sos` commands the tests run against it in plain mode.
struct Workshop {
  /// What every run sees besides NO_COLOR: a fixed width, and the database and the
  /// data and state folders inside the temporary folder, so that no test touches a
  /// real database or history.
  var environment: [String: String]
  let folder: URL
  let db: String

  init() throws {
    folder = try SOSProcess.temporaryDirectory()
    db = folder.appendingPathComponent("sos.sqlite").path
    environment = [
      "COLUMNS": "80", "USER": "e2e-user", "SOS_DB": db,
      "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
      "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
    ]
  }

  /// Removes the folder.
  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Runs `sos` with `--db` added to `arguments`.
  func run(_ arguments: [String], stdin: String = "") throws -> SOSProcess.Outcome {
    try SOSProcess.run(arguments + ["--db", db], stdin: stdin, environment: environment)
  }

  /// Runs `sos` with `--db` and these bytes on standard input.
  func run(_ arguments: [String], input: Data) throws -> SOSProcess.Outcome {
    try SOSProcess.run(arguments + ["--db", db], input: input, environment: environment)
  }

  /// Starts `sos` with `--db`, standard input kept open.
  func start(_ arguments: [String]) throws -> LiveSOS {
    try LiveSOS(arguments + ["--db", db], environment: environment)
  }

  /// `sos play SCENARIO --as T --seed 7` with `lines` typed, one per line.
  func play(_ scenario: String, _ lines: [String], options: [String] = []) throws
    -> SOSProcess.Outcome
  {
    try run(
      ["play", scenario, "--as", "T", "--seed", "7"] + options,
      stdin: lines.map { $0 + "\n" }.joined())
  }

  /// `sos sessions --json`, parsed.
  func sessions() throws -> [[String: Any]] {
    let outcome = try run(["sessions", "--json"])
    // No database yet: nothing was stored.
    if outcome.status == 66, outcome.stderr.contains("no workshop database at") { return [] }
    guard outcome.status == 0,
      let array = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        as? [[String: Any]]
    else {
      throw ScriptedScenario.Failure(
        description: "sos sessions --json: \(outcome.status) \(outcome.stderr)")
    }
    return array
  }

  /// The only session in the database.
  func onlySession() throws -> [String: Any] {
    let all = try sessions()
    guard all.count == 1 else {
      throw ScriptedScenario.Failure(description: "expected one session, found \(all.count)")
    }
    return all[0]
  }

  /// `sos score SESSION --json`, parsed.
  func score(_ session: String) throws -> [String: Any] {
    let outcome = try run(["score", session, "--json"])
    guard outcome.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        as? [String: Any]
    else {
      throw ScriptedScenario.Failure(
        description: "sos score \(session) --json: \(outcome.status) \(outcome.stderr)")
    }
    return object
  }

  /// The overall score `sos score --json` derives, to one decimal as `sos sessions`
  /// shows it.
  func overall(_ session: String) throws -> Double? {
    let report = try score(session)["report"] as? [String: Any]
    return (report?["overall"] as? Double).map { ($0 * 10).rounded() / 10 }
  }
}

/// Transcripts as the tests compare them.
enum Transcript {
  /// The transcript with each session id (after "sos resume ", "sos debrief " or
  /// "session ") replaced by a placeholder: the only thing that differs between runs.
  static func normalised(_ text: String) -> String {
    text.replacing(/(?i)(sos resume |sos debrief |session )[0-9a-f]{8}/) { match in
      match.output.1 + "<session>"
    }
  }

  /// The choice prompts in a transcript.
  static var choicePrompt: Regex<Substring> { #/choice \[1(?:-[0-9]+)?\]> /# }

  /// The prompt for a choice among `count` options.
  static func choicePrompt(offering count: Int) -> String {
    count == 1 ? "choice [1]> " : "choice [1-\(count)]> "
  }

  /// The lines longer than `width` characters (each character one column, as for
  /// the text of the shipped scenarios).
  static func linesWider(than width: Int, in text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.count > width }
  }

  /// How many times `needle` occurs in `text`.
  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}
