import Foundation
import Testing

@testable import SOSCore

/// Chance outcomes drawn from the seed, text true to the path, and a clock without
/// traps: injects logged at their own time, timeouts with consequences, quiet hours.
@Suite struct PathAndClockTests {
  static let text = """
    format: 1
    id: path-test
    title: Path test
    kind: pr-disaster
    cluster: preventable
    difficulty: introductory
    minutes: 5
    role: Duty manager
    briefing: A test.
    starts_at: "09:00"
    starts_on: saturday
    stakeholders:
      customers: { label: Loyal customers, required: true }
    state: { trust: 50 }
    cadence:
      - { stakeholder: customers, every: 4h, quiet: "22:00-07:00" }
    injects:
      - { id: early, at: 1h, text: "At {time} the first call comes in." }
      - { id: later, at: 2h, text: "At {time} a second call." }
    start: a
    nodes:
      a:
        title: First
        text:
          - when: trust > 60
            text: "{time}, {day}. Trust is high ({trust})."
          - text: "{time}, {day}. {customers.label} are waiting; trust is {trust}."
        time_limit: 30s
        on_timeout: { takes: 20m, text: You froze., effects: { add: { trust: -5 } }, tags: [froze], goto: b }
        choices:
          - id: gamble
            text: Say nothing and hope
            takes: 3h
            outcomes:
              - { chance: 30, text: The story runs., effects: { add: { trust: -30 } }, goto: b }
              - { chance: 70, text: Nobody notices., goto: b }
          - id: boost
            text: Thank your customers
            takes: 10m
            contacts: [customers]
            effects: { add: { trust: 20 } }
            goto: a2
      a2:
        text:
          - when: trust > 60
            text: "{time}. Trust is high ({trust})."
          - text: "{time}. Trust is {trust}."
        choices:
          - { id: on, text: Go on, takes: 10m, goto: b }
      b:
        text: "It is {clock}."
        choices:
          - { id: night, text: Sleep on it, takes: 14h, contacts: [customers], goto: end }
      end: { text: Done., ending: true, outcome: 50 }

    """

