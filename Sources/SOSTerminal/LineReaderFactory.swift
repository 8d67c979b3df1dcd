/// Chooses how to read input: readline only when both standard input and standard
/// output are terminals (on a pipe readline would echo the prompt and the input, and
/// complete on tabs in the data), plain lines otherwise.
public enum LineReaderFactory {
  /// A reader for this process.
  ///
  /// - Parameters:
  ///   - capabilities: What the terminal can do; colour also colours the countdown.
  ///   - historyPath: The readline history file (see ``historyPath(environment:)``),
  ///     or `nil` for none.
  public static func make(capabilities: TerminalCapabilities, historyPath: String?)
    -> any LineReader
  {
    guard capabilities.inputIsTerminal, capabilities.outputIsTerminal else {
      return PlainLineReader()
    }
    return ReadlineLineReader(
      historyPath: historyPath, palette: Palette(capabilities: capabilities))
  }

  /// `$XDG_STATE_HOME/sos/history`, else `~/.local/state/sos/history`, or `nil`
  /// without a home folder. A relative `XDG_STATE_HOME` is ignored, as the XDG Base
  /// Directory specification asks.
  public static func historyPath(environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/sos/history"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.local/state/sos/history"
    }
    return nil
  }
}
