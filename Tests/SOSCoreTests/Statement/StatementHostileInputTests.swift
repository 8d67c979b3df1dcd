import Testing

@testable import SOSCore

@Suite struct StatementHostileInputTests {
  static let hostile: [String] = [
    "",
    " ",
    "\u{0}\u{1}\u{7}\u{1B}[31mred\u{1B}[0m",
    String(repeating: "😀", count: 5_000),
    "👩‍👩‍👧‍👦🏳️‍🌈 sorry",
    "نأسف لما حدث. سنقوم بالتحديث غدا.",
    "אנחנו מצטערים \u{202E}reversed\u{202C} text",
    "....!!!???,,,;;;:::---———",
    "e.g.e.g.e.g.e.g.",
    "a.b.c.d.e.f.g.h.i.j.k",
    String(repeating: "a.", count: 20_000),
    String(repeating: "1 ", count: 20_000),
    String(repeating: "@", count: 10_000),
    String(repeating: "www.", count: 5_000),
    String(repeating: "x", count: 100_000),
    String(repeating: "We are sorry. ", count: 7_200),
    String(repeating: "don't-we're-it's ", count: 5_000),
    "\u{FEFF}\u{200B}\u{200D}sorry\u{0301}\u{0301}\u{0301}",
    "\r\n\r\n\r\n",
    "\u{D7FF}\u{E000}\u{10FFFF}",
    "+ + + ( ( ( ) ) ) - - -",
    "'''' ’’’ ‘‘ “”",
  ]

  @Test(arguments: Channel.allCases)
  func hostileInputsNeverCrash(channel: Channel) {
    for text in Self.hostile {
      let analysis = StatementAnalyzer().analyze(
        text, channel: channel, audience: text,
        must: [Phrase(id: "x", any: [text, "", " "])], avoid: [Phrase(id: "y", any: [text])])
      #expect((0...100).contains(analysis.score))
      #expect(!analysis.criteria.isEmpty)
    }
  }

  @Test func aHundredThousandCharactersTakeLittleTime() {
    let paragraph =
      "We are sorry: our app was down from 9am. Please call 0800 123 4567 or visit "
      + "northwind.example/help. We do not yet know why. "
    var text = ""
    while text.count < 100_000 { text += paragraph }
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      _ = StatementAnalyzer().analyze(text, channel: .email)
    }
    #expect(elapsed < .seconds(20))
  }
}
