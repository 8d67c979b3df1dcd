import SOSCore

/// Why a session file cannot be used, with where in the file, rendered like a
/// compiler's diagnostic: `FILE:LINE:COL: error: …` or `FILE: error: …`.
public struct SessionFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public enum Problem: Hashable, Sendable {
    /// The file does not exist.
    case notFound
    /// The file cannot be read (a reason such as "permission denied").
    case unreadable(String)
    /// The file is larger than ``SessionFile/maximumByteCount``.
    case tooLarge(byteCount: Int)
    /// The file is empty or only white space.
    case empty
    /// The file is not valid JSON; the location has the line and column.
    case syntax(String)
    /// A required field is absent (its path, such as `inputs[2].kind`).
    case missingField(String)
    /// A field has the wrong JSON type (empty path: the file is not a JSON object).
    case wrongType(field: String, expected: String)
    /// A field has the right type but a value that cannot be used.
    case invalidValue(field: String, reason: String)
    /// The file's `format` is not one this version reads.
    case unsupportedFormat(Int)
    /// The scenario text's SHA-256 is not the one recorded beside it.
    case scenarioHashMismatch
    /// `inputs[position]` has sequence `found` instead of `position`.
    case sequenceGap(position: Int, found: Int)
    /// The scenario text in the file does not load, or is another scenario (the reason).
    case scenarioUnusable(String)
    /// An input does not replay on the file's scenario (which one, and why).
    case inputRefused(String)
    /// The file says the session is finished, but its inputs stop before an ending.
    case endsEarly(node: String)
  }

  /// The file and, for syntax errors, the line and column.
  public var location: SourceLocation
  /// What is wrong.
  public var problem: Problem

  /// Creates an error.
  public init(_ problem: Problem, at location: SourceLocation) {
    self.problem = problem
    self.location = location
  }

  /// The problem in words, without the location.
  public var reason: String {
    switch problem {
    case .notFound:
      return "no such file"
    case .unreadable(let reason):
      return "cannot read the file: \(reason)"
    case .tooLarge(let byteCount):
      let tenths = byteCount / (1 << 20 / 10)
      let limit = SessionFile.maximumByteCount >> 20
      return "file is \(tenths / 10).\(tenths % 10) MiB; session files are limited to \(limit) MiB"
    case .empty:
      return "file is empty"
    case .syntax(let reason):
      return "invalid JSON: \(reason)"
    case .missingField(let field):
      return "missing field '\(field)'"
    case .wrongType(let field, let expected):
      if field.isEmpty { return "not a session file: expected \(expected)" }
      return "wrong type for '\(field)': expected \(expected)"
    case .invalidValue(let field, let reason):
      return "invalid value for '\(field)': \(reason)"
    case .unsupportedFormat(let format):
      return
        "unsupported session file format \(format); this sos reads format \(SessionFile.currentFormat)"
    case .scenarioHashMismatch:
      return "scenario text does not match its sha256; the file was altered"
    case .sequenceGap(let position, let found):
      return
        "inputs[\(position)] has sequence \(found); expected \(position) (inputs are numbered 0, 1, 2, … without gaps)"
    case .scenarioUnusable(let reason):
      return reason
    case .inputRefused(let reason):
      return reason
    case .endsEarly(let node):
      return
        "the file says the session is finished, but its inputs stop before an ending (at '\(node)')"
    }
  }

  /// `FILE:LINE:COL: error: reason`, or `FILE: error: reason` for a whole-file problem.
  public var message: String { "\(location.text): error: \(reason)" }

  public var description: String { message }
}
