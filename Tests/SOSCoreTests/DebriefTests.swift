import Testing

@testable import SOSCore

/// The debrief never contradicts itself: taken-back decisions are nowhere in it, a
/// weak statement or a weak option is never a strength, and no entry is both a
/// strength and an area for improvement.
@Suite struct DebriefTests {
  static let text = """
    format: 1
    id: debrief-test
    title: Debrief test
    kind: supply-chain
    cluster: victim
    difficulty: introductory
    minutes: 10
    role: Manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers, required: true }
      crews: { label: Crews, required: true }
    deadlines:
      - { id: crews-told, label: Crews told about pay, by: 2h, grace: 2h, met: contacted(crews) }
    start: update
    nodes:
      update:
        title: The first update
        text: A.
        choices:
          - id: write-update
            text: Write the first update
            takes: 30m
            quality: { empathy: 2 }
            write: { channel: social, audience: customers, prompt: Write it. }
            goto: crews
          - { id: say-nothing, text: Say nothing, takes: 30m, quality: { empathy: -2 }, goto: crews }
      crews:
        title: The crews
        text: B.
        choices:
          - { id: pay-crews, text: Pay the crews, takes: 30m, contacts: [crews], quality: { empathy: 1 }, goto: close }
          - { id: send-home-unpaid, text: Send crews home unpaid, takes: 10m, contacts: [crews], posture: bolster, quality: { clarity: 2, empathy: -3 }, goto: close }
          - { id: ignore-crews, text: Ignore the crews, takes: 10m, quality: { empathy: -3, coverage: -3 }, goto: close }
      close:
        title: Closing
        text: C.
        choices:
          - { id: thank-everyone, text: Thank everyone, takes: 10m, quality: { empathy: 1 }, goto: end }
          - { id: move-on, text: Move on, takes: 10m, quality: { empathy: 0 }, goto: end }
      end: { text: E., ending: true, outcome: 80 }

    """

  static let strongStatement =
    "We are sorry. Our deliveries failed this morning and many of our restaurants are"
    + " closed today. We know how frustrating this is. Check the app to see which are"
    + " open before you travel. We will update you again by 13:00 today."

  static let weakStatement =
    "Due to circumstances beyond our control, a third party supplier caused a minor"
    + " inconvenience. There is no cause for concern."

  static func scenario(pass: Int? = nil) throws -> Scenario {
    let text = Self.text + (pass.map { "scoring: { pass: \($0) }\n" } ?? "")
    let loaded = ScenarioLoader.load(text: text, file: "debrief.yaml")
    return try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
  }

  static let practice = SessionOptions(mode: .practice, shuffles: false)

  func replayed(
    _ inputs: [SessionInput], options: SessionOptions = DebriefTests.practice, pass: Int? = nil
  ) throws -> (scored: ScoredSession, debrief: Debrief) {
    let scenario = try Self.scenario(pass: pass)
    let scored = try ScoredSession.replay(scenario, inputs: inputs, options: options).get()
    return (
      scored, Debrief(scenario: scenario, report: scored.report, events: scored.events)
    )
  }

  // MARK: - Undone decisions

  @Test func aDecisionTakenBackIsInNoReplayedView() throws {
    let taken: [SessionInput] = [
      .choose(1), .write(Self.strongStatement), .choose(2), .undo, .choose(1), .choose(1),
    ]
    let (scored, debrief) = try replayed(taken)
    let (straight, straightDebrief) = try replayed([
      .choose(1), .write(Self.strongStatement), .choose(1), .choose(1),
    ])

    // The log keeps the undo; every view is that of the decisions still standing.
    #expect(scored.state.inputs == taken)
    #expect(scored.events == straight.events)
    #expect(!scored.events.contains { if case .undone = $0 { true } else { false } })
    #expect(
      scored.report.decisions.map(\.chosen) == ["write-update", "pay-crews", "thank-everyone"])
    #expect(scored.decisionInputs == [0, 4, 5])

