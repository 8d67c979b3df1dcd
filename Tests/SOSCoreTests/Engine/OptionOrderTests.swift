import Testing

@testable import SOSCore

/// Options appear in an order drawn from the session's seed, the same for the same
/// seed, with pinned options kept in place; the order is in the state and the events.
@Suite struct OptionOrderTests {
  static let text = """
    format: 1
    id: order-test
    title: Order test
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 5
    role: Duty manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers, required: true }
    start: a
    nodes:
      a:
        text: Choose.
        choices:
          - { id: first, text: Always first, pin: first, goto: end }
          - { id: one, text: One, quality: { clarity: 2 }, goto: end }
          - { id: two, text: Two, goto: end }
          - { id: three, text: Three, goto: end }
          - { id: four, text: Four, goto: end }
          - { id: five, text: Five, goto: end }
          - { id: nothing, text: Do nothing yet, pin: last, goto: end }
      end: { text: Done., ending: true, outcome: 50 }

    """

  static func engine() throws -> Engine {
    let loaded = ScenarioLoader.load(text: text, file: "order.yaml")
    return Engine(scenario: try #require(loaded.scenario, "\(loaded.diagnostics)"))
  }

  static func order(seed: UInt64) throws -> [String] {
    let engine = try engine()
    return engine.offeredChoices(in: engine.start(SessionOptions(seed: seed)).state).map(\.id)
  }

  @Test func theSameSeedGivesTheSameOrder() throws {
    #expect(try Self.order(seed: 42) == Self.order(seed: 42))
  }

  @Test func differentSeedsGiveDifferentOrders() throws {
    let orders = Set(try (0..<20).map { try Self.order(seed: UInt64($0)) })
    #expect(orders.count > 10)
  }

  @Test func pinnedOptionsStayInPlace() throws {
    for seed in 0..<50 {
      let order = try Self.order(seed: UInt64(seed))
      #expect(order.first == "first")
      #expect(order.last == "nothing")
      #expect(Set(order) == ["first", "one", "two", "three", "four", "five", "nothing"])
    }
  }

  @Test func theStrongestIsNotAlwaysInTheSamePlace() throws {
    let places = Set(try (0..<40).map { try Self.order(seed: UInt64($0)).firstIndex(of: "one") })
    #expect(places.count >= 4)
  }

  @Test func theOrderIsInTheStateAndTheEvents() throws {
    let engine = try Self.engine()
    let start = engine.start(SessionOptions(seed: 3))
    #expect(start.events.contains(.optionsShown(node: "a", order: start.state.shown)))
    #expect(engine.offeredChoices(in: start.state).map(\.id) == start.state.shown)
  }

  @Test func aNumberMeansTheOptionShownThere() throws {
    let engine = try Self.engine()
    let state = engine.start(SessionOptions(seed: 11)).state
    let third = engine.offeredChoices(in: state)[2].id
    let after = try engine.step(state, .choose(3)).get()
    #expect(
      after.events.contains { event in
        if case .choiceMade(_, let choice, 3, _) = event { return choice == third }
        return false
      })
  }

  @Test func aSessionThatDoesNotShuffleKeepsFileOrder() throws {
    let engine = try Self.engine()
    let state = engine.start(SessionOptions(seed: 11, shuffles: false)).state
    #expect(
      engine.offeredChoices(in: state).map(\.id) == [
        "first", "one", "two", "three", "four", "five", "nothing",
      ])
  }

  @Test func replayRefusesANumberThatNowMeansAnotherOption() throws {
    let engine = try Self.engine()
    let options = SessionOptions(seed: 5)
    let shown = engine.offeredChoices(in: engine.start(options).state)
    let other = shown[1].id
    let result = engine.replay([.choose(1)], options: options, choices: [other])
    guard case .failure(let failure) = result else {
      Issue.record("an edited choice id replayed")
      return
    }
    #expect(failure.error == .optionMismatch(1, recorded: other, offered: shown[0].id))
    #expect(throws: Never.self) {
      try engine.replay([.choose(1)], options: options, choices: [shown[0].id]).get()
    }
  }
}
