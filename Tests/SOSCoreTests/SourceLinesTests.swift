import Testing

@testable import SOSCore

@Suite struct SourceLinesTests {
  @Test(arguments: ["\n", "\r", "\r\n"])
  func linesEndAtEveryKindOfBreak(newline: String) {
    let lines = SourceLines(
      ["format: 1", "id: \"ask-again\"  # quoted", "title: T", ""]
        .joined(separator: newline))
    #expect(lines.lines.count == 4)
    #expect(lines.line(3) == "title: T")
    let declared = lines.declaredID()
    #expect(declared?.line == 2)
    #expect(declared?.id == "ask-again")
  }

  @Test func onlyATopLevelIDIsDeclared() {
    #expect(SourceLines("nodes:\n  a:\n    id: nested\n").declaredID() == nil)
    #expect(SourceLines("id: 'single'\n").declaredID()?.id == "single")
    #expect(SourceLines("id:\n").declaredID()?.id == "")
  }
}
