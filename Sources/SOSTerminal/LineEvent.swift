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
  /// A line longer than ``LineEvent/maximumLineBytes`` arrived (a runaway paste or a
  /// file without line breaks): it was read to its end and not used, and the caller
  /// says so instead of acting on a piece of it.
  case tooLong(bytes: Int)

  /// The longest line a reader hands out: 1 MiB of UTF-8.
  public static let maximumLineBytes = 1 << 20

  /// What to tell the person about a line that was too long.
  public static func tooLongMessage(bytes: Int) -> String {
    let tenths = bytes * 10 / (1 << 20)
    let size = tenths < 100 ? "\(tenths / 10).\(tenths % 10)" : "\(tenths / 10)"
    return "That line was \(size) MiB long, over the 1 MiB a line may hold;"
      + " it was not used and nothing was sent. Type a shorter one.\n"
  }
}