    let decisions = debrief.timeline.filter { $0.kind == .decision }.map(\.text)
    #expect(decisions == ["Write the first update", "Pay the crews", "Thank everyone"])
    #expect(!debrief.timeline.contains { $0.text.contains("unpaid") })
    let crews = try #require(debrief.stakeholders.first { $0.id == "crews" })
    #expect(crews.contacts.map(\.what) == ["Pay the crews"])
    #expect(debrief.deadlines.first?.metAt == ClockDuration(seconds: 60 * 60))
    #expect(debrief.strongResponse.isEmpty)
    #expect(debrief == straightDebrief)
  }

  @Test func anUndoneStatementIsInNoReplayedView() throws {
    let (scored, debrief) = try replayed([
      .choose(1), .write(Self.weakStatement), .choose(3), .undo, .undo, .choose(2), .choose(1),
      .choose(1),
    ])
    #expect(scored.report.statements.isEmpty)
    #expect(!scored.events.contains { if case .statementWritten = $0 { true } else { false } })
    #expect(
      debrief.timeline.filter { $0.kind == .decision }.map(\.text) == [
        "Say nothing", "Pay the crews", "Thank everyone",
      ])
    #expect(!debrief.timeline.contains { $0.kind == .statement })
  }

  // MARK: - Statements and the pass mark

  @Test func aStatementBelowThePassMarkIsNeverAStrength() throws {
    let weak = try replayed([.choose(1), .write(Self.weakStatement), .choose(1), .choose(1)])
      .debrief
    let weakScore = try #require(weak.report.statements.first?.analysis.score)
    #expect(weakScore < 60)
    #expect(!weak.strengths.contains { $0.rule == .statement })
    #expect(weak.improvements.contains { $0.rule == .statement })

    let strong = try replayed([.choose(1), .write(Self.strongStatement), .choose(1), .choose(1)])
      .debrief
    let strongScore = try #require(strong.report.statements.first?.analysis.score)
    #expect(strongScore >= 60)
    #expect(strong.strengths.contains { $0.rule == .statement })
    #expect(!strong.improvements.contains { $0.rule == .statement })

    // The scenario's own pass mark applies: above the statement's score, no strength.
    let strict = try replayed(
      [.choose(1), .write(Self.strongStatement), .choose(1), .choose(1)], pass: strongScore + 1
    ).debrief
    #expect(!strict.strengths.contains { $0.rule == .statement })
    #expect(strict.improvements.contains { $0.rule == .statement })
  }

  @Test(arguments: [(59, false), (60, true), (61, true)])
  func theStatementScoreIsReadAgainstThePassMark(score: Int, isStrength: Bool) throws {
    let scenario = try Self.scenario()
    var report = try ScoredSession.replay(
      scenario, inputs: [.choose(2), .choose(1), .choose(1)], options: Self.practice
    ).get().report
    // 20 points of maximum (the default statement share), awarded as the scorer does.
    let maximum = 20.0
    report.ledger = [
      LedgerEntry(
        component: .communication, rule: .statement, subject: "write-update",
        points: maximum * min(max(Double(score) / 100, 0), 1), maximum: maximum,
        reason: "Statement to Customers (social): \(score)/100")
    ]
    let debrief = Debrief(scenario: scenario, report: report, events: [])
    #expect(debrief.strengths.count == (isStrength ? 1 : 0))
    #expect(debrief.improvements.count == (isStrength ? 0 : 1))
  }

  // MARK: - Weak options

  @Test func sendingCrewsHomeUnpaidIsNeverAStrength() throws {
    let (scored, debrief) = try replayed([.choose(2), .choose(2), .choose(2)])
    let ledger = scored.report.ledger
    // The option earns on its own terms: most of its decision's credit (it beats
    // ignoring the crews), a fitting posture, and the crews' deadline met on time.
    let choice = try #require(
      ledger.first { $0.rule == .choice && $0.subject == "send-home-unpaid" })
    #expect(choice.points / choice.maximum > 0.6)
    let posture = try #require(ledger.first { $0.rule == .posture })
    #expect(posture.points == posture.maximum)
    let deadline = try #require(ledger.first { $0.rule == .deadline })
    #expect(deadline.points == deadline.maximum)
    // But it has a negative total quality, so nothing resting on it is praised.
    #expect(debrief.strengths.isEmpty, "\(debrief.strengths.map(\.reason))")

    // Paying the crews meets the same deadline, and that is a strength.
    let paid = try replayed([.choose(2), .choose(1), .choose(2)]).debrief
    #expect(paid.strengths.contains { $0.rule == .deadline && $0.subject == "crews-told" })
  }

  @Test func noEntryIsBothAStrengthAndAnAreaForImprovement() throws {
    for first in 1...2 {
      for second in 1...3 {
        let inputs: [SessionInput] =
          first == 1
          ? [.choose(1), .write(Self.strongStatement), .choose(second), .choose(1)]
          : [.choose(2), .choose(second), .choose(2)]
        let debrief = try replayed(inputs).debrief
        #expect(Set(debrief.strengths).isDisjoint(with: debrief.improvements))
      }
    }
  }
}
