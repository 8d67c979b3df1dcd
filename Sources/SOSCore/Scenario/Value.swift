/// A value a scenario variable or an expression can hold.
public enum Value: Hashable, Sendable, Codable {
  case integer(Int)
  case boolean(Bool)
  case text(String)
  case duration(ClockDuration)

  /// The type of this value.
  public var type: ValueType {
    switch self {
    case .integer: return .integer
    case .boolean: return .boolean
    case .text: return .text
    case .duration: return .duration
    }
  }
}

/// The type of a ``Value``.
public enum ValueType: String, Hashable, Sendable, CaseIterable {
  case integer
  case boolean
  case text
  case duration

  /// The name used in diagnostics ("a number", "a boolean", ...).
  public var phrase: String {
    switch self {
    case .integer: return "a number"
    case .boolean: return "a boolean"
    case .text: return "a text"
    case .duration: return "a duration"
    }
  }
}

extension Value: CustomStringConvertible {
  public var description: String {
    switch self {
    case .integer(let number): return String(number)
    case .boolean(let flag): return flag ? "true" : "false"
    case .text(let text): return text
    case .duration(let duration): return duration.description
    }
  }
}
