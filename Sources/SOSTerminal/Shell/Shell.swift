import Foundation
import SOSCore

/// What the interactive shell can do; the `sos` executable provides it, so the shell
/// itself touches neither files nor the database.
public protocol ShellActions: AnyObject {
  /// The scenario catalogue as text.
  func list() -> String
  /// Ids of the playable scenarios, for completion and hints.
  func scenarioIDs() -> [String]
  /// Short ids of the unfinished sessions, for completion.
  func sessionIDs() -> [String]
  /// The sessions as text.
  func sessions() -> String
  /// Plays a scenario; returns when play stops (errors already reported).
  func play(_ scenario: String, mode: SessionOptions.Mode, timed: Bool)
  /// Resumes a session, or the latest unfinished one.
  func resume(_ session: String?)
}

/// The `sos` shell: a short banner, then `list`, `play ID`, `resume [ID]`,
/// `sessions`, `help` and `quit` at an `sos> ` prompt.
public final class Shell {
  let reader: any LineReader
  let output: TerminalOutput
  let palette: Palette
  let actions: any ShellActions
  let width: Int

  /// The shell's commands, for help and completion.
  public static let commands = ["list", "play", "resume", "sessions", "help", "quit"]

  /// Creates a shell.
  public init(
    reader: any LineReader, output: TerminalOutput, palette: Palette, width: Int = 80,
    actions: any ShellActions
  ) {
    self.width = width
    self.reader = reader
    self.output = output
    self.palette = palette
    self.actions = actions
  }

  func show(_ text: String) {
    output.write(text)
  }

  /// Runs until `quit` or the end of input.
  public func run() {
    show(
      palette.heading("SOS — crisis in service") + "\n"
        + TextWrapper(width: width).wrap(
          "Play crisis scenarios on a simulated clock. Type 'list' to see them,"
            + " 'play ID' to start one, 'help' for more.") + "\n")
    while true {
      installCompletion()
      let event = reader.readLine(prompt: "sos> ", deadline: nil)
      if !reader.isTerminal { show("\n") }
      switch event {
      case .endOfInput, .interrupted:
        show("Goodbye.\n")
        return
      case .timedOut:
        continue
      case .tooLong(let bytes):
        show(LineEvent.tooLongMessage(bytes: bytes))
      case .line(let line):
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let command = words.first?.lowercased() else { continue }
        reader.addHistory(line.trimmingCharacters(in: .whitespaces))
        if !perform(command, Array(words.dropFirst())) {
          show("Goodbye.\n")
          return
        }
      }
    }
  }

  /// Carries out one command; `false` to leave the shell.
  func perform(_ command: String, _ arguments: [String]) -> Bool {
    switch command {
    case "list", "ls":
      show(actions.list())
    case "play":
      play(arguments)
    case "resume":
      actions.resume(arguments.first)
    case "sessions":
      show(actions.sessions())
    case "help", "?":
      show(Self.help)
    case "quit", "exit", "q":
      return false
    default:
      let shown = Sanitizer.singleLine(command)
      let quoted = shown.count > 30 ? String(shown.prefix(30)) + "…" : shown
      if actions.scenarioIDs().contains(command) {
        show("To play it, type: play \(command)\n")
      } else if let guess = suggestion(for: command, among: Self.commands) {
        show(
          "Unknown command '\(quoted)'. Did you mean '\(guess)'? Type 'help' for the commands.\n")
      } else {
        show("Unknown command '\(quoted)'. Type 'help' for the commands.\n")
      }
    }
    return true
  }

  func play(_ arguments: [String]) {
    guard let id = arguments.first else {
      show("Which scenario? Type 'play ID' with an id from 'list'.\n")
      return
    }
    var mode = SessionOptions.Mode.assessment
    var timed = false
    for word in arguments.dropFirst() {
      switch word.lowercased() {
      case "practice", "--practice": mode = .practice
      case "assessment", "--assessment": mode = .assessment
      case "timed", "--timed": timed = true
      default:
        show(
          "Unknown play option '\(Sanitizer.singleLine(word))'; use practice, assessment or timed.\n"
        )
        return
      }
    }
    actions.play(id, mode: mode, timed: timed)
  }

  func installCompletion() {
    let scenarios = actions.scenarioIDs()
    let sessions = actions.sessionIDs()
    reader.completer = { line, word in
      Self.completions(line: line, word: word, scenarios: scenarios, sessions: sessions)
    }
  }

  /// What Tab offers for `word`, the last word of `line` (the text up to the
  /// cursor): a command first, then a scenario id after `play` and the play options
  /// not yet given, and one session id after `resume`. Nothing is offered where the
  /// command takes no more words, so Tab never repeats what is already typed.
  static func completions(
    line: String, word: String, scenarios: [String], sessions: [String]
  ) -> [String] {
    let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
    // The position of the word being completed: a trailing space starts a new one.
    let position = line.last.map(\.isWhitespace) ?? true ? words.count : words.count - 1
    let typed = words.prefix(position).map { $0.lowercased() }
    let offered: [String]
    switch (typed.first, position) {
    case (_, 0): offered = commands
    case ("play", 1): offered = scenarios
    case ("play", _):
      let given = Set(typed.dropFirst(2))
      // Practice and assessment are one choice: once either is given, neither again.
      let modeGiven = !given.isDisjoint(with: ["practice", "assessment"])
      offered = ["practice", "timed"].filter {
        !given.contains($0) && !($0 == "practice" && modeGiven)
      }
    case ("resume", 1): offered = sessions
    default: offered = []
    }
    return offered.filter { $0.hasPrefix(word) }
  }

  static let help = """
      list                     the scenarios you can play
      play ID                  play a scenario (add 'practice' for hints and undo,
                               'timed' for a time limit on each decision)
      resume [ID]              continue a saved session (the latest if no id)
      sessions                 your sessions and their scores
      help                     this list
      quit                     leave (Ctrl-D too)

    """
}
