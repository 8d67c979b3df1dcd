import Foundation
import SOSTerminal

/// A one-line note on standard error of where a long command is (`sos analyze`:
/// "exploring… 131,072 states"), rewritten in place and cleared before the command's
/// output. Shown only when standard error is a terminal that can erase a line, so
/// scripts, pipes, CI logs and `TERM=dumb` see nothing of it.
struct StatusLine {
  let isShown: Bool

  init(environment: [String: String]) {
    isShown = isatty(2) == 1 && environment["TERM"] != "dumb"
  }

  /// Replaces the line with `text`.
  func show(_ text: String) {
    guard isShown else { return }
    FileHandle.standardError.write(Data(("\r" + Sanitizer.output(text) + "\u{1B}[K").utf8))
  }

  /// Erases the line, leaving the cursor at its start.
  func clear() {
    guard isShown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
