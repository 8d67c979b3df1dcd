import Foundation

/// What a trainee typed at a choice prompt.
public enum PromptCommand: Hashable, Sendable {
  /// An option number.
  case choose(Int)
  case status
  case timeline
  case stakeholders
  case help
  case hint
  case undo
  /// Save and leave.
  case quit
  /// Nothing typed.
  case empty
  /// Something that is neither a number nor a command.
  case unknown(String)

  /// The commands a choice prompt understands, for help and tab completion.
  public static let words = ["status", "timeline", "stakeholders", "help", "hint", "undo", "quit"]

  /// Reads one line typed at a choice prompt. Case and surrounding spaces do not
  /// matter; `q`, `exit` and `?` are accepted as the obvious aliases.
  public init(parsing line: String) {
    let word = line.trimmingCharacters(in: .whitespaces).lowercased()
    if word.isEmpty {
      self = .empty
      return
    }
    if word.allSatisfy({ $0.isASCII && $0.isNumber }) {
      // A number too long for an Int is still a number: out of range, not garbage.
      self = .choose(Int(word) ?? Int.max)
      return
    }
    switch word {
    case "status", "s": self = .status
    case "timeline", "t": self = .timeline
    case "stakeholders", "who": self = .stakeholders
    case "help", "?", "h": self = .help
    case "hint": self = .hint
    case "undo", "u": self = .undo
    case "quit", "q", "exit", "save": self = .quit
    default: self = .unknown(line)
    }
  }
}
