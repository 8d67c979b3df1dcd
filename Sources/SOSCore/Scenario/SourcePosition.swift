/// A 1-based line and column inside a scenario file, kept on the model so that
/// checks that run after decoding can still point at the right place.
public struct SourcePosition: Hashable, Sendable, Codable, Comparable {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, counted in Unicode scalars.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The start of a file.
  public static let start = SourcePosition(line: 1, column: 1)

  /// The same line, `offset` columns to the right.
  public func advanced(by offset: Int) -> SourcePosition {
    SourcePosition(line: line, column: column + offset)
  }

  /// This position inside the named file.
  public func location(in file: String) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// A value read from a scenario file together with where it was written.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The value.
  public var value: Value
  /// Where the value starts in the file.
  public var position: SourcePosition

  /// Creates a located value.
  public init(_ value: Value, at position: SourcePosition) {
    self.value = value
    self.position = position
  }
}
