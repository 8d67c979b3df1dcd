/// An ``Expression`` compiled once against a ``CompiledScenario``: every name it uses
/// (node, option, tag, stakeholder, deadline, statement, variable) is resolved to an
/// index, so evaluating it in a ``CompactState`` reads bits and array slots and never
/// hashes or compares a string (except a statement's criterion, which is read only
/// after a typed statement).
///
/// It evaluates exactly as ``Expression/evaluate(in:)`` does in the matching
/// ``SessionState``: a name the scenario never uses is a node never visited, a tag
/// never set, a variable with no value.
indirect enum CompiledCondition: Sendable {
  case literal(Value)
  /// A state variable, by index; `nil` when it has no value.
  case variable(Int)
  /// A name with no value in any state (an undeclared variable, an unknown statement).
  case missing
  case elapsed
  case visited(Int)
  case chose(Int)
  case tagged(Int)
  case contacted(Int)
  case met(Int)
  /// A typed statement's score, by write task index.
  case statementScore(Int)
  /// Whether a typed statement (by write task index) met a criterion.
  case statementMet(Int, criterion: String)
  case not(CompiledCondition)
  case and(CompiledCondition, CompiledCondition)
  case or(CompiledCondition, CompiledCondition)
  case compare(ComparisonOperator, CompiledCondition, CompiledCondition)

  /// Whether the condition holds: its value is `true`.
  func holds(in state: CompactState) -> Bool {
    truth(in: state) == true
  }

  /// Its value when that is `true` or `false`, `nil` when it is anything else: as
  /// ``evaluate(in:)`` gives it, without making a ``Value`` for the facts and the
  /// `not`, `and` and `or` over them.
  func truth(in state: CompactState) -> Bool? {
    switch self {
    case .visited(let node): return state.has(.visited, node)
    case .chose(let choice): return state.has(.chosen, choice)
    case .tagged(let tag): return state.has(.tag, tag)
    case .contacted(let stakeholder): return state.has(.contacted, stakeholder)
    case .met(let deadline): return state.metDeadlines[deadline] != nil
    case .not(let operand): return operand.truth(in: state).map { !$0 }
    case .and(let left, let right):
      guard let first = left.truth(in: state) else { return nil }
      return first ? right.truth(in: state) : false
    case .or(let left, let right):
      guard let first = left.truth(in: state) else { return nil }
      return first ? true : right.truth(in: state)
    default:
      guard case .boolean(let flag) = evaluate(in: state) else { return nil }
      return flag
    }
  }

  /// The value, or `nil` where ``Expression/evaluate(in:)`` gives none.
  func evaluate(in state: CompactState) -> Value? {
    switch self {
    case .literal(let value): return value
    case .variable(let index): return state.variables[index]
    case .missing: return nil
    case .elapsed: return .duration(state.clock)
    case .visited(let node): return .boolean(state.has(.visited, node))
    case .chose(let choice): return .boolean(state.has(.chosen, choice))
    case .tagged(let tag): return .boolean(state.has(.tag, tag))
    case .contacted(let stakeholder): return .boolean(state.has(.contacted, stakeholder))
    case .met(let deadline): return .boolean(state.metDeadlines[deadline] != nil)
    case .statementScore(let task): return state.statements[task].map { .integer($0.score) }
    case .statementMet(let task, let criterion):
      return .boolean(state.statements[task]?.met.contains(criterion) ?? false)
    case .not(let operand):
      guard case .boolean(let flag) = operand.evaluate(in: state) else { return nil }
      return .boolean(!flag)
    case .and(let left, let right):
      guard case .boolean(let first) = left.evaluate(in: state) else { return nil }
      if !first { return .boolean(false) }
      guard case .boolean(let second) = right.evaluate(in: state) else { return nil }
      return .boolean(second)
    case .or(let left, let right):
      guard case .boolean(let first) = left.evaluate(in: state) else { return nil }
      if first { return .boolean(true) }
      guard case .boolean(let second) = right.evaluate(in: state) else { return nil }
      return .boolean(second)
    case .compare(let comparison, let left, let right):
      guard let first = left.evaluate(in: state), let second = right.evaluate(in: state) else {
        return nil
      }
      return Expression.compare(first, comparison, second).map(Value.boolean)
    }
  }
}
