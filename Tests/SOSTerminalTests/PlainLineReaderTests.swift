import Testing

@testable import SOSTerminal

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The plain reader's contract, through pipes. The SIGINT trap is off here (it is
/// process-wide); ``TerminalSessionTests`` covers it.
@Suite struct PlainLineReaderTests {
  /// A reader of one pipe that prompts into another.
  struct Fixture {
    let input: TestPipe
    let output: TestPipe
    let reader: PlainLineReader

    init() throws {
      input = try TestPipe()
      output = try TestPipe()
      reader = PlainLineReader(input: input.read, output: output.write, trapsInterrupts: false)
    }

    func close() {
      input.close()
      output.close()
    }
  }

  @Test func twoLinesInOneWrite() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    fixture.input.send("first\nsecond\n")
    #expect(fixture.reader.readLine(prompt: "> ") == .line("first"))
    #expect(fixture.reader.readLine(prompt: "> ") == .line("second"))
  }

  @Test func promptIsWrittenExactly() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    fixture.input.send("1\n2\n")
    _ = fixture.reader.readLine(prompt: "sos> ")
    _ = fixture.reader.readStatement(prompt: "statement> ", limit: 280, deadline: nil)
    #expect(fixture.output.available() == "sos> statement> ")
  }

  @Test func lineSplitAcrossWrites() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    let input = fixture.input
    input.send("hel")
    later(50) { input.send("lo wor") }
    later(100) { input.send("ld\r\nnext") }
    #expect(fixture.reader.readLine(prompt: "> ") == .line("hello world"))
  }

  @Test func longLine() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    let line = String(repeating: "abcdé", count: 1000)
    let input = fixture.input
    later(0) { input.send(line + "\nafter\n") }
    #expect(fixture.reader.readLine(prompt: "> ") == .line(line))
    #expect(fixture.reader.readLine(prompt: "> ") == .line("after"))
  }

  @Test func invalidUTF8BecomesReplacementCharacters() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    fixture.input.send([0x61, 0xFF, 0x62, 0xC3, 0x0A, 0xE2, 0x82, 0xAC, 0x0A])
    #expect(fixture.reader.readLine(prompt: "") == .line("a\u{FFFD}b\u{FFFD}"))
    #expect(fixture.reader.readLine(prompt: "") == .line("€"))
  }

  @Test func endOfInputAfterFinalNewline() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    fixture.input.send("only\n")
    fixture.input.closeWrite()
    #expect(fixture.reader.readLine(prompt: "") == .line("only"))
    #expect(fixture.reader.readLine(prompt: "") == .endOfInput)
    #expect(fixture.reader.readLine(prompt: "") == .endOfInput)
  }

  @Test func finalLineWithoutNewlineComesFirst() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    fixture.input.send("a\nlast")
    fixture.input.closeWrite()
    #expect(fixture.reader.readLine(prompt: "") == .line("a"))
    #expect(fixture.reader.readLine(prompt: "") == .line("last"))
    #expect(fixture.reader.readLine(prompt: "") == .endOfInput)
  }

  @Test func emptyLinesAreLines() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    fixture.input.send("\n\r\n")
    fixture.input.closeWrite()
    #expect(fixture.reader.readLine(prompt: "") == .line(""))
    #expect(fixture.reader.readLine(prompt: "") == .line(""))
    #expect(fixture.reader.readLine(prompt: "") == .endOfInput)
  }

  @Test func deadlineExpires() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    // Nothing arrives before the deadline (a past one, so no clock is raced).
    #expect(fixture.reader.readLine(prompt: "> ", deadline: .now - .seconds(1)) == .timedOut)
    #expect(fixture.reader.readLine(prompt: "> ", deadline: .now + .milliseconds(50)) == .timedOut)
    // The input is still there for the next read.
    fixture.input.send("late\n")
    #expect(fixture.reader.readLine(prompt: "> ", deadline: .now + .seconds(5)) == .line("late"))
  }

  @Test func lineBeforeTheDeadlineIsReturned() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    let input = fixture.input
    later(50) { input.send("in time\n") }
    #expect(fixture.reader.readLine(prompt: "", deadline: .now + .seconds(5)) == .line("in time"))
  }

  @Test func statementIsOneLine() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    fixture.input.send("We are sorry.\n\nNext\n")
    #expect(
      fixture.reader.readStatement(prompt: "statement> ", limit: 280, deadline: nil)
        == .line("We are sorry."))
    #expect(fixture.reader.readLine(prompt: "") == .line(""))
  }

  @Test func isPlain() throws {
    let fixture = try Fixture()
    defer { fixture.close() }
    #expect(fixture.reader.isTerminal == false)
    fixture.reader.addHistory("ignored")
  }
}

@Suite struct LineBufferTests {
  @Test func aLineOverTheLimitIsRefusedWholeNotCutIntoPieces() {
    var buffer = LineBuffer()
    let limit = LineEvent.maximumLineBytes
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: limit + 10)
    // It arrives in chunks, as from a pipe; its bytes are dropped as they come.
    for chunk in stride(from: 0, to: long.count, by: 65536) {
      long[chunk..<min(chunk + 65536, long.count)].withUnsafeBytes { buffer.append($0) }
      #expect(buffer.nextLine() == nil)
    }
    Array("\nnext\n".utf8).withUnsafeBytes { buffer.append($0) }
    #expect(buffer.nextLine() == .tooLong(bytes: limit + 10))
    #expect(buffer.nextLine() == .line("next"))
    #expect(buffer.remainder() == nil)
  }

  @Test func aLineOfExactlyTheLimitIsKept() {
    var buffer = LineBuffer()
    let exact = [UInt8](repeating: UInt8(ascii: "y"), count: LineEvent.maximumLineBytes)
    (exact + Array("\r\n".utf8)).withUnsafeBytes { buffer.append($0) }
    #expect(buffer.nextLine() == .line(String(repeating: "y", count: exact.count)))
  }

  @Test func aTooLongLastLineWithoutABreakIsRefusedAtTheEnd() {
    var buffer = LineBuffer()
    let long = [UInt8](repeating: UInt8(ascii: "z"), count: LineEvent.maximumLineBytes + 1)
    long.withUnsafeBytes { buffer.append($0) }
    #expect(buffer.nextLine() == nil)
    #expect(buffer.remainder() == .tooLong(bytes: long.count))
    #expect(buffer.remainder() == nil)
  }

  @Test func theMessageNamesTheSize() {
    #expect(LineEvent.tooLongMessage(bytes: 3 << 20).hasPrefix("That line was 3.0 MiB long"))
    #expect(LineEvent.tooLongMessage(bytes: 15 << 20).hasPrefix("That line was 15 MiB long"))
  }

  @Test func manyLinesKeepTheirOrder() {
    var buffer = LineBuffer()
    let text = (0..<5000).map { "line \($0)\n" }.joined()
    Array(text.utf8).withUnsafeBytes { buffer.append($0) }
    var lines: [LineEvent] = []
    while let line = buffer.nextLine() { lines.append(line) }
    #expect(lines == (0..<5000).map { .line("line \($0)") })
    #expect(buffer.isEmpty)
  }
}
