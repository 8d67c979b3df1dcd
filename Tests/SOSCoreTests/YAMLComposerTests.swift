import Foundation
import Testing
import Yams

@testable import SOSCore

/// ``YAMLComposer`` reads libyaml's events itself and leaves anything unusual to Yams:
/// on every shipped scenario and fixture, and on small cases of each kind it defers,
/// the tree (texts, styles, tags, positions) and the node count must be exactly what
/// Yams composes.
@Suite struct YAMLComposerTests {
  /// The fast reading alone, without the Yams fallback.
  static func fast(_ text: String) -> YAMLComposer.Outcome {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      var reader = YAMLComposer.EventReader(bytes: bytes)
      return reader.document()
    } ?? .deferred
  }

  /// Yams' tree, in SOS's node type.
  static func yams(_ text: String) throws -> YAMLNode? {
    try Yams.compose(yaml: text, Resolver.basic).map(YAMLNode.init)
  }

  /// A tree written out line by line, for comparing and for readable failures. An
  /// untagged scalar and one Yams has resolved to `!!str` (a key it hashed) are alike.
  static func lines(_ node: YAMLNode, indent: String = "") -> [String] {
    let at = "\(node.position.line):\(node.position.column)"
    switch node {
    case .scalar(let scalar):
      let tag = scalar.tag == Tag.Name.str.rawValue && scalar.style == .plain ? "" : scalar.tag
      return ["\(indent)\(at) \(scalar.style) [\(tag)] \(scalar.string.debugDescription)"]
    case .sequence(let items, _):
      return ["\(indent)\(at) list"] + items.flatMap { lines($0, indent: indent + "  ") }
    case .mapping(let pairs, _):
      return ["\(indent)\(at) mapping"]
        + pairs.flatMap {
          lines($0.key, indent: indent + "? ") + lines($0.value, indent: indent + ": ")
        }
    }
  }

  static let files: [URL] = {
    let root = ShippedBank.root
    let shipped = ShippedBank.files.map { root.appendingPathComponent("scenarios/\($0)") }
    let fixtures = ["valid", "broken"].flatMap { folder -> [URL] in
      let url = root.appendingPathComponent("Tests/SOSCoreTests/Fixtures/\(folder)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0) }
    }
    return shipped + fixtures
  }()

  @Test func everyFileComposesAsYamsComposesIt() throws {
    #expect(Self.files.count > 20)
    for url in Self.files {
      let text = try String(contentsOf: url, encoding: .utf8)
      let reference: YAMLNode?
      do {
        reference = try Self.yams(text)
      } catch {
        // Yams refuses it: the fast reading must hand it over, and the composer
        // must throw what Yams throws.
        guard case .deferred = Self.fast(text) else {
          Issue.record("\(url.lastPathComponent): composed what Yams refuses")
          continue
        }
        #expect(throws: (any Error).self) { try YAMLComposer.compose(text) }
        continue
      }
      let document = try YAMLComposer.compose(text)
      #expect(document.map { Self.lines($0.root) } == reference.map { Self.lines($0) })
      if let document, let reference {
        #expect(document.nodeCount == YAMLComposer.count(reference), "\(url.lastPathComponent)")
      }
    }
  }

  @Test(arguments: [
    "a: 1\nb: 2\na: 3\n",  // a duplicate key
    "'1': x\n1: y\n",  // the same key quoted and plain
    "? [a]\n: 1\n",  // a key that is not a scalar
    "a: *nowhere\n",  // an undefined alias
    "a: 1\n---\nb: 2\n",  // a second document
    "a: \u{FEFF}b\n",  // a text starting with a byte order mark
    "a: [1, 2\n",  // a syntax error
  ])
  func unusualFilesAreLeftToYams(text: String) {
    guard case .deferred = Self.fast(text) else {
      Issue.record("read without Yams: \(text.debugDescription)")
      return
    }
  }

  @Test func aliasesAreExpandedAndCountedAgain() throws {
    let text = "a: &x [1, 2, {k: v}]\nb: *x\nc: !told 'q'\nd: !!str 3\ne: |\n  block\n"
    guard case .composed(let document) = Self.fast(text) else {
      Issue.record("not read")
      return
    }
    let reference = try #require(try Self.yams(text))
    #expect(Self.lines(document.root) == Self.lines(reference))
    // The mapping, 5 keys, the list (4 nodes: itself, 1, 2 and {k: v} = 3) twice, 3 scalars.
    #expect(document.nodeCount == 1 + 5 + 6 + 6 + 3)
    #expect(document.nodeCount == YAMLComposer.count(reference))
  }

  @Test func textWithOnlyCommentsHoldsNoDocument() throws {
    #expect(try YAMLComposer.compose("# nothing here\n") == nil)
  }
}
