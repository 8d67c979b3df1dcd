import Foundation
import Testing

@testable import SOSTerminal

@Suite struct SanitizerTests {
  @Test func outputKeepsThePalettesColoursAndDropsEveryOtherSequence() {
    let palette = Palette(colour: true)
    let ours = palette.danger("Not yet") + " " + palette.good("pass")
    #expect(Sanitizer.output(ours) == ours)
    let forged =
      "92 \u{1B}[2K\rOverall 100/100\u{1B}]0;title\u{07}\u{1B}]52;c;cm0=\u{1B}\\ \u{1B}[8mhidden"
    #expect(Sanitizer.output(forged) == "92 Overall 100/100 hidden")
    #expect(Sanitizer.output("a\u{1B}[30;47mb\u{1B}[1;31mc") == "ab\u{1B}[1;31mc")
  }

  @Test func outputMakesC1AndBidiVisibleAndKeepsNewlines() {
    #expect(
      Sanitizer.output("Eve\u{202E}lin\u{0085}\n\tx\u{7F}") == "Eve\\u202elin\\u0085\n x\\u007f")
    #expect(Sanitizer.output("plain text\nonly") == "plain text\nonly")
    #expect(Sanitizer.output("\u{2028}") == "\\u2028")
    #expect(Sanitizer.output("a,b\r\nc,d\r\n\rx") == "a,b\r\nc,d\r\nx")
  }

  @Test func escapedJSONMeansTheSame() throws {
    let value = ["name": "Ev\u{202E}e \u{0085}\u{2029} \u{1B}[31m"]
    let data = try JSONEncoder().encode(value)
    let escaped = Sanitizer.output(String(decoding: data, as: UTF8.self))
    #expect(!escaped.unicodeScalars.contains { $0.value > 0x7E && $0.value < 0xA0 })
    let decoded = try JSONDecoder().decode([String: String].self, from: Data(escaped.utf8))
    #expect(decoded == value)
  }

  @Test func stripsEscapeSequencesAndControls() {
    #expect(
      Sanitizer.text("a\u{1B}[2Jb\u{1B}]8;;http://x\u{1B}\\c\u{0}d\u{7F}e\tf\ng") == "abcde f\ng")
  }

  @Test func stripsBidiOverrides() {
    #expect(Sanitizer.text("safe\u{202E}txt.exe") == "safetxt.exe")
  }

  @Test func singleLineFoldsNewlines() {
    #expect(Sanitizer.singleLine("one\ntwo") == "one two")
  }

  @Test func keepsOrdinaryUnicode() {
    #expect(Sanitizer.text("Café – 10:00 ✓") == "Café – 10:00 ✓")
  }
}

@Suite struct TerminalCapabilitiesTests {
  @Test func noColorFlagTurnsErrorColourOff() {
    #expect(!TerminalCapabilities.errorColour(noColorFlag: true, environment: [:]))
    #expect(!TerminalCapabilities.errorColour(noColorFlag: false, environment: ["NO_COLOR": "1"]))
  }
}
