import Foundation
import SOSCore

// MARK: - HTML

extension CohortReport {
  /// The report as one self-contained HTML page: inline CSS and SVG charts, no
  /// scripts, no external resources; well-formed XML (XHTML syntax), readable when
  /// printed, with headings, table captions and headers, and a title and description
  /// on every chart. It reads on a phone 390 px wide: each table scrolls sideways in
  /// its own box (a focusable, labelled region), charts scale down, long words wrap, and
  /// the page itself never pans sideways.
  public func html() -> String {
    let e = HTMLText.escape
    var body: [String] = []
    body.append("<header>")
    body.append("<h1>Cohort report: \(e(analysis.cohort))</h1>")
    if let description = analysis.description {
      body.append("<p class=\"lead\">\(e(description))</p>")
    }
    var notes: [String] = []
    if let filter = analysis.scenarioFilter { notes.append("Scenario: \(e(filter))") }
    if analysis.anonymised { notes.append("Trainee names are replaced by pseudonyms.") }
    if !notes.isEmpty { body.append("<p>\(notes.joined(separator: " · "))</p>") }
    body.append("</header>")
    body.append("<main>")
    body.append(summaryHTML())
    if analysis.counts.sessions == 0 {
      body.append(
        "<p>No sessions yet. Trainees join with: <code>sos play ID --cohort NAME</code></p>")
    } else {
      body.append(prioritiesHTML())
      body.append(traineesHTML())
      if analysis.sites.count > 1 { body.append(sitesHTML()) }
      for (index, scenario) in analysis.scenarios.enumerated() {
        body.append(scenarioHTML(scenario, number: index + 1))
      }
      body.append(sessionsHTML())
      if !analysis.flagged.isEmpty {
        body.append("<section aria-labelledby=\"flagged\">")
        body.append("<h2 id=\"flagged\">\(e(flaggedHeading))</h2><ul>")
        for flag in analysis.flagged { body.append("<li>\(e(flag))</li>") }
        body.append("</ul></section>")
      }
      if !analysis.problems.isEmpty {
        body.append("<section aria-labelledby=\"problems\">")
        body.append("<h2 id=\"problems\">Sessions that could not be replayed</h2><ul>")
        for problem in analysis.problems { body.append("<li>\(e(problem))</li>") }
        body.append("</ul></section>")
      }
    }
    body.append("</main>")
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>Cohort report: \(e(analysis.cohort))</title>
      <style>
      \(Self.css)
      </style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  static let css = """
    :root { color-scheme: light; }
    *, *::before, *::after { box-sizing: border-box; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1080px; padding: 24px 28px 48px;
      overflow-wrap: break-word; }
    h1 { font-size: 1.9em; margin: 0 0 .2em; color: #13324f; }
    h2 { font-size: 1.4em; color: #13324f; border-bottom: 2px solid #1f4e79; padding-bottom: .15em;
      margin: 1.8em 0 .6em; }
    h3 { font-size: 1.12em; margin: 1.4em 0 .4em; color: #13324f; }
    h4 { font-size: 1em; margin: 1.1em 0 .3em; }
    h1, h2, h3, h4, p, li, figcaption, code { overflow-wrap: anywhere; }
    p { margin: .4em 0; }
    .lead { font-size: 1.1em; }
    .note { color: #4a4a4a; font-size: .92em; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: .92em; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 1em 0; padding: 0; list-style: none; }
    .cards li { border: 1px solid #b8c4d0; border-radius: 6px; padding: .5em 1em; min-width: 8.5em; }
    .cards .value { display: block; font-size: 1.6em; font-weight: 700; color: #1f4e79; }
    .reliability { border-left: 5px solid #1f4e79; background: #f2f6fa; padding: .5em 1em; margin: .8em 0; }
    .reliability ul { margin: .3em 0; padding-left: 1.4em; }
    .priorities { background: #fdf6ec; border-left: 5px solid #9a3412; padding: .6em 1em .6em 2.4em;
      margin: .6em 0; }
    .priorities li { margin: .35em 0; }
    .indicative { border-left: 5px solid #9a3412; padding: .3em .8em; background: #fdf6ec; }
    .table-scroll { max-width: 100%; overflow-x: auto; margin: .4em 0 1em; }
    .table-scroll:focus { outline: 2px solid #1f4e79; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; margin: 0; font-size: .93em; }
    caption { text-align: left; font-weight: 600; padding: .3em 0; position: sticky; left: 0;
      max-width: calc(100vw - 48px); }
    th, td { border-bottom: 1px solid #d3dae2; padding: .3em .5em; text-align: left; vertical-align: top; }
    thead th { background: #eaf0f6; border-bottom: 2px solid #7f98b2; }
    tbody th { font-weight: 600; min-width: 8em; }
    table.options tbody th { font-weight: normal; min-width: 12em; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .best { color: #14532d; font-weight: 700; }
    .flag { color: #9a3412; font-weight: 700; }
    .charts { display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: flex-start; }
    .charts figure { flex: 0 1 auto; min-width: 0; max-width: 100%; }
    figure { margin: .4em 0; max-width: 100%; }
    figcaption { font-weight: 600; margin-bottom: .3em; }
    svg { display: block; max-width: 100%; height: auto; }
    svg.share { display: inline-block; vertical-align: middle; }
    svg, .priorities, .reliability, .indicative, thead th { -webkit-print-color-adjust: exact;
      print-color-adjust: exact; }
    section.scenario { border-top: 1px solid #d3dae2; margin-top: 2em; }
    @media (max-width: 600px) {
      body { padding: 14px 12px 32px; font-size: 14px; }
      h1 { font-size: 1.5em; }
      h2 { font-size: 1.25em; }
      .cards { gap: 8px; }
      .cards li { min-width: 0; flex: 1 1 40%; padding: .4em .6em; }
      .priorities { padding-left: 1.8em; }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      h2, h3, h4 { break-after: avoid; }
      figure, tr, .priorities, .cards { break-inside: avoid; }
      .table-scroll { overflow: visible; }
      section.scenario { break-before: page; border-top: none; margin-top: 0; }
    }
    @page { margin: 14mm; }
    """

  func summaryHTML() -> String {
    let counts = analysis.counts
    var items = [
      ("sessions", counts.sessions), ("finished", counts.finished), ("trainees", counts.trainees),
      ("scenarios", counts.scenarios),
    ]
    if counts.active > 0 { items.append(("active", counts.active)) }
    if counts.abandoned > 0 { items.append(("abandoned", counts.abandoned)) }
    var html = "<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>"
    html += "<ul class=\"cards\">"
    for (name, value) in items {
      html += "<li><span class=\"value\">\(value)</span> \(name)</li>"
    }
    html +=
      "<li><span class=\"value\">\(analysis.deadlinesMissed.percent)</span> deadlines missed"
      + " (\(analysis.deadlinesMissed.count) of \(analysis.deadlinesMissed.total))</li>"
      + "<li><span class=\"value\">\(analysis.promisesBroken.percent)</span> promises broken"
      + " (\(analysis.promisesBroken.count) of \(analysis.promisesBroken.total))</li>"
    html += "</ul><p class=\"note\">\(HTMLText.escape(countingNote))</p>"
    if analysis.counts.sessions > 0, !scenariosWithResults.isEmpty {
      html += "<div class=\"reliability\"><strong>Reliability of the decisions</strong><ul>"
      for scenario in scenariosWithResults {
        html +=
          "<li>\(HTMLText.escape(scenario.title)): "
          + "\(HTMLText.escape(Self.reliabilityText(scenario.reliability)))</li>"
      }
      html += "</ul><p class=\"note\">\(HTMLText.escape(Self.reliabilityHelp))</p></div>"
    }
    return html + "</section>"
  }

  func prioritiesHTML() -> String {
    var html = "<section aria-labelledby=\"first\"><h2 id=\"first\">Debrief these first</h2>"
    if analysis.priorities.isEmpty {
      html += "<p>Nothing stands out yet.</p>"
    } else {
      html += "<ol class=\"priorities\">"
      for priority in analysis.priorities {
        html += "<li>\(HTMLText.escape(priority.text))</li>"
      }
      html += "</ol>"
    }
    if let turn = analysis.commonWrongTurn,
      !analysis.priorities.contains(where: { $0.kind == .wrongTurn })
    {
      html +=
        "<p><strong>Most common wrong turn:</strong> \(turn.takers.count) of \(turn.takers.total)"
        + " chose ‘\(HTMLText.escape(turn.text))’ at"
        + " ‘\(HTMLText.escape(turn.title ?? turn.node))’"
        + (analysis.scenarios.count > 1 ? " (\(HTMLText.escape(turn.scenarioTitle)))" : "")
        + "; stronger: ‘\(HTMLText.escape(turn.bestText))’.</p>"
    }
    return html + "</section>"
  }

  func traineesHTML() -> String {
    let e = HTMLText.escape
    var html = "<table><caption>Latest and best finished attempt per trainee and scenario</caption>"
    html +=
      "<thead><tr><th scope=\"col\">Trainee</th><th scope=\"col\">Scenario</th>"
      + "<th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\" class=\"num\">Finished</th>"
      + "<th scope=\"col\">Latest</th><th scope=\"col\">Best</th></tr></thead><tbody>"
    for row in analysis.trainees {
      html +=
        "<tr><th scope=\"row\">\(e(row.trainee))</th><td>\(e(row.scenario))</td>"
        + "<td class=\"num\">\(row.attempts)</td><td class=\"num\">\(row.finished)</td>"
        + "<td>\(e(Self.attempt(row.latest)))</td><td>\(e(Self.attempt(row.best)))</td></tr>"
    }
    return "<section aria-labelledby=\"trainees\"><h2 id=\"trainees\">Trainees</h2>"
      + Self.scrolling(html + "</tbody></table>", label: "Trainees") + "</section>"
  }

  func sitesHTML() -> String {
    let e = HTMLText.escape
    var html = "<table><caption>Sessions and counted results per site</caption>"
    html +=
      "<thead><tr><th scope=\"col\">Site</th><th scope=\"col\" class=\"num\">Sessions</th>"
      + "<th scope=\"col\" class=\"num\">Trainees</th><th scope=\"col\" class=\"num\">Counted</th>"
      + "<th scope=\"col\" class=\"num\">Mean overall</th>"
      + "<th scope=\"col\" class=\"num\">Passed</th></tr></thead><tbody>"
    for row in analysis.sites {
      html +=
        "<tr><th scope=\"row\">\(e(Self.siteName(row.site)))</th>"
        + "<td class=\"num\">\(row.sessions)</td><td class=\"num\">\(row.trainees)</td>"
        + "<td class=\"num\">\(row.counted)</td><td class=\"num\">\(Self.mean(row.meanOverall))</td>"
        + "<td class=\"num\">\(row.passed)</td></tr>"
    }
    return "<section aria-labelledby=\"sites\"><h2 id=\"sites\">Sites</h2>"
      + Self.scrolling(html + "</tbody></table>", label: "Sites") + "</section>"
  }

  func scenarioHTML(_ scenario: ScenarioAnalysis, number: Int) -> String {
    let e = HTMLText.escape
    let id = "s\(number)"
    var html = "<section class=\"scenario\" aria-labelledby=\"\(id)\">"
    html += "<h2 id=\"\(id)\">\(e(scenario.title)) <code>\(e(scenario.id))</code></h2>"
    html += "<p>\(e(Self.scenarioLine(scenario))).</p>"
    guard scenario.counted > 0 else {
      return html + "<p>No finished attempts yet.</p></section>"
    }

    let overallQuartiles = Quartiles(scenario.overall)
    html += "<h3>Scores</h3><div class=\"charts\">"
    html +=
      "<figure><figcaption>Overall scores</figcaption>"
      + SVGChart.histogram(
        scenario.overall.histogram, passMark: scenario.passMark,
        quartiles: scenario.overall.skewed
          ? overallQuartiles.map { ($0.lower, $0.median, $0.upper) } : nil,
        id: "\(id)-histogram",
        title: "Overall scores in \(scenario.title): trainees per band of ten points")
      + "</figure>"
    var bars: [SVGChart.Bar] = []
    let components: [(String, ScoreStatistics)] = [
      ("Overall", scenario.overall), ("Timeliness", scenario.timeliness),
      ("Communication", scenario.communication), ("Outcome", scenario.outcome),
    ]
    for (name, statistics) in components {
      if let mean = statistics.mean {
        bars.append(
          Self.bar(
            name, mean: mean, spread: statistics.standardDeviation, skewed: statistics.skewed,
            quartiles: Quartiles(statistics)))
      }
    }
    for summary in scenario.dimensions {
      if let mean = summary.mean {
        bars.append(
          Self.bar(
            Self.dimensionName(summary.dimension), mean: mean, spread: summary.standardDeviation,
            skewed: summary.skewed, quartiles: Quartiles(summary)))
      }
    }
    let anySkewed = bars.contains { $0.range != nil }
    html +=
      "<figure><figcaption>"
      + (anySkewed ? "Means ± 1 SD; medians and IQR where skewed" : "Means and spread (± 1 SD)")
      + "</figcaption>"
      + SVGChart.bars(
        bars, separatorAfter: components.filter { $0.1.mean != nil }.count, id: "\(id)-means",
        title: "Mean scores and dimensions in \(scenario.title), with their spread")
      + "</figure></div>"
    if anySkewed {
      html +=
        "<p class=\"note\">Blue bars: the mean, with a whisker of ± 1 standard deviation."
        + " Purple bars (“med”): the scores are skewed (mean and median more than 0.2 SD apart),"
        + " so the bar is the median and the whisker the interquartile range, Q1–Q3, where the"
        + " middle half of the scores lie.</p>"
    }

    var table = "<table><caption>Score statistics</caption><thead><tr><th scope=\"col\">Score</th>"
    for heading in ["Mean", "SD", "Min", "Q1", "Median", "Q3", "Max", "n"] {
      table += "<th scope=\"col\" class=\"num\">\(heading)</th>"
    }
    table += "</tr></thead><tbody>"
    for (name, statistics) in components {
      table += "<tr><th scope=\"row\">\(name)</th>"
      for value in [
        statistics.mean, statistics.standardDeviation, statistics.minimum,
        statistics.lowerQuartile, statistics.median, statistics.upperQuartile, statistics.maximum,
      ] {
        table += "<td class=\"num\">\(Self.statistic(value))</td>"
      }
      table += "<td class=\"num\">\(statistics.count)</td></tr>"
    }
    for summary in scenario.dimensions where summary.count > 0 {
      table += "<tr><th scope=\"row\">· \(Self.dimensionName(summary.dimension))</th>"
      for value in [
        summary.mean, summary.standardDeviation, summary.minimum, summary.lowerQuartile,
        summary.median, summary.upperQuartile, summary.maximum,
      ] {
        table += "<td class=\"num\">\(Self.statistic(value))</td>"
      }
      table += "<td class=\"num\">\(summary.count)</td></tr>"
    }
    html += Self.scrolling(table + "</tbody></table>", label: "Score statistics")
    let skews = Self.skewNotes(scenario)
    if !skews.isEmpty {
      html += "<ul class=\"note\">" + skews.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
    }

    html += "<h3>Deadlines and promises</h3>"
    if scenario.deadlines.isEmpty {
      html += "<p>This scenario sets no deadlines.</p>"
    } else {
      var table =
        "<table><caption>Deadlines missed</caption><thead><tr><th scope=\"col\">Deadline</th>"
        + "<th scope=\"col\" class=\"num\">Missed</th><th scope=\"col\" class=\"num\">Miss rate</th>"
        + "<th scope=\"col\"><span class=\"note\">share missed</span></th>"
        + "<th scope=\"col\" class=\"num\">Met late</th></tr></thead><tbody>"
      for (index, deadline) in scenario.deadlines.enumerated() {
        table +=
          "<tr><th scope=\"row\">\(e(deadline.label))</th>"
          + "<td class=\"num\">\(deadline.missed.count) of \(deadline.missed.total)</td>"
          + "<td class=\"num\">\(deadline.missed.percent)</td><td>"
          + SVGChart.share(
            deadline.missed.value ?? 0, id: "\(id)-deadline-\(index)",
            title: "\(deadline.missed.percent) missed \(deadline.label)")
          + "</td><td class=\"num\">\(deadline.late)</td></tr>"
      }
      html += Self.scrolling(table + "</tbody></table>", label: "Deadlines missed")
    }
    html += "<p>\(e(Self.promisesLine(scenario.promises)))</p>"

    if scenario.statements > 0 {
      html += "<h3>Statements</h3>"
      html +=
        "<p>\(Self.plural(scenario.statements, "statement")), mean score"
        + " \(Self.statistic(scenario.meanStatementScore))/100.</p>"
      var table =
        "<table><caption>Statement criteria pass rates</caption><thead><tr>"
        + "<th scope=\"col\">Criterion</th><th scope=\"col\" class=\"num\">Pass</th>"
        + "<th scope=\"col\" class=\"num\">Partial</th><th scope=\"col\" class=\"num\">Fail</th>"
        + "<th scope=\"col\" class=\"num\">Pass rate</th>"
        + "<th scope=\"col\"><span class=\"note\">share passed</span></th></tr></thead><tbody>"
      for (index, criterion) in scenario.criteria.enumerated() {
        table +=
          "<tr><th scope=\"row\">\(e(criterion.label))</th>"
          + "<td class=\"num\">\(criterion.pass)</td><td class=\"num\">\(criterion.partial)</td>"
          + "<td class=\"num\">\(criterion.fail)</td>"
          + "<td class=\"num\">\(criterion.passed.percent)</td><td>"
          + SVGChart.share(
            criterion.passed.value ?? 0, id: "\(id)-criterion-\(index)",
            title: "\(criterion.passed.percent) passed \(criterion.label)")
          + "</td></tr>"
      }
      html += Self.scrolling(table + "</tbody></table>", label: "Statement criteria pass rates")
    }

    html += "<h3>Decisions: item analysis</h3>"
    html += "<p class=\"note\">\(e(Self.itemNote))</p>"
    if let note = Self.indicativeNote(scenario) {
      html += "<p class=\"indicative\"><strong>\(e(note))</strong></p>"
    }
    html +=
      "<p><strong>Reliability:</strong> \(e(Self.reliabilityText(scenario.reliability))).</p>"
    for (index, decision) in scenario.decisions.enumerated() {
      html += decisionHTML(decision, id: "\(id)-d\(index + 1)")
    }
    if let turn = scenario.wrongTurn {
      html +=
        "<p><strong>Most common wrong turn:</strong> \(turn.takers.count) of"
        + " \(turn.takers.total) chose ‘\(e(turn.text))’ at ‘\(e(turn.title ?? turn.node))’;"
        + " stronger: ‘\(e(turn.bestText))’.</p>"
    }
    return html + "</section>"
  }

  static func meanNote(_ mean: Double, _ spread: Double?) -> String {
    ReportNumber.whole(mean) + (spread.map { " ± " + ReportNumber.whole($0) } ?? "")
  }

  /// `table` in a box of its own that scrolls sideways when the table is wider than
  /// the screen; the box is a focusable region named `label`, so that it can be
  /// scrolled from the keyboard.
  static func scrolling(_ table: String, label: String) -> String {
    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\""
      + " aria-label=\"\(HTMLText.escape(label))\">\(table)</div>"
  }

  /// One bar of the means chart: the mean ± SD, or, when the scores are skewed, the
  /// median with the interquartile range.
  static func bar(
    _ label: String, mean: Double, spread: Double?, skewed: Bool, quartiles: Quartiles?
  ) -> SVGChart.Bar {
    if skewed, let quartiles {
      return SVGChart.Bar(
        label: label, value: quartiles.median, spread: nil,
        range: (quartiles.lower, quartiles.upper),
        note: "med " + ReportNumber.whole(quartiles.median) + " ("
          + ReportNumber.whole(quartiles.lower) + "–" + ReportNumber.whole(quartiles.upper) + ")",
        description: "median \(ReportNumber.whole(quartiles.median)), interquartile range"
          + " \(ReportNumber.whole(quartiles.lower))–\(ReportNumber.whole(quartiles.upper)),"
          + " mean \(ReportNumber.whole(mean)) (skewed)")
    }
    return SVGChart.Bar(
      label: label, value: mean, spread: spread, range: nil, note: meanNote(mean, spread),
      description: "mean " + meanNote(mean, spread))
  }

  func decisionHTML(_ decision: ItemAnalysis, id: String) -> String {
    let e = HTMLText.escape
    var html = "<h4 id=\"\(id)\">\(e(decision.title ?? decision.node))"
    if decision.flag != nil {
      html += " <span class=\"flag\">\(e(Self.flagText(decision.flag)))</span>"
    }
    html += "</h4><p>Met by \(decision.reached)"
    if let discrimination = decision.discrimination {
      html +=
        "; groups of \(decision.groupSize); <strong>D = \(ReportNumber.signed(discrimination))"
        + "</strong> (top: \(decision.upperTookBest) of \(decision.groupSize) took the strongest"
        + " option; bottom: \(decision.lowerTookBest) of \(decision.groupSize))"
    }
    html += "\(e(Self.itemRestText(decision))).</p>"
    var table =
      "<table class=\"options\" aria-describedby=\"\(id)\"><thead><tr><th scope=\"col\">Option</th>"
      + "<th scope=\"col\" class=\"num\">Chose</th><th scope=\"col\" class=\"num\">Share</th>"
      + "<th scope=\"col\"><span class=\"note\">share</span></th>"
      + "<th scope=\"col\" class=\"num\">Mean overall</th><th scope=\"col\" class=\"num\">D</th>"
      + "</tr></thead><tbody>"
    for (index, option) in decision.options.enumerated() {
      let label =
        option.best
        ? "<span class=\"best\">✓ \(e(option.text))</span> <span class=\"note\">(strongest)</span>"
        : e(option.text)
      table +=
        "<tr><th scope=\"row\">\(label)</th><td class=\"num\">\(option.chosen)</td>"
        + "<td class=\"num\">\(ReportNumber.percent(option.share))</td><td>"
        + SVGChart.share(
          option.share, id: "\(id)-o\(index + 1)",
          title: "\(ReportNumber.percent(option.share)) chose: \(option.text)")
        + "</td><td class=\"num\">\(option.meanOverall.map(ReportNumber.whole) ?? "–")</td>"
        + "<td class=\"num\">\(option.discrimination.map(ReportNumber.signed) ?? "–")</td></tr>"
    }
    return html
      + Self.scrolling(
        table + "</tbody></table>", label: "Options at \(decision.title ?? decision.node)")
  }

  func sessionsHTML() -> String {
    let e = HTMLText.escape
    var html = "<table><caption>One row per session</caption><thead><tr>"
    for heading in ["Session", "Trainee", "Scenario", "Status", "Started"] {
      html += "<th scope=\"col\">\(heading)</th>"
    }
    for heading in ["Overall", "Timeliness", "Communication"] {
      html += "<th scope=\"col\" class=\"num\">\(heading)</th>"
    }
    html += "<th scope=\"col\">Grade</th></tr></thead><tbody>"
    for row in analysis.sessions {
      html +=
        "<tr><th scope=\"row\"><code>\(e(String(row.session.prefix(8))))</code></th>"
        + "<td>\(e(row.trainee))</td><td>\(e(row.scenario))</td><td>\(row.status.rawValue)</td>"
        + "<td>\(e(String(row.started.prefix(16)).replacingOccurrences(of: "T", with: " ")))</td>"
        + "<td class=\"num\">\(ReportNumber.score(row.overall))</td>"
        + "<td class=\"num\">\(ReportNumber.score(row.timeliness))</td>"
        + "<td class=\"num\">\(ReportNumber.score(row.communication))</td>"
        + "<td>\(e(row.grade ?? ""))</td></tr>"
    }
    return "<section aria-labelledby=\"sessions\"><h2 id=\"sessions\">All sessions</h2>"
      + Self.scrolling(html + "</tbody></table>", label: "All sessions") + "</section>"
  }
}
