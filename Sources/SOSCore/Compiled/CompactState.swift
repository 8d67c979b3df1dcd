/// A session's state as a ``CompactEngine`` moves it: the same facts as
/// ``SessionState``, held by index into a ``CompiledScenario`` — visited nodes, chosen
/// options, tags, fired injects and missed deadlines as bit sets; variables, contacts,
/// updates, statements and met deadlines in arrays indexed by id — and without the
/// input log, which the caller keeps if it wants one. A step changes it in place and
/// allocates nothing unless a list grows (a contact, a promise, a statement).
///
/// ``CompactEngine/sessionState(of:inputs:)`` turns it into the ``SessionState`` that
/// ``Engine`` reaches with the same inputs.
struct CompactState: Sendable {
  var node: Int
  var clock: ClockDuration = .zero
  /// By variable index; `nil` for a variable with no value.
  var variables: [Value?]
  /// The yes-or-no facts (visited nodes, chosen options, tags, fired injects, missed
  /// deadlines, reached outcomes, contacted stakeholders) in one list of words, laid
  /// out by `facts`: read with ``has(_:_:)``, set with ``insert(_:_:)``.
  private(set) var flags: [UInt64]
  let facts: CompactFacts
  /// Every time the trainee was heard by a stakeholder, in order: one list for all
  /// of them, so that a contact appends to one list (``contactTimes(of:)`` reads one
  /// stakeholder's).
  var contacts: [CompactContact] = []
  /// The current node's options as positions among them, in the order shown when
  /// they are shuffled; empty when they are shown in their own order.
  var shown: [Int] = []
  var draws: UInt64 = 0
  /// Typed statements by write task index.
  var statements: [StatementRecord?]
  var promises: [CompactPromise] = []
  /// By deadline index: when each was met (`nil` while it is not).
  var metDeadlines: [ClockDuration?]
  /// How many deadlines are met or missed.
  var settledDeadlines = 0
  var returnStack: [Int] = []
  /// The option (by index) whose statement is awaited.
  var pendingWrite: Int?
  var finished = false
  let options: SessionOptions
  /// Outcomes (by index) a tool assumes for the next chance draws, as
  /// ``Engine/Assumption/draws``: the first `forcedUsed` are taken.
  var forcedDraws: [Int] = []
  var forcedUsed = 0
  /// What the steps did that the score-bounds search reads, when it asks
  /// (`nil`: nothing is recorded).
  var journal: [CompactEngine.Happening]?

  /// A state before T+0 (``CompactEngine/start(_:)`` enters the start node).
  init(_ compiled: CompiledScenario, options: SessionOptions) {
    node = compiled.start
    variables = compiled.initialVariables
    facts = compiled.facts
    flags = Array(repeating: 0, count: compiled.facts.wordCount)
    statements = Array(repeating: nil, count: compiled.writes.count)
    metDeadlines = Array(repeating: nil, count: compiled.deadlines.count)
    self.options = options
  }

  /// Whether fact `index` of `kind` holds (an index beyond the kind's count does not).
  /// Of ``CompactFacts/Kind/reachedOutcome``: the playtest outcome slots
  /// (``CompiledScenario/outcomeNames``) that chance draws and statement outcomes
  /// have reached, what happened rather than part of a ``SessionState``.
  @inline(__always)
  func has(_ kind: CompactFacts.Kind, _ index: Int) -> Bool {
    guard index >= 0, index < facts.capacity(kind) else { return false }
    return flags[facts.start(kind) + (index >> 6)] & (1 << UInt64(index & 63)) != 0
  }

  /// Records fact `index` of `kind`, which must be below the kind's count.
  @inline(__always)
  mutating func insert(_ kind: CompactFacts.Kind, _ index: Int) {
    let word = facts.start(kind) + (index >> 6)
    let bit: UInt64 = 1 << UInt64(index & 63)
    // Reading first spares a copy of a shared list when the fact already holds.
    if flags[word] & bit == 0 { flags[word] |= bit }
  }

  /// The words of `kind`'s facts, lowest index in the lowest bit.
  func words(_ kind: CompactFacts.Kind) -> ArraySlice<UInt64> {
    flags[facts.words(kind)]
  }

  /// The facts of `kind` as a set of its own.
  func set(_ kind: CompactFacts.Kind) -> BitSet {
    BitSet(capacity: facts.capacity(kind), words: Array(words(kind)))
  }

  /// The times `stakeholder` (by index) heard from the trainee, in order.
  func contactTimes(of stakeholder: Int) -> [ClockDuration] {
    contacts.compactMap { $0.stakeholder == stakeholder ? $0.at : nil }
  }
}

/// A stakeholder hearing from the trainee, as a ``CompactState`` keeps it.
struct CompactContact: Sendable {
  /// The stakeholder, by index.
  var stakeholder: Int
  var at: ClockDuration
  /// Whether it was an update (which keeps promises to them).
  var isUpdate: Bool
}

/// A promise as a ``CompactState`` keeps it: its option and stakeholder by index.
struct CompactPromise: Sendable {
  var choice: Int
  var stakeholder: Int
  var label: String
  var madeAt: ClockDuration
  var due: ClockDuration
  var status: PromiseRecord.Status
}
