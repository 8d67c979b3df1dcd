import SOSCore

/// Renders a cohort's results (``CohortAnalysis``) as text, Markdown, a self-contained
/// HTML page with SVG charts, CSV (one row per session) or JSON. Pure: data in, text
/// out. Every name and text from sessions and scenarios is cleaned or escaped for the
/// format.
///
/// ```swift
/// let report = CohortReport(analysis: CohortAnalysis(cohort: "spring", attempts: attempts))
/// let page = report.render(.html)
/// ```
public struct CohortReport: Sendable {
  public var analysis: CohortAnalysis

  /// Prepares to render an analysis.
  public init(analysis: CohortAnalysis) {
    self.analysis = analysis
  }

  /// The report in `format`.
  public func render(_ format: ReportFormat) -> String {
    switch format {
    case .text: return text()
    case .markdown: return markdown()
    case .html: return html()
    case .csv: return csv()
    case .json: return json()
    }
  }

  /// The whole analysis as JSON (pretty, sorted keys).
  public func json() -> String {
    ReportText.json(analysis)
  }

  // MARK: - Shared wording

  static func dimensionName(_ dimension: QualityDimension) -> String {
    dimension == .coverage ? "stakeholder coverage" : dimension.rawValue
  }

  /// `12 sessions (10 finished, 1 active, 1 abandoned) · 11 trainees · 2 scenarios`.
  var countsLine: String {
    let counts = analysis.counts
    var states = ["\(counts.finished) finished"]
    if counts.active > 0 { states.append("\(counts.active) active") }
    if counts.abandoned > 0 { states.append("\(counts.abandoned) abandoned") }
    return "\(Self.plural(counts.sessions, "session")) (\(states.joined(separator: ", ")))"
      + " · \(Self.plural(counts.trainees, "trainee"))"
      + " · \(Self.plural(counts.scenarios, "scenario"))"
  }

  /// How the statistics count, in a sentence.
  var countingNote: String {
    analysis.includesPractice
      ? "Statistics count each trainee once per scenario: their latest attempt played to an"
        + " ending, practice included."
      : "Statistics count each trainee once per scenario: their latest assessed attempt played"
        + " to an ending (practice sessions are listed, not counted)."
  }

  /// `2 hand-ins look edited` for the flagged list's heading.
  var flaggedHeading: String {
    let count = analysis.flagged.count
    return count == 1 ? "1 hand-in looks edited" : "\(count) hand-ins look edited"
  }

  static let itemNote =
    "Item analysis: each trainee's first answer at each decision. D = discrimination index:"
    + " the share of the top 27 % (by overall score) who took the strongest option minus the"
    + " share of the bottom 27 % who did. ⚑ marks |D| ≥ 0.3 with at least"
    + " \(ItemAnalysis.minimumForFlag) trainees."

  /// `text` on one line, cut to `limit` characters with an ellipsis.
  static func short(_ text: String, _ limit: Int = 100) -> String {
    let line = ReportText.clean(text).replacingNewlines
    return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
  }

  static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  static func attempt(_ result: CohortAnalysis.AttemptResult?) -> String {
    guard let result else { return "–" }
    return "\(ReportNumber.whole(result.overall)) \(result.grade)"
  }

  static func statistic(_ value: Double?) -> String {
    value.map { ReportNumber.fixed($0, digits: 1) } ?? "–"
  }

  static func flagText(_ flag: ItemAnalysis.Flag?) -> String {
    switch flag {
    case .separates: return "⚑ strong and weak trainees part ways"
    case .reversed: return "⚑ weaker trainees took the strongest option more often"
    case nil: return ""
    }
  }

  static func promisesLine(_ promises: ScenarioAnalysis.PromiseSummary) -> String {
    guard promises.made > 0 else { return "No promises were made." }
    return "\(plural(promises.made, "promise")) made: \(promises.keptOnTime) kept on time,"
      + " \(promises.keptLate) kept late, \(promises.broken.count) broken"
      + " (\(promises.broken.percent))."
  }

