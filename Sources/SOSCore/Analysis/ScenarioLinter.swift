/// Finds what is probably not what the author meant, without making the file unusable:
/// unreachable nodes, choices without quality points, flat decisions, deadlines no
/// path can meet, injects that never fire, required stakeholders nobody contacts,
/// statements with no required facts, and a stray `goto: return`.
public enum ScenarioLinter {
  /// The warnings for a valid scenario, in file order.
  public static func warnings(for scenario: Scenario, file: String) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    func warn(
      _ code: DiagnosticCode, _ message: String, at position: SourcePosition,
      notes: [String] = []
    ) {
      warnings.append(
        Diagnostic(.warning, code, message, at: position.location(in: file), notes: notes))
    }

    let reachable = ScenarioGraph(scenario).reachable()
    let bounds = TimingBounds(scenario)

    for node in scenario.nodes where !reachable.contains(node.id) {
      warn(
        .unreachableNode, "node '\(node.id)' cannot be reached from the start", at: node.position)
    }

    for node in scenario.nodes where node.choices.count > 1 {
      let unscored = node.choices.filter { $0.quality.isEmpty }
      for choice in unscored {
        warn(
          .noQuality,
          "choice '\(choice.id)' has no quality points, so it neither earns nor loses communication credit",
          at: choice.position)
      }
      let totals = Set(node.choices.map(\.totalQuality))
      if totals.count == 1, unscored.count < node.choices.count {
        warn(
          .flatDecision,
          "every option at node '\(node.id)' scores the same (\(node.choices[0].totalQuality)), so the decision does not discriminate",
          at: node.position)
      }
    }

    for deadline in scenario.deadlines {
      let cutoff = deadline.by + deadline.grace
      guard let earliest = bounds.earliestTrue(deadline.met.expression) else {
        warn(
          .unmeetableDeadline,
          "no path can meet deadline '\(deadline.id)': nothing in the scenario makes its 'met' condition true",
          at: deadline.position)
        continue
      }
      if earliest > cutoff {
        warn(
          .unmeetableDeadline,
          "deadline '\(deadline.id)' cannot be met in time: the earliest any path meets it is T+\(earliest), after T+\(cutoff)",
          at: deadline.position)
      }
    }

    for inject in scenario.injects {
      if let when = inject.when, bounds.earliestTrue(when.expression) == nil {
        warn(
          .deadInject,
          "inject '\(inject.id)' can never fire: its 'when' condition can never be true",
          at: inject.position)
      } else if let unless = inject.unless, case .literal(.boolean(true)) = unless.expression.kind {
        warn(
          .deadInject, "inject '\(inject.id)' can never fire: 'unless' is always true",
          at: inject.position)
      } else if let latest = bounds.latestEnd, inject.at > latest {
        warn(
          .deadInject,
          "inject '\(inject.id)' can never fire in untimed play: every path ends by T+\(latest), before T+\(inject.at)",
          at: inject.position)
      }
    }

    for stakeholder in scenario.stakeholders where stakeholder.required {
      if bounds.earliestContact(stakeholder.id) == nil {
        warn(
          .uncontactedStakeholder,
          "required stakeholder '\(stakeholder.id)' is not contacted on any path",
          at: stakeholder.position,
          notes: ["add it to the 'contacts' of a choice, or make it not required"])
      }
    }

    // A node that injects divert to can always return; elsewhere 'goto: return' is
    // offered only while a divert is open.
    let divertTargets = Set(scenario.injects.compactMap(\.goto?.value))
    for node in scenario.nodes where !node.isEnding && !node.choices.isEmpty {
      let unconditional = node.choices.contains { choice in
        if case .returnToDiverted = choice.goto, !divertTargets.contains(node.id) { return false }
        return choice.when == nil
      }
      if !unconditional {
        warn(
          .mayStall,
          "every option at node '\(node.id)' has a condition; if none holds, play stops there",
          at: node.position,
          notes: ["give one option no 'when' (and no 'goto: return'), so there is always a way on"])
      }
    }

