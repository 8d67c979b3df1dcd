import Foundation
import Testing

@testable import SOSCore

/// Many random playthroughs of every shipped scenario, each debriefed: the debrief
/// must never contradict itself, whatever the trainee did.
@Suite struct DebriefPlaytestTests {
  static let runs = 25

  func engine(_ file: String) throws -> Engine {
    let url = PlaythroughTests.root.appendingPathComponent("scenarios/\(file)")
    let result = ScenarioLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: file)
    return Engine(scenario: try #require(result.scenario, "\(result.diagnostics.map(\.headline))"))
  }

  /// What must hold of every debrief.
  func check(_ debrief: Debrief, scenario: Scenario, run: String) {
    let choices = Dictionary(
      scenario.nodes.flatMap(\.choices).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }
    )
    #expect(
      Set(debrief.strengths).isDisjoint(with: debrief.improvements),
      "\(run): in both lists: \(Set(debrief.strengths).intersection(debrief.improvements).map(\.reason))"
    )
    for entry in debrief.strengths {
      let share = ScoreFormat.tenths(100 * entry.points / entry.maximum)
      #expect(share >= Double(scenario.scoring.pass), "\(run): a weak strength: \(entry.reason)")
      if entry.rule == .choice || entry.rule == .posture {
        let total = choices[entry.subject]?.totalQuality ?? 0
        #expect(total >= 0, "\(run): praised an option of total quality \(total): \(entry.reason)")
      }
    }
    for entry in debrief.improvements {
      #expect(ScoreFormat.tenths(entry.shortfall) > 0, "\(run): lost nothing: \(entry.reason)")
    }
    for entry in debrief.report.ledger where entry.shortfall > 0.005 {
      #expect(
        !LedgerReasonTests.isBlankOrGeneric(entry.reason), "\(run): reason '\(entry.reason)'")
    }
  }

  @Test(arguments: PlaytesterTests.scenarioFiles)
  func randomAssessmentRunsGiveConsistentDebriefs(file: String) throws {
    let playtester = Playtester(engine: try engine(file))
    let scenario = playtester.engine.scenario
    for index in 0..<Self.runs {
      let run = playtester.run(seed: 500 + UInt64(index))
      let scored = try ScoredSession.replay(
        scenario, inputs: run.inputs, options: run.state.options
      ).get()
      let debrief = Debrief(scenario: scenario, report: scored.report, events: scored.events)
      check(debrief, scenario: scenario, run: "\(file) seed \(run.seed)")
    }
  }

  /// Plays at random in practice mode, taking decisions back now and then.
  func practiceRun(_ engine: Engine, seed: UInt64) -> [SessionInput] {
    var generator = SeededGenerator(seed: seed)
    var state = engine.start(SessionOptions(mode: .practice, seed: seed)).state
    var inputs: [SessionInput] = []
    while !state.finished, inputs.count < 400 {
      let input: SessionInput
      let canUndo = Engine.effectiveInputs(state.inputs).contains { $0.isChoice }
      if canUndo, Int.random(in: 0..<5, using: &generator) == 0 {
        input = .undo
      } else if engine.pendingWrite(in: state) != nil {
        input = .write(Playtester.statements.randomElement(using: &generator) ?? "")
      } else {
        let offered = engine.offeredChoices(in: state).count
        guard offered > 0 else { break }
        input = .choose(Int.random(in: 1...offered, using: &generator))
      }
      guard case .success(let next) = engine.step(state, input) else { break }
      state = next.state
      inputs.append(input)
    }
    return inputs
  }

  @Test(arguments: PlaytesterTests.scenarioFiles)
  func randomPracticeRunsWithUndoShowOnlyWhatStands(file: String) throws {
    let engine = try engine(file)
    let scenario = engine.scenario
    var undos = 0
    for index in 0..<Self.runs {
      let seed = 900 + UInt64(index)
      let inputs = practiceRun(engine, seed: seed)
      undos += inputs.filter { $0 == .undo }.count
      let options = SessionOptions(mode: .practice, seed: seed)
      let scored = try ScoredSession.replay(scenario, inputs: inputs, options: options).get()
      let standing = try engine.replay(Engine.effectiveInputs(inputs), options: options).get()
      #expect(scored.events == standing.events, "\(file) seed \(seed)")
      #expect(scored.state.inputs == inputs)
      let debrief = Debrief(scenario: scenario, report: scored.report, events: scored.events)
      let decisions = debrief.timeline.filter { $0.kind == .decision }.map(\.text)
      #expect(decisions == scored.report.decisions.map(\.chosenText), "\(file) seed \(seed)")
      check(debrief, scenario: scenario, run: "\(file) practice seed \(seed)")
    }
    #expect(undos > 0)
  }
}
