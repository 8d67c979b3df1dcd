import SOSCore
import Testing

@testable import SOSTerminal

@Suite struct DiagnosticRendererTests {
  let source = "format: 1\nid: x\ntittle: Hello\n"

  func diagnostic(line: Int?, column: Int?, notes: [String] = []) -> Diagnostic {
    Diagnostic(
      .error, .unknownField, "unknown field 'tittle' in the scenario; did you mean 'title'?",
      at: SourceLocation(file: "a.yaml", line: line, column: column), notes: notes)
  }

  @Test func plainRenderingHasLocationSourceAndCaret() {
    let text = DiagnosticRenderer(colour: false).render(
      diagnostic(line: 3, column: 1, notes: ["see the guide"]), source: source)
    #expect(
      text == """
        a.yaml:3:1: error: unknown field 'tittle' in the scenario; did you mean 'title'? [SOS013]
         3 | tittle: Hello
           | ^
          note: see the guide

        """)
  }

  @Test func caretFollowsTheColumn() {
    let text = DiagnosticRenderer(colour: false).render(
      Diagnostic(.warning, .noQuality, "m", at: SourceLocation(file: "a.yaml", line: 3, column: 9)),
      source: source)
    #expect(text.hasSuffix(" 3 | tittle: Hello\n   |         ^\n"))
    #expect(text.hasPrefix("a.yaml:3:9: warning: m [SOS102]"))
  }

  @Test func wholeFileDiagnosticHasNoExcerpt() {
    let text = DiagnosticRenderer(colour: false).render(
      diagnostic(line: nil, column: nil), source: source)
    #expect(text.split(separator: "\n").count == 1)
  }

  @Test func longLinesAreCutAt120ColumnsAroundTheCaret() {
    let long = String(repeating: "x", count: 300) + "!" + String(repeating: "y", count: 100)
    let text = DiagnosticRenderer(colour: false).render(
      Diagnostic(.error, .yamlSyntax, "m", at: SourceLocation(file: "f", line: 1, column: 301)),
      source: long)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let excerpt = String(lines[1].dropFirst(" 1 | ".count))
    let caret = String(lines[2].dropFirst("   | ".count))
    #expect(excerpt.count <= 120)
    #expect(excerpt.hasPrefix("…"))
    let caretIndex = caret.count - 1
    #expect(Array(excerpt)[caretIndex] == "!")
  }

  @Test func controlCharactersInSourceAreNotPrinted() {
    let hostile = "title: \u{1B}[31mred\u{7}\n"
    let text = DiagnosticRenderer(colour: false).render(
      Diagnostic(
        .error, .yamlSyntax, "bad \u{1B}]0;title\u{7}",
        at: SourceLocation(file: "f", line: 1, column: 8)),
      source: hostile)
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\u{7}"))
  }

  @Test func crOnlyLineEndingsKeepTheExcerpt() {
    // An old Mac file: a CR alone ends each line, as YAML and the locations count them.
    let text = DiagnosticRenderer(colour: false).render(
      diagnostic(line: 3, column: 1), source: "format: 1\rid: x\rtittle: Hello\r")
    #expect(
      text == """
        a.yaml:3:1: error: unknown field 'tittle' in the scenario; did you mean 'title'? [SOS013]
         3 | tittle: Hello
           | ^

        """)
  }

  @Test func crlfAndMixedLineEndingsKeepTheExcerpt() {
    let renderer = DiagnosticRenderer(colour: false)
    for source in [
      "format: 1\r\nid: x\r\ntittle: Hello\r\n", "format: 1\rid: x\r\ntittle: Hello\n",
    ] {
      let text = renderer.render(
        Diagnostic(
          .error, .unknownField, "m", at: SourceLocation(file: "a.yaml", line: 3, column: 3)),
        source: source)
      #expect(text.hasSuffix(" 3 | tittle: Hello\n   |   ^\n"), "\(source.debugDescription)")
    }
  }

  @Test func aLocationPastTheLastLineHasNoExcerpt() {
    let text = DiagnosticRenderer(colour: false).render(
      diagnostic(line: 9, column: 1), source: "format: 1\rid: x\r")
    #expect(text.split(separator: "\n").count == 1)
  }

  @Test func theCaretPointsAtAnInvisibleCharacter() {
    let text = DiagnosticRenderer(colour: false).render(
      Diagnostic(
        .error, .controlCharacter, "control character U+0007 (bell) is not allowed",
        at: SourceLocation(file: "a.yaml", line: 2, column: 15)),
      source: "format: 1\rtitle: \"Server\u{7} down\"\r")
    #expect(text.hasSuffix(" 2 | title: \"Server? down\"\n   |               ^\n"))
  }

  @Test func colourWrapsSeverityOnlyWhenAsked() {
    let plain = DiagnosticRenderer(colour: false).render(
      diagnostic(line: 3, column: 1), source: source)
    let coloured = DiagnosticRenderer(colour: true).render(
      diagnostic(line: 3, column: 1), source: source)
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
  }
}
