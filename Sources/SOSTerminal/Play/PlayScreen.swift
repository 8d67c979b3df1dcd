import SOSCore

/// Everything the play loop shows, as text: the briefing, each decision, what
/// happened after an answer, and the answers to `status`, `timeline`,
/// `stakeholders`, `hint` and `help`. Pure: it renders values and never reads or
/// writes the terminal, so plain mode and the tests see exactly what a trainee sees.
public struct PlayScreen: Sendable {
  public var engine: Engine
  public var palette: Palette
  /// The width to wrap to.
  public var width: Int
  /// How `help` tells the trainee to continue later: `sos resume` on the command
  /// line, `resume` inside the shell.
  public var resumeCommand = "sos resume"

  /// Creates a screen for one scenario.
  public init(engine: Engine, palette: Palette, width: Int) {
    self.engine = engine
    self.palette = palette
    self.width = max(width, 20)
  }

  var scenario: Scenario { engine.scenario }

  /// Untrusted text from a scenario or a session, cleaned and wrapped.
  func prose(_ text: String, indent: Int = 0) -> String {
    let cleaned = Prose.reflow(Sanitizer.text(text).trimmingTrailingNewlines())
    let pad = String(repeating: " ", count: indent)
    return TextWrapper(width: width - indent).wrap(cleaned)
      .split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
  }

  func wrapped(_ text: String, indent: Int = 0) -> String {
    TextWrapper(width: width, indent: String(repeating: " ", count: indent)).wrap(text)
  }

  func clock(_ time: ClockDuration) -> String {
    CrisisClock.label(startsAt: scenario.startsAt, clock: time)
  }

  func stakeholderName(_ id: String) -> String {
    Sanitizer.singleLine(scenario.stakeholders.first { $0.id == id }?.label ?? id)
  }

  func deadlineLabel(_ deadline: Deadline) -> String {
    Sanitizer.singleLine(deadline.label)
  }

  func rule() -> String {
    palette.dim(String(repeating: "─", count: min(width, 72)))
  }

  // MARK: - Start

