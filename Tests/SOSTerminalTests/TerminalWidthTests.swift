import Testing

@testable import SOSTerminal

@Suite struct TerminalWidthTests {
  @Test func usesColumnsWithoutATerminal() {
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "132"], fileDescriptor: -1) == 132)
  }

  @Test func defaultsTo80() {
    #expect(TerminalWidth.columns(environment: [:], fileDescriptor: -1) == 80)
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "wide"], fileDescriptor: -1) == 80)
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "0"], fileDescriptor: -1) == 80)
  }

  @Test func isClamped() {
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "5"], fileDescriptor: -1) == 20)
    #expect(TerminalWidth.columns(environment: ["COLUMNS": "9000"], fileDescriptor: -1) == 500)
  }

  @Test func aPipeIsNoTerminal() throws {
    let pipe = try TestPipe()
    defer { pipe.close() }
    #expect(
      TerminalWidth.columns(environment: ["COLUMNS": "100"], fileDescriptor: pipe.write) == 100)
  }
}
