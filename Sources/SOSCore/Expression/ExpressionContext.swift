/// The names a scenario declares, which its expressions may refer to.
public struct ExpressionContext: Hashable, Sendable {
  public var nodes: Set<String>
  public var choices: Set<String>
  public var tags: Set<String>
  public var stakeholders: Set<String>
  public var deadlines: Set<String>
  /// State variables and their types.
  public var variables: [String: ValueType]
  /// Typed statements by id, each with the criteria a condition may name.
  public var statements: [String: Set<String>]

  /// Creates a context.
  public init(
    nodes: Set<String> = [], choices: Set<String> = [], tags: Set<String> = [],
    stakeholders: Set<String> = [], deadlines: Set<String> = [],
    variables: [String: ValueType] = [:], statements: [String: Set<String>] = [:]
  ) {
    self.statements = statements
    self.nodes = nodes
    self.choices = choices
    self.tags = tags
    self.stakeholders = stakeholders
    self.deadlines = deadlines
    self.variables = variables
  }

  /// The ids a function's argument may name.
  func names(for function: ExpressionFunction) -> Set<String> {
    switch function {
    case .visited: return nodes
    case .chose: return choices
    case .tagged: return tags
    case .contacted: return stakeholders
    case .met: return deadlines
    case .statement: return Set(statements.keys)
    }
  }
}
