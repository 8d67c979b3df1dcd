import Testing

@testable import SOSCore

/// The debrief never contradicts itself: taken-back decisions are nowhere in it.
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
}
