import Foundation
import SOSCore

/// Renders a session's debrief (``Debrief``) as text for the terminal, as Markdown,
/// or as JSON. Pure: data in, text out. Text from scenario and session files is
/// stripped of control characters before it is rendered.
public struct DebriefReport: Sendable {
  public var debrief: Debrief
  public var startsAt: Int?

  /// Creates a report from a debrief.
  public init(debrief: Debrief, startsAt: Int? = nil) {
    self.debrief = debrief
    self.startsAt = startsAt
  }

  /// Builds the debrief of a scored session and prepares to render it.
  public init(
    scenario: Scenario, report: ScoreReport, events: [SessionEvent], trainee: String? = nil,
    session: String? = nil
  ) {
    self.init(
      debrief: Debrief(
        scenario: scenario, report: report, events: events, trainee: trainee, session: session),
      startsAt: scenario.startsAt)
  }

  func clock(_ time: ClockDuration) -> String {
    CrisisClock.label(startsAt: startsAt, clock: time)
  }

  /// A score as every command shows it (``ScoreFormat/points(_:)``): rounded once, to a
  /// tenth, so the debrief, `sos sessions`, `sos score` and the reports agree.
  static func number(_ value: Double) -> String { ScoreFormat.points(value) }

  /// Untrusted text without control characters, its paragraphs' lines joined so
  /// that the terminal can wrap them.
  static func clean(_ text: String) -> String {
    Prose.reflow(ReportText.clean(text))
  }

  static func dimensionName(_ dimension: QualityDimension) -> String {
    dimension == .coverage ? "stakeholder coverage" : dimension.rawValue
  }

  static func planName(_ part: PlanPart) -> String {
    switch part {
    case .research: return "Research and education"
    case .communications: return "Communications to every level"
    case .timeline: return "Timeline, stages and kept promises"
    case .resources: return "Resources: most hands on deck"
    case .realism: return "Realism"
    }
  }

  // MARK: - Text