    let diverts = scenario.injects.contains { $0.goto != nil }
    for node in scenario.nodes {
      for choice in node.choices {
        if let write = choice.write, write.must.isEmpty {
          warn(
            .noMustFacts,
            "the statement in choice '\(choice.id)' has no 'must' facts, so only general criteria can grade it",
            at: write.position)
        }
        if case .returnToDiverted(let position) = choice.goto, !diverts {
          warn(
            .strayReturn,
            "'goto: return' in choice '\(choice.id)', but no inject diverts play, so there is nothing to return to",
            at: position)
        }
      }
    }
    for node in scenario.nodes {
      for choice in node.choices where choice.write != nil {
        if let promise = choice.promise {
          warn(
            .writePromise,
            "choice '\(choice.id)' asks for a statement and also has a 'promise:'; the promise is"
              + " ignored, because what the trainee types makes the promise",
            at: promise.to.position,
            notes: [
              "a statement that names its next update (\"next update at 13:00\") promises it; remove 'promise:'"
            ])
        }
      }
    }
    if let startsAt = scenario.startsAt {
      let arrivals = ArrivalTimes(scenario)
      for node in scenario.nodes {
        for choice in node.choices {
          guard let until = choice.until else { continue }
          for arrival in arrivals.arrivals[node.id] ?? [] {
            let end = arrival.clock + choice.takes
            let wait = Engine.wait(until: until.value, startsAt: startsAt, clock: end)
            // Longer than this is no night's wait: the path is already past the time.
            guard wait > .hours(18) else { continue }
            warn(
              .untilPassed,
              "choice '\(choice.id)' waits until \(ScoringRules.timeOfDay(until.value)), but on some"
                + " paths it ends at \(timeOfDay(end, startsAt)), after that time: the clock then runs on"
                + " \(CrisisClock.span(wait)) to \(ScoringRules.timeOfDay(until.value)) the next day",
              at: until.position,
              notes: ["for example the path " + describe(arrival.path + [choice.id])])
            break
          }
        }
        guard node.textVariants.isEmpty, let stated = openingTime(node.text) else { continue }
        for arrival in arrivals.arrivals[node.id] ?? [] {
          let minutes = (startsAt + arrival.clock.seconds / 60) % (24 * 60)
          let difference = abs(minutes - stated)
          guard min(difference, 24 * 60 - difference) > 15 else { continue }
          warn(
            .textTimeOfDay,
            "node '\(node.id)' opens with \(ScoringRules.timeOfDay(stated)), but some paths reach it at"
              + " \(timeOfDay(arrival.clock, startsAt))",
            at: node.textPosition ?? node.position,
            notes: [
              "for example the path " + describe(arrival.path),
              "write {time} to show the clock's time, or give the text wordings for each path",
            ])
          break
        }
      }
    }
    if let giveaway = lengthGiveaway(scenario) {
      warn(
        .longestIsStrongest,
        "the strongest option is also the longest at \(giveaway.count) of \(giveaway.of) decisions,"
          + " so a trainee can pick by length",
        at: scenario.position,
        notes: [
          "decisions: " + giveaway.nodes.joined(separator: ", "),
          "make the options at a decision similar in length and register",
        ])
    }
    return warnings.sorted { $0.location.line ?? 0 < $1.location.line ?? 0 }
  }

  /// `13:05` (or `day 2 13:05`) for a clock time.
  static func timeOfDay(_ clock: ClockDuration, _ startsAt: Int) -> String {
    CrisisClock.timeOfDay(startsAt: startsAt, clock: clock) ?? CrisisClock.elapsed(clock)
  }

  /// A path of option ids as lint quotes it.
  static func describe(_ path: [String]) -> String {
    path.isEmpty ? "(the start)" : path.joined(separator: " → ")
  }

  /// The time of day a text opens with ("13:00." or "9:30 —"), as minutes after midnight.
  static func openingTime(_ text: String) -> Int? {
    let trimmed = text.drop { $0 == " " || $0 == "\n" }
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    guard (1...2).contains(digits.count) else { return nil }
    let rest = trimmed.dropFirst(digits.count)
    guard rest.first == ":" else { return nil }
    let minuteDigits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
    guard minuteDigits.count == 2, let hours = Int(digits), let minutes = Int(minuteDigits),
      hours < 24, minutes < 60
    else { return nil }
    let after = rest.dropFirst(3).first
    if let after, after.isLetter { return nil }
    return hours * 60 + minutes
  }

  /// The decisions (with two or more options and one strongest) where the strongest
  /// option's text is also the longest, when they are more than half of them and the
  /// scenario has at least four such decisions.
  static func lengthGiveaway(_ scenario: Scenario) -> (count: Int, of: Int, nodes: [String])? {
    var counted = 0
    var nodes: [String] = []
    for node in scenario.nodes where node.choices.count > 1 {
      let totals = node.choices.map(\.totalQuality)
      guard let best = totals.max(), totals.filter({ $0 == best }).count == 1,
        let strongest = node.choices.first(where: { $0.totalQuality == best })
      else { continue }
      counted += 1
      let longest = node.choices.map(\.text.count).max() ?? 0
      let others = node.choices.filter { $0.id != strongest.id }.map(\.text.count).max() ?? 0
      if strongest.text.count == longest, strongest.text.count > others { nodes.append(node.id) }
    }
    // Fewer decisions than this say too little about a habit of the author's.
    guard counted >= 4, nodes.count * 2 > counted else { return nil }
    return (nodes.count, counted, nodes)
  }
}
