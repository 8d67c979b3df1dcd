/// What a scenario's conditions ask about: the choices, nodes, tags, stakeholders,
/// variables and statements they name, and how they read the clock. The
/// score-bounds search keeps only these parts of a session's facts when it compares
/// states: nothing else changes what can happen next, and the scorer reads none of
/// them.
struct ScenarioReferences: Hashable, Sendable {
  /// Choices named by `chose(...)`.
  var choices: Set<String> = []
  /// Nodes named by `visited(...)`.
  var nodes: Set<String> = []
  /// Tags named by `tagged(...)`.
  var tags: Set<String> = []
  /// Stakeholders named by `contacted(...)`.
  var stakeholders: Set<String> = []
  /// State variables read.
  var variables: Set<String> = []
  /// Statements named by `statement(...)` or `statement(...).met(...)`.
  var statements: Set<String> = []
  /// Deadlines named by `met(...)`.
  var deadlines: Set<String> = []
  /// Whether any condition reads `elapsed`.
  var readsClock = false
  /// The latest time a condition compares `elapsed` with, when every comparison is
  /// with a written duration; `nil` when one compares it with anything else.
  var latestClockLiteral: ClockDuration? = .zero
  /// Every written duration a condition compares `elapsed` with, in seconds.
  var clockLiterals: Set<Int> = []

  /// Collects the references of every condition in `scenario`.
  init(_ scenario: Scenario) {
    var expressions: [Expression] = scenario.deadlines.map(\.met.expression)
    for inject in scenario.injects {
      expressions += [inject.when, inject.unless].compactMap { $0?.expression }
    }
    for node in scenario.nodes {
      for choice in node.choices {
        expressions += [choice.when].compactMap { $0?.expression }
        expressions += Self.conditions(of: choice.goto)
        for outcome in choice.write?.outcomes ?? [] {
          expressions += [outcome.when].compactMap { $0?.expression }
          expressions += outcome.goto.map(Self.conditions(of:)) ?? []
        }
      }
    }
    for expression in expressions { collect(expression) }
  }

  /// Collects the references of `expressions` only.
  init(expressions: [Expression]) {
    for expression in expressions { collect(expression) }
  }

  static func conditions(of goto: Goto) -> [Expression] {
    guard case .branches(let branches) = goto else { return [] }
    return branches.compactMap { $0.when?.expression }
  }

  /// Walks one expression with an explicit stack.
  private mutating func collect(_ root: Expression) {
    var stack = [root]
    while let expression = stack.popLast() {
      switch expression.kind {
      case .literal:
        break
      case .variable(let name):
        variables.insert(name)
      case .statementMet(let statement, _, _, _):
        statements.insert(statement)
      case .elapsed:
        readsClock = true
      case .call(let function, let argument, _):
        switch function {
        case .chose: choices.insert(argument)
        case .visited: nodes.insert(argument)
        case .tagged: tags.insert(argument)
        case .contacted: stakeholders.insert(argument)
        case .statement: statements.insert(argument)
        case .met: deadlines.insert(argument)
        }
      case .not(let inner):
        stack.append(inner)
      case .and(let left, let right), .or(let left, let right):
        stack += [left, right]
      case .compare(_, let left, let right):
        noteClockComparison(left, right)
        noteClockComparison(right, left)
        stack += [left, right]
      }
    }
  }

  private mutating func noteClockComparison(_ side: Expression, _ other: Expression) {
    guard case .elapsed = side.kind else { return }
    if case .literal(.duration(let time)) = other.kind, let latest = latestClockLiteral {
      latestClockLiteral = max(latest, time)
      clockLiterals.insert(time.seconds)
    } else {
      latestClockLiteral = nil
    }
  }
}
