import Testing

@testable import SOSTerminal

@Suite struct PaletteTests {
  @Test func withoutColourTextIsUnchanged() {
    let palette = Palette(colour: false)
    for style in [
      palette.clock, palette.heading, palette.emphasis, palette.dim, palette.warning,
      palette.danger, palette.good, palette.feedback, palette.prompt,
    ] {
      #expect(style("T+01:00") == "T+01:00")
    }
  }

  @Test func withColourTextIsWrappedInSGR() {
    let palette = Palette(colour: true)
    #expect(palette.warning("due in 15m") == "\u{1B}[33mdue in 15m\u{1B}[0m")
    #expect(palette.danger("missed") == "\u{1B}[1;31mmissed\u{1B}[0m")
    #expect(palette.good("kept") == "\u{1B}[32mkept\u{1B}[0m")
    #expect(palette.feedback("Good call") == "\u{1B}[36mGood call\u{1B}[0m")
    #expect(palette.emphasis("x") == "\u{1B}[1mx\u{1B}[0m")
    #expect(palette.dim("") == "")
  }

  @Test func nestedStylesKeepTheOuterStyle() {
    let palette = Palette(colour: true)
    #expect(
      palette.feedback("a " + palette.emphasis("b") + " c")
        == "\u{1B}[36ma \u{1B}[1mb\u{1B}[0m\u{1B}[36m c\u{1B}[0m")
  }

  @Test func followsTheCapabilities() {
    let plain = TerminalCapabilities(inputIsTerminal: true, outputIsTerminal: false, colour: false)
    #expect(Palette(capabilities: plain).colour == false)
  }
}
