// TEMPORARY: replaced by the real expression language when it lands.
public struct Expression: Hashable, Sendable {
  public var source: String
  public static func parse(_ source: String) -> Result<Expression, ExpressionError> {
    if source.isEmpty {
      return .failure(ExpressionError(kind: .syntax, message: "empty", offset: 0))
    }
    return .success(Expression(source: source))
  }
  public func check(in context: ExpressionContext) -> [ExpressionError] { [] }
}
public struct ExpressionError: Error, Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case syntax, type, unknownName }
  public var kind: Kind
  public var message: String
  public var offset: Int
  public var notes: [String] = []
}
public struct ExpressionContext: Hashable, Sendable {
  public var nodes: Set<String>, choices: Set<String>, tags: Set<String>, stakeholders: Set<String>,
    deadlines: Set<String>
  public var variables: [String: ValueType]
}
func suggestion(for name: String, among candidates: some Collection<String>) -> String? { nil }
