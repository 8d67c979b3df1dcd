import Foundation
import Testing

/// Issue 13: nine Twine stories in the shapes real ones take — three each for
/// SugarCube, Harlowe and Chapbook, from Tests/SOSCoreTests/Fixtures/twee — either
/// import to a scenario that `sos validate` accepts, with no story-format code left in
/// its text, or exit 65 saying why and write nothing. None exits 0 with an invalid file.
@Suite struct ImportTweeFixturesTests {
  /// What each fixture should give: written, or refused with words from the reason.
  enum Expected: Sendable {
    case written
    case refused(because: String)
  }

  static let fixtures: [(file: String, expected: Expected)] = [
    ("sugarcube-hyperjump.twee", .written),
    ("sugarcube-floor-plan.twee", .written),
    ("sugarcube-lock.twee", .written),
    ("harlowe-hooks.twee", .written),
    ("harlowe-control-room.twee", .written),
    ("harlowe-links.twee", .written),
    ("chapbook-links.twee", .refused(because: "no ending can be reached from the start passage")),
    ("chapbook-setting-variables.twee", .written),
    ("chapbook-key.twee", .written),
  ]

  /// What must never reach a trainee: macros, hooks, HTML, scripts, inserts, vars.
  static let code = [
    "<<", ">>", "(set:", "(if:", "(else:", "(link", "(display:", "(goto:", "(cycling-link:",
    "<script", "<div", "<span", "<table", "<td", "<br", "<!--", "/*", "{{back link}}",
    "{{reveal link", "{{link to", "[if", "[else", "[continued", "[note", "[JavaScript", "$",
    "_minutes", "|=", "=|", "|wall>", "key: false", "write(", "!!!",
  ]

  static var folder: URL {
    SOSProcess.repositoryRoot.appendingPathComponent("Tests/SOSCoreTests/Fixtures/twee")
  }

  @Test(arguments: fixtures.map(\.file))
  func importsOrRefusesWithAReason(_ file: String) throws {
    let expected = try #require(Self.fixtures.first { $0.file == file }?.expected)
    let out = try SOSProcess.temporaryDirectory().appendingPathComponent("story.yaml")
    let source = Self.folder.appendingPathComponent(file).path
    let imported = try SOSProcess.run(
      ["import-twee", source, "--out", out.path, "--kind", "outage"])
    let written = FileManager.default.fileExists(atPath: out.path)
    switch expected {
    case .written:
      #expect(imported.status == 0, "\(imported.stderr)")
      let validate = try SOSProcess.run(["validate", out.path])
      #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
      let yaml = try String(contentsOf: out, encoding: .utf8)
      for line in yaml.split(separator: "\n") where line.hasPrefix("    text: ") {
        for fragment in Self.code {
          #expect(!line.contains(fragment), "'\(fragment)' left in \(file): \(line)")
        }
      }
    case .refused(let reason):
      #expect(imported.status == 65)
      #expect(imported.stderr.contains("\(source):"), "\(imported.stderr)")
      #expect(imported.stderr.contains(reason), "\(imported.stderr)")
      #expect(imported.stderr.contains("in Twine"), "\(imported.stderr)")
      #expect(!written)
    }
    // Never exit 0 with a file that does not validate.
    if imported.status == 0 {
      #expect(try SOSProcess.run(["validate", out.path]).status == 0)
    }
  }

  @Test func everyStoryFormatHasThreeFixtures() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
      .filter { $0.hasSuffix(".twee") }
    #expect(Set(files) == Set(Self.fixtures.map(\.file)))
    for format in ["sugarcube-", "harlowe-", "chapbook-"] {
      #expect(files.filter { $0.hasPrefix(format) }.count == 3)
    }
  }
}
