import Foundation
import Testing

@testable import SOSCore

@Suite struct EngineTests {
  static let text = """
    format: 1
    id: engine-test
    title: Engine test
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 10
    role: Duty manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers, required: true }
      staff: { label: Staff }
      press: { label: Press }
    state: { trust: 50, told: false, mood: calm }
    deadlines:
      - { id: first-word, label: First word, by: 1h, grace: 1h, met: contacted(customers) }
      - { id: staff-told, label: Staff told, by: 2h, met: contacted(staff) }
    injects:
      - { id: late, at: 1h, text: Late inject., tags: [late-fired] }
      - { id: early, at: 30m, text: Early inject., effects: { add: { trust: -5 } } }
      - { id: same-time, at: 1h, text: "Same time, second in file." }
      - id: press-call
        at: 3h
        unless: contacted(customers)
        text: A reporter calls.
        goto: press
      - { id: conditional, at: 10m, when: told, text: Fires once told. }
    start: a
    nodes:
      a:
        text: Start.
        choices:
          - id: tell
            text: Tell customers
            takes: 45m
            contacts: [customers]
            effects: { set: { told: true }, add: { trust: 10 } }
            promise: { to: customers, within: 2h, label: an update }
            quality: { transparency: 2 }
            goto: b
          - { id: wait, text: Wait, takes: 2h, quality: { transparency: -2 }, goto: b }
          - { id: secret, text: Hidden, when: told, quality: { clarity: 1 }, goto: b }
          - { id: stray, text: Go back, goto: return, quality: { clarity: 1 } }
      b:
        text: Second.
        time_limit: 30s
        on_timeout: { takes: 20m, text: You froze. }
        choices:
          - id: brief
            text: Brief staff
            takes: 30m
            contacts: [staff]
            quality: { coverage: 1 }
            goto: c
          - id: post
            text: Post an update
            takes: 1h
            write: { channel: social, audience: customers, prompt: Post it. }
            quality: { clarity: 1 }
            goto: c
          - id: slow
            text: Think about it
            takes: 4h
            quality: { clarity: -1 }
            goto:
              - { when: trust >= 55, to: good }
              - { to: c }
      c:
        text: Third.
        choices:
          - { id: finish, text: Finish, takes: 10m, quality: { clarity: 1 }, goto: good }
          - { id: sulk, text: Sulk, takes: 10m, quality: { clarity: -1 }, goto: bad }
      press:
        text: The press.
        choices:
          - { id: answer, text: Answer, takes: 15m, contacts: [press], quality: { transparency: 1 }, goto: return }
          - { id: dodge, text: Dodge, takes: 5m, quality: { transparency: -1 }, goto: return }
      good: { text: Good end., ending: true, outcome: 90 }
      bad: { text: Bad end., ending: true, outcome: 10 }

    """

  struct LoadFailure: Error {
    var diagnostics: [String]
  }

  var engine: Engine {
    get throws {
      let result = ScenarioLoader.load(text: Self.text, file: "engine.yaml")
      guard let scenario = result.scenario else {
        throw LoadFailure(diagnostics: result.diagnostics.map(\.headline))
      }
      return Engine(scenario: scenario)
    }
  }

  func play(_ inputs: [SessionInput], options: SessionOptions = SessionOptions(shuffles: false))
    throws
    -> Engine.Transition
  {
    try engine.replay(inputs, options: options).get()
  }

  // MARK: - Statements the engine refuses

