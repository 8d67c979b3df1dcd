import Testing

@testable import SOSCore

/// The score-bounds search against a dynamic programme over the DAG, on scenarios
/// shaped like the benchmark game of BENCHMARKS.md (3 options a decision, each
/// jumping 1–10 decisions ahead, endings of outcome 10, 50 and 100): the programme
/// knows nothing of the engine or the search, only how the score is made up.
@Suite struct GeneratedBoundsTests {
  /// A generated game: its YAML, and for each decision where each option leads (a
  /// decision index, or an ending's outcome as a negative number).
  struct Game {
    var text: String
    var targets: [[Int]]
  }

  /// Option qualities: a = +2, b = +1, c = −1, so the credits are 1, 2/3 and 0.
  static let qualities = [2, 1, -1]

  static func game(decisions: Int, seed: UInt64, required: Bool = false) -> Game {
    var generator = SeededGenerator(seed: seed)
    let outcomes = [10, 50, 100]
    var targets: [[Int]] = []
    var lines = [
      "format: 1", "id: generated-\(decisions)", "title: Generated", "kind: outage",
      "cluster: accidental", "difficulty: advanced", "minutes: 45", "role: R",
      "briefing: B",
      "stakeholders: { customers: { label: Customers, required: \(required) } }", "start: n0",
      "nodes:",
    ]
    for index in 0..<decisions {
      lines += ["  n\(index):", "    text: Choose.", "    choices:"]
      var row: [Int] = []
      for (letter, quality) in zip(["a", "b", "c"], Self.qualities) {
        let target = index + Int.random(in: 1...10, using: &generator)
        let goto: String
        if target >= decisions {
          let outcome = outcomes[Int.random(in: 0..<3, using: &generator)]
          goto = "end-\(outcome)"
          row.append(-outcome)
        } else {
          goto = "n\(target)"
          row.append(target)
        }
        lines.append(
          "      - { id: n\(index)-\(letter), text: Option \(letter), takes: 5m,"
            + " quality: { clarity: \(quality) }, goto: \(goto) }")
      }
      targets.append(row)
    }
    for outcome in outcomes {
      lines += ["  end-\(outcome):", "    ending: true", "    outcome: \(outcome)", "    text: E."]
    }
    return Game(text: lines.joined(separator: "\n") + "\n", targets: targets)
  }

  /// What a complete path adds up to: decisions taken, their credits in thirds, and
  /// the ending's outcome.
  struct Sum: Hashable {
    var decisions: Int
    var thirds: Int
    var outcome: Int
  }

  /// Every distinct sum of the paths from each decision to an ending, worked out
  /// from the last decision back (every option jumps ahead, so this is a DAG).
  static func sums(_ game: Game) -> Set<Sum> {
    let thirds = [3, 2, 0]
    var from: [Set<Sum>] = Array(repeating: [], count: game.targets.count)
    for index in game.targets.indices.reversed() {
      var here: Set<Sum> = []
      for (option, target) in game.targets[index].enumerated() {
        if target < 0 {
          here.insert(Sum(decisions: 1, thirds: thirds[option], outcome: -target))
        } else {
          for rest in from[target] {
            here.insert(
              Sum(
                decisions: rest.decisions + 1, thirds: rest.thirds + thirds[option],
                outcome: rest.outcome))
          }
        }
      }
      from[index] = here
    }
    return from.first ?? []
  }

  /// Five small games and a longer one (the 2,000-decision game of BENCHMARKS.md is
  /// measured there, in a release build).
  @Test(arguments: [(40, UInt64(1)), (40, 2), (40, 3), (40, 4), (40, 5), (250, 6)])
  func boundsEqualADynamicProgrammeOverTheDAG(decisions: Int, seed: UInt64) throws {
    let game = Self.game(decisions: decisions, seed: seed)
    let loaded = ScenarioLoader.load(text: game.text, file: "generated.yaml")
    let scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
    let bounds = try #require(ScoreBounds.analyze(Engine(scenario: scenario)))
    #expect(bounds.exact)

    // Nothing is timed (no deadlines, cadence or promises): timeliness is full
    // marks. Communication is the decisions' mean credit; overall weighs the three.
    let weights = scenario.scoring
    let total = Double(
      weights.timelinessWeight + weights.communicationWeight + weights.outcomeWeight)
    func communication(_ sum: Sum) -> Double {
      Scorer.tidy(100 * Double(sum.thirds) / 3 / Double(sum.decisions))
    }
    func overall(_ sum: Sum) -> Double {
      Scorer.tidy(
        (Double(weights.timelinessWeight) * 100 + Double(weights.communicationWeight)
          * communication(sum) + Double(weights.outcomeWeight) * Double(sum.outcome)) / total)
    }
    let sums = Self.sums(game)
    let overalls = sums.map(overall)
    let communications = sums.map(communication)
    let outcomes = sums.map { Double($0.outcome) }
    #expect(abs(bounds.overall.minimum.score - (overalls.min() ?? -1)) < 1e-6)
    #expect(abs(bounds.overall.maximum.score - (overalls.max() ?? -1)) < 1e-6)
    #expect(abs(bounds.communication.minimum.score - (communications.min() ?? -1)) < 1e-6)
    #expect(abs(bounds.communication.maximum.score - (communications.max() ?? -1)) < 1e-6)
    #expect(bounds.outcome.minimum.score == outcomes.min())
    #expect(bounds.outcome.maximum.score == outcomes.max())
    #expect(bounds.timeliness.minimum.score == 100)
    #expect(bounds.timeliness.maximum.score == 100)
  }

  /// On these games the bounds a sweep drops labels by (``FutureReach``) are the
  /// extremes themselves, from the start: the choices' mean is read from the credit
  /// hulls, and a required stakeholder no option contacts counts for nothing. (A
  /// bound that counted every decision to come at full credit, or the stakeholder as
  /// heard, would be above the highest.)
  @Test(arguments: [(40, UInt64(7), false), (40, 8, true), (120, 9, true)])
  func theBoundsAtTheStartAreTheExtremes(decisions: Int, seed: UInt64, required: Bool) throws {
    let game = Self.game(decisions: decisions, seed: seed, required: required)
    let loaded = ScenarioLoader.load(text: game.text, file: "generated.yaml")
    let scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
    let engine = Engine(scenario: scenario)
    let (graph, root) = try FutureReachTests.graph(
      engine, from: engine.start(SessionOptions()).state)
    let reach = FutureReach(
      graph, changes: StateGraph.FlatChanges(graph.changes), weights: graph.scorer.weights)
    // The choices' share of communication, beside an uncovered stakeholder's.
    let share =
      required
      ? ScoringDefaults.choiceShare / (ScoringDefaults.choiceShare + ScoringDefaults.coverageShare)
      : 1
    let means = Self.sums(game).map { Double($0.thirds) / 3 / Double($0.decisions) }
    let times = [Int32](repeating: Timeline.none, count: 4)
    for highest in [true, false] {
      let bound = times.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { base in
          reach.bound(
            .communication, highest: highest, at: Int(root), shape: SearchKey.History.Shape(),
            credit: 0, fit: 0, points: 0, settledPoints: 0, times: base,
            count: Int32(graph.layout.required.count))
        }
      }
      let extreme = try #require(highest ? means.max() : means.min())
      #expect(abs((bound ?? -1) - Scorer.tidy(100 * share * extreme)) < 1e-6, "highest: \(highest)")
    }
  }
}
