import SOSCore

// MARK: - Markdown

extension CohortReport {
  /// The report as Markdown (GitHub-flavoured tables).
  public func markdown() -> String {
    let md = ReportText.markdown
    var lines: [String] = []
    lines.append("# Cohort report: \(md(analysis.cohort))")
    lines.append("")
    if let description = analysis.description {
      lines.append(md(description))
      lines.append("")
    }
    if let filter = analysis.scenarioFilter {
      lines.append("Scenario: `\(filter.replacingNewlines.filter { $0 != "`" })`")
      lines.append("")
    }
    if analysis.anonymised {
      lines.append("Trainee names are replaced by pseudonyms.")
      lines.append("")
    }
    lines.append(md(countsLine))
    lines.append("")
    lines.append("*\(countingNote)*")
    if analysis.counts.sessions == 0 {
      lines.append("")
      lines.append("No sessions yet. Trainees join with: `sos play ID --cohort NAME`")
      return lines.joined(separator: "\n") + "\n"
    }
    if !scenariosWithResults.isEmpty {
      lines.append("")
      lines.append("**Reliability of the decisions**")
      lines.append("")
      for scenario in scenariosWithResults {
        lines.append("- \(md(scenario.title)): \(md(Self.reliabilityText(scenario.reliability)))")
      }
      lines.append("")
      lines.append("*\(md(Self.reliabilityHelp))*")
    }
    lines.append("")
    lines.append("## Debrief these first")
    lines.append("")
    if analysis.priorities.isEmpty { lines.append("Nothing stands out yet.") }
    for (index, priority) in analysis.priorities.enumerated() {
      lines.append("\(index + 1). \(md(priority.text))")
    }
    lines.append("")
    lines.append(
      "Deadlines missed: \(analysis.deadlinesMissed.count) of \(analysis.deadlinesMissed.total)"
        + " (\(analysis.deadlinesMissed.percent)); promises broken:"
        + " \(analysis.promisesBroken.count) of \(analysis.promisesBroken.total)"
        + " (\(analysis.promisesBroken.percent)).")
    lines.append("")
    lines.append("## Trainees")
    lines.append("")
    lines.append("| trainee | scenario | attempts | finished | latest | best |")
    lines.append("|---|---|---:|---:|---|---|")
    for row in analysis.trainees {
      lines.append(
        "| \(md(row.trainee)) | \(md(row.scenario)) | \(row.attempts) | \(row.finished)"
          + " | \(Self.attempt(row.latest)) | \(Self.attempt(row.best)) |")
    }
    if analysis.sites.count > 1 {
      lines.append("")
      lines.append("## Sites")
      lines.append("")
      lines.append("| site | sessions | trainees | counted | mean overall | passed |")
      lines.append("|---|---:|---:|---:|---:|---:|")
      for row in analysis.sites {
        lines.append(
          "| \(md(Self.siteName(row.site))) | \(row.sessions) | \(row.trainees) | \(row.counted)"
            + " | \(Self.mean(row.meanOverall)) | \(row.passed) |")
      }
    }
    for scenario in analysis.scenarios {
      lines.append("")
      lines += scenarioMarkdown(scenario)
    }
    if !analysis.flagged.isEmpty {
      lines.append("")
      lines.append("## \(flaggedHeading)")
      lines.append("")
      for flag in analysis.flagged { lines.append("- \(md(flag))") }
    }
    if !analysis.problems.isEmpty {
      lines.append("")
      lines.append("## Sessions that could not be replayed")
      lines.append("")
      for problem in analysis.problems { lines.append("- \(md(problem))") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func scenarioMarkdown(_ scenario: ScenarioAnalysis) -> [String] {
    let md = ReportText.markdown
    var lines: [String] = []
    lines.append("## \(md(scenario.title)) (\(md(scenario.id)))")
    lines.append("")
    lines.append(md(Self.scenarioLine(scenario)))
    guard scenario.counted > 0 else {
      lines.append("")
      lines.append("No finished attempts yet.")
      return lines
    }
    lines.append("")
    lines.append("### Scores")
    lines.append("")
    lines.append("| score | mean | SD | min | Q1 | median | Q3 | max |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    let scores: [(String, ScoreStatistics)] = [
      ("Overall", scenario.overall), ("Timeliness", scenario.timeliness),
      ("Communication", scenario.communication), ("Outcome", scenario.outcome),
    ]
    for (name, statistics) in scores {
      lines.append(
        "| \(name) | \(Self.statistic(statistics.mean)) | \(Self.statistic(statistics.standardDeviation))"
          + " | \(Self.statistic(statistics.minimum)) | \(Self.statistic(statistics.lowerQuartile))"
          + " | \(Self.statistic(statistics.median)) | \(Self.statistic(statistics.upperQuartile))"
          + " | \(Self.statistic(statistics.maximum)) |")
    }
    let skews = Self.skewNotes(scenario)
    if !skews.isEmpty {
      lines.append("")
      for note in skews { lines.append("- \(md(note))") }
    }
    lines.append("")
    lines.append("Overall scores (trainees per band):")
    lines.append("")
    lines.append("| band | trainees | |")
    lines.append("|---|---:|---|")
    let largest = max(scenario.overall.histogram.largestCount, 1)
    for bin in scenario.overall.histogram.bins {
      lines.append(
        "| \(bin.lower)–\(bin.upper) | \(bin.count) | \(String(repeating: "█", count: bin.count * 20 / largest)) |"
      )
    }
    lines.append("")
    lines.append("### Dimensions")
    lines.append("")
    lines.append("| dimension | mean | SD | median | IQR | n |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for summary in scenario.dimensions where summary.count > 0 {
      let range = Quartiles(summary).map {
        "\(Self.statistic($0.lower))–\(Self.statistic($0.upper))"
      }
      lines.append(
        "| \(Self.dimensionName(summary.dimension)) | \(Self.statistic(summary.mean))"
          + " | \(Self.statistic(summary.standardDeviation)) | \(Self.statistic(summary.median))"
          + " | \(range ?? "–") | \(summary.count) |")
    }
    if !scenario.deadlines.isEmpty {
      lines.append("")
      lines.append("### Deadlines")
      lines.append("")
      lines.append("| deadline | missed | of | miss rate | met late |")
      lines.append("|---|---:|---:|---:|---:|")
      for deadline in scenario.deadlines {
        lines.append(
          "| \(md(deadline.label)) | \(deadline.missed.count) | \(deadline.missed.total)"
            + " | \(deadline.missed.percent) | \(deadline.late) |")
      }
    }
    lines.append("")
    lines.append("### Promises")
    lines.append("")
    lines.append(Self.promisesLine(scenario.promises))
    if scenario.statements > 0 {
      lines.append("")
      lines.append("### Statements")
      lines.append("")
      lines.append(
        "\(Self.plural(scenario.statements, "statement")), mean score"
          + " \(Self.statistic(scenario.meanStatementScore)).")
      lines.append("")
      lines.append("| criterion | pass | partial | fail | pass rate |")
      lines.append("|---|---:|---:|---:|---:|")
      for criterion in scenario.criteria {
        lines.append(
          "| \(md(criterion.label)) | \(criterion.pass) | \(criterion.partial) | \(criterion.fail)"
            + " | \(criterion.passed.percent) |")
      }
    }
    lines.append("")
    lines.append("### Decisions (item analysis)")
    lines.append("")
    lines.append("*\(md(Self.itemNote))*")
    if let note = Self.indicativeNote(scenario) {
      lines.append("")
      lines.append("**\(md(note))**")
    }
    lines.append("")
    lines.append("Reliability: \(md(Self.reliabilityText(scenario.reliability))).")
    for decision in scenario.decisions {
      lines.append("")
      var heading = "#### \(md(decision.title ?? decision.node))"
      if decision.flag != nil { heading += " ⚑" }
      lines.append(heading)
      lines.append("")
      var summary = "Met by \(decision.reached)"
      if let discrimination = decision.discrimination {
        summary +=
          "; groups of \(decision.groupSize); D = \(ReportNumber.signed(discrimination))"
          + " (top: \(decision.upperTookBest) of \(decision.groupSize) took the strongest option,"
          + " bottom: \(decision.lowerTookBest) of \(decision.groupSize))"
      }
      summary += Self.itemRestText(decision)
      if decision.flag != nil { summary += ". **\(Self.flagText(decision.flag))**" }
      lines.append(summary + ".")
      lines.append("")
      lines.append("| option | strongest | chose | share | mean overall | D |")
      lines.append("|---|---|---:|---:|---:|---:|")
      for option in decision.options {
        lines.append(
          "| \(md(option.text)) | \(option.best ? "✓" : "") | \(option.chosen)"
            + " | \(ReportNumber.percent(option.share))"
            + " | \(option.meanOverall.map(ReportNumber.whole) ?? "–")"
            + " | \(option.discrimination.map(ReportNumber.signed) ?? "–") |")
      }
    }
    if let turn = scenario.wrongTurn {
      lines.append("")
      lines.append(
        "**Most common wrong turn:** \(turn.takers.count) of \(turn.takers.total) chose"
          + " ‘\(md(turn.text))’ at ‘\(md(turn.title ?? turn.node))’; stronger:"
          + " ‘\(md(turn.bestText))’.")
    }
    return lines
  }
}
