import Foundation
import Testing

/// `sos import-twee` as an author runs it: a story that makes a valid scenario is
/// written; one that cannot (no ending) exits 65 saying where and what to change in
/// Twine, and writes nothing.
@Suite struct ImportTweeCommandTests {
  @Test func aValidStoryIsWrittenAndAnInvalidOneIsNot() throws {
    let folder = try SOSProcess.temporaryDirectory()
    let good = """
      :: Start
      The server is down. <<set $x to 1>>
      [[Tell customers->Tell]]

      :: Tell
      You tell them.
      """
    try good.write(
      to: folder.appendingPathComponent("good.twee"), atomically: true, encoding: .utf8)
    let written = try SOSProcess.run(
      ["import-twee", "good.twee", "--out", "good.yaml", "--kind", "outage"], directory: folder)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stderr.contains("note: line 1: 'Start': dropped macros"))
    let validate = try SOSProcess.run(["validate", "good.yaml"], directory: folder)
    #expect(validate.status == 0, "\(validate.stderr)")

    let loop = """
      :: Start
      Again?
      [[Again->Start]]
      """
    try loop.write(
      to: folder.appendingPathComponent("loop.twee"), atomically: true, encoding: .utf8)
    let refused = try SOSProcess.run(
      ["import-twee", "loop.twee", "--out", "loop.yaml", "--kind", "outage"], directory: folder)
    #expect(refused.status == 65)
    #expect(
      refused.stderr.hasPrefix(
        "loop.twee:1: error: no ending can be reached from the start passage 'Start'"))
    #expect(refused.stderr.contains("in Twine, link one of these passages"))
    #expect(refused.stderr.contains("nothing was written"))
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("loop.yaml").path))
  }
}
