import Foundation
import Testing

/// What the messages tell a person to type next: `sos resume ID --db PATH` when the
/// command line named a database, the shell's own commands inside the shell, and help
/// texts that read cleanly.
@Suite struct CommandHintTests {
  /// The session id in "Saved. Resume with: … resume ID".
  static func savedID(_ stdout: String) -> String? {
    stdout.firstMatch(of: /Saved\. Resume with:\s+(?:sos )?resume ([0-9a-f]{8})/).map {
      String($0.output.1)
    }
  }

  /// The command after "Saved. Resume with:", on the same line or (when it does not
  /// fit there) the next one, whole.
  static func resumeCommand(_ stdout: String) -> String? {
    stdout.firstMatch(of: /Saved\. Resume with:(?: |\n  )([^\n]+)\n/).map { String($0.output.1) }
  }

  @Test func theResumeHintNamesTheDatabaseGivenOnTheCommandLine() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let outcome = try workshop.play("no-chicken", ["1"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let id = try #require(Self.savedID(outcome.stdout), "\(outcome.stdout)")
    #expect(Self.resumeCommand(outcome.stdout) == "sos resume \(id) --db \(workshop.db)")
  }

  @Test func aDatabasePathWithSpacesIsQuotedSoItCanBePasted() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let folder = workshop.folder.appendingPathComponent("our workshop")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let db = folder.appendingPathComponent("sos.sqlite").path
    let outcome = try SOSProcess.run(
      ["play", "no-chicken", "--as", "T", "--db", db], stdin: "1\n",
      environment: workshop.environment)
    let id = try #require(Self.savedID(outcome.stdout), "\(outcome.stdout)")
    #expect(Self.resumeCommand(outcome.stdout) == "sos resume \(id) --db '\(db)'")
    // A long command stands whole on a line of its own rather than being wrapped.
    #expect(outcome.stdout.contains("Saved. Resume with:\n  sos resume \(id) --db '\(db)'\n"))
  }

  @Test func withoutDashDashDbTheResumeHintIsShort() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    // The database comes from SOS_DB: the hint works as it is.
    let outcome = try SOSProcess.run(
      ["play", "no-chicken", "--as", "T"], stdin: "1\n", environment: workshop.environment)
    let id = try #require(Self.savedID(outcome.stdout), "\(outcome.stdout)")
    #expect(outcome.stdout.contains("Saved. Resume with: sos resume \(id)\n"))
  }

  @Test func insideTheShellHintsNameTheShellsCommands() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let lines = [
      "sessions", "list", "play nonexistent", "play no-chicken", "help", "quit", "sessions",
      "resume ffffffff", "resume",
    ]
    let outcome = try workshop.run([], stdin: lines.map { $0 + "\n" }.joined() + "quit\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let out = outcome.stdout
    #expect(out.contains("No sessions yet. Start one with: play ID\n"))
    #expect(out.contains("Play one with: play ID\n"))
    #expect(out.contains("quit          save and leave (continue later with: resume)"))
    let id = try #require(Self.savedID(out), "\(out)")
    #expect(out.contains("Saved. Resume with: resume \(id)\n"))
    #expect(out.contains("1 session. Continue one with: resume ID\n"))
    #expect(outcome.stderr.contains("no scenario 'nonexistent' in scenarios (see: list)"))
    #expect(outcome.stderr.contains("(list sessions with: sessions)"))
    for line in out.split(separator: "\n") + outcome.stderr.split(separator: "\n") {
      for command in ["sos play", "sos resume", "sos sessions", "sos list"] {
        #expect(!line.contains(command), "\(line)")
      }
    }
  }

  @Test func listAcceptsDashDashDb() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let outcome = try workshop.run(["list"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("no-chicken"))
    #expect(outcome.stdout.contains("Play one with: sos play ID\n"))
  }

  /// Every command, from the parser's own description of them.
  static func commandPaths() throws -> [[String]] {
    let outcome = try SOSProcess.run(["--experimental-dump-help"])
    let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    let root = try #require((json as? [String: Any])?["command"] as? [String: Any])
    var paths: [[String]] = [[]]
    func walk(_ command: [String: Any], _ path: [String]) {
      for sub in command["subcommands"] as? [[String: Any]] ?? [] {
        guard let name = sub["commandName"] as? String, name != "help" else { continue }
        paths.append(path + [name])
        walk(sub, path + [name])
      }
    }
    walk(root, [])
    return paths
  }

  @Test func helpTextsHaveNoStrayBackslashes() throws {
    let paths = try Self.commandPaths()
    #expect(paths.count > 20)
    for path in paths {
      let outcome = try SOSProcess.run(path + ["--help"])
      #expect(outcome.status == 0, "\(path): \(outcome.stderr)")
      #expect(!outcome.stdout.contains("\\"), "sos \(path.joined(separator: " ")) --help")
    }
  }
}

/// Counts in the commands' messages agree in number.
@Suite struct CountWordingTests {
  @Test func importTweeCountsOneOfEachInTheSingular() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let twee = workshop.folder.appendingPathComponent("story.twee")
    try ":: Start\nWhat now?\n[[Go->End]]\n:: End\nOver.\n".write(
      to: twee, atomically: true, encoding: .utf8)
    let out = workshop.folder.appendingPathComponent("story.yaml").path
    let outcome = try SOSProcess.run(
      ["import-twee", twee.path, "--out", out], environment: workshop.environment)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains(": 2 nodes, 1 choice, 1 ending. Next: sos lint"))
  }
}
