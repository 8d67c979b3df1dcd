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
    let lines = SourceLines(String(decoding: bytes, as: UTF8.self)).lines
    let expectLine = try #require(
      lines.last { $0.hasPrefix("# expect: ") },
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
    for note in lines where note.hasPrefix("# note: ") {
      #expect(
        first.notes.contains(String(note.dropFirst("# note: ".count))), "\(name): \(first.notes)")
    }
  }

  /// The same file saved with old Mac (CR) or Windows (CR LF) line endings gets the same
  /// first error at the same line and column, and its line there is the same text.
  @Test(arguments: BrokenFixtureTests.names)
  func lineEndingsDoNotMoveTheError(name: String) throws {
    let url = Self.folder.appendingPathComponent(name)
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    let reference = ScenarioLoader.load(text: text, file: name)
    let expected = try #require(reference.diagnostics.first { $0.severity == .error })
    let expectedLine = expected.location.line.flatMap { SourceLines(text).line($0) }
    for ending in ["\r", "\r\n"] {
      let converted = text.split(separator: "\n", omittingEmptySubsequences: false)
        .joined(separator: ending)
      let result = ScenarioLoader.load(text: converted, file: name)
      let first = try #require(result.diagnostics.first { $0.severity == .error })
      #expect(first == expected, "\(name) with \(ending.debugDescription)")
      let line = first.location.line.flatMap { SourceLines(converted).line($0) }
      #expect(line == expectedLine, "\(name) with \(ending.debugDescription)")
    }
  }
}
