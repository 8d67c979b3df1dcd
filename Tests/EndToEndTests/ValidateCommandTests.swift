import Foundation
import Testing

@Suite struct ValidateCommandTests {
  /// The same broken file the other command tests use (one error, line 18 column 18).
  let broken = CommandErrorTests.broken

  @Test func brokenFileGetsLocatedDiagnosticAndExitOne() throws {
    let folder = try SOSProcess.temporaryDirectory()
    let file = folder.appendingPathComponent("broken.yaml")
    try broken.write(to: file, atomically: true, encoding: .utf8)
    let outcome = try SOSProcess.run(["validate", "broken.yaml"], directory: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr == """
        broken.yaml:18:18: error: 'takes': a number in a duration needs a unit (d, h, m or s), as in 45m [SOS015]
         18 |         takes: 2h30
            |                  ^

        """)
    #expect(outcome.stdout == "broken.yaml: 1 error\n")
  }

  @Test func validFileExitsZero() throws {
    let folder = try SOSProcess.temporaryDirectory()
    let file = folder.appendingPathComponent("fixed.yaml")
    try broken.replacingOccurrences(of: "2h30", with: "2h30m")
      .write(to: file, atomically: true, encoding: .utf8)
    let outcome = try SOSProcess.run(["validate", "fixed.yaml"], directory: folder)
    #expect(outcome.status == 0)
    #expect(outcome.stderr == "")
    #expect(outcome.stdout == "fixed.yaml: valid (broken: 2 nodes, 1 ending)\n")
  }

  @Test func missingFileExits66() throws {
    let outcome = try SOSProcess.run(["validate", "no-such-file.yaml"])
    #expect(outcome.status == 66)
    #expect(outcome.stderr.hasPrefix("no-such-file.yaml: error: no such file [SOS001]"))
  }

  @Test func jsonOutput() throws {
    let folder = try SOSProcess.temporaryDirectory()
    try broken.write(
      to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    let outcome = try SOSProcess.run(["validate", "--json", "broken.yaml"], directory: folder)
    #expect(outcome.status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    #expect(json?["valid"] as? Bool == false)
    let files = json?["files"] as? [[String: Any]]
    let diagnostic = (files?.first?["diagnostics"] as? [[String: Any]])?.first
    #expect(diagnostic?["line"] as? Int == 18)
    #expect(diagnostic?["column"] as? Int == 18)
    #expect(diagnostic?["code"] as? String == "SOS015")
  }

  @Test func hostileFilesFailFastWithOneLine() throws {
    let folder = try SOSProcess.temporaryDirectory()
    let big = folder.appendingPathComponent("big.yaml")
    try Data(repeating: UInt8(ascii: "a"), count: 30 << 20).write(to: big)
    let deep = folder.appendingPathComponent("deep.yaml")
    try Data(("a: " + String(repeating: "[", count: 100_000)).utf8).write(to: deep)
    let binary = folder.appendingPathComponent("binary.yaml")
    try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: binary)
    let empty = folder.appendingPathComponent("empty.yaml")
    try Data().write(to: empty)
    let outcome = try SOSProcess.run(
      ["validate", "big.yaml", "deep.yaml", "binary.yaml", "empty.yaml"], directory: folder)
    #expect(outcome.status == 1)
    let lines = outcome.stderr.split(separator: "\n").filter { $0.contains("error:") }
    #expect(
      lines == [
        "big.yaml: error: file is 30.0 MiB; scenario files are limited to 1 MiB [SOS002]",
        "deep.yaml:1:103: error: nesting is deeper than 100 levels [SOS007]",
        "binary.yaml:1:5: error: file holds binary data (a NUL byte), not YAML text [SOS004]",
        "empty.yaml: error: file is empty [SOS003]",
      ])
    #expect(!outcome.stderr.contains("Fatal"))
  }

  @Test func versionAndHelp() throws {
    let version = try SOSProcess.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout == "0.1.0\n")
    let help = try SOSProcess.run(["validate", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: sos validate"))
  }

  @Test func unknownOptionIsUsageError() throws {
    let outcome = try SOSProcess.run(["validate", "--frobnicate", "x.yaml"])
    #expect(outcome.status == 64)
  }

  @Test func twoFilesWithOneIdAreAnErrorAndPlayRefusesTheId() throws {
    let folder = try SOSProcess.temporaryDirectory()
    let source = SOSProcess.repositoryRoot.appendingPathComponent("scenarios/supply-chain.yaml")
    for name in ["a.yaml", "b.yaml"] {
      try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
    }
    let outcome = try SOSProcess.run(["validate", "."], directory: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("b.yaml:"))
    #expect(
      outcome.stderr.contains("error: scenario id 'no-chicken' is also the id of ./a.yaml [SOS029]")
    )
    let list = try SOSProcess.run(["list", "--scenarios", "."], directory: folder)
    #expect(list.stderr.contains("[SOS029]"))
    let play = try SOSProcess.run(
      ["play", "no-chicken", "--scenarios", ".", "--as", "T", "--db", "x.sqlite"],
      directory: folder)
    #expect(play.status == 65)
    #expect(play.stderr.contains("scenario id 'no-chicken' is declared by more than one file"))
  }
}
