import SOSTerminal
import Testing

@Suite struct TerminalCapabilitiesTests {
  @Test func noColorTurnsColourOff() {
    // Under `swift test` stdout is not a terminal, so colour is off either way; the
    // environment rule itself is checked through errorColour with a forced flag.
    #expect(!SOSTerminal.TerminalCapabilities.errorColour(noColorFlag: true, environment: [:]))
  }
}
