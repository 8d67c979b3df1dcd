import Foundation
import Testing

/// `sos new`, `sos lint`, `sos graph` and `sos abandon` from the command line, with the
/// exit statuses their help and the README document.
@Suite struct AuthoringCommandTests {
  /// A node no option leads to: lint warns, validate does not mind.
  static let orphan = """
      orphan:
        title: Never reached
        ending: true
        outcome: 10
        text: Nobody ever gets here.

    """

  @Test func newWritesAStarterThatValidatesAndLintsClean() throws {
    let folder = try SOSProcess.temporaryDirectory()
    let made = try SOSProcess.run(["new", "my-crisis.yaml"], directory: folder)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.hasPrefix("Wrote my-crisis.yaml (my-crisis, outage)."))
    let validated = try SOSProcess.run(["validate", "my-crisis.yaml"], directory: folder)
    #expect(validated.status == 0, "\(validated.stderr)")
    let linted = try SOSProcess.run(["lint", "--strict", "my-crisis.yaml"], directory: folder)
    #expect(linted.status == 0, "\(linted.stdout)\(linted.stderr)")
    #expect(linted.stderr == "")

    // An existing file is kept unless --force; a missing folder or a bad id is named.
    let again = try SOSProcess.run(["new", "my-crisis.yaml"], directory: folder)
    #expect(again.status == 64)
    #expect(again.stderr.contains("my-crisis.yaml exists; add --force to replace it"))
    let forced = try SOSProcess.run(
      ["new", "my-crisis.yaml", "--force", "--kind", "recall"], directory: folder)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("(my-crisis, recall)"))
    let nowhere = try SOSProcess.run(["new", "no/such/folder/x.yaml"], directory: folder)
    #expect(nowhere.status == 74)
    #expect(nowhere.stderr.contains("there is no folder no/such/folder"), "\(nowhere.stderr)")
    let badID = try SOSProcess.run(["new", "x.yaml", "--id", "Not An Id"], directory: folder)
    #expect(badID.status == 64)
    #expect(badID.stderr.contains("is not a valid scenario id"))
  }

  @Test func lintExitsOneOnErrorsAndUnderStrictOnWarnings() throws {
    let folder = try SOSProcess.temporaryDirectory()
    _ = try SOSProcess.run(["new", "warned.yaml"], directory: folder)
    let file = folder.appendingPathComponent("warned.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "\nreflection:", with: "\n" + Self.orphan + "reflection:")
      .write(to: file, atomically: true, encoding: .utf8)

    let warned = try SOSProcess.run(["lint", "warned.yaml"], directory: folder)
    #expect(warned.status == 0, "\(warned.stderr)")
    #expect(warned.stderr.contains("warning:"), "\(warned.stderr)")
    #expect(warned.stderr.contains("orphan"), "\(warned.stderr)")
    let strict = try SOSProcess.run(["lint", "--strict", "warned.yaml"], directory: folder)
    #expect(strict.status == 1)

    try CommandErrorTests.broken.write(
      to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    let broken = try SOSProcess.run(["lint", "broken.yaml"], directory: folder)
    #expect(broken.status == 1)
    #expect(broken.stderr.hasPrefix("broken.yaml:18:18: error:"), "\(broken.stderr)")
    let missing = try SOSProcess.run(["lint", "absent.yaml"], directory: folder)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("absent.yaml: error: no such file"))
  }

  @Test func graphDrawsEveryNodeInDotAndMermaid() throws {
    let folder = try SOSProcess.temporaryDirectory()
    _ = try SOSProcess.run(["new", "drawn.yaml"], directory: folder)
    let dot = try SOSProcess.run(["graph", "drawn.yaml"], directory: folder)
    #expect(dot.status == 0, "\(dot.stderr)")
    #expect(dot.stdout.hasPrefix("digraph"), "\(dot.stdout.prefix(80))")
    for node in ["discovery", "contained", "lost"] {
      #expect(dot.stdout.contains(node), "no \(node) in the DOT graph")
    }
    #expect(dot.stdout.hasSuffix("}\n"))
    let mermaid = try SOSProcess.run(
      ["graph", "drawn.yaml", "--format", "mermaid"], directory: folder)
    #expect(mermaid.status == 0, "\(mermaid.stderr)")
    #expect(mermaid.stdout.hasPrefix("flowchart TD"))
    #expect(mermaid.stdout.contains("Lost them"))

    try CommandErrorTests.broken.write(
      to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    let broken = try SOSProcess.run(["graph", "broken.yaml"], directory: folder)
    #expect(broken.status == 65)
    #expect(broken.stdout == "")
    let missing = try SOSProcess.run(["graph", "absent.yaml"], directory: folder)
    #expect(missing.status == 66)
  }

  @Test func abandonEndsAnActiveSessionOnly() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    // One answer, then the end of input: the session stays active.
    let played = try workshop.run(
      ["play", "no-chicken", "--as", "Ada", "--seed", "3", "--scenarios", "scenarios"],
      stdin: "1\n")
    #expect(played.status == 0, "\(played.stderr)")
    let id = try #require(workshop.sessions().first?["id"] as? String)
    #expect(try workshop.sessions().first?["status"] as? String == "active")

    let abandoned = try workshop.run(["abandon", String(id.prefix(8))])
    #expect(abandoned.status == 0, "\(abandoned.stderr)")
    #expect(try workshop.sessions().first?["status"] as? String == "abandoned")
    let resumed = try workshop.run(["resume", "--scenarios", "scenarios"])
    #expect(resumed.status != 0 || !resumed.stdout.contains(String(id.prefix(8))))

    let twice = try workshop.run(["abandon", String(id.prefix(8))])
    #expect(twice.status == 65)
    #expect(twice.stderr.contains("cannot be changed"), "\(twice.stderr)")
    let unknown = try workshop.run(["abandon", "12345678"])
    #expect(unknown.status == 66)
    let notAnID = try workshop.run(["abandon", "zz"])
    #expect(notAnID.status == 64)
  }
}
