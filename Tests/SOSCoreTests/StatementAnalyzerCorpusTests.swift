import Foundation
import Testing

@testable import SOSCore

/// The analyser against the labelled corpus (facilitator-guide/scoring.md §14): its
/// scores rank statements as the labels do, and each labelled pair "a clearly beats b"
/// is scored with a margin.
@Suite struct StatementAnalyzerCorpusTests {
  typealias Item = StatementCorpusTests.Item

  static func score(_ item: Item) -> Int {
    let channel = Channel(rawValue: item.channel) ?? .social
    return StatementAnalyzer().analyze(item.text, channel: channel, audience: item.audience).score
  }

  /// Spearman's rank correlation, with ties given their mean rank.
  static func spearman(_ xs: [Double], _ ys: [Double]) -> Double {
    func ranks(_ values: [Double]) -> [Double] {
      let order = values.indices.sorted { values[$0] < values[$1] }
      var ranks = [Double](repeating: 0, count: values.count)
      var start = 0
      while start < order.count {
        var end = start
        while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
        let mean = Double(start + end) / 2 + 1
        for index in start...end { ranks[order[index]] = mean }
        start = end + 1
      }
      return ranks
    }
    // Spearman's ρ is Pearson's r of the ranks (no correlation when ranks do not vary).
    return Correlation.pearson(ranks(xs), ranks(ys)) ?? .nan
  }

  @Test func spearmanOfKnownRankings() {
    #expect(abs(Self.spearman([1, 2, 3, 4], [10, 20, 30, 40]) - 1) < 1e-12)
    #expect(abs(Self.spearman([1, 2, 3, 4], [40, 30, 20, 10]) + 1) < 1e-12)
    #expect(abs(Self.spearman([1, 2, 2, 3], [1, 2, 2, 3]) - 1) < 1e-12)
  }

  @Test func scoresRankTheCorpusAsTheLabelsDo() throws {
    let items = try StatementCorpusTests.load("corpus.yaml", as: [Item].self)
    let scores = items.map { Double(Self.score($0)) }
    let rho = Self.spearman(scores, items.map { Double($0.label) })
    if ProcessInfo.processInfo.environment["SOS_CORPUS_REPORT"] != nil {
      for (item, score) in zip(items, scores) {
        let channel = Channel(rawValue: item.channel) ?? .social
        let analysis = StatementAnalyzer().analyze(
          item.text, channel: channel, audience: item.audience)
        let caps = analysis.caps.map { "\($0.id)\($0.grade)" }.joined(separator: ",")
        let failed = analysis.criteria.filter { $0.result != .pass }.map {
          "\($0.id)\($0.result == .partial ? "½" : "✗")"
        }.joined(separator: " ")
        print(
          "CORPUS \(item.label) \(Int(score)) \(item.id) u\(analysis.uncapped) [\(caps)]"
            + " \(analysis.nonsense == nil ? "" : "NONSENSE") | \(failed)")
      }
    }
    print("CORPUS spearman \(rho)")
    #expect(rho >= 0.85, "Spearman \(rho)")
  }

  @Test func eachClearlyBetterStatementWinsByFifteenPoints() throws {
    let items = try StatementCorpusTests.load("corpus.yaml", as: [Item].self)
    let pairs = try StatementCorpusTests.load("pairs.yaml", as: [StatementCorpusTests.Pair].self)
    let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var wins = 0
    for pair in pairs {
      let better = try #require(byID[pair.better])
      let worse = try #require(byID[pair.worse])
      let margin = Self.score(better) - Self.score(worse)
      if margin >= 15 { wins += 1 } else { print("PAIR \(margin) \(pair.better) > \(pair.worse)") }
      #expect(margin >= 15, "\(pair.better) over \(pair.worse): \(margin)")
    }
    print("PAIRS \(wins)/\(pairs.count)")
  }
}
