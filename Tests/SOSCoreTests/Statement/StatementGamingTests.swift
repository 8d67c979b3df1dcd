import Testing

@testable import SOSCore

/// The gamed statements of the analyser issue score low, and a real, specific
/// statement beats every gamed version of itself by at least 15 points.
@Suite struct StatementGamingTests {
  static func score(_ text: String, _ channel: Channel = .social) -> Int {
    StatementAnalyzer().analyze(text, channel: channel).score
  }

  static let real =
    "Since 7:40am many Northwind Bank customers cannot pay by card or log in to the app."
    + " We're sorry: this is our fault, a software update failed. Cash machines work."
    + " Engineers are rolling back the update now. Next update by 11am at bank.example/status"

  static let gamed: [(name: String, text: String, channel: Channel, most: Int)] = [
    (
      "stuffing",
      "We are sorry. We apologise. We know how worrying this is. It was our mistake. We take"
        + " this very seriously. Next update at 5pm today. Call 0800 123 456.", .social, 45
    ),
    (
      "stuffing with alternatives",
      "We sincerely apologise for any inconvenience. We understand your frustration and we"
        + " take this very seriously. Our teams are working hard to resolve it as soon as"
        + " possible. Next update soon, later or tomorrow. Thank you for your patience!",
      .social, 45
    ),
    (
      "reversal",
      "We're not sorry: nothing has failed at Northwind Bank this morning. Keep retrying your"
        + " payments. Do not contact bank.example/status about it. There will be no next update"
        + " by 11am.", .social, 30
    ),
    (
      "refusal",
      "We will not be giving updates on this. There is no helpline. Do not contact us about"
        + " the card problem.", .social, 30
    ),
    (
      "customer blame",
      "Sorry for the frustration some customers feel about this morning. The problem only"
        + " affected users who did not install the latest app update. Thank you for your"
        + " understanding.", .social, 40
    ),
    (
      "polite hostility",
      "We regret any inconvenience you feel you may have experienced this morning. We trust"
        + " this clarifies the position. Thank you for your understanding.", .social, 40
    ),
    (
      "conditional apology",
      "If anyone was upset by the card problem this morning, sorry. Payments are working"
        + " again.", .social, 40
    ),
    (
      "tweet as a regulator notice",
      "Hi, we had a small issue with some customer emails today, all sorted now, thanks for"
        + " checking in with us!", .regulatorNotice, 50
    ),
  ]

  @Test func nonsenseScoresAtMostTen() {
    for text in [
      "1", "asdf", "ok", "test test test",
      "Lorem ipsum dolor sit amet, consectetur adipiscing"
        + " elit, sed do eiusmod tempor incididunt ut labore.", "🙏🙏🙏", "...", "asdf jkl; qwer",
    ] {
      #expect(Self.score(text) <= 10, "\(text)")
    }
    #expect(Self.score("Sorry.") <= 15)
  }

  @Test func gamedStatementsScoreLowAndTheRealOneBeatsEachByFifteen() {
    let real = Self.score(Self.real)
    #expect(real >= 70)
    for gamed in Self.gamed {
      let score = Self.score(gamed.text, gamed.channel)
      #expect(score <= gamed.most, "\(gamed.name): \(score)")
      #expect(real - score >= 15, "\(gamed.name): \(score) against \(real)")
    }
  }

  @Test func aCapSaysWhyAndQuotesTheWords() throws {
    let analysis = StatementAnalyzer().analyze(Self.gamed[0].text, channel: .social)
    let summary = try #require(analysis.capSummary)
    #expect(
      summary.hasPrefix("Capped at 30 (the criteria earn \(analysis.uncapped)): stock phrases"))
    #expect(summary.contains("“We are sorry”"))
    #expect(StatementAnalyzer().analyze(Self.real, channel: .social).capSummary == nil)
  }

  @Test func paraphraseAndPlainEnglishEarnTheirCredit() {
    let analyzer = StatementAnalyzer()
    let paraphrased = analyzer.analyze(
      "We got this wrong, and we let you down. Card payments failed from 7:40am.",
      channel: .social)
    #expect(paraphrased.criterion("apology")?.result == .pass)
    let nonNative = analyzer.analyze(
      "Since 7:40 am card payments no work for many customers. We say sorry, it is our"
        + " mistake. Please not try payment again, use cash. We fix now. Next update 11am on"
        + " bank.example/status", channel: .social)
    #expect(nonNative.criterion("what-to-do")?.result == .pass)
    #expect(nonNative.criterion("apology")?.result == .pass)
    #expect(nonNative.score >= 65)
    let wary = analyzer.analyze(
      "Please hold off retrying payments, and be wary of fake emails about the outage.",
      channel: .social)
    #expect(wary.criterion("what-to-do")?.result == .pass)
  }

  @Test func negatedActsAreNotCredited() {
    let analyzer = StatementAnalyzer()
    let denial = analyzer.analyze(
      "We're not sorry. We will not be giving updates. Do not contact us. There is no"
        + " helpline for the card outage.", channel: .social)
    #expect(denial.criterion("apology")?.result == .fail)
    // The evidence quotes the negation with the act it negates.
    #expect(denial.criterion("apology")?.evidence == ["We're not sorry"])
    #expect(denial.criterion("where-help")?.evidence.contains("There is no helpline") == true)
    #expect(denial.criterion("next-update")?.result == .fail)
    #expect(denial.criterion("where-help")?.result != .pass)
    #expect(denial.caps.contains { $0.id == "reversal" })
    // A memo that bans a phrase meets the scenario's avoid check.
    let memo = analyzer.analyze(
      "Tell customers their card payments failed from 7:40am. Do not say it is a system"
        + " error. Send complaints to the duty manager.", channel: .memo,
      avoid: [Phrase(id: "system", any: ["system error"])])
    #expect(memo.criterion("avoid:system")?.result == .pass)
    // A memo that only passes questions on is the rubric's own 2.
    let deflecting = analyzer.analyze(
      "Team, please refer all questions about the data incident to head office. Thank you.",
      channel: .memo)
    #expect(deflecting.caps.first?.id == "deflection")
    #expect(deflecting.score <= 30)
    // Negated instructions are still instructions.
    let stop = analyzer.analyze(
      "Do not use the AF-580 air fryer sold since March: the handle can burn. Unplug it and"
        + " call 0800 123 456 for a refund.", channel: .social)
    #expect(stop.criterion("what-to-do")?.result == .pass)
    #expect(!stop.caps.contains { $0.id == "reversal" })
  }
}
