import Testing

@testable import SOSCore

@Suite struct SourceLinesTests {
  @Test(arguments: ["\n", "\r", "\r\n"])
  func linesEndAtEveryKindOfBreak(newline: String) {
    let text = ["format: 1", "id: \"ask-again\"  # quoted", "title: T", ""]
      .joined(separator: newline)
    let lines = SourceLines(text)
    #expect(lines.lines.count == 4)
    #expect(lines.line(3) == "title: T")
    let declared = lines.declaredID()
    #expect(declared?.line == 2)
    #expect(declared?.id == "ask-again")
    let glanced = SourceLines.declaredID(in: text)
    #expect(glanced?.line == 2)
    #expect(glanced?.id == "ask-again")
  }

  @Test func onlyATopLevelIDIsDeclared() {
    #expect(SourceLines("nodes:\n  a:\n    id: nested\n").declaredID() == nil)
    #expect(SourceLines("id: 'single'\n").declaredID()?.id == "single")
    #expect(SourceLines("id:\n").declaredID()?.id == "")
    #expect(SourceLines.declaredID(in: "nodes:\n  a:\n    id: nested\n") == nil)
    #expect(SourceLines.declaredID(in: "id: 'single'\n")?.id == "single")
    #expect(SourceLines.declaredID(in: "id:")?.line == 1)
    #expect(SourceLines.declaredID(in: "id:")?.id == "")
    #expect(SourceLines.declaredID(in: "a: 1\r\rid: x")?.line == 3)
    #expect(SourceLines.declaredID(in: "") == nil)
  }
}
