import Testing

@testable import SOSTerminal

/// Tab in the shell: each position offers what fits there, and nothing already typed.
@Suite struct ShellCompletionTests {
  static let scenarios = ["data-breach", "no-chicken"]
  static let sessions = ["94821a8d", "f4315f23"]

  func complete(_ line: String) -> [String] {
    let word = line.last?.isWhitespace ?? true ? "" : String(line.split(separator: " ").last ?? "")
    return Shell.completions(
      line: line, word: word, scenarios: Self.scenarios, sessions: Self.sessions)
  }

  @Test func commandsFirst() {
    #expect(complete("") == Shell.commands)
    #expect(complete("re") == ["resume"])
  }

  @Test func resumeOffersOneSessionIdAndNothingAfterIt() {
    #expect(complete("resume ") == Self.sessions)
    #expect(complete("resume 9") == ["94821a8d"])
    // Readline adds a space after a whole completion; Tab again must not repeat it.
    #expect(complete("resume 94821a8d ") == [])
    #expect(complete("resume 94821a8d f") == [])
  }

  @Test func playOffersAScenarioThenTheOptionsNotYetGiven() {
    #expect(complete("play ") == Self.scenarios)
    #expect(complete("play no") == ["no-chicken"])
    #expect(complete("play no-chicken ") == ["practice", "timed"])
    #expect(complete("play no-chicken practice ") == ["timed"])
    #expect(complete("play no-chicken timed ") == ["practice"])
    #expect(complete("play no-chicken assessment ") == ["timed"])
    #expect(complete("play no-chicken timed practice ") == [])
  }

  @Test func otherCommandsTakeNoWords() {
    #expect(complete("list ") == [])
    #expect(complete("sessions 9") == [])
  }
}
