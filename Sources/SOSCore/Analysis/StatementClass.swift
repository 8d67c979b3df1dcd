/// A kind of statement the score-bounds search assumes a trainee writes, instead of
/// typing text: the search branches over these at every write.
///
/// For each write task: a text that says nothing (score 0, nothing met: it reaches
/// nobody and earns nothing), the best statement (score 100, every criterion met),
/// and for each of the task's outcomes the weakest and the strongest statement that
/// earn it, when a statement can (its score band and criteria are consistent, and no
/// earlier unconditional outcome takes it first).
struct StatementClass: Hashable, Sendable {
  /// How a path names it: `(statement: nothing said)`.
  var label: String
  /// The analysis assumed; the engine fills in its id, option, audience and time.
  var record: StatementRecord

  /// The classes to branch over for `task`, without repeats.
  static func classes(for task: WriteTask) -> [StatementClass] {
    var classes = [
      StatementClass(
        label: "(statement: nothing said)",
        record: record(score: 0, met: [], isStatement: false)),
      StatementClass(
        label: "(statement: 100, every criterion met)",
        record: record(score: 100, met: criteria(of: task), isStatement: true)),
    ]
    for (index, outcome) in task.outcomes.enumerated() {
      for (score, met) in extremes(earning: index, of: task) {
        let said = outcome.text.map { " \"\(Self.shortened($0))\"" } ?? ""
        classes.append(
          StatementClass(
            label: "(statement: \(score), outcome \(index + 1)\(said))",
            record: record(score: score, met: met, isStatement: true)))
      }
    }
    var seen: Set<StatementRecord> = []
    return classes.filter { seen.insert($0.record).inserted }
  }

  static func record(score: Int, met: Set<String>, isStatement: Bool) -> StatementRecord {
    StatementRecord(
      id: "", choice: "", audience: "", at: .zero, score: score, met: met,
      isStatement: isStatement)
  }

  /// Every criterion a statement for `task` can pass: the rubric's criteria that
  /// count for its channel and audience, each `must` fact and each `avoid` phrasing.
  static func criteria(of task: WriteTask) -> Set<String> {
    let profile = StatementProfile.of(channel: task.channel, audience: task.audience.value)
    var ids = Set(StatementRubric.rows.filter { $0.max(for: profile) > 0 }.map(\.id))
    ids.formUnion(task.must.map { "must:" + $0.id })
    ids.formUnion(task.avoid.map { "avoid:" + $0.id })
    return expanded(ids, for: task)
  }

  /// `met` with each `must` fact under both of its names (`X` and `must:X`), as the
  /// engine records a statement; an analyser criterion named like a fact gives way
  /// to the fact.
  static func expanded(_ met: Set<String>, for task: WriteTask) -> Set<String> {
    var result = met
    for phrase in task.must {
      let either = met.contains(phrase.id) || met.contains("must:" + phrase.id)
      result.remove(phrase.id)
      result.remove("must:" + phrase.id)
      if either { result.formUnion([phrase.id, "must:" + phrase.id]) }
    }
    return result
  }

  /// The weakest and strongest (score, criteria met) of a statement that earns the
  /// `index`-th outcome of `task`: least met with the lowest score, most met with
  /// the highest. Outcomes with a `when` are taken as they fall.
  static func extremes(earning index: Int, of task: WriteTask) -> [(Int, Set<String>)] {
    let outcome = task.outcomes[index]
    let required = expanded(Set(outcome.met.map(\.value)), for: task)
    let forbidden = expanded(Set(outcome.unmet.map(\.value)), for: task)
    guard required.isDisjoint(with: forbidden) else { return [] }
    let fewest = required
    let most = criteria(of: task).union(required).subtracting(forbidden)
    func earns(_ score: Int, _ met: Set<String>) -> Bool {
      guard holds(outcome, score: score, met: met, task: task) else { return false }
      return !task.outcomes[..<index].contains {
        $0.when == nil && holds($0, score: score, met: met, task: task)
      }
    }
    var found: [(Int, Set<String>)] = []
    if let low = (0...100).first(where: { earns($0, fewest) }) { found.append((low, fewest)) }
    if let high = (0...100).last(where: { earns($0, most) }) { found.append((high, most)) }
    return found
  }

  /// Whether `outcome`'s score band and criteria hold for a statement (its `when` is
  /// not read).
  static func holds(_ outcome: StatementOutcome, score: Int, met: Set<String>, task: WriteTask)
    -> Bool
  {
    if let minimum = outcome.minimum, score < minimum { return false }
    if let below = outcome.below, score >= below { return false }
    if !outcome.met.allSatisfy({ met.contains($0.value) }) { return false }
    return !outcome.unmet.contains { met.contains($0.value) }
  }

  static func shortened(_ text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count > 40 ? String(line.prefix(39)) + "…" : line
  }
}
