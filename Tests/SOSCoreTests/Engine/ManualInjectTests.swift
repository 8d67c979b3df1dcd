import Testing

@testable import SOSCore

/// Manual injects: fired by a facilitator, recorded as inputs, replayed exactly.
@Suite struct ManualInjectTests {
  static let text = """
    format: 1
    id: manual-test
    title: Manual inject test
    kind: pr-disaster
    cluster: preventable
    difficulty: introductory
    minutes: 10
    role: Head of communications
    briefing: A test.
    stakeholders:
      press: { label: Press }
      customers: { label: Customers }
    state: { heat: 0 }
    injects:
      - id: journalist
        manual: true
        unless: tagged(statement-out)
        text: A journalist is on the phone.
        effects: { add: { heat: 5 } }
        tags: [press-aware]
        goto: press-call
      - id: rumour
        manual: true
        text: A rumour spreads.
        effects: { add: { heat: 1 } }
      - { id: scheduled, at: 2h, text: Two hours in. }
    start: first
    nodes:
      first:
        text: The video is out.
        choices:
          - { id: post-now, text: Post a statement, takes: 1h, tags: [statement-out], quality: { clarity: 2 }, goto: second }
          - { id: wait, text: Wait, takes: 1h, quality: { clarity: 0 }, goto: second }
      press-call:
        text: The journalist waits.
        choices:
          - { id: answer, text: Answer, takes: 15m, contacts: [press], quality: { clarity: 2 }, goto: return }
      second:
        text: Later.
        choices:
          - { id: close, text: Close, takes: 1h, quality: { clarity: 1 }, goto: done }
      done: { text: Done., ending: true, outcome: 80 }

    """

  static func engine() throws -> Engine {
    let loaded = ScenarioLoader.load(text: text, file: "manual.yaml")
    let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
    return Engine(scenario: scenario)
  }

  static let options = SessionOptions(mode: .assessment, timed: false, seed: 3, shuffles: false)

  @Test func aManualInjectIsNotFiredByTheClock() throws {
    let engine = try Self.engine()
    let played = try engine.replay([.choose(2), .choose(1)], options: Self.options).get()
    #expect(played.state.firedInjects == ["scheduled"])
    #expect(played.state.finished)
  }

  @Test func aManualInjectDivertsAndReturnsWithoutTimePassing() throws {
    let engine = try Self.engine()
    let start = engine.start(Self.options).state
    let fired = try engine.step(start, .inject("journalist")).get()
    #expect(fired.state.node == "press-call")
    #expect(fired.state.clock == .zero)
    #expect(fired.state.firedInjects.contains("journalist"))
    #expect(fired.state.tags.contains("press-aware"))
    #expect(fired.state.variables["heat"] == .integer(5))
    #expect(fired.state.returnStack == ["first"])
    #expect(fired.events.contains(.injectFired(inject: "journalist", at: .zero)))
    #expect(fired.state.decisions == 0)
    let back = try engine.step(fired.state, .choose(1)).get()
    #expect(back.state.node == "first")
    #expect(back.state.clock == ClockDuration(seconds: 15 * 60))
  }

  @Test func aManualInjectWithoutGotoStaysAtTheDecision() throws {
    let engine = try Self.engine()
    let start = engine.start(Self.options).state
    let fired = try engine.step(start, .inject("rumour")).get()
    #expect(fired.state.node == "first")
    #expect(fired.state.shown == start.shown)
    #expect(fired.state.variables["heat"] == .integer(1))
  }

  @Test func conditionsAreReadWhenItArrives() throws {
    let engine = try Self.engine()
    let posted = try engine.replay([.choose(1)], options: Self.options).get().state
    let arrived = try engine.step(posted, .inject("journalist")).get()
    // `unless: tagged(statement-out)` holds: nothing happens, and it can come again.
    #expect(arrived.state.node == "second")
    #expect(!arrived.state.firedInjects.contains("journalist"))
    #expect(arrived.state.inputs.last == .inject("journalist"))
  }

  @Test func unknownScheduledAndRepeatedInjectsAreRefused() throws {
    let engine = try Self.engine()
    let start = engine.start(Self.options).state
    #expect(engine.step(start, .inject("nope")).failure == .noSuchInject("nope"))
    #expect(engine.step(start, .inject("scheduled")).failure == .noSuchInject("scheduled"))
    let once = try engine.step(start, .inject("rumour")).get().state
    #expect(engine.step(once, .inject("rumour")).failure == .injectAlreadyFired("rumour"))
    let ended = try engine.replay([.choose(1), .choose(1)], options: Self.options).get().state
    #expect(engine.step(ended, .inject("rumour")).failure == .finished)
  }

  @Test func aLogWithInjectsReplaysAndScoresTheSame() throws {
    let engine = try Self.engine()
    let inputs: [SessionInput] = [
      .inject("journalist"), .choose(1), .choose(2), .inject("rumour"), .choose(1),
    ]
    let first = try engine.replay(inputs, options: Self.options).get()
    let second = try engine.replay(inputs, options: Self.options).get()
    #expect(first == second)
    #expect(first.state.finished)
    #expect(first.state.hasContacted("press"))
    let scorer = Scorer(engine: engine)
    let report = try scorer.score(inputs: inputs, options: Self.options).get()
    #expect(report.decisions.count == 3)
  }

  @Test func aManualInjectHasNoTime() {
    let text = Self.text.replacingOccurrences(
      of: "    manual: true\n    unless", with: "    manual: true\n    at: 1h\n    unless")
    let loaded = ScenarioLoader.load(text: text, file: "manual.yaml")
    #expect(loaded.scenario == nil)
    #expect(
      loaded.diagnostics.contains {
        $0.message.hasPrefix("a manual inject has no 'at'") && $0.location.line == 17
      })
  }

  @Test func playtestsDoNotCountManualOutcomesAsUnmet() throws {
    let engine = try Self.engine()
    let summary = Playtester(engine: engine).playtest(runs: 5, seed: 1)
    #expect(summary.problems.isEmpty)
    #expect(summary.unvisitedNodes == ["press-call"])
  }
}

extension Result {
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