  static func engine() throws -> Engine {
    let loaded = ScenarioLoader.load(text: text, file: "path.yaml")
    return Engine(scenario: try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))"))
  }

  static func number(_ id: String, in state: SessionState, _ engine: Engine) throws -> Int {
    try #require(engine.offeredChoices(in: state).firstIndex { $0.id == id }) + 1
  }

  @Test func aChanceOutcomeIsDrawnFromTheSeedAndReplaysTheSame() throws {
    let engine = try Self.engine()
    var drawn: [Int: Int] = [:]
    for seed in 0..<200 {
      let options = SessionOptions(seed: UInt64(seed))
      let start = engine.start(options).state
      let input = SessionInput.choose(try Self.number("gamble", in: start, engine))
      let first = try engine.replay([input], options: options).get()
      let again = try engine.replay([input], options: options).get()
      #expect(first.state == again.state)
      for event in first.events {
        if case .chanceDrawn("gamble", let index, 2, _) = event { drawn[index, default: 0] += 1 }
      }
    }
    // 30 : 70, roughly.
    let storyRuns = drawn[0] ?? 0
    #expect((35...85).contains(storyRuns), "\(drawn)")
    #expect(storyRuns + (drawn[1] ?? 0) == 200)
  }

  @Test func textVariesWithThePathAndFillsItsPlaceholders() throws {
    let engine = try Self.engine()
    let start = engine.start(SessionOptions(seed: 2)).state
    let node = try #require(engine.node(of: start))
    #expect(
      engine.text(of: node, in: start)
        == "09:00, Saturday. Loyal customers are waiting; trust is 50.")
    let boosted = try engine.step(start, .choose(try Self.number("boost", in: start, engine))).get()
    let next = try #require(engine.node(of: boosted.state))
    #expect(engine.text(of: next, in: boosted.state) == "09:10. Trust is high (70).")
  }

  @Test func unknownPlaceholdersAreValidateErrors() throws {
    let text = Self.text.replacingOccurrences(of: "It is {clock}.", with: "It is {clok}.")
      .replacingOccurrences(of: "{customers.label}", with: "{custmers.label}")
    let messages = ScenarioLoader.load(text: text, file: "p.yaml").diagnostics.map(\.message)
    #expect(messages.contains { $0.contains("{clok}") && $0.contains("did you mean '{clock}'") })
    #expect(
      messages.contains { $0.contains("custmers") && $0.contains("did you mean 'customers'") })
    let noClock = Self.text.replacingOccurrences(of: "starts_at: \"09:00\"\n", with: "")
    let problems = ScenarioLoader.load(text: noClock, file: "p.yaml").diagnostics.map(\.message)
    #expect(problems.contains { $0.contains("'{time}' needs the scenario's 'starts_at'") })
  }

  @Test func injectsDuringALongActionAreLoggedAtTheirOwnTimes() throws {
    let engine = try Self.engine()
    let options = SessionOptions(seed: 4)
    let start = engine.start(options).state
    let after = try engine.step(start, .choose(try Self.number("gamble", in: start, engine))).get()
    let fired = after.events.compactMap { event -> (String, ClockDuration)? in
      if case .injectFired(let id, let at) = event { return (id, at) }
      return nil
    }
    #expect(fired.map(\.0) == ["early", "later"])
    #expect(fired.map(\.1) == [.hours(1), .hours(2)])
  }

  @Test func aTimeoutCarriesEffectsTagsAndAGoto() throws {
    let engine = try Self.engine()
    let options = SessionOptions(timed: true, seed: 4)
    let after = try engine.replay([.timeout], options: options).get()
    #expect(after.state.node == "b")
    #expect(after.state.variables["trust"] == .integer(45))
    #expect(after.state.tags.contains("froze"))
  }

  @Test func quietHoursDoNotCountTowardsACadenceGap() throws {
    let engine = try Self.engine()
    let options = SessionOptions(seed: 4)
    let start = engine.start(options).state
    // boost at 09:10, on, then a 14-hour night from 09:30 to 23:30 that contacts them:
    // the gap 09:10–23:30 is 14h20, of which 22:00–23:30 is quiet: 12h50 counts.
    let inputs: [SessionInput] = [
      .choose(try Self.number("boost", in: start, engine)), .choose(1), .choose(1),
    ]
    let report = try Scorer(engine: engine).score(inputs: inputs, options: options).get()
    let cadence = try #require(report.ledger.first { $0.rule == .cadence })
    #expect(cadence.reason.contains("quiet hours 22:00–07:00 not counted"))
    #expect(cadence.reason.contains("8h50 over"), "\(cadence.reason)")
  }

  @Test func aStatementHasItsOwnTimeLimitElseThreeTimesTheDecisions() throws {
    let text = """
      format: 1
      id: limit-test
      title: Limit test
      kind: outage
      cluster: accidental
      difficulty: introductory
      minutes: 5
      role: Duty manager
      briefing: A test.
      time_limit: 40s
      stakeholders:
        customers: { label: Customers }
      start: a
      nodes:
        a:
          text: A.
          choices:
            - id: quick
              text: Quick
              write: { channel: sms, audience: customers, prompt: Write., time_limit: 2m }
              goto: b
        b:
          text: B.
          choices:
            - id: slow
              text: Slow
              write: { channel: social, audience: customers, prompt: Write. }
              goto: end
        end: { text: E., ending: true, outcome: 50 }

      """
    let engine = Engine(scenario: try #require(ScenarioLoader.load(text: text, file: "l").scenario))
    var state = engine.start(SessionOptions(timed: true, seed: 1)).state
    #expect(engine.timeLimit(in: state) == ClockDuration(seconds: 40))
    state = try engine.step(state, .choose(1)).get().state
    #expect(engine.timeLimit(in: state) == .minutes(2))
    state = try engine.step(state, .write("We are fixing the texts now.")).get().state
    state = try engine.step(state, .choose(1)).get().state
    #expect(engine.timeLimit(in: state) == ClockDuration(seconds: 120))
  }

  @Test func quietHoursOverlapSpansMidnight() {
    let quiet = QuietHours(from: 22 * 60, to: 7 * 60)
    // From 21:00 to 08:00 the next morning (T+0 at 21:00): 9 quiet hours.
    #expect(quiet.overlap(from: .zero, to: .hours(11), startsAt: 21 * 60) == 9 * 3600)
    // Two nights.
    #expect(quiet.overlap(from: .zero, to: .hours(35), startsAt: 21 * 60) == 18 * 3600)
    #expect(quiet.overlap(from: .hours(2), to: .hours(3), startsAt: 9 * 60) == 0)
  }
}
