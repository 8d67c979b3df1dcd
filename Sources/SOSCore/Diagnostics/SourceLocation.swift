/// A place in a file: a path and, where it is meaningful, a 1-based line and column.
///
/// Columns count Unicode scalars, as Yams' marks do.
public struct SourceLocation: Hashable, Sendable, Codable {
  /// The file as the user named it.
  public var file: String
  /// The 1-based line, or `nil` for a problem with the whole file.
  public var line: Int?
  /// The 1-based column, or `nil` for a problem with the whole file.
  public var column: Int?

  /// Creates a location.
  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `path:line:col`, or just `path` for a whole-file problem.
  public var text: String {
    guard let line else { return file }
    guard let column else { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }

  /// The same place moved right by `offset` columns on the same line.
  public func advanced(by offset: Int) -> SourceLocation {
    guard let column else { return self }
    return SourceLocation(file: file, line: line, column: column + offset)
  }
}
