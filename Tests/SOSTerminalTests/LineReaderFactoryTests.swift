import Testing

@testable import SOSTerminal

@Suite struct LineReaderFactoryTests {
  @Test func historyPathPrefersXDGStateHome() {
    #expect(
      LineReaderFactory.historyPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        == "/s/sos/history")
    #expect(
      LineReaderFactory.historyPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h/"])
        == "/h/.local/state/sos/history")
    #expect(LineReaderFactory.historyPath(environment: [:]) == nil)
  }

  @Test func plainUnlessBothEndsAreTerminals() {
    for (input, output) in [(false, false), (true, false), (false, true)] {
      let capabilities = TerminalCapabilities(
        inputIsTerminal: input, outputIsTerminal: output, colour: false)
      let reader = LineReaderFactory.make(capabilities: capabilities, historyPath: nil)
      #expect(reader is PlainLineReader)
      #expect(reader.isTerminal == false)
    }
  }
}
