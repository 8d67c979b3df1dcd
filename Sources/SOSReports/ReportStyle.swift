/// How a text report marks headings, good and bad news: colour on a terminal, nothing
/// in a file. The terminal's palette conforms; ``PlainStyle`` leaves text alone.
public protocol ReportStyle: Sendable {
  func heading(_ text: String) -> String
  func emphasis(_ text: String) -> String
  func dim(_ text: String) -> String
  func good(_ text: String) -> String
  func warning(_ text: String) -> String
  func danger(_ text: String) -> String
  func feedback(_ text: String) -> String
  func clock(_ text: String) -> String
}

/// No marking at all: for files, pipes and `NO_COLOR`.
public struct PlainStyle: ReportStyle {
  /// Creates the plain style.
  public init() {}

  public func heading(_ text: String) -> String { text }
  public func emphasis(_ text: String) -> String { text }
  public func dim(_ text: String) -> String { text }
  public func good(_ text: String) -> String { text }
  public func warning(_ text: String) -> String { text }
  public func danger(_ text: String) -> String { text }
  public func feedback(_ text: String) -> String { text }
  public func clock(_ text: String) -> String { text }
}
