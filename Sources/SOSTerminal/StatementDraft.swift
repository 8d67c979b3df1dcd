/// A statement the trainee has started but not sent: the lines finished with Enter,
/// and what stood on the line being edited when reading stopped (a timeout). The play
/// loop keeps it across a timeout, so the trainee continues where they were instead
/// of starting again, and shows it when they leave without sending it.
public struct StatementDraft: Equatable, Sendable {
  /// The lines finished with Enter, in order.
  public var lines: [String]
  /// The text of the unfinished line; readline puts it back on the next prompt.
  public var partial: String

  /// A draft with these lines and unfinished text.
  public init(lines: [String] = [], partial: String = "") {
    self.lines = lines
    self.partial = partial
  }

  /// Nothing written yet (blank lines do not count).
  public var isEmpty: Bool {
    lines.allSatisfy { $0.allSatisfy(\.isWhitespace) } && partial.allSatisfy(\.isWhitespace)
  }

  /// The draft as it would be sent: the lines, and the unfinished one, joined with
  /// `"\n"`.
  public var text: String {
    (partial.isEmpty ? lines : lines + [partial]).joined(separator: "\n")
  }
}
