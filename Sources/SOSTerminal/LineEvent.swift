/// What came of asking the person (or the script) for a line.
public enum LineEvent: Sendable, Equatable {
  /// A line, without its line break. From ``LineReader/readLine(prompt:deadline:)``
  /// it never holds a newline; from ``LineReader/readStatement(prompt:limit:deadline:)``
  /// it may.
  case line(String)
  /// No more input: Ctrl-D on an empty line, or the end of a pipe or file.
  case endOfInput
  /// The deadline passed before the line was finished.
  case timedOut
  /// SIGINT (Ctrl-C) arrived while reading plain lines. On a terminal Ctrl-C only
  /// clears the line, so a ``ReadlineLineReader`` never returns this.
  case interrupted
}
