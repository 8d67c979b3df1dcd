import Foundation
import Testing

/// Escape sequences, controls and bidi overrides in every field of a scenario, in a
/// statement and in a trainee's name reach no terminal and no file raw, in any command
/// or format (README, "Safe output").
@Suite struct HostileTextTests {
  /// OSC 52 (clipboard), OSC 0 (window title), erase line + CR, a bidi override, and
  /// the C1 controls NEL and CSI, as YAML escapes.
  static let payload = #"\e]52;c;cm0gLXJmIH4vKg==\a\e]0;pwned\a\e[2K\r\u202E\u0085\x9b31m"#

  static var scenario: String {
    let p = payload
    return """
      format: 1
      id: evil
      title: "Evil \(p) title"
      kind: outage
      cluster: accidental
      difficulty: introductory
      minutes: 5
      role: "Duty \(p) manager"
      briefing: "At 08:40 \(p) it goes down."
      stakeholders:
        customers: { label: "Affected \(p) customers", required: true }
      scoring:
        bands:
          - { from: 90, name: "Exemplary \(p)" }
          - { from: 0, name: "Not yet \(p)" }
      start: outage
      nodes:
        outage:
          title: "Outage \(p)"
          text: "The phones \(p) ring."
          choices:
            - { id: post, text: "Post \(p) update", feedback: "Good \(p) choice", takes: 15m, contacts: [customers], quality: { transparency: 2 }, goto: write }
            - { id: wait, text: "Wait \(p) more", takes: 1h, quality: { transparency: -2 }, goto: end }
        write:
          text: "Write \(p) now"
          choices:
            - id: say
              text: "Say \(p) it"
              takes: 10m
              write:
                channel: social
                audience: customers
                prompt: "Write \(p) it"
                must:
                  - { id: what, any: [outage], label: "What \(p) happened" }
              goto: end
        end: { ending: true, outcome: 60, text: "The service \(p) comes back." }

      """
  }

  /// What must never appear in output: ESC, BEL, CR (but in CSV's CR LF) and other C0
  /// controls but the newline, DEL, C1 controls and bidi controls.
  static func raw(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.filter { scalar in
      let value = scalar.value
      return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
        || [0x061C, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069].contains(value)
        || (0x202A...0x202E).contains(value)
    }.map { String(format: "U+%04X", $0.value) }
  }

  @Test func noCommandOrFormatPrintsTheseBytesRaw() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let folder = workshop.folder.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Self.scenario.write(
      to: folder.appendingPathComponent("evil.yaml"), atomically: true, encoding: .utf8)
    let file = folder.appendingPathComponent("evil.yaml").path
    var environment = workshop.environment
    environment["SOS_SCENARIOS"] = folder.path
    var checked = 0
    func check(_ arguments: [String], stdin: String = "", database: Bool = false) throws {
      let outcome = try SOSProcess.run(
        arguments + (database ? ["--db", workshop.db] : []), stdin: stdin,
        environment: environment)
      #expect(outcome.status != 139 && outcome.status != 134, "\(arguments)")
      let found = Self.raw(outcome.stdout) + Self.raw(outcome.stderr)
      #expect(found.isEmpty, "sos \(arguments.joined(separator: " ")): \(Set(found))")
      checked += 1
    }
    try check(["validate", file])
    try check(["lint", file])
    try check(["list"])
    try check(["list", "--json"])
    try check(["graph", file])
    try check(["graph", file, "--format", "mermaid"])
    try check(["analyze", file])
    try check(["analyze", file, "--json"])
    try check(["playtest", file, "--runs", "5"])
    try check(["playtest", file, "--blind", "--runs", "5"])
    let statement =
      "The outage \u{1B}[31m hit \u{202E}our customers. We are sorry and fixing it now."
    try check(["statement", "--channel", "social", "-"], stdin: statement)
    try check(
      ["play", "evil", "--as", "Eve", "--seed", "1"], stdin: "1\n1\n\(statement)\n", database: true)
    try check(["play", "evil", "--as", "Ev\u{202E}e", "--seed", "1"], stdin: "1\n", database: true)
    try check(["sessions"], database: true)
    try check(["sessions", "--json"], database: true)
    let sessions = try workshop.sessions()
    let id = try #require(sessions.first?["id"] as? String)
    for format in [[], ["--json"]] { try check(["score", id] + format, database: true) }
    for format in ["text", "md", "json"] {
      try check(["debrief", id, "--format", format], database: true)
    }
    let export = workshop.folder.appendingPathComponent("evil.json").path
    try check(["export", id], database: true)
    try check(["export", id, "--out", export], database: true)
    try check(["score", export])
    try check(["cohort", "create", "room"], database: true)
    try check(["cohort", "import", "room", export], database: true)
    try check(["cohort", "show", "room"], database: true)
    for format in ["text", "md", "csv", "html", "json"] {
      try check(["cohort", "report", "room", "--format", format], database: true)
      let out = workshop.folder.appendingPathComponent("report.\(format)").path
      try check(["cohort", "report", "room", "--format", format, "--out", out], database: true)
      #expect(Self.raw(try String(contentsOfFile: out, encoding: .utf8)).isEmpty, "\(format)")
    }
    let xapi = workshop.folder.appendingPathComponent("xapi.json").path
    try check(["cohort", "export", "room", "--format", "xapi", "--out", xapi], database: true)
    #expect(Self.raw(try String(contentsOfFile: xapi, encoding: .utf8)).isEmpty)
    let folder2 = workshop.folder.appendingPathComponent("files").path
    try check(
      ["cohort", "export", "room", "--format", "sessions", "--out", folder2], database: true)
    #expect(Self.raw(try String(contentsOfFile: export, encoding: .utf8)).isEmpty)
    // The escaped session file still means the same: it scores as the stored session.
    #expect(checked > 30)
  }

  @Test func aNameWithABidiOverrideIsRefused() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let outcome = try workshop.run(
      ["play", "no-chicken", "--as", "Ev\u{202E}e", "--scenarios", "scenarios"], stdin: "1\n")
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("cannot be a trainee name"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("Ev\\u202ee"))
  }
}
