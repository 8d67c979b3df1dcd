import Foundation
import Testing

@testable import SOSCore

/// A log without an undo is replayed once, by the scorer alone; that must give what
/// the engine's replay followed by the scorer's gives — the same scores, state and
/// events, and the same refusal of a log that does not replay.
@Suite struct SinglePassReplayTests {
  static let statements = [
    "We're sorry. Our service failed overnight and we are fixing it now. Next update by 13:00.",
    "We are aware of the issue and are looking into it.",
    "No comment.",
  ]

  static func scenario(_ file: String) throws -> Scenario {
    let text = try String(
      contentsOf: ShippedBank.root.appendingPathComponent("scenarios/\(file)"), encoding: .utf8)
    return try #require(ScenarioLoader.load(text: text, file: file).scenario)
  }

  /// A random playthrough: its inputs and the option ids it recorded.
  static func play(
    _ engine: Engine, options: SessionOptions, random: inout SeededGenerator
  ) throws -> (inputs: [SessionInput], choices: [String?]) {
    var state = engine.start(options).state
    var inputs: [SessionInput] = []
    var choices: [String?] = []
    while !state.finished, inputs.count < 200 {
      if engine.pendingWrite(in: state) != nil {
        inputs.append(.write(statements[Int.random(in: 0..<statements.count, using: &random)]))
        choices.append(nil)
      } else {
        let offered = engine.offeredChoices(in: state)
        let number = Int.random(in: 1...offered.count, using: &random)
        inputs.append(.choose(number))
        choices.append(offered[number - 1].id)
      }
      state = try engine.step(state, inputs[inputs.count - 1]).get().state
    }
    return (inputs, choices)
  }

  static func both(
    _ scenario: Scenario, _ inputs: [SessionInput], _ options: SessionOptions,
    latencies: [Int?] = [], choices: [String?]
  ) -> (Result<ScoredSession, Engine.ReplayError>, Result<ScoredSession, Engine.ReplayError>) {
    (
      ScoredSession.replay(
        scenario, inputs: inputs, options: options, latencies: latencies, choices: choices,
        singlePass: true),
      ScoredSession.replay(
        scenario, inputs: inputs, options: options, latencies: latencies, choices: choices,
        singlePass: false)
    )
  }

  @Test(arguments: ShippedBank.files)
  func oneReplayGivesWhatTwoGive(file: String) throws {
    let scenario = try Self.scenario(file)
    let engine = Engine(scenario: scenario)
    var random = SeededGenerator(seed: 2026)
    for run in 0..<12 {
      let options = SessionOptions(
        mode: run % 3 == 2 ? .practice : .assessment, timed: run % 2 == 1, seed: UInt64(run))
      let (inputs, choices) = try Self.play(engine, options: options, random: &random)
      let latencies = inputs.indices.map { $0 % 4 == 0 ? nil : $0 * 1_500 }
      let (one, two) = Self.both(
        scenario, inputs, options, latencies: latencies, choices: choices)
      #expect(one == two, "\(file) run \(run)")

      // Cut short, with a number that now stands for another option, or one past the
      // last option: refused at the same input, for the same reason.
      let half = inputs.count / 2
      var (cut, _) = Self.both(scenario, Array(inputs.prefix(half)), options, choices: choices)
      #expect(cut == (Self.both(scenario, Array(inputs.prefix(half)), options, choices: choices).1))
      if let index = inputs.indices.last(where: { inputs[$0].isChoice }) {
        var wrong = choices
        wrong[index] = "not-an-option"
        let (oneWrong, twoWrong) = Self.both(scenario, inputs, options, choices: wrong)
        #expect(oneWrong == twoWrong)
        #expect(throws: Engine.ReplayError.self) { try oneWrong.get() }
        var past = inputs
        past[index] = .choose(99)
        (cut, _) = Self.both(scenario, past, options, choices: [])
        #expect(cut == Self.both(scenario, past, options, choices: []).1)
        #expect(throws: Engine.ReplayError.self) { try cut.get() }
      }
    }
  }
}
