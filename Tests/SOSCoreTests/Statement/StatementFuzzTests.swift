import Testing

@testable import SOSCore

/// Random texts of words, numbers, addresses, punctuation, emoji, combining marks,
/// line breaks and right-to-left script never crash the analyser, always give a score
/// from 0 to 100 no higher than any cap, and give the same analysis twice.
@Suite struct StatementFuzzTests {
  static let pieces = [
    "we", "are", "not", "sorry", "no", "update", "next", "at", "5pm", "do", "call", "us",
    "0800 123 4567", "bank.example/status", "help@bank.example", "@Help", "if", "say",
    "it", "is", "a", "system", "error", "customers", "who", "did", "install", "the", "AF-580",
    "don't", "we're", "Mr.", "e.g.", "a.m.", "17:00", "10,000", "3.5", "#tag", "🙏", "😀😀",
    "é", "e\u{301}", "\u{202E}", "שלום", "\r\n", "\n", "\n\n", "-", "—", ",", ".", "!", "?",
    ":", ";", "(", ")", "\"", "“", "’", "...", "…", "•", "1.", "2)", "\t", "  ", "\u{0}",
    "lorem", "ipsum", "asdf", "ok", "test", "Dear", "Regards", "Dana", "will", "by",
    "tomorrow", "within", "24", "hours", "never", "again", "guarantee", "keep", "retrying",
  ]

  @Test func randomTextsAreAnalysedSafely() {
    var generator = SeededGenerator(seed: 2026)
    let analyzer = StatementAnalyzer()
    for round in 0..<300 {
      let count = Int.random(in: 0...60, using: &generator)
      var text = ""
      for _ in 0..<count {
        text += Self.pieces.randomElement(using: &generator) ?? ""
        if Bool.random(using: &generator) { text += " " }
      }
      let channel = Channel.allCases.randomElement(using: &generator) ?? .social
      let first = analyzer.analyze(text, channel: channel, audience: "customers")
      #expect((0...100).contains(first.score), "round \(round): \(first.score)")
      #expect(first.score <= first.uncapped)
      #expect(first.caps.allSatisfy { first.score <= $0.ceiling })
      #expect(first.nonsense == nil || first.score == 0)
      let second = analyzer.analyze(text, channel: channel, audience: "customers")
      #expect(first == second, "round \(round): not deterministic")
    }
  }

  @Test func longTextsStayLinear() {
    // Ten thousand words of one sentence and of many: both finish, both score.
    let one = Array(repeating: "we are not sorry and", count: 2_000).joined(separator: " ")
    let many = Array(repeating: "We are sorry. Call 0800 123 4567.", count: 1_000)
      .joined(separator: " ")
    for text in [one, many] {
      let analysis = StatementAnalyzer().analyze(text, channel: .email)
      #expect((0...100).contains(analysis.score))
    }
  }
}
