import SOSCore

/// How a ``SessionInput`` is stored: a kind word and an optional text value, the same
/// in the `session_input` table and in session files.
public enum InputKind: String, CaseIterable, Sendable {
  case choose
  case write
  case timeout
  case undo
  /// A facilitator's manual inject, by id.
  case inject

  /// The kind and value that store `input`.
  public static func parts(of input: SessionInput) -> (kind: InputKind, value: String?) {
    switch input {
    case .choose(let option): return (.choose, String(option))
    case .write(let text): return (.write, text)
    case .timeout: return (.timeout, nil)
    case .undo: return (.undo, nil)
    case .inject(let id): return (.inject, id)
    }
  }

  /// Why a stored kind and value do not make an input.
  public enum Problem: Error, Equatable, Sendable {
    case unknownKind(String)
    case badOptionNumber(String?)
    case missingText
    case missingInject
  }

  /// The input that `kind` and `value` stand for.
  public static func input(kind: String, value: String?) -> Result<SessionInput, Problem> {
    guard let known = InputKind(rawValue: kind) else { return .failure(.unknownKind(kind)) }
    switch known {
    case .choose:
      guard let value, let option = optionNumber(value) else {
        return .failure(.badOptionNumber(value))
      }
      return .success(.choose(option))
    case .write:
      guard let value else { return .failure(.missingText) }
      return .success(.write(value))
    case .timeout:
      return .success(.timeout)
    case .undo:
      return .success(.undo)
    case .inject:
      guard let value, !value.isEmpty else { return .failure(.missingInject) }
      return .success(.inject(value))
    }
  }

  /// A positive decimal option number with no sign or spaces, or `nil`.
  static func optionNumber(_ text: String) -> Int? {
    guard !text.isEmpty, text.utf8.count <= 9,
      text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      let number = Int(text), number > 0
    else { return nil }
    return number
  }

  /// Words for a problem, for error messages.
  public static func describe(_ problem: Problem) -> String {
    switch problem {
    case .unknownKind(let kind):
      return "unknown kind '\(kind)' (expected choose, write, timeout, undo or inject)"
    case .badOptionNumber(let value):
      if let value { return "'\(value)' is not a positive option number" }
      return "a choose input has no option number"
    case .missingText:
      return "a write input has no text"
    case .missingInject:
      return "an inject input does not name its inject"
    }
  }
}
