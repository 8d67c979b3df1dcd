/// Writes a session's ``SearchKey/Situation`` as a short list of numbers: names
/// become small numbers (each the first time it is seen), sets of known names become
/// bit sets. The score-bounds search keeps one key for every state it explores, so
/// a compact key is what lets it hold a million states.
///
/// What is written: the node, the pending statement and whether play is over; the
/// return stack; the variables conditions read; the tags, nodes, choices and
/// stakeholders they name, as bit sets; the injects fired and the deadlines met and
/// missed, as bit sets; the statements conditions name (score and criteria met);
/// and each promise's stakeholder and status (open, kept, or over).
struct SituationCoder {
  private var names: [String: Int32] = [:]
  private let tags: [String: Int]
  private let nodes: [String: Int]
  private let choices: [String: Int]
  private let stakeholders: [String: Int]
  private let injects: [String: Int]
  private let deadlines: [String: Int]
  private let variables: [String]
  private let statements: [String]
  /// Which named facts can still be read from a state on: only those are written.
  private let live: LiveFacts
  private let scenario: Scenario

  init(_ scenario: Scenario, references: ScenarioReferences) {
    func numbered(_ names: some Sequence<String>) -> [String: Int] {
      var numbers: [String: Int] = [:]
      for name in names where numbers[name] == nil { numbers[name] = numbers.count }
      return numbers
    }
    tags = numbered(references.tags.sorted())
    nodes = numbered(references.nodes.sorted())
    choices = numbered(references.choices.sorted())
    stakeholders = numbered(references.stakeholders.sorted())
    injects = numbered(scenario.injects.map(\.id))
    deadlines = numbered(scenario.deadlines.map(\.id))
    variables = references.variables.sorted()
    statements = references.statements.sorted()
    live = LiveFacts(
      scenario, tags: tags, nodes: nodes, choices: choices, stakeholders: stakeholders,
      variables: variables, statements: statements)
    self.scenario = scenario
  }

  /// The number standing for `name`.
  mutating func number(_ name: String) -> Int32 {
    if let number = names[name] { return number }
    let number = Int32(names.count)
    names[name] = number
    return number
  }

  /// The situation of `state`.
  mutating func situation(of state: SessionState) -> SearchKey.Situation {
    var words: [Int32] = []
    words.reserveCapacity(32)
    words.append(number(state.node))
    words.append(state.pendingWrite.map { number($0) + 1 } ?? 0)
    words.append(state.finished ? 1 : 0)
    words.append(Int32(clamping: state.returnStack.count))
    for node in state.returnStack { words.append(number(node)) }
    // Facts that no condition can read again are written as unknown, so that states
    // that differ only in them are one state.
    let mask = live.mask(for: state, scenario: scenario)
    for (index, name) in variables.enumerated() {
      guard mask.variables[index] else {
        words.append(-1)
        continue
      }
      switch state.variables[name] {
      case nil: words.append(0)
      case .integer(let value): words += [1] + Self.halves(value)
      case .boolean(let value): words += [2, value ? 1 : 0]
      case .text(let value): words += [3, number(value)]
      case .duration(let value): words += [4] + Self.halves(value.seconds)
      }
    }
    Self.append(state.tags, among: tags, to: &words, keeping: mask.tags)
    Self.append(state.visited, among: nodes, to: &words, keeping: mask.nodes)
    Self.append(state.chosen, among: choices, to: &words, keeping: mask.choices)
    Self.append(
      Set(state.contacts.compactMap { $0.value.isEmpty ? nil : $0.key }), among: stakeholders,
      to: &words, keeping: mask.stakeholders)
    Self.append(state.firedInjects, among: injects, to: &words)
    Self.append(Set(state.metDeadlines.keys), among: deadlines, to: &words)
    Self.append(state.missedDeadlines, among: deadlines, to: &words)
    for (index, id) in statements.enumerated() {
      guard mask.statements[index] else {
        words.append(-2)
        continue
      }
      guard let statement = state.statements[id] else {
        words.append(-1)
        continue
      }
      words += [
        Int32(clamping: statement.score), number(statement.met.sorted().joined(separator: "\n")),
      ]
    }
    words.append(Int32(clamping: state.promises.count))
    for promise in state.promises {
      let status: Int32
      switch promise.status {
      case .open: status = 0
      case .kept: status = 1
      case .broken, .notYetDue: status = 2
      }
      words += [number(promise.stakeholder), status]
    }
    return SearchKey.Situation(words: words)
  }

  /// An `Int` as two words.
  static func halves(_ value: Int) -> [Int32] {
    let bits = UInt64(bitPattern: Int64(value))
    return [Int32(truncatingIfNeeded: bits >> 32), Int32(truncatingIfNeeded: bits)]
  }

  /// The members of `set` that `universe` numbers, as a bit set of fixed length, with
  /// only the bits of `keeping` (when given) kept.
  static func append(
    _ set: Set<String>, among universe: [String: Int], to words: inout [Int32],
    keeping: [UInt32]? = nil
  ) {
    guard !universe.isEmpty else { return }
    var bits = [UInt32](repeating: 0, count: (universe.count + 31) / 32)
    for member in set {
      if let bit = universe[member] { bits[bit / 32] |= 1 << UInt32(bit % 32) }
    }
    if let keeping {
      for index in bits.indices { bits[index] &= keeping[index] }
    }
    for word in bits { words.append(Int32(bitPattern: word)) }
  }
}
