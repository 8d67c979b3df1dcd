import Foundation
import Testing

@testable import SOSCore

/// What a trainee types changes the story: outcome bands on a statement's score and
/// criteria, conditions that read a statement, promises made by the words, and no
/// credit, contact or deadline for a statement that says nothing.
@Suite struct StatementStoryTests {
  /// One decision, one statement; the ending depends only on how good it is.
  static let text = """
    format: 1
    id: statement-story
    title: Statement story
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 5
    role: Duty manager
    briefing: Card payments are down.
    starts_at: "09:00"
    stakeholders:
      customers: { label: Customers, required: true }
      press: { label: Press }
    state: { trust: 50 }
    deadlines:
      - { id: first-post, label: First post, by: 1h, met: tagged(posted) }
    start: post
    nodes:
      post:
        text: "{time}. Customers are asking what is going on."
        choices:
          - id: write-post
            text: Post to customers
            takes: 15m
            tags: [posted]
            quality: { transparency: 1 }
            write:
              id: first-post
              channel: social
              audience: customers
              prompt: Write the first post.
              must:
                - { id: what-happened, any: ["card payments", "cards"] }
              outcomes:
                - min: 60
                  met: [what-happened]
                  text: Replies calm down; people thank you for the clear word.
                  effects: { add: { trust: 20 } }
                  goto: calm
                - below: 30
                  text: "Your post is screenshotted and mocked. A reporter calls."
                  contacts: [press]
                  effects: { add: { trust: -20 } }
                  goto: storm
            goto: muddle
      calm: { text: "Trust {trust}.", ending: true, outcome: 90 }
      muddle:
        text: Questions keep coming.
        choices:
          - id: follow-up
            text: Post again
            takes: 30m
            update: true
            contacts: [customers]
            quality: { transparency: 1 }
            goto:
              - { when: statement(first-post) >= 40, to: calm }
              - { to: storm }
          - { id: wait, text: Wait, takes: 1h, quality: { transparency: -1 }, goto: storm }
      storm: { text: A storm., ending: true, outcome: 20 }

    """

  static let good =
    "We are sorry: card payments are down in all our shops since 9am. Please pay by cash"
    + " for now. Next update at 11:00."

  static func engine() throws -> Engine {
    let loaded = ScenarioLoader.load(text: text, file: "story.yaml")
    return Engine(scenario: try #require(loaded.scenario, "\(loaded.diagnostics)"))
  }

  static func play(_ statement: String, then more: [SessionInput] = []) throws
    -> Engine.Transition
  {
    try engine().replay(
      [.choose(1), .write(statement)] + more, options: SessionOptions(seed: 1)
    ).get()
  }

  @Test func aGoodStatementReachesTheCalmEnding() throws {
    let after = try Self.play(Self.good)
    #expect(after.state.node == "calm")
    #expect(after.state.variables["trust"] == .integer(70))
    let record = try #require(after.state.statements["first-post"])
    #expect(record.score >= 60)
    #expect(record.isStatement)
    #expect(record.met.contains("must:what-happened"))
    #expect(
      after.events.contains { event in
        if case .statementOutcome("first-post", 0, _) = event { return true }
        return false
      })
  }

  @Test func okReachesTheStormAndThePressCalls() throws {
    let after = try Self.play("ok")
    #expect(after.state.node == "storm")
    #expect(after.state.variables["trust"] == .integer(30))
    #expect(after.state.hasContacted("press"))
    // "ok" says nothing: it reaches no customer, sets no tag and meets no deadline.
    #expect(!after.state.hasContacted("customers"))
    #expect(!after.state.tags.contains("posted"))
    #expect(after.state.missedDeadlines.contains("first-post") || after.state.finished)
    #expect(after.state.metDeadlines["first-post"] == nil)
    #expect(after.state.statements["first-post"]?.isStatement == false)
  }

  @Test func aMiddlingStatementGoesOnAndAConditionReadsItsScore() throws {
    let middling = "Card payments are not working in some shops today. We are looking into it."
    let after = try Self.play(middling)
    #expect(after.state.node == "muddle")
    let score = try #require(after.state.statements["first-post"]?.score)
    #expect((30..<60).contains(score))
    let next = try Self.play(middling, then: [.choose(Self.number(of: "follow-up", after: after))])
    #expect(next.state.node == (score >= 40 ? "calm" : "storm"))
  }

  static func number(of id: String, after transition: Engine.Transition) throws -> Int {
    let offered = try engine().offeredChoices(in: transition.state)
    return try #require(offered.firstIndex { $0.id == id }) + 1
  }

  @Test func aSessionWhoseStatementsSayNothingCannotPass() throws {
    let engine = try Self.engine()
    let options = SessionOptions(seed: 1)
    let scorer = Scorer(engine: engine)
    let good = try scorer.score(inputs: [.choose(1), .write(Self.good)], options: options).get()
    #expect(good.cap == nil)
    // "ok": the storm, and no pass whatever else went right.
    let ok = try engine.replay([.choose(1), .write("ok")], options: options).get()
    #expect(ok.state.finished)
    let report = try scorer.score(inputs: ok.state.inputs, options: options).get()
    #expect(report.overall <= 59.9)
    #expect(!report.passed)
    if let cap = report.cap {
      #expect(cap.contains("statements averaged 0/100"))
    }
  }

