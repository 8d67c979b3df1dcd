/// Why the engine refused an input. The state is unchanged when it does.
public enum EngineError: Error, Hashable, Sendable {
  /// Play is over.
  case finished
  /// The option number is not among those offered.
  case noSuchOption(Int, offered: Int)
  /// A statement is expected, not a choice.
  case statementExpected
  /// A choice is expected, not a statement.
  case choiceExpected
  /// Undo is only for practice mode.
  case undoNotAllowed
  /// There is no decision to take back.
  case nothingToUndo
  /// A timeout came from a session that is not timed.
  case notTimed
  /// A log says option `number` was `recorded`, but in replay it is `offered`: the
  /// log or the scenario was changed.
  case optionMismatch(Int, recorded: String, offered: String)
  /// A statement far longer than its channel allows (``WriteTask/generousBound``).
  case statementTooLong(characters: Int, bound: Int)
  /// No manual inject has this id.
  case noSuchInject(String)
  /// This manual inject has already fired in this session.
  case injectAlreadyFired(String)
  /// A statement with a control character (NUL, ESC, …) other than a line break or tab.
  case controlCharacterInStatement(UInt32)

  /// The refusal in words, for the prompt.
  public var message: String {
    switch self {
    case .finished: return "this session has ended"
    case .noSuchOption(let number, let offered):
      return offered == 1
        ? "there is no option \(number); the only option is 1"
        : "there is no option \(number); choose 1 to \(offered)"
    case .statementExpected: return "type your statement first"
    case .choiceExpected: return "choose an option by its number"
    case .undoNotAllowed: return "undo is only available in practice mode"
    case .nothingToUndo: return "there is nothing to undo yet"
    case .notTimed: return "this session is not timed"
    case .optionMismatch(let number, let recorded, let offered):
      return
        "the log says option \(number) was '\(recorded)', but it replays as '\(offered)'"
    case .noSuchInject(let id):
      return "this scenario has no manual inject '\(id)'"
    case .injectAlreadyFired(let id):
      return "the inject '\(id)' has already reached this session"
    case .statementTooLong(let characters, let bound):
      return
        "a statement of \(characters) characters is far beyond what this channel takes"
        + " (\(bound) at most); shorten it"
    case .controlCharacterInStatement(let value):
      let hex = String(value, radix: 16, uppercase: true)
      return
        "a statement cannot hold control characters (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex));"
        + " type it again without them"
    }
  }
}
