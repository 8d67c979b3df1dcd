import Foundation
import Testing

@testable import SOSCore

@Suite struct PlaytesterTests {
  /// The shipped bank's files (Tests/shipped-scenarios.txt).
  static var scenarioFiles: [String] { ShippedBank.files }

  func engine(_ file: String) throws -> Engine {
    let url = PlaythroughTests.root.appendingPathComponent("scenarios/\(file)")
    let result = ScenarioLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: file)
    return Engine(scenario: try #require(result.scenario, "\(result.diagnostics.map(\.headline))"))
  }

  @Test(arguments: PlaytesterTests.scenarioFiles)
  func randomPlaythroughsAllFinish(file: String) throws {
    let summary = Playtester(engine: try engine(file)).playtest(runs: 40, seed: 11)
    #expect(summary.problems == [])
    #expect(summary.finished == 40)
  }

  @Test(arguments: PlaytesterTests.scenarioFiles)
  func twelveRandomRunsGiveVariedScoresWithinRange(file: String) throws {
    let playtester = Playtester(engine: try engine(file))
    let scores = (0..<12).compactMap { playtester.run(seed: 100 + UInt64($0)).scores?.overall }
    #expect(scores.count == 12)
    #expect(scores.allSatisfy { (0...100).contains($0) })
    #expect(Set(scores.map { Int($0.rounded()) }).count >= 4, "\(file): \(scores)")
  }

  /// A run is scored as it is played, without events or reasons: its scores and
  /// final state must be what a replay of its inputs through the scorer gives.
  @Test(arguments: PlaytesterTests.scenarioFiles)
  func aRunScoresAsAReplayOfItsInputs(file: String) throws {
    let engine = try engine(file)
    let playtester = Playtester(engine: engine)
    for seed in UInt64(300)..<UInt64(315) {
      let run = playtester.run(seed: seed)
      let replayed = try engine.replay(run.inputs, options: run.state.options).get()
      #expect(replayed.state == run.state, "\(file) seed \(seed)")
      let report = try Scorer(engine: engine).score(
        inputs: run.inputs, options: run.state.options
      ).get()
      let scores = try #require(run.scores)
      #expect(scores.overall == report.overall, "\(file) seed \(seed)")
      #expect(scores.timeliness == report.timeliness, "\(file) seed \(seed)")
      #expect(scores.communication == report.communication, "\(file) seed \(seed)")
      #expect(scores.outcome == report.outcome, "\(file) seed \(seed)")
    }
  }

  @Test func theSameSeedGivesTheSameRun() throws {
    let playtester = Playtester(engine: try engine("data-breach.yaml"))
    #expect(playtester.run(seed: 5) == playtester.run(seed: 5))
    #expect(playtester.run(seed: 5).inputs != playtester.run(seed: 6).inputs)
  }

  @Test func aLoopWithoutAnEndingIsReported() throws {
    let text = """
      format: 1
      id: loop
      title: Loop
      kind: outage
      cluster: accidental
      difficulty: introductory
      minutes: 5
      role: R
      briefing: B
      stakeholders: { c: { label: C } }
      start: a
      nodes:
        a:
          text: A
          choices:
            - { text: Again, quality: { clarity: 1 }, goto: a }
            - { text: Still again, quality: { clarity: 0 }, goto: a }
            - { text: Leave, when: "false", quality: { clarity: 0 }, goto: end }
        end: { text: E, ending: true, outcome: 1 }

      """
    let scenario = try #require(ScenarioLoader.load(text: text, file: "loop.yaml").scenario)
    var playtester = Playtester(engine: Engine(scenario: scenario))
    playtester.maximumSteps = 50
    let summary = playtester.playtest(runs: 2, seed: 1)
    #expect(summary.problems.count == 2)
    #expect(summary.problems.first?.contains("no ending after 50 inputs") == true)
  }
}
