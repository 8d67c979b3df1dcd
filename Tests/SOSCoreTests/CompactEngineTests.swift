import Foundation
import Testing

@testable import SOSCore

/// The compact engine (``CompactEngine``, ``CompactWalk``) against the engine and the
/// scorer it mirrors: random walks through both, over every shipped scenario, every
/// test fixture that validates and generated games that use every rule, with the
/// compact state turned back into a ``SessionState`` and compared after every step,
/// refusals compared input by input, and the scores and outcomes compared at the end.
/// The playtester runs on the compact engine, so this is what keeps a playtest's
/// summary the one the engine would give.
@Suite struct CompactEngineTests {
  /// A scenario to walk: where it comes from and its text.
  struct Source: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var testDescription: String { name }
  }

  static let sources: [Source] = {
    var sources = ShippedBank.files.compactMap { file -> Source? in
      let url = ShippedBank.root.appendingPathComponent("scenarios/\(file)")
      return (try? String(contentsOf: url, encoding: .utf8)).map { Source(name: file, text: $0) }
    }
    let tests = ShippedBank.root.appendingPathComponent("Tests")
    let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)
    var fixtures: [Source] = []
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "yaml", let text = try? String(contentsOf: url, encoding: .utf8),
        ScenarioLoader.load(text: text, file: url.lastPathComponent).scenario != nil
      else { continue }
      fixtures.append(
        Source(name: url.path.replacingOccurrences(of: tests.path, with: "Tests"), text: text))
    }
    sources += fixtures.sorted { $0.name < $1.name }
    for seed in UInt64(1)...12 {
      sources.append(
        Source(name: "feature game \(seed)", text: FeatureGame.text(decisions: 24, seed: seed)))
    }
    for variables in [false, true] {
      sources.append(
        Source(
          name: "benchmark-shaped game\(variables ? " with variables" : "")",
          text: FeatureGame.benchmarkShaped(decisions: 80, seed: 5, variables: variables)))
    }
    return sources
  }()

  static func engine(_ source: Source) throws -> Engine {
    let result = ScenarioLoader.load(text: source.text, file: source.name)
    let scenario = try #require(
      result.scenario, "\(source.name): \(result.diagnostics.map(\.headline))")
    return Engine(scenario: scenario)
  }

  /// Every generated game loads and compiles, and there are fixtures beside the bank:
  /// otherwise the walks below would test less than they say.
  @Test func everySourceLoadsAndCompiles() throws {
    #expect(Self.sources.count >= ShippedBank.files.count + 2 + 14)
    for source in Self.sources {
      #expect(CompactEngine(engine: try Self.engine(source)) != nil, "\(source.name)")
    }
  }

  /// The session options the walks are played under: the playtester's, and practice,
  /// file order and timed play.
  static let optionSets: [(SessionOptions.Mode, timed: Bool, shuffles: Bool)] = [
    (.assessment, false, true), (.practice, false, false), (.assessment, true, true),
    (.practice, true, false),
  ]

  @Test(arguments: CompactEngineTests.sources)
  func randomWalksMatchTheEngineStepByStep(source: Source) throws {
    let engine = try Self.engine(source)
    let compact = try #require(CompactEngine(engine: engine))
    for (variant, options) in Self.optionSets.enumerated() {
      for seed in UInt64(1)...10 {
        let problems = Self.walk(
          engine, compact,
          options: SessionOptions(
            mode: options.0, timed: options.timed, seed: seed &* 7919 &+ UInt64(variant),
            shuffles: options.shuffles),
          steps: 600)
        #expect(problems.isEmpty, "\(source.name), options \(options), seed \(seed): \(problems)")
        if !problems.isEmpty { return }
      }
    }
  }

  /// Statements a walk types: the playtester's four, one the engine refuses (a control
  /// character) and an empty one.
  static let statements = Playtester.statements + ["We are sorry \u{7}", ""]

  /// One random walk through the engine (with the scorer) and the compact engine (with
  /// its walk): the differences found, empty when they agree.
  static func walk(
    _ engine: Engine, _ compact: CompactEngine, options: SessionOptions, steps: Int
  ) -> [String] {
    var generator = SeededGenerator(seed: options.seed ^ 0xA5A5)
    let scorer = Scorer(engine: engine)
    var reference = scorer.begin(options, recordsEvents: false)
    var walk = CompactWalk(compact, options: options, keepsInputs: true)
    var outcomes = Set(reference.startDraws.map { Playtester.outcomeName($0.source, $0.index) })
    var problems = compare(compact, walk, reference.state, at: "T+0")
    for step in 0..<steps where problems.isEmpty {
      let input = randomInput(engine, reference.state, &generator)
      let latency = options.timed ? Int.random(in: 0...90_000, using: &generator) : nil
      let expected = scorer.take(input.sessionInput, latency: latency, in: &reference)
      let actual = walk.take(input, latency: latency)
      switch (expected, actual) {
      case (.success(let step), .success):
        for draw in step.draws { outcomes.insert(Playtester.outcomeName(draw.source, draw.index)) }
        if let (statement, index) = step.statementOutcome {
          outcomes.insert(Playtester.outcomeName(statement, index))
        }
      case (.failure(let error), .failure(let other)) where error == other:
        break
      default:
        problems.append("step \(step) (\(input)): the engine gave \(expected), compact \(actual)")
      }
      problems += compare(compact, walk, reference.state, at: "step \(step) (\(input))")
      if reference.state.finished, walk.state.finished, step % 3 == 0 { break }
    }
    guard problems.isEmpty else { return problems }
    let report = scorer.report(of: reference, explains: false)
    let scores = walk.scores()
    let expected = Playtester.Scores(
      overall: report.overall, timeliness: report.timeliness,
      communication: report.communication, outcome: report.outcome)
    if scores != expected {
      problems.append("scores: the scorer gave \(expected), compact \(scores)")
    }
    let reached = Set(
      walk.state.set(.reachedOutcome).indices.map { compact.compiled.outcomeNames[$0] })
    if reached != outcomes {
      problems.append("outcomes: the engine met \(outcomes), compact \(reached)")
    }
    return problems
  }

  /// A random input, now and then one the engine refuses.
  static func randomInput(
    _ engine: Engine, _ state: SessionState, _ generator: inout SeededGenerator
  ) -> CompactEngine.Input {
    let roll = Int.random(in: 0..<100, using: &generator)
    let offered = engine.offeredCount(in: state)
    if state.options.timed, roll < 8 { return .timeout }
    if engine.pendingWrite(in: state) != nil {
      if roll < 12 { return .choose(1) }
      return .write(statements[Int.random(in: 0..<statements.count, using: &generator)])
    }
    switch roll {
    case 8..<11: return .write("We are sorry.")
    case 11..<14: return .choose(pick([0, offered + 1, -1], &generator))
    case 14..<16: return .timeout
    default: return .choose(Int.random(in: 1...max(offered, 1), using: &generator))
    }
  }

  static func pick(_ numbers: [Int], _ generator: inout SeededGenerator) -> Int {
    numbers[Int.random(in: 0..<numbers.count, using: &generator)]
  }

  /// Where the compact state, turned back, differs from the engine's, field by field.
  static func compare(
    _ compact: CompactEngine, _ walk: CompactWalk, _ expected: SessionState, at place: String
  ) -> [String] {
    let actual = compact.sessionState(of: walk.state, inputs: walk.inputs)
    var problems: [String] = []
    if actual != expected {
      let fields = zip(Mirror(reflecting: expected).children, Mirror(reflecting: actual).children)
      for (left, right) in fields
      where (left.value as? AnyHashable) != (right.value as? AnyHashable) {
        problems.append(
          "\(place): \(left.label ?? "?") is \(right.value), the engine's \(left.value)")
      }
      if problems.isEmpty { problems.append("\(place): the states differ") }
    }
    let engine = compact.engine
    if compact.offeredCount(in: walk.state) != engine.offeredCount(in: expected) {
      problems.append("\(place): offered counts differ")
    }
    if compact.offered(in: walk.state).map({ compact.compiled.choiceIDs[$0] })
      != engine.offeredChoices(in: expected).map(\.id)
    {
      problems.append("\(place): offered options differ")
    }
    if compact.timeLimit(in: walk.state) != engine.timeLimit(in: expected) {
      problems.append("\(place): time limits differ")
    }
    return problems
  }

  /// A playtest on the compiled scenario gives the summary, and each run the state,
  /// inputs, scores and outcomes, of the same playtest through the engine and scorer.
  @Test(arguments: CompactEngineTests.sources)
  func thePlaytestIsTheReferencePlaytest(source: Source) throws {
    let playtester = Playtester(engine: try Self.engine(source))
    #expect(playtester.compact != nil)
    for seed: UInt64 in [1, 77] {
      #expect(
        playtester.playtest(runs: 25, seed: seed)
          == playtester.referencePlaytest(runs: 25, seed: seed), "\(source.name) seed \(seed)")
    }
    for seed in UInt64(0)..<5 {
      #expect(playtester.run(seed: seed) == playtester.referenceRun(seed: seed))
    }
  }

  /// A run stopped by the step limit is reported as the engine's run reports it.
  @Test func aRunCutShortIsTheReferenceRun() throws {
    var playtester = Playtester(
      engine: try Self.engine(
        Source(name: "game", text: FeatureGame.text(decisions: 24, seed: 3))))
    playtester.maximumSteps = 4
    for seed in UInt64(0)..<5 {
      #expect(playtester.run(seed: seed) == playtester.referenceRun(seed: seed))
      #expect(playtester.run(seed: seed).problem != nil)
    }
    #expect(
      playtester.playtest(runs: 10, seed: 1) == playtester.referencePlaytest(runs: 10, seed: 1))
  }
}
