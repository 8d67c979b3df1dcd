extension Scorer {
  /// An analysis that gives what `statement` assumes: its score, and each criterion
  /// the task is judged on passed in full when the record says it was met (failed
  /// otherwise). It says something (has words) exactly when the record says it does.
  static func assumedAnalysis(_ statement: StatementRecord, task: WriteTask)
    -> StatementAnalysis
  {
    let profile = StatementProfile.of(channel: task.channel, audience: task.audience.value)
    let met = statement.isStatement ? statement.met : []
    var criteria: [StatementCriterion] = []
    func add(_ id: String, _ label: String, _ dimension: QualityDimension, _ max: Int) {
      let passed = met.contains(id)
      criteria.append(
        StatementCriterion(
          id: id, label: label, result: passed ? .pass : .fail, points: passed ? max : 0,
          max: max, evidence: [], dimension: dimension, advice: ""))
    }
    for row in StatementRubric.rows where row.max(for: profile) > 0 {
      add(row.id, row.label, row.dimension, row.max(for: profile))
    }
    for phrase in task.must {
      add(
        "must:\(phrase.id)", phrase.label ?? "Says \(phrase.id)", .transparency,
        StatementRubric.mustPoints)
    }
    for phrase in task.avoid {
      add(
        "avoid:\(phrase.id)", "Avoids: " + (phrase.label ?? phrase.id), .accountability,
        StatementRubric.avoidPoints)
    }
    let words = statement.isStatement ? ScoringDefaults.statementMinimumWords : 0
    return StatementAnalysis(
      score: min(max(statement.score, 0), 100), channel: task.channel,
      audience: task.audience.value, profile: profile, length: 0, lengthUnit: "characters",
      limit: task.characterLimit,
      readability: Readability(words: words, sentences: words > 0 ? 1 : 0, syllables: words),
      criteria: criteria,
      nonsense: statement.isStatement ? nil : "the statement assumed here says nothing")
  }
}
