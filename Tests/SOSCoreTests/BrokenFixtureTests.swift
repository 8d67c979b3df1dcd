import Foundation
import Testing

@testable import SOSCore

/// Every file in Fixtures/broken ends with `# expect: LINE:COL CODE MESSAGE`: the first
/// error the loader reports must be exactly that. Each `# note: TEXT` line after it
/// must be one of that error's notes.
@Suite struct BrokenFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/broken")

  static var names: [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.sorted()
  }

  @Test func corpusIsLarge() {
    #expect(Self.names.count >= 25)
  }

  @Test(arguments: BrokenFixtureTests.names)
  func reportsExpectedFirstError(name: String) throws {
    let url = Self.folder.appendingPathComponent(name)
    let bytes = try [UInt8](Data(contentsOf: url))
    let text = String(decoding: bytes, as: UTF8.self)
    let expectLine = try #require(
      text.split(separator: "\n").last { $0.hasPrefix("# expect: ") },
      "fixture \(name) has no '# expect:' line")
    let expectation = expectLine.dropFirst("# expect: ".count)
    let parts = expectation.split(separator: " ", maxSplits: 2).map(String.init)
    try #require(parts.count == 3)
    let result = ScenarioLoader.load(bytes: bytes, file: name)
    #expect(result.scenario == nil)
    let first = try #require(result.diagnostics.first { $0.severity == .error })
    let position = "\(first.location.line ?? 0):\(first.location.column ?? 0)"
    #expect(position == parts[0], "\(name): \(first.headline)")
    #expect(first.code.rawValue == parts[1], "\(name): \(first.headline)")
    #expect(first.message == parts[2], "\(name): \(first.headline)")
    for note in text.split(separator: "\n") where note.hasPrefix("# note: ") {
      #expect(
        first.notes.contains(String(note.dropFirst("# note: ".count))), "\(name): \(first.notes)")
    }
  }
}
