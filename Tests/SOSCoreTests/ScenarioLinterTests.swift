import Testing

@testable import SOSCore

@Suite struct ScenarioLinterTests {
  static let clean = """
    format: 1
    id: lint
    title: Lint
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 10
    role: Manager
    briefing: Short.
    stakeholders:
      customers: { label: Customers, required: true }
      staff: { label: Staff, required: true }
    state: { trust: 50 }
    deadlines:
      - { id: first-word, label: First word, by: 2h, met: contacted(customers) }
    injects:
      - { id: complaint, at: 1h, unless: contacted(customers), text: Complaints pour in. }
    start: a
    nodes:
      a:
        text: Start.
        choices:
          - { text: Tell customers, takes: 30m, contacts: [customers], quality: { clarity: 1 }, goto: b }
          - { text: Wait, takes: 2h, quality: { clarity: -1 }, goto: b }
      b:
        text: Next.
        choices:
          - { text: Brief staff, takes: 15m, contacts: [staff], quality: { coverage: 2 }, goto: end }
          - { text: Skip, quality: { coverage: -1 }, goto: end }
      end: { text: Over., ending: true, outcome: 50 }

    """

  func warnings(_ text: String) -> [String] {
    let result = ScenarioLoader.load(text: text, file: "lint.yaml")
    guard let scenario = result.scenario else {
      return result.diagnostics.map(\.headline)
    }
    return ScenarioLinter.warnings(for: scenario, file: "lint.yaml").map(\.headline)
  }

  @Test func cleanScenarioHasNoWarnings() {
    #expect(warnings(Self.clean) == [])
  }

  @Test func unreachableNode() {
    let text = Self.clean + "  orphan: { text: Lost., ending: true, outcome: 10 }\n"
    #expect(
      warnings(text) == [
        "lint.yaml:31:3: warning: node 'orphan' cannot be reached from the start [SOS101]"
      ])
  }

  @Test func choiceWithoutQuality() {
    let text = Self.clean.replacingOccurrences(
      of: "{ text: Skip, quality: { coverage: -1 }, goto: end }", with: "{ text: Skip, goto: end }")
    #expect(
      warnings(text) == [
        "lint.yaml:29:9: warning: choice 'b.2' has no quality points, so it neither earns nor loses communication credit [SOS102]"
      ])
  }

  @Test func flatDecision() {
    let text = Self.clean.replacingOccurrences(
      of: "quality: { clarity: -1 }", with: "quality: { empathy: 1 }")
    #expect(
      warnings(text) == [
        "lint.yaml:20:3: warning: every option at node 'a' scores the same (1), so the decision does not discriminate [SOS103]"
      ])
  }

  @Test func deadlineNoPathMeets() {
    let text =
      Self.clean.replacingOccurrences(
        of: "met: contacted(customers) }", with: "met: tagged(apology) }"
      )
      + "  orphan:\n    text: Unreached.\n    choices:\n      - { text: Apologise, tags: [apology], quality: { empathy: 1 }, goto: end }\n"
    #expect(
      warnings(text).contains(
        "lint.yaml:15:7: warning: no path can meet deadline 'first-word': nothing in the scenario makes its 'met' condition true [SOS104]"
      ))
  }

  @Test func deadlineTooEarlyForAnyPath() {
    let text = Self.clean.replacingOccurrences(of: "by: 2h,", with: "by: 10m,")
    #expect(
      warnings(text) == [
        "lint.yaml:15:7: warning: deadline 'first-word' cannot be met in time: the earliest any path meets it is T+30m, after T+10m [SOS104]"
      ])
  }

  @Test func injectAfterEveryEnding() {
    let text = Self.clean.replacingOccurrences(of: "at: 1h,", with: "at: 5h,")
    #expect(
      warnings(text) == [
        "lint.yaml:17:7: warning: inject 'complaint' can never fire in untimed play: every path ends by T+2h15m, before T+5h [SOS105]"
      ])
  }

  @Test func injectWhoseConditionIsImpossible() {
    let text = Self.clean.replacingOccurrences(
      of: "unless: contacted(customers),", with: "when: false,")
    #expect(
      warnings(text) == [
        "lint.yaml:17:7: warning: inject 'complaint' can never fire: its 'when' condition can never be true [SOS105]"
      ])
  }

  @Test func requiredStakeholderNeverContacted() {
    let text = Self.clean.replacingOccurrences(of: "contacts: [staff], ", with: "")
    #expect(
      warnings(text) == [
        "lint.yaml:12:3: warning: required stakeholder 'staff' is not contacted on any path [SOS106]"
      ])
  }

  @Test func statementWithoutMustFacts() {
    let text = Self.clean.replacingOccurrences(
      of: "contacts: [staff], quality: { coverage: 2 },",
      with:
        "contacts: [staff], quality: { coverage: 2 }, write: { channel: memo, audience: staff, prompt: Brief them. },"
    )
    #expect(
      warnings(text) == [
        "lint.yaml:28:94: warning: the statement in choice 'b.1' has no 'must' facts, so only general criteria can grade it [SOS107]"
      ])
  }

  @Test func strayReturn() {
    let text = Self.clean.replacingOccurrences(
      of: "{ text: Skip, quality: { coverage: -1 }, goto: end }",
      with: "{ text: Skip, quality: { coverage: -1 }, goto: return }")
    #expect(
      warnings(text) == [
        "lint.yaml:29:56: warning: 'goto: return' in choice 'b.2', but no inject diverts play, so there is nothing to return to [SOS108]"
      ])
  }

  @Test func loopsMakeTheEndUnboundedAndSilenceTheInjectCheck() {
    let text = Self.clean.replacingOccurrences(of: "at: 1h,", with: "at: 50h,")
      .replacingOccurrences(
        of: "{ text: Skip, quality: { coverage: -1 }, goto: end }",
        with: "{ text: Skip, quality: { coverage: -1 }, goto: a }")
    #expect(warnings(text) == [])
  }
}
