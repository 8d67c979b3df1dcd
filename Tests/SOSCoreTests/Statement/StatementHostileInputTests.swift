import Testing

@testable import SOSCore

@Suite struct StatementHostileInputTests {
  static let hostile: [String] = [
    "",
    " ",
    "\u{0}\u{1}\u{7}\u{1B}[31mred\u{1B}[0m",
    String(repeating: "😀", count: 2_000),
    "👩‍👩‍👧‍👦🏳️‍🌈 sorry",
    "نأسف لما حدث. سنقوم بالتحديث غدا.",
    "אנחנו מצטערים \u{202E}reversed\u{202C} text",
    "....!!!???,,,;;;:::---———",
    "e.g.e.g.e.g.e.g.",
    "a.b.c.d.e.f.g.h.i.j.k",
    String(repeating: "a.", count: 2_000),
    String(repeating: "1 ", count: 2_000),
    String(repeating: "@", count: 2_000),
    String(repeating: "www.", count: 1_000),
    String(repeating: "x", count: 4_000),
    String(repeating: "We are sorry. ", count: 300),
    String(repeating: "don't-we're-it's ", count: 300),
    "\u{FEFF}\u{200B}\u{200D}sorry\u{0301}\u{0301}\u{0301}",
    "\r\n\r\n\r\n",
    "\u{D7FF}\u{E000}\u{10FFFF}",
    "+ + + ( ( ( ) ) ) - - -",
    "'''' ’’’ ‘‘ “”",
  ]

  /// Pieces random statements are made of: words the analyser looks for, negators,
  /// numbers, times, links, emoji, controls, bidi marks and punctuation.
  static let pieces = [
    "We", "are", "sorry", "not", "never", "do not", "call", "0800 123 4567", "at 5pm",
    "tomorrow", "next update", "customers", "our", "mistake", "we got this wrong", "if",
    "anyone", "was", "upset", "help", "bank.example/status", "https://x.example", "9:30",
    "Monday", "😀", "\u{202E}", "\u{1B}[2K", "\u{7}", "\u{0}", "\n", "\r", "\t", ".", "!",
    "?", ",", ":", ";", "—", "'", "\"", "(", ")", "lorem", "ipsum", "é", "ß", "中文", "x",
  ]

  /// What every analysis must hold, whatever the text: a score from 0 to 100, every
  /// criterion within its points, the same criteria as a plain statement gets on the
  /// channel, and a text that is not a statement scoring at most 5 with every
  /// criterion saying why.
  static func checkInvariants(_ text: String, channel: Channel) {
    let must = [Phrase(id: "x", any: [text, "", " "])]
    let avoid = [Phrase(id: "y", any: [text])]
    let analyzer = StatementAnalyzer()
    let analysis = analyzer.analyze(
      text, channel: channel, audience: text, must: must, avoid: avoid)
    let plain = analyzer.analyze(
      "We are sorry.", channel: channel, audience: text, must: must, avoid: avoid)
    let label = "\(channel) \(String(text.prefix(40)).debugDescription)"
    #expect((0...100).contains(analysis.score), "\(label)")
    #expect(analysis.criteria.map(\.id) == plain.criteria.map(\.id), "\(label)")
    for criterion in analysis.criteria {
      #expect((0...criterion.max).contains(criterion.points), "\(label): \(criterion.id)")
    }
    if !analysis.isStatement {
      #expect(analysis.score <= 5, "\(label)")
      #expect(analysis.nonsense != nil, "\(label)")
      #expect(
        analysis.criteria.allSatisfy { $0.advice.hasPrefix("This is not yet a statement") },
        "\(label)")
    }
  }

  @Test(arguments: Channel.allCases)
  func hostileInputsKeepTheAnalysisWhole(channel: Channel) {
    for text in Self.hostile {
      Self.checkInvariants(text, channel: channel)
    }
  }

  /// 150 seeded random texts per channel, each at most 60 pieces long.
  @Test(arguments: Channel.allCases)
  func randomTextsKeepTheAnalysisWhole(channel: Channel) {
    var generator = SeededGenerator(seed: 2026)
    for _ in 0..<150 {
      let count = Int(generator.next() % 61)
      let text = (0..<count).map { _ in
        Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
      }.joined(separator: generator.next() % 3 == 0 ? "" : " ")
      Self.checkInvariants(text, channel: channel)
    }
  }

  /// A hundred thousand characters are analysed whole (speed lives in Benchmarks/):
  /// one paragraph pasted over and over is not a statement, and says why.
  @Test func aHundredThousandCharactersAreReadWhole() {
    let paragraph =
      "We are sorry: our app was down from 9am. Please call 0800 123 4567 or visit "
      + "northwind.example/help. We do not yet know why. "
    var text = ""
    while text.count < 100_000 { text += paragraph }
    let analysis = StatementAnalyzer().analyze(text, channel: .email)
    #expect(analysis.score <= 5)
    #expect(!analysis.isStatement)
    #expect(analysis.nonsense?.contains("repeats") == true, "\(analysis.nonsense ?? "-")")
  }
}
