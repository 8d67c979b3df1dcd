import Foundation
import SOSCore
import SOSReports
import Testing

/// The rendered debrief says what its lists hold, even when one is empty.
@Suite struct DebriefReportTests {
  static let text = """
    format: 1
    id: render-test
    title: Render test
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 5
    role: Manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers }
    start: a
    nodes:
      a:
        title: First
        text: A.
        choices:
          - { id: tell, text: Tell them, takes: 30m, contacts: [customers], quality: { clarity: 2 }, goto: end }
          - { id: wait, text: Wait, takes: 30m, quality: { clarity: -1 }, goto: end }
      end: { text: E., ending: true, outcome: 90 }

    """

  func rendered(extra: [LedgerEntry]) throws -> (text: String, markdown: String) {
    let loaded = ScenarioLoader.load(text: Self.text, file: "render.yaml")
    let scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
    let scored = try ScoredSession.replay(
      scenario, inputs: [.choose(1)], options: SessionOptions(shuffles: false)
    ).get()
    var report = scored.report
    report.ledger += extra
    let debrief = DebriefReport(scenario: scenario, report: report, events: scored.events)
    return (debrief.text(), debrief.markdown())
  }

  static func statement(_ score: Int) -> LedgerEntry {
    LedgerEntry(
      component: .communication, rule: .statement, subject: "tell",
      points: 20 * Double(score) / 100, maximum: 20,
      reason: "Statement to Customers (social): \(score)/100")
  }

  @Test func nothingLostSaysSo() throws {
    let (text, markdown) = try rendered(extra: [])
    #expect(text.contains("Areas for improvement\n  (nothing lost points)"))
    #expect(markdown.contains("## Areas for improvement\n\n(nothing lost points)"))
  }

  @Test func pointsLostOnStrengthsAreNotCalledNothing() throws {
    // A statement at 85 lost points but earned the pass mark: a strength only.
    let (text, markdown) = try rendered(extra: [Self.statement(85)])
    #expect(!text.contains("nothing lost points"))
    #expect(text.contains("+ Statement to Customers (social): 85/100"))
    #expect(
      text.contains(
        "Areas for improvement\n  (none: every entry that lost points still earned at least 60%"
          + " of its points)"))
    #expect(!markdown.contains("nothing lost points"))
    #expect(markdown.contains("- Statement to Customers (social): 85/100"))
  }

  @Test func aStatementBelowThePassMarkIsOnlyAnAreaForImprovement() throws {
    let (text, markdown) = try rendered(extra: [Self.statement(59)])
    #expect(!text.contains("+ Statement to Customers"))
    #expect(text.contains("− 8.2 Statement to Customers (social): 59/100"))
    #expect(markdown.contains("- (−8.2) Statement to Customers (social): 59/100"))
    #expect(Self.count("Statement to Customers (social): 59/100", in: markdown) == 2)  // + ledger
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }
}
