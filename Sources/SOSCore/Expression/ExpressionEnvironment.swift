/// What an expression can ask about a session. The engine answers from its state;
/// tools answer from whatever they are exploring.
public protocol ExpressionEnvironment {
  /// The current value of a state variable, if it exists.
  func value(of variable: String) -> Value?
  func visited(_ node: String) -> Bool
  func chose(_ choice: String) -> Bool
  func tagged(_ tag: String) -> Bool
  func contacted(_ stakeholder: String) -> Bool
  func met(_ deadline: String) -> Bool
  /// The simulated clock.
  var elapsed: ClockDuration { get }
  /// The score of a typed statement, once written.
  func statementScore(_ statement: String) -> Int?
  /// Whether a typed statement met a criterion (`next-update`, a `must` fact's id,
  /// `avoid:ID`).
  func statementMet(_ statement: String, criterion: String) -> Bool
}

extension ExpressionEnvironment {
  /// No statements: tools exploring a scenario without play know none.
  public func statementScore(_ statement: String) -> Int? { nil }
  /// No statements: tools exploring a scenario without play know none.
  public func statementMet(_ statement: String, criterion: String) -> Bool { false }
}

extension Expression {
  /// Whether the expression holds. A value that is not `true` (including one that
  /// cannot be computed because a variable is missing) counts as not holding.
  public func isTrue(in environment: some ExpressionEnvironment) -> Bool {
    evaluate(in: environment) == .boolean(true)
  }

  /// The value of the expression, or `nil` when a variable is missing or the types do
  /// not fit (which validation rules out for a loaded scenario).
  public func evaluate(in environment: some ExpressionEnvironment) -> Value? {
    switch kind {
    case .literal(let value):
      return value
    case .variable(let name):
      return environment.value(of: name)
    case .elapsed:
      return .duration(environment.elapsed)
    case .call(let function, let argument, _):
      switch function {
      case .visited: return .boolean(environment.visited(argument))
      case .chose: return .boolean(environment.chose(argument))
      case .tagged: return .boolean(environment.tagged(argument))
      case .contacted: return .boolean(environment.contacted(argument))
      case .met: return .boolean(environment.met(argument))
      case .statement: return environment.statementScore(argument).map(Value.integer)
      }
    case .statementMet(let statement, _, let criterion, _):
      return .boolean(environment.statementMet(statement, criterion: criterion))
    case .not(let operand):
      guard case .boolean(let flag) = operand.evaluate(in: environment) else { return nil }
      return .boolean(!flag)
    case .and(let left, let right):
      guard case .boolean(let first) = left.evaluate(in: environment) else { return nil }
      if !first { return .boolean(false) }
      guard case .boolean(let second) = right.evaluate(in: environment) else { return nil }
      return .boolean(second)
    case .or(let left, let right):
      guard case .boolean(let first) = left.evaluate(in: environment) else { return nil }
      if first { return .boolean(true) }
      guard case .boolean(let second) = right.evaluate(in: environment) else { return nil }
      return .boolean(second)
    case .compare(let comparison, let left, let right):
      guard let first = left.evaluate(in: environment),
        let second = right.evaluate(in: environment)
      else { return nil }
      return Self.compare(first, comparison, second).map(Value.boolean)
    }
  }

  static func compare(_ left: Value, _ comparison: ComparisonOperator, _ right: Value) -> Bool? {
    switch (left, right) {
    case (.integer(let a), .integer(let b)): return order(a, comparison, b)
    case (.duration(let a), .duration(let b)): return order(a, comparison, b)
    case (.boolean(let a), .boolean(let b)): return equality(a, comparison, b)
    case (.text(let a), .text(let b)): return equality(a, comparison, b)
    default: return nil
    }
  }

  private static func order<T: Comparable>(_ a: T, _ comparison: ComparisonOperator, _ b: T)
    -> Bool
  {
    switch comparison {
    case .equal: return a == b
    case .notEqual: return a != b
    case .lessThan: return a < b
    case .lessThanOrEqual: return a <= b
    case .greaterThan: return a > b
    case .greaterThanOrEqual: return a >= b
    }
  }

  private static func equality<T: Equatable>(_ a: T, _ comparison: ComparisonOperator, _ b: T)
    -> Bool?
  {
    switch comparison {
    case .equal: return a == b
    case .notEqual: return a != b
    default: return nil
    }
  }
}