  /// The debrief for a terminal: unwrapped lines (the caller wraps to its width).
  /// `brief` leaves out the ledger and the timeline, as at the end of play.
  public func text(style: some ReportStyle = PlainStyle(), brief: Bool = false) -> String {
    let report = debrief.report
    var lines: [String] = []
    var title = "Debrief: \(Self.clean(debrief.title))"
    if let trainee = debrief.trainee { title += " — \(Self.clean(trainee))" }
    lines.append(style.heading(title))
    if let ending = debrief.ending {
      lines.append("Ending: \(Self.clean(ending)) (outcome \(Self.number(report.outcome))/100)")
    } else {
      lines.append(style.warning("Play did not reach an ending."))
    }
    lines.append("")
    let verdict = report.passed ? style.good("pass") : style.danger("not yet a pass")
    lines.append(
      style.emphasis(
        "Overall \(Self.number(debrief.overall.score))/100 — \(debrief.overall.grade)")
        + " (\(verdict); pass mark \(Self.number(report.passMark)))")
    if let cap = report.cap { lines.append(style.warning("  The overall score is " + cap + ".")) }
    lines.append(
      "  Timeliness     \(Self.number(debrief.timeliness.score))/100  \(debrief.timeliness.grade)"
        + "  (weight \(report.weights.timeliness))")
    lines.append(
      "  Communication  \(Self.number(debrief.communication.score))/100  \(debrief.communication.grade)"
        + "  (weight \(report.weights.communication))")
    lines.append(
      "  Outcome        \(Self.number(report.outcome))/100"
        + "  (weight \(report.weights.outcome))")
    for dimension in debrief.dimensions {
      let name = Self.dimensionName(dimension.dimension).padding(toLength: 22)
      lines.append("    \(name) \(Self.number(dimension.score))/100  \(dimension.grade)")
    }

    lines.append("")
    lines.append(style.heading("Strengths"))
    if debrief.strengths.isEmpty { lines.append("  (none stood out)") }
    for entry in debrief.strengths {
      lines.append(style.good("  + ") + Self.clean(entry.reason))
    }
    lines.append("")
    lines.append(style.heading("Areas for improvement"))
    if debrief.improvements.isEmpty { lines.append("  " + noImprovements) }
    for entry in debrief.improvements {
      lines.append(
        style.danger("  − \(Self.points(entry.shortfall)) ") + Self.clean(entry.reason))
    }

    lines.append("")
    lines.append(style.heading("Deadlines"))
    for deadline in debrief.deadlines {
      let label = Self.clean(deadline.label)
      if let met = deadline.metAt {
        if let late = deadline.lateBy {
          lines.append(
            style.warning("  ! \(label): met at \(clock(met)), \(CrisisClock.span(late)) late"))
        } else {
          lines.append(style.good("  ✓ \(label): met at \(clock(met)) (by \(clock(deadline.by)))"))
        }
      } else {
        lines.append(style.danger("  ✗ \(label): missed (due \(clock(deadline.by)))"))
      }
    }
    if debrief.deadlines.isEmpty { lines.append("  (this scenario sets none)") }

    lines.append("")
    lines.append(style.heading("Who heard from you"))
    for row in debrief.stakeholders {
      let name = Self.clean(row.label) + (row.required ? " (required)" : "")
      if row.contacts.isEmpty {
        let text = "  · \(name): never"
        lines.append(row.required ? style.danger(text) : text)
      } else {
        let times = row.contacts.map { clock($0.at) }
        lines.append("  ✓ \(name): \(times.joined(separator: ", "))")
      }
    }

    if !report.statements.isEmpty {
      lines.append("")
      lines.append(style.heading("Your statements"))
      for statement in report.statements {
        lines.append(
          "  To \(Self.clean(stakeholderLabel(statement.audience))) (\(statement.channel.rawValue)),"
            + " \(clock(statement.at)): \(statement.analysis.score)/100")
        lines.append(style.dim("    “" + Self.clean(statement.text) + "”"))
        if let reason = statement.analysis.nonsense {
          lines.append(style.warning("    Not yet a statement: " + Self.clean(reason) + "."))
        }
        if let summary = statement.analysis.capSummary {
          lines.append(style.warning("    " + Self.clean(summary)))
        }
        for criterion in statement.analysis.criteria {
          let mark: String
          switch criterion.result {
          case .pass: mark = style.good("✓")
          case .partial: mark = style.warning("~")
          case .fail: mark = style.danger("✗")
          }
          var line =
            "    \(mark) \(Self.clean(criterion.label)) \(criterion.points)/\(criterion.max)"
          if !criterion.evidence.isEmpty {
            line +=
              " — "
              + criterion.evidence.prefix(3).map { "“\(Self.clean($0))”" }.joined(separator: ", ")
          }
          lines.append(line)
          if criterion.result != .pass, !criterion.advice.isEmpty {
            lines.append(style.feedback("        " + Self.clean(criterion.advice)))
          }
        }
      }
    }

    lines.append("")
    lines.append(style.heading("The strong response"))
    if debrief.strongResponse.isEmpty {
      lines.append(style.good("  You took the strongest option at every decision."))
    }
    for decision in debrief.strongResponse {
      let place = decision.title.map(Self.clean) ?? decision.node
      lines.append("  \(style.clock(clock(decision.at)))  \(place)")
      lines.append("    You: \(Self.clean(decision.chosenText))")
      lines.append(style.good("    Stronger: \(Self.clean(decision.bestText))"))
      if let feedback = decision.bestFeedback {
        lines.append(style.feedback("    " + Self.clean(feedback)))
      }
    }

    lines.append("")
    lines.append(style.heading("Your service crisis plan"))
    for part in debrief.plan {
      let name = Self.planName(part.part)
      guard let score = part.score else {
        lines.append(style.dim("  · \(name): not tested by this scenario"))
        continue
      }
      lines.append(
        "  · \(name): \(Self.number(score))/100 over \(part.decisions) decision"
          + (part.decisions == 1 ? "" : "s"))
    }

    if !brief {
      lines.append("")
      lines.append(style.heading("Timeline"))
      for moment in debrief.timeline where moment.kind != .contact {
        var text = Self.clean(moment.text)
        if text.count > 110 { text = String(text.prefix(110)) + "…" }
        if let due = moment.due { text += " (due \(clock(due)))" }
        let line = "  \(clock(moment.at))  \(text)"
        switch moment.kind {
        case .inject, .timeout: lines.append(style.warning(line))
        case .deadline where moment.text.hasPrefix("Missed"): lines.append(style.danger(line))
        default: lines.append(line)
        }
      }
      lines.append("")
      lines.append(style.heading("The ledger"))
      lines += ledgerLines(style: style)
    }

    if !debrief.reflection.isEmpty {
      lines.append("")
      lines.append(style.heading("To reflect on"))
      for question in debrief.reflection { lines.append("  · " + Self.clean(question)) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The scores and the whole ledger, for `sos score`.
  public func scoreText(style: some ReportStyle = PlainStyle()) -> String {
    let report = debrief.report
    var lines: [String] = []
    var title = "Scores: \(Self.clean(debrief.title))"
    if let trainee = debrief.trainee { title += " — \(Self.clean(trainee))" }
    if let session = debrief.session { title += " (session \(session))" }
    lines.append(style.heading(title))
    if !report.finished { lines.append(style.warning("Play did not reach an ending.")) }
    lines.append(
      style.emphasis("Overall \(Self.points(report.overall))/100 — \(report.grade)")
        + (report.passed
          ? " (pass)" : " (not yet a pass; pass mark \(Self.number(report.passMark)))"))
    lines.append(
      "  = (\(report.weights.timeliness) × timeliness \(Self.points(report.timeliness))"
        + " + \(report.weights.communication) × communication \(Self.points(report.communication))"
        + " + \(report.weights.outcome) × outcome \(Self.points(report.outcome)))"
        + " / \(report.weights.timeliness + report.weights.communication + report.weights.outcome)")
    if let cap = report.cap { lines.append("  and then " + cap) }
    lines.append("")
    lines += ledgerLines(style: style)
    return lines.joined(separator: "\n") + "\n"
  }

  static func points(_ value: Double) -> String { ScoreFormat.points(value) }

  /// What the debrief says when no entry is an area for improvement: either nothing
  /// lost points, or every entry that did still earned the pass mark's share (and so
  /// is a strength, not an area for improvement).
  var noImprovements: String {
    let report = debrief.report
    guard report.ledger.contains(where: { ScoreFormat.tenths($0.shortfall) > 0 }) else {
      return "(nothing lost points)"
    }
    return
      "(none: every entry that lost points still earned at least \(Self.points(report.passMark))%"
      + " of its points)"
  }

  func stakeholderLabel(_ id: String) -> String {
    debrief.stakeholders.first { $0.id == id }?.label ?? id
  }

  /// Every entry, grouped by score, with points of maximum.
  func ledgerLines(style: some ReportStyle) -> [String] {
    var lines: [String] = []
    for component in LedgerEntry.Component.allCases {
      let entries = debrief.report.entries(component)
      let total = entries.reduce(0) { $0 + $1.points }
      lines.append(
        "  \(component.rawValue.capitalized): \(Self.points(total)) = the sum of these entries")
      for entry in entries {
        let amount =
          entry.maximum > 0
          ? "\(Self.points(entry.points))/\(Self.points(entry.maximum))"
          : Self.points(entry.points)
        let line = "    \(amount.padding(toLength: 10)) \(Self.clean(entry.reason))"
        if entry.points < 0 || (entry.maximum > 0 && entry.points < entry.maximum * 0.5) {
          lines.append(style.danger(line))
        } else {
          lines.append(line)
        }
      }
    }
    return lines
  }

  // MARK: - Markdown

  /// The debrief as Markdown, complete.
  public func markdown() -> String {
    let report = debrief.report
    var lines: [String] = []
    var title = "# Debrief: \(ReportText.markdown(debrief.title))"
    if let trainee = debrief.trainee { title += " — \(ReportText.markdown(trainee))" }
    lines.append(title)
    lines.append("")
    if let ending = debrief.ending {
      lines.append(
        "Ending: **\(ReportText.markdown(ending))** (outcome \(Self.number(report.outcome))/100)")
    } else {
      lines.append("Play did not reach an ending.")
    }
    lines.append("")
    lines.append("| score | points | grade | weight |")
    lines.append("|---|---:|---|---:|")
    lines.append(
      "| **Overall** | \(Self.number(report.overall)) | \(debrief.overall.grade) | |")
    lines.append(
      "| Timeliness | \(Self.number(report.timeliness)) | \(debrief.timeliness.grade) | \(report.weights.timeliness) |"
    )
    lines.append(
      "| Communication | \(Self.number(report.communication)) | \(debrief.communication.grade) | \(report.weights.communication) |"
    )
    lines.append("| Outcome | \(Self.number(report.outcome)) | | \(report.weights.outcome) |")
    if let cap = report.cap {
      lines.append("")
      lines.append("The overall score is \(ReportText.markdown(cap)).")
    }
    for dimension in debrief.dimensions {
      lines.append(
        "| · \(Self.dimensionName(dimension.dimension)) | \(Self.number(dimension.score)) | \(dimension.grade) | |"
      )
    }
    lines.append("")
    lines.append(
      report.passed
        ? "**Pass** (pass mark \(Self.number(report.passMark)))."
        : "Not yet a pass (pass mark \(Self.number(report.passMark))).")
    lines.append("")
    lines.append("## Strengths")
    lines.append("")
    if debrief.strengths.isEmpty { lines.append("(none stood out)") }
    for entry in debrief.strengths { lines.append("- \(ReportText.markdown(entry.reason))") }
    lines.append("")
    lines.append("## Areas for improvement")
    lines.append("")
    if debrief.improvements.isEmpty { lines.append(noImprovements) }
    for entry in debrief.improvements {
      lines.append("- (−\(Self.points(entry.shortfall))) \(ReportText.markdown(entry.reason))")
    }
    lines.append("")
    lines.append("## Deadlines")
    lines.append("")
    lines.append("| deadline | due | result |")
    lines.append("|---|---|---|")
    for deadline in debrief.deadlines {
      let result: String
      if let met = deadline.metAt {
        result =
          deadline.lateBy.map { "met at \(clock(met)), \(CrisisClock.span($0)) late" }
          ?? "met at \(clock(met))"
      } else {
        result = "**missed**"
      }
      lines.append("| \(ReportText.markdown(deadline.label)) | \(clock(deadline.by)) | \(result) |")
    }
    lines.append("")
    lines.append("## Who heard from you")
    lines.append("")
    lines.append("| stakeholder | required | heard from you at |")
    lines.append("|---|---|---|")
    for row in debrief.stakeholders {
      let times =
        row.contacts.isEmpty ? "never" : row.contacts.map { clock($0.at) }.joined(separator: ", ")
      lines.append(
        "| \(ReportText.markdown(row.label)) | \(row.required ? "yes" : "") | \(times) |")
    }
    if !report.statements.isEmpty {
      lines.append("")
      lines.append("## Your statements")
      for statement in report.statements {
        lines.append("")
        lines.append(
          "### To \(ReportText.markdown(stakeholderLabel(statement.audience))) (\(statement.channel.rawValue)), \(clock(statement.at)): \(statement.analysis.score)/100"
        )
        lines.append("")
        lines.append(
          "> " + ReportText.markdown(statement.text).replacingOccurrences(of: "\n", with: "\n> "))
        lines.append("")
        if let reason = statement.analysis.nonsense {
          lines.append("Not yet a statement: \(ReportText.markdown(reason)).")
          lines.append("")
        }
        if let summary = statement.analysis.capSummary {
          lines.append(ReportText.markdown(summary))
          lines.append("")
        }
        lines.append("| criterion | result | points | evidence / advice |")
        lines.append("|---|---|---:|---|")
        for criterion in statement.analysis.criteria {
          let evidence = criterion.evidence.prefix(3).map { "“\(ReportText.markdown($0))”" }.joined(
            separator: ", ")
          let note =
            criterion.result == .pass
            ? evidence
            : [evidence, ReportText.markdown(criterion.advice)].filter { !$0.isEmpty }.joined(
              separator: " — ")
          lines.append(
            "| \(ReportText.markdown(criterion.label)) | \(criterion.result.rawValue) | \(criterion.points)/\(criterion.max) | \(note) |"
          )
        }
      }
    }
    lines.append("")
    lines.append("## The strong response")
    lines.append("")
    if debrief.strongResponse.isEmpty {
      lines.append("You took the strongest option at every decision.")
    }
    for decision in debrief.strongResponse {
      lines.append(
        "- **\(clock(decision.at)) \(ReportText.markdown(decision.title ?? decision.node))** — you: \(ReportText.markdown(decision.chosenText)). Stronger: *\(ReportText.markdown(decision.bestText))*."
          + (decision.bestFeedback.map { " " + ReportText.markdown($0) } ?? ""))
    }
    lines.append("")
    lines.append("## Your service crisis plan")
    lines.append("")
    for part in debrief.plan {
      let result =
        part.score.map {
          "\(Self.number($0))/100 over \(part.decisions) decision\(part.decisions == 1 ? "" : "s")"
        } ?? "not tested by this scenario"
      lines.append("- **\(Self.planName(part.part))**: \(result)")
    }
    lines.append("")
    lines.append("## Timeline")
    lines.append("")
    for moment in debrief.timeline where moment.kind != .contact {
      var text = ReportText.markdown(moment.text)
      if let due = moment.due { text += " (due \(clock(due)))" }
      lines.append("- \(clock(moment.at)) — \(text)")
    }
    lines.append("")
    lines.append("## The ledger")
    for component in LedgerEntry.Component.allCases {
      let entries = report.entries(component)
      lines.append("")
      lines.append(
        "### \(component.rawValue.capitalized): \(Self.points(entries.reduce(0) { $0 + $1.points }))"
      )
      lines.append("")
      lines.append("| points | of | reason |")
      lines.append("|---:|---:|---|")
      for entry in entries {
        lines.append(
          "| \(Self.points(entry.points)) | \(Self.points(entry.maximum)) | \(ReportText.markdown(entry.reason)) |"
        )
      }
    }
    if !debrief.reflection.isEmpty {
      lines.append("")
      lines.append("## To reflect on")
      lines.append("")
      for question in debrief.reflection { lines.append("- \(ReportText.markdown(question))") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - JSON

  /// The whole debrief as JSON (pretty, sorted keys).
  public func json() -> String {
    ReportText.json(debrief)
  }
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
