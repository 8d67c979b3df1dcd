import Foundation
import Testing

/// Bad input to the commands: a message on standard error with the exit code of
/// DESIGN §7 (65 bad data, 66 missing input, 74 I/O), and never a crash or a trace.
@Suite struct CommandErrorTests {
  /// A scenario file with one error, on line 18 column 18.
  static let broken = """
    format: 1
    id: broken
    title: Broken
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 10
    role: Duty manager
    briefing: Things broke.
    stakeholders:
      customers: { label: Customers }
    start: first
    nodes:
      first:
        text: What now?
        choices:
          - text: Tell customers
            takes: 2h30
            contacts: [customers]
            goto: finish
      finish:
        text: Over.
        ending: true
        outcome: 50

    """

  /// What a crash or a trace would print.
  static func expectNoTrace(_ outcome: SOSProcess.Outcome, _ what: String) {
    for sign in ["Fatal error", "Stack dump", "Backtrace", "SQLite error", "Swift/", ".swift:"] {
      #expect(!outcome.stderr.contains(sign), "\(what): \(outcome.stderr)")
    }
    #expect(outcome.status != 0 && outcome.status < 128, "\(what): exit \(outcome.status)")
  }

  @Test func playingAnUnknownScenarioExits66NamingSosList() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let outcome = try workshop.run(["play", "nonexistent", "--as", "T"], stdin: "1\n")
    #expect(outcome.status == 66)
    #expect(outcome.stderr.hasPrefix("error: "))
    #expect(outcome.stderr.contains("'nonexistent'"))
    #expect(outcome.stderr.contains("sos list"))
    #expect(outcome.stdout == "")
    #expect(try workshop.sessions().isEmpty)
  }

  @Test func playingABrokenFileExits65WithLocatedDiagnostics() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    try Self.broken.write(
      to: workshop.folder.appendingPathComponent("broken.yaml"), atomically: true,
      encoding: .utf8)
    let outcome = try SOSProcess.run(
      ["play", "broken.yaml", "--as", "T", "--db", workshop.db], stdin: "1\n",
      environment: workshop.environment, directory: workshop.folder)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.hasPrefix("broken.yaml:18:18: error: "))
    #expect(outcome.stderr.contains("sos validate broken.yaml"))
    #expect(outcome.stdout == "")
    #expect(try workshop.sessions().isEmpty)
  }

  @Test func resumingWithNoSessionsExits66() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let outcome = try workshop.run(["resume"], stdin: "1\n")
    #expect(outcome.status == 66)
    #expect(outcome.stderr.hasPrefix("error: "))
    #expect(outcome.stderr.contains("no unfinished session"))
    #expect(outcome.stdout == "")
  }

  @Test(
    arguments: [
      ("not JSON", Array("this is not a session {".utf8)),
      ("JSON of the wrong shape", Array("{\"format\": 1}".utf8)),
      ("an empty file", []),
      ("binary", [0xFF, 0xFE, 0x00, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x07, 0x80]),
    ] as [(String, [UInt8])])
  func scoringAGarbageFileExits65(name: String, bytes: [UInt8]) throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let file = workshop.folder.appendingPathComponent("garbage.json")
    try Data(bytes).write(to: file)
    let outcome = try workshop.run(["score", file.path])
    #expect(outcome.status == 65, "\(name)")
    #expect(outcome.stderr.hasPrefix(file.path + ":"), "\(name): \(outcome.stderr)")
    #expect(outcome.stderr.contains(": error: "), "\(name): \(outcome.stderr)")
    #expect(!outcome.stderr.contains("\u{1B}"), "\(name): an escape byte is echoed")
    #expect(outcome.stdout == "")
    Self.expectNoTrace(outcome, name)
  }

  @Test(
    arguments: [
      ("random bytes", (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }),
      ("text", Array("hello, not a database\n".utf8)),
    ] as [(String, [UInt8])])
  func aGarbageDatabaseGetsAClearError(name: String, bytes: [UInt8]) throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let db = workshop.folder.appendingPathComponent("garbage.sqlite").path
    try Data(bytes).write(to: URL(fileURLWithPath: db))
    let scenario = try ScriptedScenario.load("loyalty-data-exposed")
    let commands = [
      ["sessions", "--json"], ["play", "scenarios/\(scenario.file)", "--as", "T"], ["resume"],
      ["score", "1234abcd"], ["export", "1234abcd"],
    ]
    for command in commands {
      let outcome = try SOSProcess.run(
        command + ["--db", db], stdin: "1\n", environment: workshop.environment)
      let what = "\(name): sos \(command.joined(separator: " "))"
      #expect(outcome.status == 65, "\(what): exit \(outcome.status)")
      #expect(outcome.stderr.hasPrefix("error: "), "\(what): \(outcome.stderr)")
      #expect(outcome.stderr.contains(db), "\(what): does not name the file")
      #expect(outcome.stderr.contains("not a database"), "\(what): \(outcome.stderr)")
      #expect(outcome.stderr.split(separator: "\n").count == 1, "\(what): \(outcome.stderr)")
      #expect(outcome.stdout == "", "\(what)")
      Self.expectNoTrace(outcome, what)
    }
    // The garbage is left as it was.
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == Data(bytes))
  }
}