  static func scenarioLine(_ scenario: ScenarioAnalysis) -> String {
    var line =
      "\(plural(scenario.sessions, "session")), \(plural(scenario.counted, "trainee")) counted;"
      + " pass mark \(ReportNumber.whole(scenario.passMark));"
      + " passed: \(scenario.passed.count) of \(scenario.passed.total) (\(scenario.passed.percent))"
    if scenario.versions > 1 {
      line += "; played with \(scenario.versions) versions of the scenario file"
    }
    return line
  }

  // MARK: - Text

  /// The report for a terminal or a text file.
  public func text() -> String {
    let clean = ReportText.clean
    var lines: [String] = []
    lines.append("Cohort report: \(clean(analysis.cohort))")
    if let description = analysis.description { lines.append(clean(description)) }
    if let filter = analysis.scenarioFilter { lines.append("Scenario: \(clean(filter))") }
    if analysis.anonymised { lines.append("Trainee names are replaced by pseudonyms.") }
    lines.append(countsLine)
    lines.append(countingNote)
    if analysis.counts.sessions == 0 {
      lines.append("")
      lines.append("No sessions yet. Trainees join with: sos play ID --cohort NAME")
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append("")
    lines.append("Debrief these first")
    if analysis.priorities.isEmpty { lines.append("  Nothing stands out yet.") }
    for (index, priority) in analysis.priorities.enumerated() {
      lines.append("  \(index + 1). \(clean(priority.text))")
    }
    lines.append(
      "  Deadlines missed: \(analysis.deadlinesMissed.count) of \(analysis.deadlinesMissed.total)"
        + " (\(analysis.deadlinesMissed.percent)); promises broken:"
        + " \(analysis.promisesBroken.count) of \(analysis.promisesBroken.total)"
        + " (\(analysis.promisesBroken.percent)).")

    lines.append("")
    lines.append("Trainees")
    lines += TextColumns.render(
      header: ["TRAINEE", "SCENARIO", "ATTEMPTS", "FINISHED", "LATEST", "BEST"],
      rows: analysis.trainees.map { row in
        [
          clean(row.trainee).replacingNewlines, row.scenario, String(row.attempts),
          String(row.finished), Self.attempt(row.latest), Self.attempt(row.best),
        ]
      }, numeric: [2, 3]
    ).map { "  " + $0 }

    for scenario in analysis.scenarios {
      lines.append("")
      lines += scenarioText(scenario)
    }

    if !analysis.flagged.isEmpty {
      lines.append("")
      lines.append(flaggedHeading)
      for flag in analysis.flagged { lines.append("  " + clean(flag).replacingNewlines) }
    }
    if !analysis.problems.isEmpty {
      lines.append("")
      lines.append("Sessions that could not be replayed")
      for problem in analysis.problems { lines.append("  " + clean(problem).replacingNewlines) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func scenarioText(_ scenario: ScenarioAnalysis) -> [String] {
    let clean = ReportText.clean
    var lines: [String] = []
    lines.append("Scenario: \(clean(scenario.title)) (\(scenario.id))")
    lines.append("  " + Self.scenarioLine(scenario))
    guard scenario.counted > 0 else {
      lines.append("  No finished attempts yet.")
      return lines
    }
    lines.append("")
    let scores: [(String, ScoreStatistics)] = [
      ("Overall", scenario.overall), ("Timeliness", scenario.timeliness),
      ("Communication", scenario.communication), ("Outcome", scenario.outcome),
    ]
    lines += TextColumns.render(
      header: ["SCORE", "MEAN", "SD", "MIN", "MEDIAN", "MAX"],
      rows: scores.map { name, statistics in
        [
          name, Self.statistic(statistics.mean), Self.statistic(statistics.standardDeviation),
          Self.statistic(statistics.minimum), Self.statistic(statistics.median),
          Self.statistic(statistics.maximum),
        ]
      }, numeric: [1, 2, 3, 4, 5]
    ).map { "  " + $0 }

    lines.append("")
    lines.append("  Overall scores")
    let largest = max(scenario.overall.histogram.largestCount, 1)
    for bin in scenario.overall.histogram.bins.reversed() {
      let label = "\(bin.lower)–\(bin.upper)".padding(toLength: 7)
      let bar = String(repeating: "█", count: bin.count * 30 / largest)
      lines.append("    \(label) │\(bar)\(bin.count > 0 ? " \(bin.count)" : "")")
    }

    lines.append("")
    lines.append("  Dimensions (mean, SD, n)")
    for summary in scenario.dimensions where summary.count > 0 {
      let name = Self.dimensionName(summary.dimension).padding(toLength: 22)
      let mean = Self.statistic(summary.mean)
      let bar = String(repeating: "█", count: Int(((summary.mean ?? 0) / 5).rounded()))
      lines.append(
        "    \(name) \(mean.leftPadded(5)) \(Self.statistic(summary.standardDeviation).leftPadded(5))"
          + " \(String(summary.count).leftPadded(3))  \(bar)")
    }

    if !scenario.deadlines.isEmpty {
      lines.append("")
      lines.append("  Deadlines")
      for deadline in scenario.deadlines {
        lines.append(
          "    \(clean(deadline.label)): missed by \(deadline.missed.count) of"
            + " \(deadline.missed.total) (\(deadline.missed.percent)), met late by \(deadline.late)"
        )
      }
    }
    lines.append("")
    lines.append("  Promises: " + Self.promisesLine(scenario.promises))

    if scenario.statements > 0 {
      lines.append("")
      lines.append(
        "  Statements: \(scenario.statements), mean score"
          + " \(Self.statistic(scenario.meanStatementScore))")
      lines += TextColumns.render(
        header: ["CRITERION", "PASS", "PARTIAL", "FAIL", "PASS RATE"],
        rows: scenario.criteria.map { criterion in
          [
            clean(criterion.label).replacingNewlines, String(criterion.pass),
            String(criterion.partial), String(criterion.fail), criterion.passed.percent,
          ]
        }, numeric: [1, 2, 3, 4]
      ).map { "    " + $0 }
    }

    lines.append("")
    lines.append("  Decisions")
    lines.append("    " + Self.itemNote)
    for decision in scenario.decisions {
      lines.append("")
      var heading = "    \(clean(decision.title ?? decision.node).replacingNewlines)"
      heading += " — met by \(decision.reached)"
      if let discrimination = decision.discrimination {
        heading += "; groups of \(decision.groupSize); D \(ReportNumber.signed(discrimination))"
      }
      if decision.flag != nil { heading += "  " + Self.flagText(decision.flag) }
      lines.append(heading)
      for option in decision.options {
        let mark = option.best ? "✓" : " "
        let share = ReportNumber.percent(option.share).leftPadded(4)
        let mean = option.meanOverall.map { "mean \(ReportNumber.whole($0))" } ?? "–"
        let index = option.discrimination.map { "D \(ReportNumber.signed($0))" } ?? ""
        lines.append(
          "      \(mark) \(share)  \(mean.padding(toLength: 8)) \(index.padding(toLength: 7))"
            + " \(Self.short(option.text))")
      }
    }
    if let turn = scenario.wrongTurn {
      lines.append("")
      lines.append(
        "  Most common wrong turn: \(turn.takers.count) of \(turn.takers.total) chose"
          + " ‘\(Self.short(turn.text))’ at ‘\(clean(turn.title ?? turn.node))’; stronger:"
          + " ‘\(Self.short(turn.bestText))’")
    }
    return lines
  }
}

extension String {
  /// Line breaks as spaces, for one-line table cells.
  var replacingNewlines: String {
    String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
  }

  func leftPadded(_ length: Int) -> String {
    count >= length ? self : String(repeating: " ", count: length - count) + self
  }
}
