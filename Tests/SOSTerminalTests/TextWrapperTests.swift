import Testing

@testable import SOSTerminal

@Suite struct TextWrapperTests {
  @Test func wrapsAtWordBoundaries() {
    let text = "Convene the crisis team and confirm the facts with IT"
    #expect(
      TextWrapper(width: 20).wrap(text) == """
        Convene the crisis
        team and confirm the
        facts with IT
        """)
  }

  @Test func shortTextIsUnchanged() {
    #expect(TextWrapper(width: 80).wrap("Keep  two spaces.") == "Keep  two spaces.")
    #expect(TextWrapper(width: 80).wrap("") == "")
  }

  @Test func keepsParagraphsAndExplicitNewlines() {
    let text = "First paragraph is long enough to wrap.\n\nSecond one.\nA new line.\n"
    #expect(
      TextWrapper(width: 16).wrap(text) == """
        First paragraph
        is long enough
        to wrap.

        Second one.
        A new line.

        """)
  }

  @Test func continuationLinesAreIndented() {
    let wrapper = TextWrapper(width: 20, indent: "   ")
    #expect(
      wrapper.wrap("1) Convene the crisis team at once\n2) Wait") == """
        1) Convene the
           crisis team at
           once
        2) Wait
        """)
  }

  @Test func leadingSpacesStayOnTheFirstRowOnly() {
    #expect(TextWrapper(width: 12).wrap("    indented text here") == "    indented\ntext here")
  }

  @Test func breaksLongWordsHard() {
    #expect(
      TextWrapper(width: 10).wrap("see https://example.com/a/long/path now") == """
        see
        https://ex
        ample.com/
        a/long/pat
        h now
        """)
    #expect(TextWrapper(width: 4, indent: "  ").wrap("abcdefgh") == "abcd\n  ef\n  gh")
  }

  @Test func escapeSequencesTakeNoRoomAndAreNeverSplit() {
    let bold = "\u{1B}[1m"
    let reset = "\u{1B}[0m"
    let text = "\(bold)Breach\(reset) confirmed at \(bold)09:40\(reset) by IT"
    #expect(
      TextWrapper(width: 19).wrap(text) == """
        \(bold)Breach\(reset) confirmed at
        \(bold)09:40\(reset) by IT
        """)
    let long = "\(bold)abcdef\(reset)"
    #expect(TextWrapper(width: 3).wrap(long) == "\(bold)abc\ndef\(reset)")
  }

  @Test func wideCharactersCountTwoColumns() {
    #expect(TextWrapper(width: 6).wrap("危机 沟通 培训") == "危机\n沟通\n培训")
    #expect(TextWrapper(width: 5).wrap("Café ok") == "Café\nok")
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("☕x") == 3)
    #expect(DisplayWidth.of("\u{1B}[31mred\u{1B}[0m") == 3)
  }

  @Test func indentWiderThanTheWidthStillMakesProgress() {
    #expect(TextWrapper(width: 2, indent: "    ").wrap("abc de") == "ab\n    c\n    d\n    e")
  }
}
