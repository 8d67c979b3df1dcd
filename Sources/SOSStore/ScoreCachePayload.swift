import SOSCore

/// How the score cache stores a ``ScoreCacheEntry``: a version number, then every
/// field in a fixed order (``ByteWriter``). A node title or option text that is the
/// scenario's own is written as a reference to it (the cache key names the scenario
/// text, so the same version reads it back). Reading gives back the entry that was
/// written, every double bit for bit, and refuses bytes that are cut short, run on,
/// refer to a node or option the scenario lacks, or name an unknown dimension, result
/// or promise state.
///
/// A binary form because a report of thousands of sessions decodes one payload per
/// session: JSON took most of a cached report's time. Change ``CohortScore/format``
/// with any change here.
enum ScoreCachePayload {
  static let version = 3

  /// What decoding many payloads shares: the scenario's texts, and the criterion
  /// labels read so far, so that every session's copy shares one string.
  struct Context {
    var texts: ScenarioTexts?
    var labels: [String: String] = [:]

    init(texts: ScenarioTexts?) { self.texts = texts }
  }

  static func encode(_ entry: ScoreCacheEntry, texts: ScenarioTexts?) -> [UInt8] {
    var writer = ByteWriter()
    writer.int(version)
    writer.optional(entry.problem) { $0.string($1) }
    writer.optional(entry.score) { writer, score in write(score, texts: texts, to: &writer) }
    return writer.bytes
  }

  static func decode(_ bytes: [UInt8], context: inout Context) -> ScoreCacheEntry? {
    var reader = ByteReader(bytes)
    guard reader.int() == version,
      let problem = reader.optional({ $0.string() }),
      let score = reader.optional({ read(from: &$0, context: &context) }),
      reader.atEnd
    else { return nil }
    switch (score, problem) {
    case (let score?, nil): return ScoreCacheEntry(score: score)
    case (nil, let problem?): return ScoreCacheEntry(problem: problem)
    default: return nil
    }
  }

  // MARK: - CohortScore

  static func write(_ score: CohortScore, texts: ScenarioTexts?, to writer: inout ByteWriter) {
    writer.bool(score.finished)
    for value in [score.overall, score.timeliness, score.communication, score.outcome] {
      writer.double(value)
    }
    writer.int(score.dimensions.count)
    for dimension in score.dimensions {
      writer.string(dimension.dimension.rawValue)
      writer.optional(dimension.score) { $0.double($1) }
    }
    writer.string(score.grade)
    writer.double(score.passMark)
    writer.bool(score.passed)
    writer.int(score.decisions.count)
    for decision in score.decisions {
      // The node and both options by position (their index + 1) when the scenario has
      // them, else 0 and the id; texts as the scenario's own (0) or written out (1).
      let nodeIndex = texts?.index(ofNode: decision.node)
      let node = nodeIndex.flatMap { texts?.node(at: $0) }
      writer.int(nodeIndex.map { $0 + 1 } ?? 0)
      if nodeIndex == nil { writer.string(decision.node) }
      switch (decision.title, node) {
      case (nil, _): writer.int(0)
      case (let title?, let node?) where node.title == title: writer.int(2)
      case (let title?, _):
        writer.int(1)
        writer.string(title)
      }
      for (id, text) in [
        (decision.chosen, decision.chosenText), (decision.best, decision.bestText),
      ] {
        let choiceIndex = node?.choiceIndex[id]
        writer.int(choiceIndex.map { $0 + 1 } ?? 0)
        if choiceIndex == nil { writer.string(id) }
        if let node, let choiceIndex, node.choices[choiceIndex].text == text {
          writer.int(0)
        } else {
          writer.int(1)
          writer.string(text)
        }
      }
      writer.double(decision.credit)
    }
    writer.int(score.statements.count)
    for statement in score.statements {
      writer.int(statement.score)
      writer.int(statement.criteria.count)
      for criterion in statement.criteria {
        writer.string(criterion.id)
        writer.string(criterion.label)
        writer.string(criterion.result.rawValue)
      }
    }
    writer.int(score.missedDeadlines.count)
    for id in score.missedDeadlines { writer.string(id) }
    writer.int(score.metDeadlines.count)
    for met in score.metDeadlines {
      writer.string(met.id)
      writer.int(met.at)
    }
    writer.int(score.promises.count)
    for promise in score.promises { writer.string(promise.rawValue) }
  }

