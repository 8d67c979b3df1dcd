import Foundation
import Testing

@testable import SOSCore

/// The shipped scenarios cannot be passed without reading or writing: pressing the
/// same number at every decision, or playing at random, with statements that say
/// nothing, finishes below the pass mark.
///
/// The engine makes this possible (shuffled options, statements that count, the
/// statement gate); the bank rewrite finishes it. Until then the runs that still pass
/// blind are listed here as known issues, each by scenario and seed: a listed run that
/// stops passing fails its test, so the list only shrinks.
@Suite struct BlindPlayTests {
  static let seeds: [UInt64] = [1, 7, 2026]

  /// "scenario/seed" runs of option 1 everywhere that still pass.
  static let optionOneStillPasses: Set<String> = [
    "mercia-cure-period/1"
  ]
  /// Scenarios whose random players' median is still 50 or more.
  static let randomMedianStillHigh: Set<String> = []

  /// Expects `condition`, or, for a run listed as still passing blind, expects it to
  /// fail (a known issue the bank rewrite removes).
  static func expect(
    _ condition: Bool, known: Bool, _ comment: Comment,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    if known {
      withKnownIssue("still passable blind until the bank is rewritten") {
        #expect(condition, comment, sourceLocation: sourceLocation)
      }
    } else {
      #expect(condition, comment, sourceLocation: sourceLocation)
    }
  }

  /// Plays `scenario` from the start with `seed`, taking the option `pick` names
  /// among those shown (by their count) and writing `statement` at every write task.
  static func play(
    _ engine: Engine, seed: UInt64, statement: String, pick: (Int) -> Int
  ) throws -> ScoreReport {
    let options = SessionOptions(mode: .assessment, timed: false, seed: seed)
    var state = engine.start(options).state
    var inputs: [SessionInput] = []
    while !state.finished, inputs.count < 500 {
      let input: SessionInput =
        engine.pendingWrite(in: state) != nil
        ? .write(statement) : .choose(pick(engine.offeredChoices(in: state).count))
      state = try engine.step(state, input).get().state
      inputs.append(input)
    }
    #expect(state.finished, "\(engine.scenario.id) did not finish")
    return try Scorer(engine: engine).score(inputs: inputs, options: options).get()
  }

  static func engine(_ id: String) throws -> Engine {
    Engine(scenario: try #require(ScenarioBankTests.scenarios.first { $0.id == id }))
  }

  @Test(arguments: ScenarioBankTests.scenarios.map(\.id))
  func optionOneAndOkEverywhereDoesNotPass(id: String) throws {
    let engine = try Self.engine(id)
    for seed in Self.seeds {
      let report = try Self.play(engine, seed: seed, statement: "ok") { _ in 1 }
      Self.expect(
        !report.passed, known: Self.optionOneStillPasses.contains("\(id)/\(seed)"),
        "\(id), seed \(seed): \(report.overall)")
    }
  }

  @Test(arguments: ScenarioBankTests.scenarios.map(\.id))
  func theLastOptionEveryTimeDoesNotPass(id: String) throws {
    let engine = try Self.engine(id)
    for seed in Self.seeds {
      let report = try Self.play(engine, seed: seed, statement: "ok") { $0 }
      let passed = report.passed
      #expect(!passed, "\(id), seed \(seed): \(report.overall)")
    }
  }

  @Test(arguments: ScenarioBankTests.scenarios.map(\.id))
  func aRandomPlayerMedianIsBelowHalf(id: String) throws {
    let engine = try Self.engine(id)
    let playtester = Playtester(engine: engine)
    let overall = (0..<101).compactMap { playtester.run(seed: 11 + $0).report?.overall }.sorted()
    try #require(overall.count == 101)
    let median = overall[overall.count / 2]
    Self.expect(
      median < 50, known: Self.randomMedianStillHigh.contains(id), "\(id): median \(median)")
  }
}
