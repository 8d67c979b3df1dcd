import Testing

@testable import SOSCore

/// The engine's entry point for tools: a statement assumed instead of typed text, and
/// chance outcomes assumed instead of drawn.
@Suite struct EngineAssumptionTests {
  static let options = SessionOptions(shuffles: false)

  static func engine(_ text: String) throws -> Engine {
    Engine(scenario: try #require(ScenarioLoader.load(text: text, file: "a.yaml").scenario))
  }

  static let header = """
    format: 1
    id: assumed
    title: Assumed
    kind: recall
    cluster: preventable
    difficulty: introductory
    minutes: 10
    role: Manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers, required: true }

    """

  /// A statement whose outcome decides the ending.
  static let statement =
    header + """
      start: post
      nodes:
        post:
          text: Post.
          choices:
            - id: write-post
              text: Write the post
              takes: 15m
              write:
                id: first-post
                channel: social
                audience: customers
                prompt: Write it.
                outcomes:
                  - { min: 70, met: [apology], text: Replies calm down., goto: praised }
                  - { below: 70, text: Angry replies pile up., goto: criticised }
              goto: praised
            - { id: stay-silent, text: Say nothing, takes: 5m, goto: criticised }
        praised: { text: P., ending: true, outcome: 90 }
        criticised: { text: C., ending: true, outcome: 20 }

      """

  /// An option with chance outcomes, and an inject with chance outcomes on the way.
  static let gamble =
    header + """
      state:
        lucky: false
      injects:
        - id: luck
          at: 5m
          text: Luck turns, or not.
          outcomes:
            - { chance: 1, effects: { set: { lucky: true } } }
            - { chance: 3 }
      start: pick
      nodes:
        pick:
          text: Pick.
          choices:
            - id: gamble
              text: Gamble
              takes: 10m
              goto: great
              outcomes:
                - { chance: 30, text: It works., goto: great }
                - { chance: 70, text: It fails., goto: poor }
            - { id: safe, text: Safe, takes: 10m, goto: great }
        great: { text: G., ending: true, outcome: 100 }
        poor: { text: P., ending: true, outcome: 0 }

      """

  static func record(score: Int, met: Set<String>, isStatement: Bool) -> StatementRecord {
    StatementRecord(
      id: "", choice: "", audience: "", at: .zero, score: score, met: met,
      isStatement: isStatement)
  }

  @Test func anAssumedStatementIsKeptAsTheEngineWouldKeepIt() throws {
    let engine = try Self.engine(Self.statement)
    let asked = try engine.step(engine.start(Self.options).state, .choose(1)).get().state
    let strong = Self.record(score: 85, met: ["apology"], isStatement: true)
    let (transition, draws) = try engine.step(
      asked, .write(""), assuming: Engine.Assumption(statement: strong)
    ).get()
    #expect(draws.isEmpty)
    let kept = try #require(transition.state.statements["first-post"])
    #expect(kept.score == 85)
    #expect(kept.met == ["apology"])
    #expect(kept.choice == "write-post")
    #expect(kept.audience == "customers")
    #expect(kept.at == asked.clock)
    #expect(transition.state.node == "praised")
    // One that says nothing meets nothing, whatever is assumed of it.
    let nothing = Self.record(score: 0, met: ["apology"], isStatement: false)
    let silent = try engine.step(asked, .write(""), assuming: Engine.Assumption(statement: nothing))
      .get().transition
    #expect(silent.state.statements["first-post"]?.met == [])
    #expect(silent.state.node == "criticised")
  }

  @Test func assumedDrawsChooseTheOutcomeAndEveryDrawIsReported() throws {
    let engine = try Self.engine(Self.gamble)
    let start = engine.start(Self.options).state
    for (index, ending) in [(0, "great"), (1, "poor")] {
      let (transition, draws) = try engine.step(
        start, .choose(1), assuming: Engine.Assumption(draws: [index])
      ).get()
      #expect(transition.state.node == ending)
      // The choice's outcome, then the inject's at 5m (drawn from the seed).
      #expect(draws.map(\.source) == ["gamble", "luck"])
      #expect(draws.first?.index == index)
      #expect(draws.first?.chances == [30, 70])
      #expect(draws.last?.chances == [1, 3])
    }
    // Nothing assumed: the same step as play takes.
    let played = try engine.step(start, .choose(1)).get()
    let assumed = try engine.step(start, .choose(1), assuming: Engine.Assumption()).get()
    #expect(played == assumed.transition)
  }
}