  @Test func aStatementWithAControlCharacterIsRefusedAndTheStateKept() throws {
    let engine = try self.engine
    let before = try play([.choose(1), .choose(2)]).state
    for text in ["We are sorry\u{0} for the outage.", "Sorry \u{1B}[31m for this."] {
      guard case .failure(let error) = engine.step(before, .write(text)) else {
        Issue.record("accepted \(text.debugDescription)")
        continue
      }
      #expect(error.message.hasPrefix("a statement cannot hold control characters"))
    }
    #expect(throws: Never.self) {
      _ = try engine.step(before, .write("Line one.\nLine two,\tindented.")).get()
    }
  }

  @Test func aStatementFarOverItsChannelsLimitIsRefusedInReplayToo() throws {
    let engine = try self.engine
    // A social post: 280 characters, so at most 2,000 are taken.
    let huge = String(repeating: "We are sorry. ", count: 1_000)
    let replayed = engine.replay(
      [.choose(1), .choose(2), .write(huge)], options: SessionOptions(shuffles: false))
    guard case .failure(let failure) = replayed else {
      Issue.record("a 14,000-character post replayed")
      return
    }
    #expect(failure.index == 2)
    #expect(failure.error == .statementTooLong(characters: 14_000, bound: 2_000))
    let long = String(repeating: "x", count: 1_900)
    #expect(throws: Never.self) {
      _ = try engine.replay(
        [.choose(1), .choose(2), .write(long)], options: SessionOptions(shuffles: false)
      ).get()
    }
  }

  // MARK: - Start and clock

  @Test func startEntersTheStartNodeAtZero() throws {
    let engine = try self.engine
    let start = engine.start(SessionOptions(seed: 9, shuffles: false))
    #expect(start.state.node == "a")
    #expect(start.state.clock == .zero)
    #expect(start.state.variables["trust"] == .integer(50))
    #expect(
      start.events == [
        .started(scenario: "engine-test", seed: 9), .nodeEntered(node: "a", at: .zero),
        .optionsShown(node: "a", order: ["tell", "wait", "secret", "stray"]),
      ])
  }

  @Test func choicesCostTheirTime() throws {
    let after = try play([.choose(1)])
    #expect(after.state.clock == .minutes(45))
    #expect(after.events.contains(.clockAdvanced(from: .zero, to: .minutes(45))))
    #expect(after.state.node == "b")
  }

  // MARK: - Conditions and effects

  @Test func optionsWhoseConditionFailsAreNotOffered() throws {
    let engine = try self.engine
    let start = engine.start(SessionOptions(shuffles: false))
    // 'secret' needs told; 'stray' needs somewhere to return to.
    #expect(engine.offeredChoices(in: start.state).map(\.id) == ["tell", "wait"])
  }

  @Test func effectsAddAndSet() throws {
    let after = try play([.choose(1)])
    #expect(after.state.variables["told"] == .boolean(true))
    // +10 from 'tell', −5 from the 'early' inject at 30m.
    #expect(after.state.variables["trust"] == .integer(55))
  }

  @Test func conditionalGotoTakesTheFirstBranchThatHolds() throws {
    // Trust 45 after 'wait': the fallback branch, 'c' (where the press inject, due
    // by then, diverts play on the way in).
    let low = try play([.choose(2), .choose(3)])
    #expect(low.state.returnStack == ["c"])
    let high = try play([.choose(1), .choose(3)])
    #expect(high.state.node == "good")
  }

  // MARK: - Injects

  @Test func injectsFireInTimeOrderThenFileOrder() throws {
    let after = try play([.choose(2)])
    let fired = after.events.compactMap { event -> String? in
      if case .injectFired(let id, _) = event { return id }
      return nil
    }
    #expect(fired == ["early", "late", "same-time"])
    #expect(after.state.tags.contains("late-fired"))
  }

  @Test func injectWaitsForItsCondition() throws {
    let waited = try play([.choose(2)])
    #expect(!waited.state.firedInjects.contains("conditional"))
    let told = try play([.choose(1)])
    #expect(told.state.firedInjects.contains("conditional"))
  }

  @Test func injectDivertsAndReturnComesBack() throws {
    // wait (2h) then slow (4h): at 6h the press inject fires, since customers never
    // heard; play is diverted to 'press' instead of entering 'c'.
    let diverted = try play([.choose(2), .choose(3)])
    #expect(diverted.state.node == "press")
    #expect(diverted.state.returnStack == ["c"])
    #expect(diverted.events.contains(.diverted(from: "c", to: "press")))
    let back = try play([.choose(2), .choose(3), .choose(1)])
    #expect(back.state.node == "c")
    #expect(back.state.returnStack.isEmpty)
    #expect(back.events.contains(.returned(to: "c")))
    #expect(back.state.clock == .hours(6) + .minutes(15))
  }

  @Test func returnOptionIsOfferedOnlyWhenDiverted() throws {
    let engine = try self.engine
    let start = engine.start(SessionOptions(shuffles: false))
    #expect(!engine.offeredChoices(in: start.state).contains { $0.id == "stray" })
  }

  // MARK: - Promises and deadlines

  @Test func promiseKeptOnTime() throws {
    // tell (45m, promise due 2h45m), post (1h, to customers at 1h45m).
    let after = try play([.choose(1), .choose(2), .write("We are posting an update now.")])
    #expect(after.state.promises.first?.status == .kept(at: .minutes(105)))
    #expect(after.state.promises.first?.keptOnTime == true)
    #expect(after.events.contains(.promiseKept(id: 1, at: .minutes(105), onTime: true)))
  }

  @Test func promiseNotYetDueWhenPlayEndsFirst() throws {
    // tell (promise due 2h45m), brief, finish: play ends at 1h25m, before it is due.
    let after = try play([.choose(1), .choose(1), .choose(1)])
    #expect(after.state.finished)
    #expect(after.state.promises.first?.status == .notYetDue)
    #expect(after.events.contains(.promiseNotYetDue(id: 1, due: .minutes(165))))
  }

  @Test func promiseBrokenWhenPlayEndsAfterItFellDue() throws {
    // tell (promise due 2h45m), then think for 4h: the good ending at 4h45m.
    let after = try play([.choose(1), .choose(3)])
    #expect(after.state.finished)
    #expect(after.state.promises.first?.status == .broken)
    #expect(after.events.contains(.promiseBroken(id: 1, due: .minutes(165))))
  }

  @Test func deadlineMetExactlyAtByIsOnTime() throws {
    // staff-told: by 2h, no grace. wait (2h) puts the clock at 2h exactly; brief then
    // takes 30m, so it is met at 2h30m — missed. Met at 1h15m via tell then brief.
    let onTime = try play([.choose(1), .choose(1)])
    #expect(onTime.state.metDeadlines["staff-told"] == .minutes(75))
    let late = try play([.choose(2), .choose(1)])
    #expect(late.state.missedDeadlines.contains("staff-told"))
    #expect(late.state.metDeadlines["staff-told"] == nil)
    #expect(late.events.contains(.deadlineMissed(deadline: "staff-told", at: .hours(2))))
  }

  @Test func deadlineInGraceIsMetLate() throws {
    // first-word: by 1h, grace 1h. wait (2h) → customers first hear at 3h via 'post'.
    let missed = try play([.choose(2), .choose(2), .write("Hi all, we are on it.")])
    #expect(missed.state.missedDeadlines.contains("first-word"))
    let onTime = try play([.choose(1)])
    #expect(onTime.state.metDeadlines["first-word"] == .minutes(45))
  }

  @Test func unmetDeadlinesAreMissedAtTheEnd() throws {
    let after = try play([.choose(1), .choose(2), .write("x"), .choose(1)])
    #expect(after.state.finished)
    #expect(after.state.missedDeadlines.contains("staff-told"))
  }

  // MARK: - Statements

  @Test func aWriteChoiceWaitsForTheStatement() throws {
    let engine = try self.engine
    let chosen = try play([.choose(1), .choose(2)])
    #expect(chosen.state.pendingWrite == "post")
    #expect(chosen.state.clock == .minutes(45))
    #expect(engine.step(chosen.state, .choose(1)) == .failure(.statementExpected))
    let written = try play([.choose(1), .choose(2), .write("We are sorry for the outage today.")])
    #expect(written.state.pendingWrite == nil)
    #expect(
      written.events.contains(
        .statementWritten(
          choice: "post", audience: "customers", text: "We are sorry for the outage today.",
          at: .minutes(45))))
    #expect(written.state.hasContacted("customers"))
  }

  // MARK: - Refusals

  @Test func refusedInputsLeaveTheStateAlone() throws {
    let engine = try self.engine
    let start = engine.start(SessionOptions(shuffles: false))
    #expect(engine.step(start.state, .choose(0)) == .failure(.noSuchOption(0, offered: 2)))
    #expect(engine.step(start.state, .choose(3)) == .failure(.noSuchOption(3, offered: 2)))
    #expect(engine.step(start.state, .write("x")) == .failure(.choiceExpected))
    #expect(engine.step(start.state, .undo) == .failure(.undoNotAllowed))
    #expect(engine.step(start.state, .timeout) == .failure(.notTimed))
    let finished = try play([.choose(1), .choose(1), .choose(1)])
    #expect(engine.step(finished.state, .choose(1)) == .failure(.finished))
  }

  @Test func replayNamesTheFirstBadInput() throws {
    let engine = try self.engine
    guard
      case .failure(let error) = engine.replay(
        [.choose(1), .choose(9)], options: SessionOptions(shuffles: false))
    else {
      Issue.record("replay should fail")
      return
    }
    #expect(error.index == 1)
    #expect(error.error == .noSuchOption(9, offered: 3))
  }

  // MARK: - Practice and timed play

  @Test func undoTakesBackTheLastDecision() throws {
    let practice = SessionOptions(mode: .practice, shuffles: false)
    let before = try play([.choose(1)], options: practice)
    let undone = try play([.choose(1), .choose(1), .undo], options: practice)
    #expect(undone.state.node == before.state.node)
    #expect(undone.state.clock == before.state.clock)
    #expect(undone.state.contacts == before.state.contacts)
    #expect(undone.state.decisions == 1)
    #expect(undone.state.inputs == [.choose(1), .choose(1), .undo])
    // Undoing a statement choice takes back the choice and its text together.
    let statement = try play([.choose(1), .choose(2), .write("x"), .undo], options: practice)
    #expect(statement.state.node == "b")
    #expect(statement.state.pendingWrite == nil)
  }

  @Test func theStandingLogFollowsEveryUndo() throws {
    let engine = try self.engine
    let practice = SessionOptions(mode: .practice, shuffles: false)
    // A seeded walk of choices, statements and undos, refused ones included: after
    // every accepted input the standing log is the log with the undone inputs taken
    // out, and stepping input by input ends where one replay of the whole log does.
    var generator = SeededGenerator(seed: 2026)
    var state = engine.start(practice).state
    for _ in 0..<400 {
      let input: SessionInput
      switch generator.next() % 4 {
      case 0: input = .undo
      case 1: input = .write("We are sorry. Next update at 5pm.")
      default: input = .choose(Int(generator.next() % 3) + 1)
      }
      guard case .success(let next) = engine.step(state, input) else { continue }
      state = next.state
      #expect(state.standingInputs == Engine.effectiveInputs(state.inputs))
      if state.finished { state = engine.start(practice).state }
    }
    let replayed = try engine.replay(state.inputs, options: practice).get()
    #expect(replayed.state == state)
  }

  @Test func manyUndoPairsLeaveOneDecision() throws {
    let engine = try self.engine
    let practice = SessionOptions(mode: .practice, shuffles: false)
    let pairs = Array(repeating: [SessionInput.choose(1), .undo], count: 2_000).flatMap { $0 }
    let undone = try engine.replay(pairs + [.choose(1)], options: practice).get()
    let once = try engine.replay([.choose(1)], options: practice).get()
    #expect(undone.state.node == once.state.node)
    #expect(undone.state.clock == once.state.clock)
    #expect(undone.state.standingInputs == [.choose(1)])
    #expect(undone.state.inputs.count == 4_001)
    #expect(undone.events.count { if case .undone = $0 { true } else { false } } == 2_000)
  }

  @Test func timeoutHesitatesAndAsksAgain() throws {
    let timed = SessionOptions(timed: true, shuffles: false)
    let after = try play([.choose(1), .timeout], options: timed)
    #expect(after.state.node == "b")
    #expect(after.state.clock == .minutes(65))
    #expect(after.events.contains(.timedOut(node: "b", at: .minutes(45))))
    let atStart = try play([.timeout], options: timed)
    #expect(atStart.state.clock == .minutes(15))
  }

  // MARK: - Determinism and persistence

  @Test func sameInputsGiveTheSameEventsAndState() throws {
    let inputs: [SessionInput] = [.choose(2), .choose(3), .choose(1), .choose(2)]
    let first = try play(inputs, options: SessionOptions(seed: 42, shuffles: false))
    let second = try play(inputs, options: SessionOptions(seed: 42, shuffles: false))
    #expect(first == second)
  }

  @Test func steppingEqualsReplaying() throws {
    let engine = try self.engine
    let inputs: [SessionInput] = [
      .choose(1), .choose(2), .write("Sorry, the service is down now."), .choose(1),
    ]
    var transition = engine.start(SessionOptions(shuffles: false))
    var events = transition.events
    for input in inputs {
      transition = try engine.step(transition.state, input).get()
      events += transition.events
    }
    let replayed = try play(inputs)
    #expect(transition.state == replayed.state)
    #expect(events == replayed.events)
  }

  @Test func stateSurvivesAJSONRoundTripMidGame() throws {
    let engine = try self.engine
    let inputs: [SessionInput] = [.choose(2), .choose(3), .choose(1), .choose(1)]
    var direct = engine.start(SessionOptions(shuffles: false)).state
    var roundTripped = direct
    for input in inputs {
      direct = try engine.step(direct, input).get().state
      let data = try JSONEncoder().encode(roundTripped)
      roundTripped = try JSONDecoder().decode(SessionState.self, from: data)
      roundTripped = try engine.step(roundTripped, input).get().state
    }
    #expect(direct == roundTripped)
  }
}