  /// The title, role, briefing, deadlines and how to play.
  public func briefing(options: SessionOptions) -> String {
    var lines: [String] = []
    lines.append(palette.heading(wrapped(Sanitizer.singleLine(scenario.title))))
    let mode = options.mode == .practice ? "practice mode" : "assessment mode"
    lines.append(
      palette.dim(
        wrapped(
          "\(scenario.kind.rawValue) · \(scenario.difficulty.rawValue) · about"
            + " \(scenario.minutes) minute\(scenario.minutes == 1 ? "" : "s") · \(mode)"
            + (options.timed ? " · timed" : ""))))
    lines.append("")
    lines.append(prose("You are: " + scenario.role))
    lines.append("")
    lines.append(prose(scenario.briefing))
    lines.append("")
    let required = scenario.stakeholders.filter(\.required).map { stakeholderName($0.id) }
    if !required.isEmpty {
      lines.append(wrapped("Who must hear from you: " + required.joined(separator: ", ") + "."))
    }
    for deadline in scenario.deadlines {
      lines.append(
        wrapped("Deadline: \(deadlineLabel(deadline)) — by \(clock(deadline.by))", indent: 2))
    }
    lines.append("")
    var help =
      "Type the number of an option. 'status', 'timeline' and 'stakeholders' show where"
      + " you stand; 'help' lists the commands; 'quit' saves and leaves."
    if options.mode == .practice {
      help += " 'hint' gives a hint and 'undo' takes back a decision."
    }
    if options.timed { help += " Each decision has a time limit." }
    lines.append(palette.dim(wrapped(help)))
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - A decision

  /// The status line: the clock, the next deadline and its time left, open promises.
  public func statusLine(_ state: SessionState) -> String {
    var parts = [palette.clock(clock(state.clock))]
    if let next = nextDeadline(state) {
      let left = next.by - state.clock
      let text = "next: \(deadlineLabel(next)) — \(CrisisClock.span(left)) left"
      parts.append(left <= ClockDuration.hours(1) ? palette.warning(text) : text)
    } else if let overdue = overdueDeadline(state) {
      parts.append(palette.danger("overdue: \(deadlineLabel(overdue))"))
    }
    let open = state.openPromises.count
    if open > 0 { parts.append("\(open) open promise\(open == 1 ? "" : "s")") }
    return parts.joined(separator: palette.dim(" · "))
  }

  /// The earliest deadline neither met nor missed whose `by` is still ahead.
  func nextDeadline(_ state: SessionState) -> Deadline? {
    scenario.deadlines.filter { deadline in
      state.metDeadlines[deadline.id] == nil && !state.missedDeadlines.contains(deadline.id)
        && deadline.by >= state.clock
    }.min { $0.by < $1.by }
  }

  /// A deadline past `by` but still in its grace period.
  func overdueDeadline(_ state: SessionState) -> Deadline? {
    scenario.deadlines.first { deadline in
      state.metDeadlines[deadline.id] == nil && !state.missedDeadlines.contains(deadline.id)
        && deadline.by < state.clock
    }
  }

  /// The node's heading and text, shown when play enters it.
  public func node(_ state: SessionState) -> String {
    guard let node = engine.node(of: state) else { return "" }
    var lines = ["", rule(), wrapped(statusLine(state), indent: 2)]
    if let title = node.title {
      lines.append(palette.heading(wrapped(Sanitizer.singleLine(title))))
    }
    lines.append("")
    lines.append(prose(engine.text(of: node, in: state)))
    return lines.joined(separator: "\n") + "\n"
  }

  /// The offered options, numbered.
  public func options(_ state: SessionState) -> String {
    let offered = engine.offeredChoices(in: state)
    let digits = String(offered.count).count
    return offered.enumerated().map { index, choice in
      let number = String(index + 1)
      let label = String(repeating: " ", count: digits - number.count) + number + ". "
      let body = TextWrapper(width: width - label.count).wrap(
        Sanitizer.singleLine(engine.text(of: choice, in: state)))
      return body.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated().map { line, text in
          (line == 0 ? palette.emphasis(label) : String(repeating: " ", count: label.count))
            + text
        }.joined(separator: "\n")
    }.joined(separator: "\n") + "\n"
  }

  /// The prompt for a choice among the offered options: exactly `choice [1-N]> `.
  public func choicePrompt(_ state: SessionState) -> String {
    let count = engine.offeredChoices(in: state).count
    return count == 1 ? "choice [1]> " : "choice [1-\(count)]> "
  }

  /// The task for a typed statement: who it is for, the channel and its limit.
  public func writeTask(_ choice: Choice) -> String {
    guard let task = choice.write else { return "" }
    var lines = [""]
    let limit = task.characterLimit.map { ", at most \($0) character\($0 == 1 ? "" : "s")" } ?? ""
    lines.append(
      palette.heading(
        wrapped(
          "Write to \(stakeholderName(task.audience.value)) (\(task.channel.rawValue)\(limit))")))
    lines.append(prose(task.prompt))
    return lines.joined(separator: "\n") + "\n"
  }

  /// On a terminal, below the statement task: how to send, leave, and use a command
  /// word, dimmed and wrapped like the rest; with `draftKept`, that the draft typed
  /// before a timeout is still there.
  public func statementHelp(draftKept: Bool) -> String {
    var text =
      "Type your statement; press Enter on an empty line to send it, or Ctrl-D to save"
      + " and leave without sending it. 'quit' or 'help' alone on the first line is a"
      + " command; type \\quit to write the word itself."
    if draftKept {
      text +=
        " Your draft is kept below: go on typing, then press Enter on an empty line to send it."
    }
    return palette.dim(wrapped(text)) + "\n"
  }

  /// A statement draft that was not sent, for the trainee to copy: it is not saved.
  public func unsentDraft(_ draft: StatementDraft) -> String {
    var lines = [
      palette.warning(wrapped("Your statement was not sent, and drafts are not saved; here it is:"))
    ]
    for line in draft.text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(
        TextWrapper(width: width, indent: "  ").wrap("  " + Sanitizer.singleLine(String(line))))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - After an answer

  /// What happened after an answer: the option taken, feedback in practice mode,
  /// injects, promises, deadlines, and the ending.
  public func outcome(of events: [SessionEvent], state: SessionState) -> String {
    var lines: [String] = []
    let practice = state.options.mode == .practice
    for event in events {
      switch event {
      case .choiceMade(_, let choice, _, _):
        if let taken = choiceNamed(choice) {
          lines.append(
            palette.dim(
              wrapped("→ " + Sanitizer.singleLine(engine.text(of: taken, in: state)), indent: 2)))
          if practice, taken.write == nil, let feedback = taken.feedback {
            lines.append(palette.feedback(prose(feedback, indent: 2)))
          }
        }
      case .statementWritten(let choice, let audience, let text, _):
        let count = text.count
        lines.append(
          palette.dim(
            wrapped(
              "→ Sent to \(stakeholderName(audience)): \(count) character\(count == 1 ? "" : "s").",
              indent: 2)))
        if practice, let taken = choiceNamed(choice) {
          if let task = taken.write { lines.append(statementFeedback(text, task: task)) }
          if let feedback = taken.feedback {
            lines.append(palette.feedback(prose(feedback, indent: 2)))
          }
        }
      case .statementScored(_, _, let isStatement, let nextUpdate):
        if !isStatement {
          lines.append(
            palette.warning(
              wrapped(
                "That says nothing your readers can use: it reaches nobody as an update.",
                indent: 2)))
        } else if practice, nextUpdate == nil {
          lines.append(
            palette.dim(
              wrapped(
                "Your statement names no time for the next update, so it makes no promise.",
                indent: 2)))
        }
      case .statementOutcome(_, _, let text), .chanceDrawn(_, _, _, let text):
        if let text {
          lines.append("")
          lines.append(prose(engine.text(text, in: state)))
        }
      case .promiseNotYetDue(let id, _):
        if let promise = state.promises.first(where: { $0.id == id }) {
          lines.append(
            palette.dim(
              wrapped(
                "Promise to \(stakeholderName(promise.stakeholder))"
                  + " (\(Sanitizer.singleLine(promise.label))) was not yet due when play ended.")))
        }
      case .injectFired(let id, let at):
        if let inject = scenario.injects.first(where: { $0.id == id }) {
          lines.append("")
          lines.append(palette.warning("⚑ " + clock(at)))
          // The inject's text reads the clock at its own time, not after a long action.
          var moment = state
          moment.clock = at
          lines.append(prose(engine.text(of: inject, in: moment)))
        }
      case .promiseMade(_, let stakeholder, let label, let due):
        lines.append(
          palette.dim(
            wrapped(
              "You promised \(stakeholderName(stakeholder)) \(Sanitizer.singleLine(label))"
                + " by \(clock(due)).")))
      case .promiseKept(let id, let at, let onTime):
        if let promise = state.promises.first(where: { $0.id == id }) {
          let text =
            "Promise to \(stakeholderName(promise.stakeholder)) kept at \(clock(at))"
            + (onTime ? "." : ", late.")
          lines.append(onTime ? palette.good(wrapped(text)) : palette.warning(wrapped(text)))
        }
      case .promiseBroken(let id, _):
        if let promise = state.promises.first(where: { $0.id == id }) {
          lines.append(
            palette.danger(
              wrapped(
                "Promise to \(stakeholderName(promise.stakeholder))"
                  + " (\(Sanitizer.singleLine(promise.label))) broken.")))
        }
      case .deadlineMet(let id, let at):
        if let deadline = scenario.deadlines.first(where: { $0.id == id }) {
          let late = at > deadline.by
          let text =
            "Deadline \(late ? "met late" : "met"): \(deadlineLabel(deadline)) at \(clock(at))."
          lines.append(late ? palette.warning(wrapped(text)) : palette.good(wrapped(text)))
        }
      case .deadlineMissed(let id, _):
        if let deadline = scenario.deadlines.first(where: { $0.id == id }) {
          lines.append(palette.danger(wrapped("Deadline missed: \(deadlineLabel(deadline)).")))
        }
      case .timedOut(let node, _):
        lines.append(palette.warning("Time is up."))
        if let text = scenario.nodes.first(where: { $0.id == node })?.onTimeout?.text {
          lines.append(prose(engine.text(text, in: state)))
        } else {
          lines.append(prose("You hesitate, and the crisis does not wait: the clock moves on."))
        }
      case .undone(let decisions):
        lines.append(
          palette.dim(
            decisions == 1 ? "Undone. 1 decision stands." : "Undone. \(decisions) decisions stand.")
        )
      case .endingReached(let node, _, let at):
        if let ending = scenario.nodes.first(where: { $0.id == node }) {
          lines.append("")
          lines.append(rule())
          lines.append(palette.clock(clock(at)))
          lines.append(palette.heading(wrapped(Sanitizer.singleLine(ending.title ?? "The end"))))
          lines.append("")
          lines.append(prose(engine.text(of: ending, in: state)))
        }
      case .stalled(let node, _):
        lines.append(
          palette.danger(
            wrapped(
              "No option can be taken at '\(node)': the scenario file has a dead end here."
                + " Play ends.")))
      case .started, .nodeEntered, .clockAdvanced, .stakeholderContacted, .diverted, .returned,
        .optionsShown:
        break
      }
    }
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  /// In practice mode, the statement's score and the criteria it missed, with advice.
  func statementFeedback(_ text: String, task: WriteTask) -> String {
    let analysis = StatementAnalyzer().analyze(
      text, channel: task.channel, audience: task.audience.value, must: task.must,
      avoid: task.avoid, limit: task.limit)
    var lines = [palette.feedback("  Your statement scores \(analysis.score)/100.")]
    if let summary = analysis.capSummary {
      lines.append(palette.warning(wrapped("  " + Sanitizer.singleLine(summary), indent: 4)))
    }
    let missed = analysis.criteria.filter { $0.result != .pass }
      .sorted { ($0.max - $0.points) > ($1.max - $1.points) }
    for criterion in missed.prefix(4) {
      let mark = criterion.result == .partial ? "~" : "✗"
      let advice = criterion.advice.isEmpty ? "" : ": " + criterion.advice
      lines.append(
        palette.feedback(
          wrapped("  \(mark) " + Sanitizer.singleLine(criterion.label + advice), indent: 4)))
    }
    if missed.count > 4 {
      lines.append(palette.feedback("    … and \(missed.count - 4) more in the debrief."))
    }
    return lines.joined(separator: "\n")
  }

  func choiceNamed(_ id: String) -> Choice? {
    scenario.nodes.lazy.flatMap(\.choices).first { $0.id == id }
  }

  // MARK: - Commands

  /// `status`: the clock; each deadline with time left, met at, or missed; open
  /// promises; stakeholders and when each last heard from you.
  public func status(_ state: SessionState) -> String {
    var lines = [palette.heading("Status at \(clock(state.clock))")]
    if !scenario.deadlines.isEmpty {
      lines.append("Deadlines:")
      for deadline in scenario.deadlines {
        let label = deadlineLabel(deadline)
        if let met = state.metDeadlines[deadline.id] {
          let late = met > deadline.by
          let text = wrapped(
            "  ✓ \(label) — met at \(clock(met))" + (late ? " (late)" : ""), indent: 4)
          lines.append(late ? palette.warning(text) : palette.good(text))
        } else if state.missedDeadlines.contains(deadline.id) {
          lines.append(
            palette.danger(
              wrapped("  ✗ \(label) — missed (due \(clock(deadline.by)))", indent: 4)))
        } else if deadline.by >= state.clock {
          let left = deadline.by - state.clock
          let text = wrapped(
            "  · \(label) — due \(clock(deadline.by)), \(CrisisClock.span(left)) left", indent: 4)
          lines.append(left <= ClockDuration.hours(1) ? palette.warning(text) : text)
        } else {
          let cutoff = deadline.by + deadline.grace
          lines.append(
            palette.warning(
              wrapped(
                "  ! \(label) — overdue since \(clock(deadline.by)); no credit after"
                  + " \(clock(cutoff))", indent: 4)))
        }
      }
    }
    let open = state.openPromises
    lines.append(open.isEmpty ? "Open promises: none" : "Open promises:")
    for promise in open {
      let left = promise.due - state.clock
      let late = promise.due < state.clock
      let text = wrapped(
        "  · to \(stakeholderName(promise.stakeholder)): \(Sanitizer.singleLine(promise.label))"
          + " — due \(clock(promise.due))"
          + (late ? " (late)" : ", \(CrisisClock.span(left)) left"), indent: 4)
      lines.append(late ? palette.danger(text) : text)
    }
    lines.append(stakeholderLines(state, heading: "Stakeholders:"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `stakeholders`: who must hear from you, and when each last did.
  public func stakeholders(_ state: SessionState) -> String {
    stakeholderLines(state, heading: palette.heading("Stakeholders at \(clock(state.clock))"))
      + "\n"
  }

  func stakeholderLines(_ state: SessionState, heading: String) -> String {
    var lines = [heading]
    for stakeholder in scenario.stakeholders {
      let name = stakeholderName(stakeholder.id) + (stakeholder.required ? " (required)" : "")
      if let last = state.contacts[stakeholder.id]?.max() {
        let count = state.contacts[stakeholder.id]?.count ?? 0
        lines.append(
          wrapped(
            "  ✓ \(name) — last heard from you at \(clock(last))"
              + (count > 1 ? " (\(count) times)" : ""), indent: 4))
      } else {
        let text = wrapped("  · \(name) — not yet heard from you", indent: 4)
        lines.append(stakeholder.required ? palette.warning(text) : text)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `timeline`: what happened so far, on the crisis clock.
  public func timeline(_ events: [SessionEvent]) -> String {
    var lines = [palette.heading("Timeline")]
    for event in events {
      switch event {
      case .nodeEntered(let node, let at):
        if let title = scenario.nodes.first(where: { $0.id == node })?.title {
          lines.append(
            wrapped("\(palette.clock(clock(at)))  \(Sanitizer.singleLine(title))", indent: 4))
        }
      case .choiceMade(_, let choice, _, let at):
        if let taken = choiceNamed(choice) {
          lines.append(
            wrapped(
              "\(palette.clock(clock(at)))  you: \(Sanitizer.singleLine(taken.text))", indent: 4))
        }
      case .statementWritten(_, let audience, _, let at):
        lines.append(
          wrapped(
            "\(palette.clock(clock(at)))  statement to \(stakeholderName(audience))", indent: 4))
      case .injectFired(let id, let at):
        if let inject = scenario.injects.first(where: { $0.id == id }) {
          let first = Sanitizer.singleLine(inject.text)
          let short = first.count > 80 ? String(first.prefix(80)) + "…" : first
          lines.append(palette.warning(wrapped("\(clock(at))  ⚑ \(short)", indent: 4)))
        }
      case .deadlineMet(let id, let at):
        if let deadline = scenario.deadlines.first(where: { $0.id == id }) {
          lines.append(
            palette.good(wrapped("\(clock(at))  ✓ \(deadlineLabel(deadline))", indent: 4)))
        }
      case .deadlineMissed(let id, let at):
        if let deadline = scenario.deadlines.first(where: { $0.id == id }) {
          lines.append(
            palette.danger(wrapped("\(clock(at))  ✗ missed: \(deadlineLabel(deadline))", indent: 4))
          )
        }
      case .promiseMade(_, let stakeholder, let label, let due):
        lines.append(
          wrapped(
            "    promised \(stakeholderName(stakeholder)) \(Sanitizer.singleLine(label))"
              + " by \(clock(due))", indent: 4))
      case .timedOut(_, let at):
        lines.append(palette.warning("\(clock(at))  time ran out"))
      default:
        break
      }
    }
    if lines.count == 1 { lines.append("Nothing has happened yet.") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `hint` in practice mode: the hints the scenario gives for this decision.
  public func hint(_ state: SessionState) -> String {
    let hints = engine.offeredChoices(in: state).compactMap(\.hint)
    guard !hints.isEmpty else {
      return wrapped(
        "No hint for this decision. Think about who needs to hear what, and when.") + "\n"
    }
    return hints.map { palette.feedback(prose("Hint: " + $0)) }.joined(separator: "\n") + "\n"
  }

  /// `help` at a choice prompt.
  public func help(_ state: SessionState) -> String {
    let count = engine.offeredChoices(in: state).count
    var lines = [
      count == 1
        ? "  1             take the option"
        : "  " + "1–\(count)".padding(toLength: 14) + "take that option",
      "  status        the clock, deadlines, promises and stakeholders",
      "  timeline      what has happened so far",
      "  stakeholders  who has heard from you, and when",
    ]
    if state.options.mode == .practice {
      lines.append("  hint          a hint for this decision")
      lines.append("  undo          take back your last decision")
    }
    lines.append("  quit          save and leave (continue later with: \(resumeCommand))")
    return lines.map { wrapped($0, indent: 16) }.joined(separator: "\n") + "\n"
  }
}

extension String {
  func trimmingTrailingNewlines() -> String {
    var text = self
    while text.last == "\n" { text.removeLast() }
    return text
  }
}
