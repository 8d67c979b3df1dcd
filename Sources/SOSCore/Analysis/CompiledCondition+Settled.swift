extension CompiledCondition {
  /// Its truth when no step can change it any more, `nil` when one still can (or
  /// when it is not a plain yes or no).
  ///
  /// Only facts that play never takes back are read: a tag set, a node visited, an
  /// option taken, a stakeholder contacted (each true from then on), a deadline met
  /// (true) or missed (false); and `not`, `and` and `or` over them. Anything else (a
  /// variable, a statement, the clock) can still change, or be no yes or no at all.
  ///
  /// With `settable` (what play can still set from the state on, ``FutureWrites``), a
  /// tag, visit, option or contact not set that play cannot set is settled false.
  func settledTruth(in state: CompactState, settable: SettableFacts? = nil) -> Bool? {
    // A fact set, or (with `settable`) one play cannot set, at `start` in its mask.
    func fact(_ kind: CompactFacts.Kind, _ index: Int, _ start: (FutureWrites) -> Int) -> Bool? {
      if state.has(kind, index) { return true }
      guard let settable else { return nil }
      return FutureWrites.can(settable.mask, start(settable.writes), index) ? nil : false
    }
    switch self {
    case .visited(let node): return fact(.visited, node) { $0.nodeStart }
    case .chose(let choice): return fact(.chosen, choice) { $0.choiceStart }
    case .tagged(let tag): return fact(.tag, tag) { $0.tagStart }
    case .contacted(let stakeholder): return fact(.contacted, stakeholder) { $0.stakeholderStart }
    case .met(let deadline):
      if state.metDeadlines[deadline] != nil { return true }
      return state.has(.missedDeadline, deadline) ? false : nil
    case .not(let operand):
      return operand.settledTruth(in: state, settable: settable).map { !$0 }
    case .and(let left, let right):
      // `and` reads its right side only when its left is true; a left side that is
      // always a yes or no makes it false whenever the right one is settled false.
      switch left.settledTruth(in: state, settable: settable) {
      case false?: return false
      case true?: return right.settledTruth(in: state, settable: settable)
      case nil:
        return left.isYesOrNo && right.settledTruth(in: state, settable: settable) == false
          ? false : nil
      }
    case .or(let left, let right):
      switch left.settledTruth(in: state, settable: settable) {
      case true?: return true
      case false?: return right.settledTruth(in: state, settable: settable)
      case nil:
        return left.isYesOrNo && right.settledTruth(in: state, settable: settable) == true
          ? true : nil
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

/// What play can still set from a state on (``FutureWrites/mask(for:spent:into:)``),
/// with the layout that reads it.
struct SettableFacts {
  var writes: FutureWrites
  var mask: [UInt64]
}
