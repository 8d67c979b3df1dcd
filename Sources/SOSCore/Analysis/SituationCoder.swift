/// Writes a compact session's ``SearchKey/Situation`` as a short list of 64-bit
/// words: facts are the indices of a ``CompiledScenario``, sets of them bit sets, and
/// texts (a variable's text, the criteria a statement met) small numbers, each the
/// first time it is seen. The score-bounds search keeps one key for every state it
/// explores, so a compact key is what lets it hold a million states.
///
/// What is written: the node, the pending statement, whether play is over and the
/// return stack; the injects spent (fired, or settled never to fire) and the deadlines
/// settled (met, missed, or never to be met: ``SpentInjects``), as bit sets, and of
/// those a condition names (`met(...)`), which were met (of the others, whether one
/// was met or not changes nothing ahead: the score's share of it is carried along the
/// path); each promise, whether it is open and, if so, to whom (a closed one, kept or
/// over, is read no more); and then, of the facts conditions can still read
/// (``LiveFacts``; the parts written first decide which), the tags, nodes, options and
/// stakeholders contacted as bit sets, the variables (a whole number by its class
/// where play can no longer tell it from others, ``VariableClasses``), and the
/// statements (score and criteria met). A fact no condition can read again is left
/// out, so that states that differ only in it are one state.
struct SituationCoder {
  private var texts: [String: UInt64] = [:]
  private var criteria: [Set<String>: UInt64] = [:]
  private let live: LiveFacts
  private let classes: VariableClasses
  private var mask: [UInt64] = []
  /// The deadlines a condition names, as a bit set by deadline index.
  private let namedDeadlines: [UInt64]
  /// Which injects can no longer fire: written into the situation, and read by the
  /// search for whether time still matters.
  let spentInjects: SpentInjects
  /// The injects spent in the state being written, a bit by firing position, and
  /// room for what play can still set from it.
  private var spent: [UInt64] = []
  private var settable: [UInt64] = []
  /// The words of the situation last written.
  private(set) var words: [UInt64] = []

  init(_ compiled: CompiledScenario) {
    let live = LiveFacts(compiled)
    self.live = live
    classes = VariableClasses(compiled)
    spentInjects = SpentInjects(compiled, writes: FutureWrites(compiled, live: live))
    let named = ScenarioReferences(compiled.scenario).deadlines
    var deadlines = [UInt64](repeating: 0, count: (compiled.scenario.deadlines.count + 63) / 64)
    for (index, deadline) in compiled.scenario.deadlines.enumerated()
    where named.contains(deadline.id) {
      deadlines[index >> 6] |= 1 << UInt64(index & 63)
    }
    namedDeadlines = deadlines
  }

  /// The number standing for `text`.
  private mutating func number(_ text: String) -> UInt64 {
    if let number = texts[text] { return number }
    let number = UInt64(texts.count)
    texts[text] = number
    return number
  }

  /// The number standing for a set of criteria met.
  private mutating func number(_ met: Set<String>) -> UInt64 {
    if let number = criteria[met] { return number }
    let number = UInt64(criteria.count)
    criteria[met] = number
    return number
  }

  /// The situation of `state`.
  mutating func situation(of state: CompactState) -> SearchKey.Situation {
    let digest = write(state)
    return SearchKey.Situation(words: words, digest: digest)
  }

  /// Writes the situation of `state` into ``words``, and returns its digest: the
  /// search looks a state up by these without making a list of its own for them.
  /// `spent` are the injects spent in `state`, if they are worked out already
  /// (``SpentInjects/write(_:into:settable:)``).
  mutating func write(_ state: CompactState, spent given: [UInt64]? = nil) -> UInt64 {
    words.removeAll(keepingCapacity: true)
    let pending = UInt64(state.pendingWrite.map { $0 + 1 } ?? 0)
    words.append(
      UInt64(state.node) | pending << 24 | (state.finished ? 1 << 48 : 0)
        | UInt64(state.returnStack.count) << 49)
    for node in state.returnStack { words.append(UInt64(node)) }
    // The injects spent (fired, or never to fire): which of them fired then changes
    // nothing ahead.
    if let given {
      // Copied word by word: sharing the caller's list would make its next write copy it.
      spent.removeAll(keepingCapacity: true)
      spent.append(contentsOf: given)
    } else {
      spentInjects.write(state, into: &spent, settable: &settable)
    }
    // (The deadlines never to be met, after them, are written with the deadlines.)
    words += spent[..<spentInjects.injectWords]
    // By word of deadlines: those settled (met or missed), and those met of the ones a
    // condition names.
    // Missed, or doomed never to be met (``SpentInjects``): settled either way.
    let missed = spent[spentInjects.injectWords...]
    var met: UInt64 = 0
    func settle(_ word: Int) {
      let missedWord =
        missed.startIndex + word < missed.endIndex ? missed[missed.startIndex + word] : 0
      words.append(met | missedWord)
      words.append(met & (word < namedDeadlines.count ? namedDeadlines[word] : 0))
      met = 0
    }
    for (index, time) in state.metDeadlines.enumerated() {
      if index & 63 == 0, index > 0 { settle(index >> 6 - 1) }
      if time != nil { met |= 1 << UInt64(index & 63) }
    }
    settle(max(state.metDeadlines.count - 1, 0) >> 6)
    words.append(UInt64(state.promises.count))
    // An open promise's stakeholder (an update to them keeps it); of a closed one
    // (kept, or open when play ended), only that it is closed: nothing ahead reads
    // more, and its share of the score is carried along the path.
    for promise in state.promises {
      if case .open = promise.status {
        words.append(UInt64(promise.stakeholder) << 1)
      } else {
        words.append(1)
      }
    }
    // What the parts above decide can still be read.
    live.mask(for: state, spent: spent, into: &mask)
    append(state.words(.tag), from: live.tagStart)
    append(state.words(.visited), from: live.nodeStart)
    append(state.words(.chosen), from: live.choiceStart)
    append(state.words(.contacted), from: live.stakeholderStart)
    for (index, value) in state.variables.enumerated()
    where LiveFacts.has(mask, live.variableStart, index) {
      switch value {
      case nil: words.append(0)
      case .integer(let value):
        // A value play can no longer tell from others by its class, else itself.
        if let kind = classes.class(of: value, variable: index, in: state, spent: spent) {
          words.append(6 | UInt64(kind) << 3)
        } else {
          words.append(1)
          words.append(UInt64(bitPattern: Int64(value)))
        }
      case .boolean(let value): words.append(value ? 2 : 3)
      case .text(let value): words.append(4 | number(value) << 3)
      case .duration(let value):
        words.append(5)
        words.append(UInt64(bitPattern: Int64(value.seconds)))
      }
    }
    for (index, statement) in state.statements.enumerated()
    where LiveFacts.has(mask, live.statementStart, index) {
      guard let statement else {
        words.append(0)
        continue
      }
      words.append(
        1 | UInt64(UInt32(truncatingIfNeeded: statement.score)) << 1 | number(statement.met) << 33)
    }
    return SearchKey.Situation.digest(of: words)
  }

  /// The words of a bit set, with only the bits of the mask's section from word
  /// `start` kept; words no mask can keep a bit of are left out (only the mask's
  /// ``LiveFacts/liveWords`` are read).
  @inline(__always)
  private mutating func append(_ set: ArraySlice<UInt64>, from start: Int) {
    let end = start + set.count
    let offset = set.startIndex - start
    for position in live.liveWords {
      if position >= end { break }
      if position >= start { words.append(set[offset + position] & mask[position]) }
    }
  }
}
