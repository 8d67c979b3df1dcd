import Foundation
import Testing

@testable import SOSCore

/// Every ledger line says what it is about: no blank reason, no blank name in one, and
/// penalties name what they are for.
@Suite struct LedgerReasonTests {
  /// A reason that shows nothing, or a name left blank inside it.
  static func isBlankOrGeneric(_ reason: String) -> Bool {
    let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty || trimmed.hasPrefix(":") || hasEmptyQuotes(reason)
      || reason.contains("()") || reason.contains("  ") || reason.contains(" ,")
      || reason.contains(", ,") || reason.unicodeScalars.contains { $0.value < 0x20 }
  }

  /// `""` quoting nothing: `: ""`, `(at "")`, not the end of a quote inside a quote.
  static func hasEmptyQuotes(_ text: String) -> Bool {
    let characters = Array(text)
    for index in characters.indices.dropLast()
    where characters[index] == "\""
      && characters[index + 1] == "\""
    {
      let before = index == 0 ? " " : characters[index - 1]
      let after = index + 2 < characters.count ? characters[index + 2] : " "
      if " (".contains(before), " :,)".contains(after) { return true }
    }
    return false
  }

  /// A scenario whose labels, titles and texts are blank or only control characters.
  static let blank = """
    format: 1
    id: blank-labels
    title: Blank labels
    kind: recall
    cluster: preventable
    difficulty: introductory
    minutes: 10
    role: Manager
    briefing: A test.
    stakeholders:
      customers: { label: "", required: true }
      staff: { label: "\\e[31m", required: true }
    deadlines:
      - { id: notice, label: " ", by: 1h, grace: 1h, met: contacted(staff) }
    cadence:
      - { stakeholder: customers, every: 1h, label: "" }
    start: a
    nodes:
      a:
        title: ""
        text: A.
        choices:
          - { id: tell, text: "", takes: 30m, contacts: [customers], posture: rebuild, quality: { empathy: 2 }, promise: { to: customers, within: 1h, label: "" }, goto: b }
          - { id: hide, text: " ", takes: 2h, posture: deny, quality: { empathy: -2 }, goto: b }
      b:
        text: B.
        choices:
          - { id: brief, text: Brief the staff, takes: 3h, contacts: [staff], quality: { coverage: 2 }, goto: end }
          - { id: deny, text: "\\t", takes: 3h, posture: deny, quality: { coverage: -2 }, goto: end }
      end: { text: E., ending: true, outcome: 50 }

    """

  func report(_ text: String, _ inputs: [SessionInput]) throws -> ScoreReport {
    let loaded = ScenarioLoader.load(text: text, file: "reasons.yaml")
    let scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
    return try Scorer(engine: Engine(scenario: scenario))
      .score(inputs: inputs, options: SessionOptions(shuffles: false)).get()
  }

  @Test(arguments: [[1, 1], [1, 2], [2, 1], [2, 2]])
  func blankLabelsAreNamedByTheirIDs(choices: [Int]) throws {
    let report = try report(Self.blank, choices.map(SessionInput.choose))
    #expect(!report.ledger.isEmpty)
    for entry in report.ledger {
      #expect(!Self.isBlankOrGeneric(entry.reason), "\(entry.rule): '\(entry.reason)'")
    }
    let reasons = report.ledger.map(\.reason)
    #expect(reasons.contains { $0.hasPrefix("notice: ") })
    #expect(reasons.contains { $0.hasPrefix("customers (required)") })
    #expect(reasons.contains { $0.hasPrefix("staff (required)") })
    #expect(reasons.contains { $0.hasPrefix("Updates to customers: ") })
    #expect(reasons.contains { $0.hasPrefix("a: ") })
  }

  @Test func theInconsistencyPenaltyNamesTheDecisions() throws {
    // "now" (rebuild) at "First", then "blame" (deny) at the untitled node "b".
    let loaded = ScenarioLoader.load(text: ScoringTests.text, file: "scoring.yaml")
    let scenario = try #require(loaded.scenario)
    let report = try Scorer(engine: Engine(scenario: scenario))
      .score(inputs: [.choose(1), .choose(3)], options: SessionOptions(shuffles: false)).get()
    let penalty = try #require(report.ledger.first { $0.rule == .consistency })
    #expect(
      penalty.reason
        == "you both denied (at \"b\") and rebuilt (at \"First\"): mixing denial with apology is inconsistent"
    )
    #expect(ScoringRules.quotedList(["A", "B", "C"]) == "\"A\", \"B\" and \"C\"")
    #expect(Self.hasEmptyQuotes("x: \"\" (+1)") && Self.hasEmptyQuotes("(at \"\")"))
    #expect(!Self.hasEmptyQuotes("\"\"No comment.\"\": a deny response"))
  }

  @Test func aBrokenPromiseSaysWhatAndWhenItWasDue() throws {
    let report = try report(Self.blank, [.choose(1), .choose(2)])
    let broken = try #require(report.ledger.first { $0.rule == .brokenPromise })
    #expect(
      broken.reason
        == "broken promise to customers (promise 1, due T+1h30) costs trust in your word")
  }
}
