/// Which of a scenario's injects can no longer fire in a compact state: those that
/// have fired, and those whose `unless` is settled true
/// (``CompiledCondition/settledTruth(in:settable:)``) or whose `when` can never hold
/// again (``CompiledCondition/canNeverHold(in:settable:)``), counting a fact play can
/// no longer set (``FutureWrites``) as settled false. Whether a spent inject fired,
/// when it is due and what its conditions read change nothing ahead.
///
/// The words it writes hold, after the injects', the deadlines never to be met:
/// missed, or doomed (not yet met nor missed, with a `met` that can never hold
/// again). A doomed deadline will be missed, and a deadline never met scores as a
/// missed one, so it counts as settled already.
struct SpentInjects: Sendable {
  /// Injects, in firing order.
  let count: Int
  /// The words of the injects' bits; the deadlines' bits follow them.
  let injectWords: Int
  /// By deadline index, its `met` condition.
  private let deadlines: [CompiledCondition]
  /// The conditions of the injects that have one, and by firing position the index
  /// of its conditions among them (`-1` for none). Kept apart from the injects, so
  /// that reading them copies no inject.
  private let conditions: [(when: CompiledCondition?, unless: CompiledCondition?)]
  private let byPosition: [Int32]

  /// What play can still set, to settle conditions on facts it cannot set false.
  private let writes: FutureWrites?

  init(_ compiled: CompiledScenario, writes: FutureWrites? = nil) {
    count = compiled.injects.count
    injectWords = (compiled.injects.count + 63) / 64
    deadlines = compiled.deadlines.map(\.met)
    self.writes = writes
    var conditions: [(when: CompiledCondition?, unless: CompiledCondition?)] = []
    var byPosition: [Int32] = []
    for inject in compiled.injects {
      guard inject.when != nil || inject.unless != nil else {
        byPosition.append(-1)
        continue
      }
      byPosition.append(Int32(conditions.count))
      conditions.append((inject.when, inject.unless))
    }
    self.conditions = conditions
    self.byPosition = byPosition
  }

  /// Whether the inject at `position` in the firing order is spent in `state`.
  /// With `settable`, a condition on a fact play cannot set any more is settled too
  /// (``CompiledCondition/settledTruth(in:settable:)``).
  func isSpent(_ position: Int, in state: CompactState, settable: SettableFacts? = nil) -> Bool {
    if state.has(.firedInject, position) { return true }
    let index = Int(byPosition[position])
    guard index >= 0 else { return false }
    if let unless = conditions[index].unless,
      unless.settledTruth(in: state, settable: settable) == true
    {
      return true
    }
    if let when = conditions[index].when, when.canNeverHold(in: state, settable: settable) {
      return true
    }
    return false
  }

  /// The injects spent in `state`, a bit by firing position, into `words` (its
  /// contents replaced); `settable` is room for what play can still set.
  ///
  /// The injects spent by the facts set are found first; then what play can still
  /// set, without what those injects would set; then the injects spent because a
  /// fact their conditions read can no longer be set.
  func write(_ state: CompactState, into words: inout [UInt64], settable: inout [UInt64]) {
    words.removeAll(keepingCapacity: true)
    words.append(contentsOf: state.words(.firedInject))
    while words.count < injectWords { words.append(0) }
    words.removeLast(words.count - injectWords)
    var open = false
    for (position, index) in byPosition.enumerated() where index >= 0 {
      let bit: UInt64 = 1 << UInt64(position & 63)
      guard words[position >> 6] & bit == 0 else { continue }
      guard isSpent(position, in: state) else {
        open = true
        continue
      }
      words[position >> 6] |= bit
    }
    let pending = deadlines.indices.contains {
      state.metDeadlines[$0] == nil && !state.has(.missedDeadline, $0)
    }
    var facts: SettableFacts?
    if open || pending, let writes, !writes.words.isEmpty {
      writes.mask(for: state, spent: words, into: &settable)
      facts = SettableFacts(writes: writes, mask: settable)
    }
    if open, facts != nil {
      for (position, index) in byPosition.enumerated() where index >= 0 {
        let bit: UInt64 = 1 << UInt64(position & 63)
        guard words[position >> 6] & bit == 0, isSpent(position, in: state, settable: facts)
        else { continue }
        words[position >> 6] |= bit
      }
    }
    // The deadlines never to be met (missed, or doomed), after the injects' words.
    for _ in 0..<(deadlines.count + 63) / 64 { words.append(0) }
    for (index, met) in deadlines.enumerated() where state.metDeadlines[index] == nil {
      guard
        state.has(.missedDeadline, index)
          || pending && met.canNeverHold(in: state, settable: facts)
      else { continue }
      words[injectWords + index >> 6] |= 1 << UInt64(index & 63)
    }
  }

  /// Whether deadline `index` will never be met (missed, or doomed) in `words` (as
  /// ``write(_:into:settable:)`` wrote them).
  @inline(__always)
  func isDoomed(_ index: Int, in words: [UInt64]) -> Bool {
    words[injectWords + index >> 6] & 1 << UInt64(index & 63) != 0
  }

  /// ``isDoomed(_:in:)`` for a scenario of `injects` injects, read where only the
  /// layout is known; words without the deadlines' (only the injects') tell only
  /// whether it was missed in `state`.
  @inline(__always)
  static func isDoomed(
    _ index: Int, in words: [UInt64], injects: Int, state: CompactState
  ) -> Bool {
    let word = (injects + 63) / 64 + index >> 6
    guard word < words.count else { return state.has(.missedDeadline, index) }
    return words[word] & 1 << UInt64(index & 63) != 0
  }
}
