import Foundation
import Testing
import Yams

/// The labelled statement corpus (graded by hand with the rubric in
/// facilitator-guide/scoring.md §14) and its pairs are well formed. This checks the data
/// only; the analyser's agreement with it is tested elsewhere.
@Suite struct StatementCorpusTests {
  struct Item: Decodable {
    var id: String
    var kind: String
    var channel: String
    var audience: String
    var label: Int
    var reason: String
    var tags: [String]?
    var text: String
  }

  struct Pair: Decodable {
    var better: String
    var worse: String
    var reason: String
    var twin: Bool?
  }

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/statements")

  static let kinds: Set<String> = [
    "recall", "outage", "data-breach", "misconduct", "pr-disaster", "supply-chain",
    "natural-disaster", "customer-harm", "miscommunication", "key-account",
  ]
  static let channels: Set<String> = ["social", "sms", "email", "memo", "regulator-notice"]

  static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    return try YAMLDecoder().decode(T.self, from: text)
  }

  @Test func itemsAreWellFormed() throws {
    let items = try Self.load("corpus.yaml", as: [Item].self)
    #expect(items.count >= 320)
    let ids = items.map(\.id)
    #expect(Set(ids).count == ids.count, "duplicate ids")
    for item in items {
      #expect((1...5).contains(item.label), "\(item.id): label \(item.label)")
      #expect(Self.kinds.contains(item.kind), "\(item.id): kind \(item.kind)")
      #expect(Self.channels.contains(item.channel), "\(item.id): channel \(item.channel)")
      #expect(
        item.id.hasPrefix("\(item.kind)-\(item.channel)-"), "\(item.id) does not match its kind")
      #expect(!item.reason.isEmpty, "\(item.id): no reason")
      #expect(!item.audience.isEmpty, "\(item.id): no audience")
      #expect(!item.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
    #expect(Set(items.map(\.kind)) == Self.kinds)
    #expect(Set(items.map(\.channel)) == Self.channels)
    for label in 1...5 {
      #expect(items.filter { $0.label == label }.count >= 40, "too few items labelled \(label)")
    }
    let adversarial = items.filter { ($0.tags ?? []).contains("adversarial") }
    #expect(adversarial.count >= 60)
  }

  @Test func pairsNameItemsInOrder() throws {
    let items = try Self.load("corpus.yaml", as: [Item].self)
    let pairs = try Self.load("pairs.yaml", as: [Pair].self)
    let labels = Dictionary(
      items.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    #expect(pairs.count >= 80)
    #expect(pairs.filter { $0.twin == true }.count >= 30)
    for pair in pairs {
      let better = try #require(labels[pair.better], "unknown id \(pair.better)")
      let worse = try #require(labels[pair.worse], "unknown id \(pair.worse)")
      #expect(better >= worse, "\(pair.better) is labelled below \(pair.worse)")
      if pair.twin != true {
        #expect(better - worse >= 2, "\(pair.better) vs \(pair.worse): not a clear difference")
      }
      #expect(!pair.reason.isEmpty)
    }
  }
}
