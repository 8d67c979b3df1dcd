import Foundation
import Testing

/// The live board in a real browser: Tests/Browser/board-live.py opens it in headless
/// Chromium (Debian's `chromium`) and checks that an answer shows within 2 s. Runs
/// where Chromium is installed (`.ci/run` installs it and sets SOS_REQUIRE_BROWSER, so
/// that CI fails rather than skips when it is missing).
@Suite struct BoardInBrowserTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static var required: Bool {
    ProcessInfo.processInfo.environment["SOS_REQUIRE_BROWSER"] == "1"
  }

  @Test(.enabled(if: chromium != nil || required, "Chromium is not installed"))
  func theBoardShowsANewAnswerWithinTwoSeconds() throws {
    let browser = try #require(Self.chromium, "Chromium is required (SOS_REQUIRE_BROWSER=1)")
    let folder = try SOSProcess.temporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3",
      SOSProcess.repositoryRoot.appendingPathComponent("Tests/Browser/board-live.py").path,
      "--sos", SOSProcess.productsDirectory.appendingPathComponent("sos").path,
      "--chromium", browser, "--out", folder.appendingPathComponent("board.png").path,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains("board updated in "), "\(text)")
    let shot = try Data(contentsOf: folder.appendingPathComponent("board.png"))
    #expect(shot.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }
}
