import Foundation
import SOSStore

/// How a message names the command to type next. On the command line that is
/// `sos play ID`; inside the shell, whose prompt takes `list`, `play`, `resume` and
/// `sessions` itself, it is `play ID`. On the command line the resume hint also names
/// the `--db PATH` that was given, so that it works when copied and pasted.
struct CommandHints: Sendable {
  /// Whether the messages are shown inside the shell.
  var inShell: Bool
  /// The `--db` given on the command line, if any.
  var database: String?

  /// The shell's own commands, which it names without `sos`.
  static let shellCommands: Set<String> = ["list", "play", "resume", "sessions"]

  /// Hints for a command run from the command line.
  static func commandLine(_ database: DatabaseOptions) -> CommandHints {
    CommandHints(inShell: false, database: database.db)
  }

  /// Hints inside the shell: it already has the database open, so `--db` is not named.
  static let shell = CommandHints(inShell: true, database: nil)

  /// One of the shell's commands (`list`, `play ID`, `resume ID`, `sessions`), with
  /// `sos` before it on the command line.
  func command(_ words: String) -> String {
    inShell ? words : "sos " + words
  }

  /// The command that resumes a session (`ID` may also be a placeholder).
  func resume(_ id: String) -> String {
    guard !inShell, let database else { return command("resume \(id)") }
    return command("resume \(id) --db \(ShellWord.quote(database))")
  }

  /// A message written for the command line (`… see: sos sessions`), with the
  /// shell's own commands named as the shell takes them.
  func adapt(_ message: String) -> String {
    guard inShell else { return message }
    var adapted = message
    for name in Self.shellCommands.sorted() {
      adapted = adapted.replacingOccurrences(of: "sos \(name)", with: name)
    }
    return adapted
  }
}
