extension CompiledCondition {
  /// Its truth when no step can change it any more, `nil` when one still can (or
  /// when it is not a plain yes or no).
  ///
  /// Only facts that play never takes back are read: a tag set, a node visited, an
  /// option taken, a stakeholder contacted (each true from then on), a deadline met
  /// (true) or missed (false), the clock past a duration it is compared with; and
  /// `not`, `and` and `or` over them. Anything else (a variable, a statement) can
  /// still change, or be no yes or no at all.
  ///
  /// With `settable` (what play can still set from the state on, ``FutureWrites``), a
  /// tag, visit, option or contact not set that play cannot set is settled false.
  func settledTruth(in state: CompactState, settable: SettableFacts? = nil) -> Bool? {
    // A fact set, or (with `settable`) one play cannot set, at `start` in its mask.
    func fact(_ kind: CompactFacts.Kind, _ index: Int, _ start: Int?) -> Bool? {
      if state.has(kind, index) { return true }
      guard let settable, let start else { return nil }
      return FutureWrites.can(settable.mask, start, index) ? nil : false
    }
    switch self {
    case .visited(let node): return fact(.visited, node, settable?.nodeStart)
    case .chose(let choice): return fact(.chosen, choice, settable?.choiceStart)
    case .tagged(let tag): return fact(.tag, tag, settable?.tagStart)
    case .contacted(let stakeholder):
      return fact(.contacted, stakeholder, settable?.stakeholderStart)
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
    case .compare(let comparison, .elapsed, .literal(.duration(let limit))):
      return Self.settled(clock: state.clock, comparison, limit)
    case .compare(let comparison, .literal(.duration(let limit)), .elapsed):
      return Self.settled(clock: state.clock, comparison.mirrored, limit)
    default:
      return nil
    }
  }

  /// The truth of `elapsed <comparison> limit` from `clock` on, where it can no
  /// longer change: the clock only moves forward.
  private static func settled(
    clock: ClockDuration, _ comparison: ComparisonOperator, _ limit: ClockDuration
  ) -> Bool? {
    switch comparison {
    case .lessThan: return clock >= limit ? false : nil
    case .lessThanOrEqual, .equal: return clock > limit ? false : nil
    case .greaterThan: return clock > limit ? true : nil
    case .greaterThanOrEqual: return clock >= limit ? true : nil
    case .notEqual: return clock > limit ? true : nil
    }
  }

  /// Whether it can never hold (be `true`) again from `state` on: settled false, or
  /// an `and` with a side that can never hold, an `or` with none that can, a `not`
  /// over one settled true. Unlike ``settledTruth(in:settable:)``, a side that may be
  /// no yes or no at all does not stop it.
  func canNeverHold(in state: CompactState, settable: SettableFacts? = nil) -> Bool {
    switch self {
    case .and(let left, let right):
      return left.canNeverHold(in: state, settable: settable)
        || right.canNeverHold(in: state, settable: settable)
    case .or(let left, let right):
      return left.canNeverHold(in: state, settable: settable)
        && right.canNeverHold(in: state, settable: settable)
    case .not(let operand):
      return operand.settledTruth(in: state, settable: settable) == true
    default:
      return settledTruth(in: state, settable: settable) == false
    }
  }

  /// Whether its truth is always `true` or `false` (never `nil`): facts, the clock
  /// compared with a duration, and `not`, `and` and `or` over them.
  var isYesOrNo: Bool {
    switch self {
    case .visited, .chose, .tagged, .contacted, .met: return true
    case .compare(_, .elapsed, .literal(.duration)), .compare(_, .literal(.duration), .elapsed):
      return true
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
  var mask: [UInt64]
  /// Where each section of the mask starts, in words (as in ``FutureWrites``).
  var tagStart: Int
  var nodeStart: Int
  var choiceStart: Int
  var stakeholderStart: Int

  init(writes: FutureWrites, mask: [UInt64]) {
    self.mask = mask
    tagStart = writes.tagStart
    nodeStart = writes.nodeStart
    choiceStart = writes.choiceStart
    stakeholderStart = writes.stakeholderStart
  }
}
