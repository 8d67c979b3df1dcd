/// A parsed condition from a scenario file, as used by `when`, `unless`, `met` and
/// conditional `goto`.
///
/// The language is small and safe: literals (whole numbers, `true`/`false`, durations
/// such as `2h30m`, quoted texts), state variables, `elapsed` (the simulated clock),
/// comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`), `and`, `or`, `not`, parentheses,
/// and the functions `visited(node)`, `chose(choice)`, `tagged(tag)`,
/// `contacted(stakeholder)`, `met(deadline)`, `statement(id)` (a typed statement's
/// score, 0–100) and `statement(id).met(criterion)`. It never evaluates host code.
///
/// ```swift
/// let parsed = try Expression.parse("contacted(regulator) and elapsed <= 72h").get()
/// let problems = parsed.check(in: scenario.expressionContext)  // [] when well typed
/// let holds = parsed.isTrue(in: environment)
/// ```
public struct Expression: Hashable, Sendable {
  /// What the expression is.
  public var kind: Kind
  /// The offset of its first character in the source, in Unicode scalars.
  public var offset: Int
  /// Its length in the source, in Unicode scalars.
  public var length: Int

  /// Creates an expression node.
  public init(_ kind: Kind, offset: Int = 0, length: Int = 0) {
    self.kind = kind
    self.offset = offset
    self.length = length
  }

  /// The forms an expression can take.
  public indirect enum Kind: Hashable, Sendable {
    /// A number, boolean, duration or text written in the source.
    case literal(Value)
    /// A state variable, by name.
    case variable(String)
    /// The simulated clock: the time since T+0.
    case elapsed
    /// A question about the session, such as `visited(first-hour)`.
    case call(ExpressionFunction, argument: String, argumentOffset: Int)
    /// Whether a typed statement met a criterion: `statement(first-post).met(next-update)`.
    case statementMet(
      statement: String, statementOffset: Int, criterion: String, criterionOffset: Int)
    /// Logical negation.
    case not(Expression)
    /// Both hold.
    case and(Expression, Expression)
    /// Either holds.
    case or(Expression, Expression)
    /// A comparison of two values of one type.
    case compare(ComparisonOperator, Expression, Expression)
  }

  /// Parses an expression's source text.
  public static func parse(_ source: String) -> Result<Expression, ExpressionError> {
    var parser = ExpressionParser(source: source)
    return parser.parseWhole()
  }
}

/// A function of the expression language: each asks one question of the session.
public enum ExpressionFunction: String, Hashable, Sendable, CaseIterable {
  /// Whether play has entered the node.
  case visited
  /// Whether the trainee took the choice.
  case chose
  /// Whether a taken choice or a fired inject carried the tag.
  case tagged
  /// Whether the stakeholder has heard from the trainee.
  case contacted
  /// Whether the deadline has been met.
  case met
  /// The score (0–100) of a typed statement; no value until it is written.
  case statement

  /// What the argument names, in words ("a node", "a stakeholder").
  public var argumentPhrase: String {
    switch self {
    case .visited: return "node"
    case .chose: return "choice"
    case .tagged: return "tag"
    case .contacted: return "stakeholder"
    case .met: return "deadline"
    case .statement: return "statement"
    }
  }
}

/// A comparison between two values of the same type.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case lessThan = "<"
  case lessThanOrEqual = "<="
  case greaterThan = ">"
  case greaterThanOrEqual = ">="

  /// The operator with its sides swapped: `a < b` is `b > a`.
  var mirrored: ComparisonOperator {
    switch self {
    case .equal, .notEqual: return self
    case .lessThan: return .greaterThan
    case .lessThanOrEqual: return .greaterThanOrEqual
    case .greaterThan: return .lessThan
    case .greaterThanOrEqual: return .lessThanOrEqual
    }
  }

  /// Whether the operator orders values (and so needs numbers or durations).
  public var isOrdering: Bool {
    switch self {
    case .equal, .notEqual: return false
    default: return true
    }
  }
}

/// Why an expression cannot be used, and where in its source the problem starts.
public struct ExpressionError: Error, Hashable, Sendable {
  /// The family of problem, which decides the diagnostic code.
  public enum Kind: Hashable, Sendable {
    /// The text does not parse.
    case syntax
    /// The types do not fit.
    case type
    /// A name that the scenario does not declare.
    case unknownName
  }

  public var kind: Kind
  /// The problem in words, starting in lower case.
  public var message: String
  /// The offset in the expression's source, in Unicode scalars.
  public var offset: Int
  /// Further explanation or a suggestion.
  public var notes: [String]

  /// Creates an error.
  public init(kind: Kind, message: String, offset: Int, notes: [String] = []) {
    self.kind = kind
    self.message = message
    self.offset = offset
    self.notes = notes
  }
}
