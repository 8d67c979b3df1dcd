/// Where play goes after a choice.
public enum Goto: Hashable, Sendable {
  /// Always to this node.
  case node(Located<String>)
  /// Back to where an inject diverted play.
  case returnToDiverted(SourcePosition)
  /// The first branch whose condition holds; the last branch has none.
  case branches([GotoBranch])

  /// Every node this goto can lead to.
  public var targets: [Located<String>] {
    switch self {
    case .node(let node): return [node]
    case .returnToDiverted: return []
    case .branches(let branches): return branches.map(\.to)
    }
  }
}

/// One branch of a conditional goto.
public struct GotoBranch: Hashable, Sendable {
  /// The condition; `nil` for the fallback.
  public var when: ScenarioExpression?
  public var to: Located<String>

  /// Creates a branch.
  public init(when: ScenarioExpression?, to: Located<String>) {
    self.when = when
    self.to = to
  }
}