  static func read(from reader: inout ByteReader, context: inout Context) -> CohortScore? {
    let texts = context.texts
    guard let finished = reader.bool(), let overall = reader.double(),
      let timeliness = reader.double(), let communication = reader.double(),
      let outcome = reader.double(),
      let dimensions = reader.list({ reader -> CohortScore.Dimension? in
        guard let name = reader.string(), let dimension = QualityDimension(rawValue: name),
          let score = reader.optional({ $0.double() })
        else { return nil }
        return CohortScore.Dimension(dimension: dimension, score: score)
      }),
      let grade = reader.string(), let passMark = reader.double(), let passed = reader.bool(),
      let decisions = reader.list({ readDecision(from: &$0, texts: texts) }),
      let statements = reader.list({ readStatement(from: &$0, labels: &context.labels) }),
      let missed = reader.list({ $0.string() }),
      let met = reader.list({ reader -> CohortScore.MetDeadline? in
        guard let id = reader.string(), let at = reader.int() else { return nil }
        return CohortScore.MetDeadline(id: id, at: at)
      }),
      let promises = reader.list({ $0.string().flatMap(CohortScore.Promise.init(rawValue:)) })
    else { return nil }
    return CohortScore(
      finished: finished, overall: overall, timeliness: timeliness,
      communication: communication, outcome: outcome, dimensions: dimensions, grade: grade,
      passMark: passMark, passed: passed, decisions: decisions, statements: statements,
      missedDeadlines: missed, metDeadlines: met, promises: promises)
  }

  static func readDecision(
    from reader: inout ByteReader, texts: ScenarioTexts?
  ) -> CohortScore.Decision? {
    guard let nodeNumber = reader.int() else { return nil }
    var node: ScenarioTexts.Node?
    let nodeID: String
    if nodeNumber == 0 {
      guard let id = reader.string() else { return nil }
      nodeID = id
    } else {
      guard let found = texts?.node(at: nodeNumber - 1) else { return nil }
      node = found
      nodeID = found.id
    }
    let title: String?
    switch reader.int() {
    case 0: title = nil
    case 1:
      guard let text = reader.string() else { return nil }
      title = text
    case 2:
      guard let known = node?.title else { return nil }
      title = known
    default: return nil
    }
    guard let (chosen, chosenText) = readChoice(from: &reader, node: node),
      let (best, bestText) = readChoice(from: &reader, node: node),
      let credit = reader.double()
    else { return nil }
    return CohortScore.Decision(
      node: nodeID, title: title, chosen: chosen, chosenText: chosenText, best: best,
      bestText: bestText, credit: credit)
  }

  /// An option's id and text: by position in `node` or written out, and the text as
  /// the scenario's own (0) or written out (1).
  static func readChoice(
    from reader: inout ByteReader, node: ScenarioTexts.Node?
  ) -> (id: String, text: String)? {
    guard let number = reader.int() else { return nil }
    var known: (id: String, text: String)?
    if number > 0 {
      guard let node, node.choices.indices.contains(number - 1) else { return nil }
      known = node.choices[number - 1]
    }
    guard let id = known?.id ?? (number == 0 ? reader.string() : nil) else { return nil }
    switch reader.int() {
    case 0:
      guard let known else { return nil }
      return (id, known.text)
    case 1:
      guard let text = reader.string() else { return nil }
      return (id, text)
    default: return nil
    }
  }

  static func readStatement(
    from reader: inout ByteReader, labels: inout [String: String]
  ) -> CohortScore.Statement? {
    guard let score = reader.int(),
      let criteria = reader.list({ reader -> CohortScore.Criterion? in
        guard let id = reader.string(), let label = reader.string(reusing: labels[id]),
          let result = reader.string().flatMap(StatementCriterion.Result.init(rawValue:))
        else { return nil }
        if labels[id] == nil { labels[id] = label }
        return CohortScore.Criterion(id: id, label: label, result: result)
      })
    else { return nil }
    return CohortScore.Statement(score: score, criteria: criteria)
  }
}
