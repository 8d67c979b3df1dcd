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
    + " share of the bottom 27 % who did. r = item–rest correlation: how taking the strongest"
    + " option here goes with the mean credit at the other decisions the trainee met"
    + " (point-biserial, −1 to +1; about +0.3 or more: the decision agrees with the rest on who"
    + " did well). ⚑ marks |D| ≥ 0.3 with at least \(ItemAnalysis.minimumForFlag) trainees;"
    + " with fewer than \(ItemAnalysis.settledCount), only where r agrees (r ≥ 0.3, or ≤ −0.3"
    + " when weaker trainees did better)."

  /// What a small group's item statistics are worth, in a sentence; `nil` for a group
  /// of ``ItemAnalysis/settledCount`` or more.
  static func indicativeNote(_ scenario: ScenarioAnalysis) -> String? {
    guard scenario.indicative else { return nil }
    return "Indicative: \(plural(scenario.counted, "trainee")); item statistics settle from"
      + " about \(ItemAnalysis.settledCount). Read D, r and α as hints, and no decision is"
      + " flagged on D alone."
  }

  /// `α 0.72 over 3 of 4 decisions (those every trainee met), 5 trainees; indicative`.
  static func reliabilityText(_ reliability: Reliability) -> String {
    guard let alpha = reliability.alpha else {
      return "α – (\(reliability.missing?.words ?? "not computed"))"
    }
    return "α \(ReportNumber.fixed(alpha, digits: 2)) over \(reliability.decisions) of"
      + " \(plural(reliability.decisionsMet, "decision")) (those every trainee met),"
      + " \(plural(reliability.trainees, "trainee"))"
      + (reliability.indicative ? "; indicative" : "")
  }

  static let reliabilityHelp =
    "Reliability (Cronbach's α) says how consistently the decisions rank trainees: 0.7 or"
    + " more is usually called acceptable; lower, the decisions rank trainees differently"
    + " (they may test different skills, or the group may be too alike to tell apart); below"
    + " 0, they pull against each other: check the scenario. It uses only the decisions every"
    + " trainee met, grows with their number, and with fewer than"
    + " \(ItemAnalysis.settledCount) trainees it is indicative."

  /// The scenarios with counted trainees, for the summary's reliability lines.
  var scenariosWithResults: [ScenarioAnalysis] { analysis.scenarios.filter { $0.counted > 0 } }

  /// `Overall: median 70.0, IQR 55.0–78.0 (mean 61.2)`; `nil` when not skewed.
  static func skewNote(_ name: String, mean: Double?, skewed: Bool, quartiles: Quartiles?)
    -> String?
  {
    guard skewed, let mean, let quartiles else { return nil }
    return "\(name): median \(statistic(quartiles.median)), IQR"
      + " \(statistic(quartiles.lower))–\(statistic(quartiles.upper)) (mean \(statistic(mean)))"
  }

  /// The line before the skewed scores, saying how to read them.
  static let skewHeading =
    "Skewed: read the median and the interquartile range (IQR, the middle half of the"
    + " scores) rather than the mean for"

  /// The first quartile, median and third quartile of a distribution.
  struct Quartiles {
    var lower: Double
    var median: Double
    var upper: Double

    init?(_ lower: Double?, _ median: Double?, _ upper: Double?) {
      guard let lower, let median, let upper else { return nil }
      self.lower = lower
      self.median = median
      self.upper = upper
    }

    init?(_ statistics: ScoreStatistics) {
      self.init(statistics.lowerQuartile, statistics.median, statistics.upperQuartile)
    }

    init?(_ summary: ScenarioAnalysis.DimensionSummary) {
      self.init(summary.lowerQuartile, summary.median, summary.upperQuartile)
    }
  }

  /// The skewed scores and dimensions of a scenario, one short line each, after a
  /// heading that says how to read them; empty when nothing is skewed.
  static func skewNotes(_ scenario: ScenarioAnalysis) -> [String] {
    let scores: [(String, ScoreStatistics)] = [
      ("Overall", scenario.overall), ("Timeliness", scenario.timeliness),
      ("Communication", scenario.communication), ("Outcome", scenario.outcome),
    ]
    let notes =
      scores.compactMap { name, statistics in
        skewNote(
          name, mean: statistics.mean, skewed: statistics.skewed, quartiles: Quartiles(statistics))
      }
      + scenario.dimensions.compactMap { summary in
        skewNote(
          "\(dimensionName(summary.dimension)) (dimension)", mean: summary.mean,
          skewed: summary.skewed, quartiles: Quartiles(summary))
      }
    return notes.isEmpty ? [] : [skewHeading + ":"] + notes
  }

  /// `; item–rest r = +0.65 (8 trainees); indicative` for a decision's summary line.
  static func itemRestText(_ decision: ItemAnalysis) -> String {
    guard decision.reached >= 2 else { return "" }
    var text = "; item–rest r = "
    if let itemRest = decision.itemRest {
      text += "\(ReportNumber.signed(itemRest)) (\(plural(decision.itemRestCount, "trainee")))"
    } else {
      text +=
        decision.itemRestCount < 3
        ? "– (fewer than 3 trainees met another decision)" : "– (nothing varies to correlate)"
    }
    return text + (decision.indicative ? "; indicative" : "")
  }

  /// `groups of 2; D +0.50; r +0.65 (n = 8); indicative` for a decision's heading.
  static func decisionIndices(_ decision: ItemAnalysis) -> String {
    var parts: [String] = []
    if let discrimination = decision.discrimination {
      parts.append("groups of \(decision.groupSize); D \(ReportNumber.signed(discrimination))")
    }
    if let itemRest = decision.itemRest {
      parts.append("r \(ReportNumber.signed(itemRest)) (n = \(decision.itemRestCount))")
    } else if decision.reached >= 2 {
      parts.append("r –")
    }
    if decision.indicative, decision.reached >= 2 { parts.append("indicative") }
    return parts.joined(separator: "; ")
  }

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

  /// A site's label as the reports show it.
  static func siteName(_ site: String?) -> String { site ?? "(no site)" }

  /// A site's mean overall score, or a dash.
  static func mean(_ value: Double?) -> String {
    value.map { ReportNumber.fixed($0, digits: 1) } ?? "–"
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
    if !scenariosWithResults.isEmpty {
      lines.append("")
      lines.append("Reliability of the decisions")
      for scenario in scenariosWithResults {
        lines.append(
          "  \(clean(scenario.title).replacingNewlines): \(Self.reliabilityText(scenario.reliability))"
        )
      }
      lines.append("  " + Self.reliabilityHelp)
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

    if analysis.sites.count > 1 {
      lines.append("")
      lines.append("Sites")
      lines += TextColumns.render(
        header: ["SITE", "SESSIONS", "TRAINEES", "COUNTED", "MEAN", "PASSED"],
        rows: analysis.sites.map { row in
          [
            clean(Self.siteName(row.site)).replacingNewlines, String(row.sessions),
            String(row.trainees), String(row.counted), Self.mean(row.meanOverall),
            "\(row.passed) of \(row.counted)",
          ]
        }, numeric: [1, 2, 3, 4]
      ).map { "  " + $0 }
    }

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
      header: ["SCORE", "MEAN", "SD", "MIN", "Q1", "MEDIAN", "Q3", "MAX"],
      rows: scores.map { name, statistics in
        [
          name, Self.statistic(statistics.mean), Self.statistic(statistics.standardDeviation),
          Self.statistic(statistics.minimum), Self.statistic(statistics.lowerQuartile),
          Self.statistic(statistics.median), Self.statistic(statistics.upperQuartile),
          Self.statistic(statistics.maximum),
        ]
      }, numeric: [1, 2, 3, 4, 5, 6, 7]
    ).map { "  " + $0 }
    lines += Self.skewNotes(scenario).enumerated().map { $0 == 0 ? "  " + $1 : "    " + $1 }

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
      var line =
        "    \(name) \(mean.leftPadded(5)) \(Self.statistic(summary.standardDeviation).leftPadded(5))"
        + " \(String(summary.count).leftPadded(3))  \(bar)"
      if summary.skewed, let quartiles = Quartiles(summary) {
        line +=
          "  skewed: median \(Self.statistic(quartiles.median)), IQR"
          + " \(Self.statistic(quartiles.lower))–\(Self.statistic(quartiles.upper))"
      }
      lines.append(line)
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
    if let note = Self.indicativeNote(scenario) { lines.append("    " + note) }
    lines.append("    Reliability: " + Self.reliabilityText(scenario.reliability) + ".")
    for decision in scenario.decisions {
      lines.append("")
      var heading = "    \(clean(decision.title ?? decision.node).replacingNewlines)"
      heading += " — met by \(decision.reached)"
      let indices = Self.decisionIndices(decision)
      if !indices.isEmpty { heading += "; " + indices }
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