@Suite struct WaitUntilTests {
  @Test func waitsForTheNextTimeTheClockReadsIt() {
    // T+0 at 09:00. At T+7h (16:00), 09:00 comes round in 17 hours.
    #expect(Engine.wait(until: 9 * 60, startsAt: 9 * 60, clock: .hours(7)) == .hours(17))
    // At 08:30 on day 2 it is half an hour away; at 09:00 exactly, no wait.
    #expect(
      Engine.wait(until: 9 * 60, startsAt: 9 * 60, clock: .minutes(23 * 60 + 30)) == .minutes(30))
    #expect(Engine.wait(until: 9 * 60, startsAt: 9 * 60, clock: .hours(24)) == .zero)
  }

  @Test func aChoiceWithUntilLandsAtThatTimeOfDay() throws {
    let text = """
      format: 1
      id: overnight
      title: Overnight
      kind: outage
      cluster: accidental
      difficulty: introductory
      minutes: 5
      role: R
      briefing: B
      starts_at: "16:20"
      stakeholders: { c: { label: C } }
      start: a
      nodes:
        a:
          text: Evening.
          choices:
            - { text: Rota, takes: 30m, until: "07:00", quality: { clarity: 1 }, goto: b }
            - { text: Stay, takes: 30m, quality: { clarity: 0 }, goto: b }
        b: { text: Morning., ending: true, outcome: 50 }

      """
    let scenario = try #require(ScenarioLoader.load(text: text, file: "o.yaml").scenario)
    let engine = Engine(scenario: scenario)
    let after = try engine.replay([.choose(1)], options: SessionOptions(shuffles: false)).get()
    #expect(
      CrisisClock.label(startsAt: scenario.startsAt, clock: after.state.clock)
        == "T+14h40 (day 2 07:00)")
  }
}
