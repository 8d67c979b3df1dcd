/// An expression as written in a scenario file: its text, where the text starts, and
/// the parsed form.
public struct ScenarioExpression: Hashable, Sendable {
  /// The expression's source text.
  public var source: String
  /// The parsed expression.
  public var expression: Expression
  /// The file position of the first character of ``source``.
  public var position: SourcePosition

  /// Creates an expression from already-parsed parts.
  public init(source: String, expression: Expression, position: SourcePosition = .start) {
    self.source = source
    self.expression = expression
    self.position = position
  }

  /// Parses `source` for use in tests and tools; `nil` if it does not parse.
  public init?(_ source: String) {
    guard case .success(let expression) = Expression.parse(source) else { return nil }
    self.init(source: source, expression: expression)
  }
}
