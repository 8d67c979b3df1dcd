import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What sos reads and writes on disk, as a careless or hostile setup meets it: FIFOs
/// named as session or scenario files, an empty database file, a mistyped `--db`, and
/// a umask that would leave names and statements readable to everyone.
@Suite struct FileSafetyTests {
  @Test func aFIFOIsRefusedAtOnceWhereverAFileIsRead() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let folder = workshop.folder
    let scenarios = folder.appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    #expect(mkfifo(folder.appendingPathComponent("s.json").path, 0o600) == 0)
    #expect(mkfifo(scenarios.appendingPathComponent("x.yaml").path, 0o600) == 0)
    // Each would block forever on open(2) if the FIFO were opened for reading.
    let score = try SOSProcess.run(
      ["score", "s.json"], input: Data(), directory: folder, limit: 20)
    #expect(score.status == 65)
    #expect(score.stderr.contains("s.json: error: cannot read the file: it is not a regular file"))
    _ = try workshop.run(["cohort", "create", "c"])
    let imported = try SOSProcess.run(
      ["cohort", "import", "c", "s.json", "--db", workshop.db], input: Data(),
      environment: workshop.environment,
      directory: folder, limit: 20)
    #expect(imported.status == 65)
    let validate = try SOSProcess.run(
      ["validate", "scenarios"], input: Data(), directory: folder, limit: 20)
    #expect(validate.status == 66)
    #expect(
      validate.stdout.contains("not a regular file")
        || validate.stderr.contains("not a regular file"))
    let list = try SOSProcess.run(
      ["list", "--scenarios", "scenarios"], input: Data(), directory: folder, limit: 20)
    #expect(list.status != 139)
  }

  @Test func anEmptyDatabaseFileIsAnErrorAndReadingCommandsCreateNothing() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let empty = workshop.folder.appendingPathComponent("empty.sqlite").path
    #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
    let opened = try SOSProcess.run(["sessions", "--db", empty])
    #expect(opened.status == 65)
    #expect(opened.stderr.contains("it is an empty file (0 bytes)"))

    let mistyped = workshop.folder.appendingPathComponent("typo/sos.sqlite").path
    for arguments in [
      ["sessions"], ["cohort", "list"], ["cohort", "report", "c"], ["score", "abcd1234"],
      ["export", "abcd1234"],
    ] {
      let outcome = try SOSProcess.run(arguments + ["--db", mistyped])
      #expect(outcome.status == 66, "\(arguments)")
      #expect(outcome.stderr.contains("no workshop database at \(mistyped)"), "\(arguments)")
    }
    #expect(!FileManager.default.fileExists(atPath: mistyped))
    #expect(
      !FileManager.default.fileExists(
        atPath: workshop.folder.appendingPathComponent("typo").path))
  }

  @Test func filesWithNamesAndStatementsArePrivateWhateverTheUmask() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let played = try workshop.play("no-chicken", ["1", "ok"] + Array(repeating: "1", count: 20))
    #expect(played.status == 0, "\(played.stderr)")
    let id = try #require(try workshop.sessions().first?["id"] as? String)
    _ = try workshop.run(["cohort", "create", "c"])
    let previous = umask(0)
    defer { umask(previous) }
    let out = workshop.folder.appendingPathComponent("out").path
    #expect(try workshop.run(["export", id, "--out", out + ".json"]).status == 0)
    #expect(
      try workshop.run(["cohort", "report", "c", "--out", out + ".html", "--format", "html"]).status
        == 0)
    #expect(
      try workshop.run(["cohort", "export", "c", "--format", "sessions", "--out", out]).status == 0)
    for (path, mode) in [(out + ".json", 0o600), (out + ".html", 0o600), (out, 0o700)] {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? Int) == mode, "\(path)")
    }
  }
}
