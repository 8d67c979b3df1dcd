import Foundation
import Testing

@testable import SOSCore

/// The bounds a score-bounds sweep drops labels by (``FutureReach``): they hold every
/// score a path can end with, and dropping by them changes no extreme.
@Suite struct FutureReachTests {
  static let scenarios = [
    "customer-harm", "data-breach", "key-account", "miscommunication", "misconduct",
    "natural-disaster", "outage", "pr-disaster", "recall", "supply-chain",
  ]

  /// The graph of every future of `state`.
  static func graph(_ engine: Engine, from state: SessionState) throws -> (StateGraph, Int32) {
    var graph = try #require(
      StateGraph(
        engine: engine, budget: ScoreBounds.defaultBudget,
        maximumDepth: ScoreBounds.depthLimit(for: engine.scenario), keepsSums: false))
    let root = graph.explore(from: state)
    return (graph, try #require(root))
  }

  /// From states part-way through each shipped scenario (with at most 3,000, 300 and
  /// 30 complete paths left): the bounds at each hold the extremes of its futures, a
  /// sweep that drops labels by them finds the same extremes as one that drops none,
  /// and the paths it shows replay through the scorer to them. (Where paths tie, the
  /// one shown may be another of them.)
  @Test(arguments: scenarios)
  func droppingLabelsChangesNoExtreme(name: String) throws {
    let engine = try ScoreBoundsTests.shippedEngine(name)
    var dropped = 0
    for paths in [3_000, 300, 30] {
      let state = try ScoreBoundsTests.state(in: engine, withAtMost: paths)
      let (graph, root) = try Self.graph(engine, from: state)
      let pruned = try #require(graph.solve(from: root))
      let whole = try #require(graph.solve(from: root, pruning: false))
      Self.expectTheBoundsHold(whole, graph: graph, root: root)
      #expect(whole.dropped == 0)
      dropped += pruned.dropped
      for component in 0..<4 {
        #expect(pruned.low[component].score == whole.low[component].score)
        #expect(pruned.high[component].score == whole.high[component].score)
      }
      // The paths shown are replayed through the scorer: a path that missed its
      // extreme would make the bounds not exact.
      let bounds = try #require(ScoreBounds.analyze(engine, from: state))
      #expect(bounds.exact, "\(bounds.reasons)")
      #expect(bounds.overall.maximum.score == whole.high[0].score)
      #expect(bounds.overall.minimum.score == whole.low[0].score)
    }
    #expect(dropped > 0, "the bounds dropped nothing: the test would show nothing")
  }

  /// The bounds of the start's history and timeline hold `solution`'s extremes.
  static func expectTheBoundsHold(_ solution: StateGraph.Solution, graph: StateGraph, root: Int32) {
    let reach = FutureReach(
      graph, changes: StateGraph.FlatChanges(graph.changes), weights: graph.scorer.weights)
    let start = graph.startHistory
    let timeline = (graph.startTimeline ?? Timeline(graph.layout)).settled(
      at: graph.nodes[Int(root)].clock, layout: graph.layout)
    let objectives: [Timeline.Objective] = [.overall, .timeliness, .communication]
    for (component, objective) in objectives.enumerated() {
      for highest in [true, false] {
        // One time past the timeline's, so that the buffer always has a start.
        let bound = (timeline.values + [0]).withUnsafeBufferPointer { times in
          times.baseAddress.map { base in
            reach.bound(
              objective, highest: highest, at: Int(root), shape: start.shape,
              credit: start.credit.value, fit: start.fit, points: Double(start.statementPoints),
              settledPoints: timeline.settledPoints, times: base,
              count: Int32(timeline.values.count))
          }
        }
        guard let bound else {
          Issue.record("no times")
          continue
        }
        if highest {
          #expect(bound >= solution.high[component].score, "\(objective) highest")
        } else {
          #expect(bound <= solution.low[component].score, "\(objective) lowest")
        }
      }
    }
  }
}