  @Test func theGateHoldsAPassingScoreBelowThePassMark() throws {
    // Everything but the statement is right: without the gate "ok" would score 82.
    let text = """
      format: 1
      id: gate-test
      title: Gate test
      kind: outage
      cluster: accidental
      difficulty: introductory
      minutes: 5
      role: Duty manager
      briefing: A test.
      stakeholders:
        customers: { label: Customers }
      scoring: { statement_gate: GATE }
      start: a
      nodes:
        a:
          text: A.
          choices:
            - id: post
              text: Post
              quality: { clarity: 1 }
              write: { channel: social, audience: customers, prompt: Write. }
              goto: end
            - { id: hide, text: Hide, quality: { clarity: -1 }, goto: end }
        end: { text: E., ending: true, outcome: 100 }

      """
    func score(gate: Int) throws -> ScoreReport {
      let loaded = ScenarioLoader.load(
        text: text.replacingOccurrences(of: "GATE", with: "\(gate)"), file: "g")
      let engine = Engine(scenario: try #require(loaded.scenario, "\(loaded.diagnostics)"))
      let options = SessionOptions(seed: 1, shuffles: false)
      return try Scorer(engine: engine).score(
        inputs: [.choose(1), .write("ok")], options: options
      ).get()
    }
    let gated = try score(gate: 40)
    #expect(gated.overall == 59.9)
    #expect(!gated.passed)
    #expect(gated.cap?.contains("statements averaged 0/100") == true)
    let free = try score(gate: 0)
    #expect(free.cap == nil)
    #expect(free.overall == 82)
  }

  @Test func theNamedUpdateTimeMakesAPromise() throws {
    let after = try Self.play(Self.good)
    let promise = try #require(after.state.promises.first)
    #expect(promise.stakeholder == "customers")
    #expect(promise.due == .hours(2))  // 11:00, and T+0 is 09:00
    #expect(promise.label == "the next update")
  }

  @Test func noTimeNoPromise() throws {
    let after = try Self.play(
      "We are sorry: card payments are down in all our shops. Please pay by cash for now.")
    #expect(after.state.promises.isEmpty)
    #expect(after.state.statements["first-post"]?.nextUpdate == nil)
  }

  @Test func unknownStatementsAndCriteriaAreValidateErrors() throws {
    var text = Self.text.replacingOccurrences(
      of: "statement(first-post) >= 40", with: "statement(frist-post) >= 40")
    text = text.replacingOccurrences(of: "met: [what-happened]", with: "met: [what-hapened]")
    let loaded = ScenarioLoader.load(text: text, file: "story.yaml")
    let messages = loaded.diagnostics.map(\.message)
    #expect(
      messages.contains { $0.contains("'frist-post'") && $0.contains("did you mean 'first-post'") })
    #expect(messages.contains { $0.contains("'what-hapened'") && $0.contains("did you mean") })
  }

  @Test func conditionsCanAskWhetherACriterionWasMet() throws {
    let text = Self.text.replacingOccurrences(
      of: "statement(first-post) >= 40", with: "statement(first-post).met(what-happened)")
    let loaded = ScenarioLoader.load(text: text, file: "story.yaml")
    let engine = Engine(scenario: try #require(loaded.scenario, "\(loaded.diagnostics)"))
    let statement = "Hello everyone: cards are not working right now, we are on it."
    let after = try engine.replay(
      [.choose(1), .write(statement)], options: SessionOptions(seed: 1)
    ).get()
    guard after.state.node == "muddle" else { return }  // a strong enough post ends at once
    let offered = engine.offeredChoices(in: after.state)
    let number = try #require(offered.firstIndex { $0.id == "follow-up" }) + 1
    let next = try engine.step(after.state, .choose(number)).get()
    #expect(next.state.node == "calm")
  }

  @Test func aStatementIsARealUpdateThatKeepsAPromise() throws {
    // An option's own promise is kept by a statement that says something, not by "ok".
    let text = """
      format: 1
      id: keep-test
      title: Keep test
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
          text: A.
          choices:
            - id: promise
              text: Promise an update
              takes: 10m
              contacts: [customers]
              promise: { to: customers, within: 2h, label: the next update }
              goto: b
        b:
          text: B.
          choices:
            - id: write
              text: Write it
              takes: 10m
              write: { channel: social, audience: customers, prompt: Write. }
              goto: c
        c:
          text: C.
          choices:
            - { id: wait, text: Wait, takes: 3h, goto: end }
        end: { text: E., ending: true, outcome: 50 }

      """
    let engine = Engine(scenario: try #require(ScenarioLoader.load(text: text, file: "k").scenario))
    let options = SessionOptions(seed: 1)
    let kept = try engine.replay(
      [
        .choose(1), .choose(1), .write("We have fixed the card machines in every shop."),
        .choose(1),
      ],
      options: options
    ).get()
    #expect(kept.state.promises.first?.keptOnTime == true)
    let broken = try engine.replay(
      [.choose(1), .choose(1), .write("ok"), .choose(1)], options: options
    ).get()
    #expect(broken.state.promises.first?.status == .broken)
  }
}
