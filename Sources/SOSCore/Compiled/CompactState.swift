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
  var visited: BitSet
  var chosen: BitSet
  var tags: BitSet
  /// Each stakeholder's contact times, by stakeholder index.
  var contacts: [[ClockDuration]]
  var updates: [[ClockDuration]]
  /// The current node's options as positions among them, in the order shown.
  var shown: [Int] = []
  var draws: UInt64 = 0
  /// Typed statements by write task index.
  var statements: [StatementRecord?]
  var promises: [CompactPromise] = []
  /// By position in the compiled (firing) order of injects.
  var firedInjects: BitSet
  var metDeadlines: [ClockDuration?]
  var missedDeadlines: BitSet
  /// How many deadlines are met or missed.
  var settledDeadlines = 0
  var returnStack: [Int] = []
  /// The option (by index) whose statement is awaited.
  var pendingWrite: Int?
  var finished = false
  let options: SessionOptions
  /// The playtest outcome slots (``CompiledScenario/outcomeNames``) that chance draws
  /// and statement outcomes have reached: what happened, not part of a
  /// ``SessionState``.
  var reachedOutcomes: BitSet
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
    visited = BitSet(capacity: compiled.nodes.count)
    chosen = BitSet(capacity: compiled.choices.count)
    tags = BitSet(capacity: compiled.tagNames.count)
    contacts = Array(repeating: [], count: compiled.stakeholderIDs.count)
    updates = contacts
    statements = Array(repeating: nil, count: compiled.writes.count)
    firedInjects = BitSet(capacity: compiled.injects.count)
    metDeadlines = Array(repeating: nil, count: compiled.deadlines.count)
    missedDeadlines = BitSet(capacity: compiled.deadlines.count)
    reachedOutcomes = BitSet(capacity: compiled.outcomeNames.count)
    self.options = options
  }
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
