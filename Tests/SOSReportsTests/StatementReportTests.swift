import SOSCore
import Testing

@testable import SOSReports

@Suite struct StatementReportTests {
  static let analysis = StatementAnalysis(
    score: 72, channel: .social, audience: "customers", profile: .social, length: 120,
    lengthUnit: "characters", limit: 280,
    readability: Readability(words: 20, sentences: 2, syllables: 28),
    criteria: [
      StatementCriterion(
        id: "apology", label: "Apology", result: .pass, points: 12, max: 12,
        evidence: ["We are sorry"], dimension: .accountability, advice: ""),
      StatementCriterion(
        id: "next-update", label: "Next update", result: .partial, points: 4, max: 8,
        evidence: ["We will update you"], dimension: .transparency,
        advice: "Give the next update a time."),
      StatementCriterion(
        id: "jargon", label: "Plain words", result: .fail, points: 0, max: 6,
        evidence: ["utilize\n\u{1B}[31m", "remediate"], dimension: .clarity,
        advice: "Use plain words."),
    ])

  @Test func rendersOneLinePerCriterionWithoutColour() {
    #expect(
      StatementReport.render(Self.analysis) == """
        Score 72/100 (social, for customers)
        Length 120/280 characters
        Readability: reading ease 78.2, grade 4.8 (20 words, 2 sentences, 28 syllables)

        PASS  Apology      12/12  "We are sorry"
        PART  Next update  4/8    "We will update you"
              → Give the next update a time.
        FAIL  Plain words  0/6    "utilize [31m", "remediate"
              → Use plain words.

        """)
  }

  @Test func countsAgreeInNumber() {
    var one = Self.analysis
    one.length = 1
    one.readability = Readability(words: 1, sentences: 1, syllables: 1)
    let text = StatementReport.render(one)
    #expect(text.contains("Length 1/280 character\n"))
    #expect(text.contains("(1 word, 1 sentence, 1 syllable)"))
  }

  @Test func colourMarksOnlyTheResults() {
    let coloured = StatementReport.render(Self.analysis, colour: true)
    #expect(coloured.contains("\u{1B}[32mPASS\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[31mFAIL\u{1B}[0m"))
  }

  @Test func decimalsKeepOneDigit() {
    #expect(StatementReport.decimal(-2.0) == "-2.0")
    #expect(StatementReport.decimal(65.25) == "65.3")
    #expect(StatementReport.decimal(0.04) == "0.0")
  }
}
