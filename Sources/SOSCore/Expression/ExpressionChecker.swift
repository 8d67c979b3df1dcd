extension Expression {
  /// The problems that make this expression unusable as a condition in `context`:
  /// unknown names (with a "did you mean"), and types that do not fit. Empty when the
  /// expression is a well-typed condition.
  public func check(in context: ExpressionContext) -> [ExpressionError] {
    var checker = ExpressionChecker(context: context)
    if let type = checker.type(of: self), type != .boolean {
      checker.problem(
        .type,
        "a condition must be true or false, but this is \(type.phrase)",
        at: offset, notes: ExpressionChecker.conditionHint(for: self))
    }
    return checker.problems
  }
}

/// Infers the type of each part of an expression and records what does not fit.
struct ExpressionChecker {
  let context: ExpressionContext
  private(set) var problems: [ExpressionError] = []

  init(context: ExpressionContext) {
    self.context = context
  }

  mutating func problem(
    _ kind: ExpressionError.Kind, _ message: String, at offset: Int, notes: [String] = []
  ) {
    problems.append(ExpressionError(kind: kind, message: message, offset: offset, notes: notes))
  }

  /// The type of `expression`, or `nil` when a problem inside it was already reported.
  mutating func type(of expression: Expression) -> ValueType? {
    switch expression.kind {
    case .literal(let value):
      return value.type
    case .elapsed:
      return .duration
    case .variable(let name):
      if let type = context.variables[name] { return type }
      problem(
        .unknownName, unknownVariableMessage(name), at: expression.offset,
        notes: unknownVariableNotes(name))
      return nil
    case .call(let function, let argument, let argumentOffset):
      let names = context.names(for: function)
      if !names.contains(argument) {
        var message = "unknown \(function.argumentPhrase) '\(argument)' in \(function.rawValue)()"
        if let guess = suggestion(for: argument, among: names) {
          message += "; did you mean '\(guess)'?"
        }
        var notes: [String] = []
        if function == .tagged, names.isEmpty {
          notes.append("no choice or inject in this scenario sets a tag")
        }
        if function == .statement, names.isEmpty {
          notes.append("no option in this scenario asks for a typed statement ('write')")
        }
        problem(.unknownName, message, at: argumentOffset, notes: notes)
      }
      return function == .statement ? .integer : .boolean
    case .statementMet(let statement, let statementOffset, let criterion, let criterionOffset):
      guard let criteria = context.statements[statement] else {
        var message = "unknown statement '\(statement)' in statement()"
        if let guess = suggestion(for: statement, among: context.statements.keys) {
          message += "; did you mean '\(guess)'?"
        }
        problem(.unknownName, message, at: statementOffset)
        return .boolean
      }
      if !criteria.contains(criterion) {
        var message = "statement '\(statement)' has no criterion '\(criterion)'"
        if let guess = suggestion(for: criterion, among: criteria) {
          message += "; did you mean '\(guess)'?"
        }
        problem(
          .unknownName, message, at: criterionOffset,
          notes: ["its criteria are " + criteria.sorted().joined(separator: ", ")])
      }
      return .boolean
    case .not(let operand):
      expectBoolean(operand, role: "'not'")
      return .boolean
    case .and(let left, let right):
      expectBoolean(left, role: "'and'")
      expectBoolean(right, role: "'and'")
      return .boolean
    case .or(let left, let right):
      expectBoolean(left, role: "'or'")
      expectBoolean(right, role: "'or'")
      return .boolean
    case .compare(let comparison, let left, let right):
      let leftType = type(of: left)
      let rightType = type(of: right)
      guard let leftType, let rightType else { return .boolean }
      if leftType != rightType {
        var notes: [String] = []
        if Set([leftType, rightType]) == [.integer, .duration] {
          notes.append("write durations with a unit, as in 'elapsed > 2h' or 'elapsed >= 0m'")
        }
        problem(
          .type,
          "cannot compare \(leftType.phrase) with \(rightType.phrase) using '\(comparison.rawValue)'",
          at: right.offset, notes: notes)
      } else if comparison.isOrdering, leftType != .integer, leftType != .duration {
        problem(
          .type,
          "'\(comparison.rawValue)' orders numbers and durations, not \(leftType.phrase)s; use '==' or '!='"
            .replacingOccurrences(of: "a text", with: "text").replacingOccurrences(
              of: "a boolean", with: "boolean"),
          at: left.offset)
      }
      return .boolean
    }
  }

  private mutating func expectBoolean(_ operand: Expression, role: String) {
    guard let type = type(of: operand), type != .boolean else { return }
    problem(
      .type, "\(role) needs a condition (true or false), but this is \(type.phrase)",
      at: operand.offset, notes: Self.conditionHint(for: operand))
  }

  /// A hint for a bare number or duration where a condition belongs.
  static func conditionHint(for expression: Expression) -> [String] {
    switch expression.kind {
    case .variable(let name): return ["compare it, as in '\(name) > 10'"]
    case .elapsed: return ["compare it, as in 'elapsed >= 2h'"]
    default: return []
    }
  }

  private func unknownVariableMessage(_ name: String) -> String {
    if let function = ExpressionFunction(rawValue: name) {
      return "'\(name)' is a function; write \(name)(\(function.argumentPhrase)-id)"
    }
    var message = "unknown state variable '\(name)'"
    if let guess = suggestion(for: name, among: context.variables.keys) {
      message += "; did you mean '\(guess)'?"
    }
    return message
  }

  /// Points an author who wrote a bare id at the function that tests it.
  private func unknownVariableNotes(_ name: String) -> [String] {
    guard ExpressionFunction(rawValue: name) == nil else { return [] }
    for function in ExpressionFunction.allCases where context.names(for: function).contains(name) {
      return ["'\(name)' is a \(function.argumentPhrase); write \(function.rawValue)(\(name))"]
    }
    if context.variables.isEmpty {
      return ["declare state variables under 'state' with their initial values"]
    }
    return []
  }
}
