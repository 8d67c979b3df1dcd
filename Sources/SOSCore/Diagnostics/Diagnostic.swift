/// A problem found in a scenario file, in the shape compilers use.
///
/// Diagnostics are values: the core produces them and never prints; a renderer in the
/// shell turns them into `path:line:col: error: message` lines, JSON, or colour.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    /// The file cannot be used.
    case error
    /// The file can be used, but something is probably not what the author meant.
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  /// Whether this is an error or a warning.
  public var severity: Severity
  /// A stable code such as `SOS013`, documented in the authoring guide.
  public var code: DiagnosticCode
  /// The problem in words, starting in lower case, with no final full stop.
  public var message: String
  /// Where the problem is.
  public var location: SourceLocation
  /// Further lines of explanation ("did you mean …", "first defined here").
  public var notes: [String]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity,
    _ code: DiagnosticCode,
    _ message: String,
    at location: SourceLocation,
    notes: [String] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }

  /// `path:line:col: error: message [SOS013]`, the first line of the rendered form.
  public var headline: String {
    "\(location.text): \(severity.rawValue): \(message) [\(code.rawValue)]"
  }
}
