import Foundation
import Testing

@testable import SOSCore

/// The bounds a score-bounds sweep drops labels by (``FutureReach``): they hold every
/// score a path can end with, and dropping by them changes no extreme and no path.
@Suite struct FutureReachTests {
  static let scenarios = [
    "customer-harm", "data-breach", "key-account", "miscommunication", "misconduct",
    "natural-disaster", "outage", "pr-disaster", "recall", "supply-chain",
  ]

  /// The graph of every future of a state part-way through scenario `name`, with at
  /// most `paths` complete paths left.
  static func graph(_ name: String, paths: Int) throws -> (StateGraph, Int32) {
    let engine = try ScoreBoundsTests.shippedEngine(name)
    let state = try ScoreBoundsTests.state(in: engine, withAtMost: paths)
    var graph = try #require(
      StateGraph(
        engine: engine, budget: ScoreBounds.defaultBudget,
        maximumDepth: ScoreBounds.depthLimit(for: engine.scenario), keepsSums: false))
    let root = graph.explore(from: state)
    return (graph, try #require(root))
  }

  /// From a state part-way through each shipped scenario: the bounds at that state
  /// hold the extremes of its futures, and a sweep that drops labels by them finds the
  /// same extremes by the same paths as one that drops none.
  @Test(arguments: scenarios)
  func droppingLabelsChangesNoExtremeAndNoPath(name: String) throws {
    let (graph, root) = try Self.graph(name, paths: 3_000)
    let pruned = try #require(graph.solve(from: root))
    let whole = try #require(graph.solve(from: root, pruning: false))
    Self.expectTheBoundsHold(whole, graph: graph, root: root)
    #expect(whole.dropped == 0)
    #expect(pruned.dropped > 0, "the bounds dropped nothing: the test would show nothing")
    for component in 0..<4 {
      #expect(pruned.low[component].score == whole.low[component].score)
      #expect(pruned.high[component].score == whole.high[component].score)
      #expect(pruned.low[component].arcs == whole.low[component].arcs)
      #expect(pruned.high[component].arcs == whole.high[component].arcs)
    }
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
        let bound = reach.bound(
          objective, highest: highest, at: Int(root), shape: start.shape,
          credit: start.credit.value, fit: start.fit, points: Double(start.statementPoints),
          settledPoints: timeline.settledPoints, count: Int32(timeline.values.count))
        if highest {
          #expect(bound >= solution.high[component].score, "\(objective) highest")
        } else {
          #expect(bound <= solution.low[component].score, "\(objective) lowest")
        }
      }
    }
  }
}
