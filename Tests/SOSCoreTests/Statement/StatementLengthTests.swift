import Testing

@testable import SOSCore

@Suite struct StatementLengthTests {
  static func sms(_ text: String, limit: Int? = nil) -> StatementAnalysis {
    StatementAnalyzer().analyze(text, channel: .sms, limit: limit)
  }

  @Test func plainGSMCountsOneSeptetPerCharacter() {
    let analysis = Self.sms("  Sorry, call us.\n")
    #expect(analysis.length == 15)
    #expect(analysis.lengthUnit == "gsm-7 septets")
    #expect(analysis.limit == 160)
  }

  @Test func accentedGSMLettersStayGSM() {
    let analysis = Self.sms("Café é à ü")
    #expect(analysis.length == 10)
    #expect(analysis.lengthUnit == "gsm-7 septets")
  }

  @Test func extensionCharactersCountTwo() {
    let analysis = Self.sms("Refund €5 [now]")
    // 12 ordinary characters + €, [ and ] at two each = 15 + 3 = 18
    #expect(analysis.length == 18)
    #expect(analysis.limit == 160)
  }

  @Test func anEmojiForcesUCS2AndALimitOf70() {
    let analysis = Self.sms("Sorry 😀")
    // UTF-16: 6 units for "Sorry " and 2 for the emoji.
    #expect(analysis.length == 8)
    #expect(analysis.lengthUnit == "ucs-2 code units")
    #expect(analysis.limit == 70)
  }

  @Test func curlyApostropheForcesUCS2AndIsNamedInTheEvidence() {
    let text =
      "We’re sorry: card payments in our Leeds shop are down since 9am. Cash works."
      + " Call 0800 123 456."
    let analysis = Self.sms(text)
    #expect(analysis.limit == 70)
    let length = analysis.criterion("channel-length")
    #expect(length?.result == .fail)
    #expect(length?.evidence.contains("’") == true)
    #expect(
      Self.sms(text.replacingOccurrences("’", "'")).criterion("channel-length")?.result == .pass)
  }

  @Test func overTheLimitFailsAndQuotesTheOverflow() {
    let text = String(repeating: "a", count: 160) + " and more"
    let length = Self.sms(text).criterion("channel-length")
    #expect(length?.result == .fail)
    #expect(length?.evidence == [" and more"])
    let fits =
      "Wrenfield: sorry, our text this morning was wrong. Your payment is NOT overdue and no"
      + " fee applies. You need do nothing. Questions: 0116 496 0000. Next text 5pm."
    #expect(fits.count <= 160)
    #expect(Self.sms(fits).criterion("channel-length")?.result == .pass)
  }

  @Test func customLimitScalesForUCS2() {
    #expect(Self.sms("hello", limit: 306).limit == 306)
    #expect(Self.sms("hello 😀", limit: 320).limit == 140)
  }

  @Test func socialCountsGraphemes() {
    let analysis = StatementAnalyzer().analyze("Sorry 👍🏽 café", channel: .social)
    #expect(analysis.length == 12)
    #expect(analysis.lengthUnit == "characters")
    #expect(analysis.limit == 280)
  }

  @Test func emailHasNoHardLimitUnlessGiven() {
    let email = StatementAnalyzer().analyze("We are sorry.", channel: .email)
    #expect(email.limit == nil)
    let limited = StatementAnalyzer().analyze("We are sorry.", channel: .email, limit: 5)
    #expect(limited.limit == 5)
    #expect(limited.criterion("channel-length")?.result == .fail)
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
