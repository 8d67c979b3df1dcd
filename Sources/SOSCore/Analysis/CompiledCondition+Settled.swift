extension CompiledCondition {
  /// Its truth when no step can change it any more, `nil` when one still can (or
  /// when it is not a plain yes or no).
  ///
  /// Only facts that play never takes back are read: a tag set, a node visited, an
  /// option taken, a stakeholder contacted (each true from then on), a deadline met
  /// (true) or missed (false); and `not`, `and` and `or` over them. Anything else (a
  /// variable, a statement, the clock) can still change, or be no yes or no at all.
  func settledTruth(in state: CompactState) -> Bool? {
    switch self {
    case .visited(let node): return state.has(.visited, node) ? true : nil
    case .chose(let choice): return state.has(.chosen, choice) ? true : nil
    case .tagged(let tag): return state.has(.tag, tag) ? true : nil
    case .contacted(let stakeholder): return state.has(.contacted, stakeholder) ? true : nil
    case .met(let deadline):
      if state.metDeadlines[deadline] != nil { return true }
      return state.has(.missedDeadline, deadline) ? false : nil
    case .not(let operand):
      return operand.settledTruth(in: state).map { !$0 }
    case .and(let left, let right):
      // `and` reads its right side only when its left is true; a left side that is
      // always a yes or no makes it false whenever the right one is settled false.
      switch left.settledTruth(in: state) {
      case false?: return false
      case true?: return right.settledTruth(in: state)
      case nil: return left.isYesOrNo && right.settledTruth(in: state) == false ? false : nil
      }
    case .or(let left, let right):
      switch left.settledTruth(in: state) {
      case true?: return true
      case false?: return right.settledTruth(in: state)
      case nil: return left.isYesOrNo && right.settledTruth(in: state) == true ? true : nil
      }
    default:
      return nil
    }
  }

  /// Whether its truth is always `true` or `false` (never `nil`): facts, and `not`,
  /// `and` and `or` over them.
  var isYesOrNo: Bool {
    switch self {
    case .visited, .chose, .tagged, .contacted, .met: return true
    case .not(let operand): return operand.isYesOrNo
    case .and(let left, let right), .or(let left, let right):
      return left.isYesOrNo && right.isYesOrNo
    default: return false
    }
  }
}
