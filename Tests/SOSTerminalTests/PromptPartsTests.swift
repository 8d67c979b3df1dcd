import Testing

@testable import SOSTerminal

@Suite struct PromptPartsTests {
  @Test func countdownLabels() {
    #expect(Countdown.label(.seconds(42)) == "0:42")
    #expect(Countdown.label(.milliseconds(41_200)) == "0:42")
    #expect(Countdown.label(.seconds(600)) == "10:00")
    #expect(Countdown.label(.seconds(3723)) == "1:02:03")
    #expect(Countdown.label(.zero) == "0:00")
    #expect(Countdown.label(.seconds(-3)) == "0:00")
  }

  @Test func countdownTicksWhenTheLabelChanges() {
    #expect(Countdown.untilNextTick(.milliseconds(41_200)) == .milliseconds(200))
    #expect(Countdown.untilNextTick(.seconds(42)) == .seconds(1))
    #expect(Countdown.untilNextTick(.milliseconds(300)) == .milliseconds(300))
  }

  @Test func countdownPrefix() {
    #expect(Countdown.prefix(.seconds(42), palette: Palette(colour: false)) == "[0:42] ")
    #expect(
      Countdown.prefix(.seconds(9), palette: Palette(colour: true))
        == "\u{1B}[33m[0:09]\u{1B}[0m ")
  }

  @Test func statementContinuationPrompt() {
    let plain = Palette(colour: false)
    #expect(
      StatementPrompt.continuation(count: 143, limit: 280, palette: plain) == "  …  143/280 > ")
    #expect(
      StatementPrompt.continuation(count: 143, limit: nil, palette: plain) == "  …  143 chars > ")
    #expect(
      StatementPrompt.continuation(count: 281, limit: 280, palette: Palette(colour: true))
        == "  …  \u{1B}[1;31m281\u{1B}[0m/280 > ")
  }

  @Test func statementCountsCharacters() {
    #expect(StatementPrompt.count(["Café ☕", "e\u{301}"]) == 8)
    #expect(StatementPrompt.count([]) == 0)
  }

  @Test func readlinePromptMarksEscapeSequences() {
    #expect(ReadlinePrompt.protect("sos> ") == "sos> ")
    #expect(
      ReadlinePrompt.protect("\u{1B}[1msos>\u{1B}[0m ")
        == "\u{01}\u{1B}[1m\u{02}sos>\u{01}\u{1B}[0m\u{02} ")
    #expect(ReadlinePrompt.protect("\u{01}\u{1B}[1m\u{02}x") == "\u{01}\u{1B}[1m\u{02}x")
  }

  @Test func countdownGoesOnTheLastLineOfThePrompt() {
    #expect(ReadlinePrompt.prefixing("sos> ", with: "[0:42] ") == "[0:42] sos> ")
    #expect(
      ReadlinePrompt.prefixing("T+01:00 status\nsos> ", with: "[0:42] ")
        == "T+01:00 status\n[0:42] sos> ")
  }

  @Test func pollTimeoutsRoundUp() {
    #expect(PollTimeout.milliseconds(.microseconds(1)) == 1)
    #expect(PollTimeout.milliseconds(.milliseconds(250)) == 250)
    #expect(PollTimeout.milliseconds(.zero) == 0)
    #expect(PollTimeout.milliseconds(.seconds(1_000_000)) == 86_400_000)
  }
}
