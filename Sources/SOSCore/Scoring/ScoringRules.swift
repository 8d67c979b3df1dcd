/// The scoring rules applied to a finished (or stopped) session state: each rule
/// returns ledger entries whose points add up to its component's score.
struct ScoringRules {
  /// The engine of the scenario: it finds a node by id without a scan.
  let engine: Engine
  let state: SessionState
  /// Whether entries carry their reasons: a tool that reads only the scores (the
  /// playtester) leaves the per-decision reasons out, and the points are the same.
  var explains = true

  var scenario: Scenario { engine.scenario }

  /// A rule's raw credit before normalising: how much it is worth and how much of
  /// that was earned (0…1).
  struct Item {
    var rule: LedgerEntry.Rule
    var dimension: QualityDimension?
    var subject: String
    var at: ClockDuration?
    var worth: Double
    var credit: Double
    var reason: String
  }

  /// Turns raw items into entries whose maxima add up to `total`.
  static func normalise(
    _ items: [Item], component: LedgerEntry.Component, total: Double = 100
  ) -> [LedgerEntry] {
    let worth = items.reduce(0) { $0 + $1.worth }
    guard worth > 0 else { return [] }
    return items.map { item in
      let maximum = total * item.worth / worth
      return LedgerEntry(
        component: component, rule: item.rule, dimension: item.dimension, subject: item.subject,
        at: item.at, points: maximum * min(max(item.credit, 0), 1), maximum: maximum,
        reason: item.reason)
    }
  }

  var label: (ClockDuration) -> String { { CrisisClock.elapsed($0) } }

  /// `3h15`, `72h`, `45m`: a span in hours and minutes, as the play screen shows the
  /// clock.
  static func hours(_ duration: ClockDuration) -> String {
    String(CrisisClock.elapsed(duration).dropFirst(2))
  }

  /// `07:30` for minutes after midnight.
  static func timeOfDay(_ minutes: Int) -> String {
    (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "")
      + "\(minutes % 60)"
  }

  static func percent(_ credit: Double) -> String {
    "\(Int((min(max(credit, 0), 1) * 100).rounded()))%"
  }

  /// What a reason calls something: its label or text when that has anything to show,
  /// else its id, so that no ledger line names nothing (a scenario may give a blank
  /// label, or one of control characters that the reports strip).
  static func shown(_ text: String?, or id: String) -> String {
    guard let text, hasVisibleText(text) else { return id }
    return text
  }

  /// Whether anything of `text` is left to see once the reports have removed control
  /// characters and escape sequences (as `ReportText.clean` does) and whitespace.
  static func hasVisibleText(_ text: String) -> Bool {
    var skippingEscape = false
    for scalar in text.unicodeScalars {
      if skippingEscape {
        if (0x40...0x7E).contains(scalar.value), scalar != "[" { skippingEscape = false }
        continue
      }
      switch scalar.value {
      case 0x1B: skippingEscape = true
      case 0x00...0x20, 0x7F...0x9F: continue
      default: if !scalar.properties.isWhitespace { return true }
      }
    }
    return false
  }

  /// A stakeholder as reasons name them.
  func stakeholderName(_ id: String) -> String {
    Self.shown(scenario.stakeholders.first { $0.id == id }?.label, or: id)
  }

  /// An option as reasons quote it.
  static func optionText(_ choice: Choice) -> String { shown(choice.text, or: choice.id) }

  /// A decision as reasons name it: its node's title, else the node's id.
  static func place(_ decision: ScoreReport.DecisionReview) -> String {
    shown(decision.title, or: decision.node)
  }

  // MARK: - Timeliness

  func timeliness(timedAnswers: [(latency: Int?, limit: ClockDuration, timedOut: Bool)])
    -> [LedgerEntry]
  {
    var items = scenario.deadlines.map(deadline)
    items += scenario.cadence.map(cadence)
    items += state.promises.map(promise)
    if !timedAnswers.isEmpty { items.append(latency(timedAnswers)) }
    if items.isEmpty {
      return [
        LedgerEntry(
          component: .timeliness, rule: .deadline, subject: "none", points: 100, maximum: 100,
          reason: "this scenario sets no deadlines, cadence or promises: full marks")
      ]
    }
    return Self.normalise(items, component: .timeliness)
  }

  func deadline(_ deadline: Deadline) -> Item {
    let worth = ScoringDefaults.deadlineUnit * Double(deadline.weight)
    var item = Item(
      rule: .deadline, subject: deadline.id, worth: worth, credit: 0, reason: "")
    let name = Self.shown(deadline.label, or: deadline.id)
    guard let met = state.metDeadlines[deadline.id] else {
      item.at = deadline.by + deadline.grace
      item.reason =
        !state.finished && !state.missedDeadlines.contains(deadline.id)
        ? "\(name): not met yet — play stopped at \(label(state.clock)), due by \(label(deadline.by))"
        : "\(name): missed — not met by \(label(deadline.by + deadline.grace))"
      return item
    }
    item.at = met
    if met <= deadline.by {
      item.credit = 1
      item.reason = "\(name): met at \(label(met)), on time (by \(label(deadline.by)))"
    } else {
      let late = met - deadline.by
      item.credit =
        deadline.grace.seconds > 0 ? 1 - Double(late.seconds) / Double(deadline.grace.seconds) : 0
      item.reason =
        "\(name): met at \(label(met)), \(Self.hours(late)) after \(label(deadline.by));"
        + " credit falls to nothing over \(Self.hours(deadline.grace)): \(Self.percent(item.credit))"
    }
    return item
  }

  func cadence(_ rule: Cadence) -> Item {
    let stakeholder = rule.stakeholder.value
    let name = stakeholderName(stakeholder)
    let what = Self.shown(rule.label, or: "Updates to \(name)")
    var item = Item(
      rule: .cadence, dimension: nil, subject: stakeholder,
      worth: ScoringDefaults.cadenceUnit * Double(rule.weight), credit: 0, reason: "")
    let times = (state.contacts[stakeholder] ?? []).sorted()
    guard !times.isEmpty else {
      item.reason =
        "\(what): \(name) never heard from you (expected every \(Self.hours(rule.every)))"
      return item
    }
    let marks = [ClockDuration.zero] + times + [state.clock]
    var overshoot = 0
    var longGaps: [String] = []
    for (from, to) in zip(marks, marks.dropFirst()) {
      var gap = to - from
      if let quiet = rule.quiet, let startsAt = scenario.startsAt {
        gap = gap - ClockDuration(seconds: quiet.overlap(from: from, to: to, startsAt: startsAt))
      }
      if gap > rule.every {
        overshoot += (gap - rule.every).seconds
        longGaps.append("\(label(from))–\(label(to))")
      }
    }
    item.credit = 1 - Double(overshoot) / Double(max(rule.every.seconds, 1))

    if longGaps.isEmpty {
      item.reason =
        "\(what): no gap longer than \(Self.hours(rule.every)) (\(times.count) update\(times.count == 1 ? "" : "s"))"
    } else {
      item.reason =
        "\(what): gaps longer than \(Self.hours(rule.every)) at \(longGaps.joined(separator: ", ")),"
        + " \(Self.hours(ClockDuration(seconds: overshoot))) over in all: \(Self.percent(item.credit))"
    }
    if let quiet = rule.quiet, scenario.startsAt != nil {
      item.reason +=
        " (quiet hours \(Self.timeOfDay(quiet.from))–\(Self.timeOfDay(quiet.to)) not counted)"
    }
    return item
  }

  func promise(_ promise: PromiseRecord) -> Item {
    let name = stakeholderName(promise.stakeholder)
    var item = Item(
      rule: .promise, subject: "\(promise.id)", at: promise.madeAt,
      worth: ScoringDefaults.promiseWorth, credit: 0, reason: "")
    let what =
      "Promise to \(name), \(Self.shown(promise.label, or: "promise \(promise.id)")), due \(label(promise.due))"
    switch promise.status {
    case .kept(let time) where time <= promise.due:
      item.credit = 1
      item.reason = "\(what): kept at \(label(time))"
    case .kept(let time):
      let late = time - promise.due
      let span = max((promise.due - promise.madeAt).seconds, 60)
      item.credit = 1 - Double(late.seconds) / Double(span)
      item.reason =
        "\(what): kept \(Self.hours(late)) late, at \(label(time)): \(Self.percent(item.credit))"
    case .open:
      item.reason = "\(what): still open — play stopped at \(label(state.clock))"
    case .broken:
      item.reason = "\(what): broken — \(name) did not hear from you again"
    case .notYetDue:
      item.worth = 0
      item.reason =
        "\(what): not yet due when play ended at \(label(state.clock)),"
        + " so neither kept nor broken"
    }
    return item
  }

  func latency(_ answers: [(latency: Int?, limit: ClockDuration, timedOut: Bool)]) -> Item {
    let credits = answers.map { answer -> Double in
      guard !answer.timedOut, let latency = answer.latency else { return 0 }
      let limit = Double(max(answer.limit.seconds, 1)) * 1000
      let full = limit * ScoringDefaults.latencyFullCreditShare
      if Double(latency) <= full { return 1 }
      return max(0, 1 - (Double(latency) - full) / (limit - full))
    }
    let credit = credits.reduce(0, +) / Double(max(credits.count, 1))
    let timeouts = answers.filter(\.timedOut).count
    return Item(
      rule: .latency, subject: "timed", worth: ScoringDefaults.latencyWorth, credit: credit,
      reason:
        "Timed decisions: \(answers.count - timeouts) answered, \(timeouts) ran out of time;"
        + " full credit within half the limit: \(Self.percent(credit))")
  }

  // MARK: - Communication

  func communication(
    decisions: [ScoreReport.DecisionReview], statements: [ScoreReport.StatementReview]
  ) -> [LedgerEntry] {
    var parts: [(share: Double, items: [Item])] = []
    let choiceItems = decisions.filter { $0.offered.count > 1 }.compactMap(choiceItem)
    if !choiceItems.isEmpty { parts.append((ScoringDefaults.choiceShare, choiceItems)) }
    let coverageItems = scenario.stakeholders.filter(\.required).map(coverageItem)
    if !coverageItems.isEmpty { parts.append((ScoringDefaults.coverageShare, coverageItems)) }
    let postureItems = takenPostures(decisions).compactMap(postureItem)
    if !postureItems.isEmpty { parts.append((ScoringDefaults.postureShare, postureItems)) }
    let statementItems = statements.map(statementItem)
    if !statementItems.isEmpty {
      let others = parts.reduce(0) { $0 + $1.share }
      parts.append((statementWeight(besides: others), statementItems))
    }

    let shares = parts.reduce(0) { $0 + $1.share }
    var entries = parts.flatMap { part in
      Self.normalise(part.items, component: .communication, total: 100 * part.share / shares)
    }
    if entries.isEmpty {
      entries.append(
        LedgerEntry(
          component: .communication, rule: .choice, subject: "none", points: 100, maximum: 100,
          reason: "nothing in this run was graded for communication: full marks"))
    }
    entries += penalties(decisions)
    let total = entries.reduce(0) { $0 + $1.points }
    if total < 0 {
      entries.append(
        LedgerEntry(
          component: .communication, rule: .floor, subject: "floor", points: -total, maximum: 0,
          reason: "a score cannot go below 0"))
    }
    return entries
  }

  /// The relative weight that gives the statements the scenario's share of the
  /// communication score beside parts weighing `others` in all.
  func statementWeight(besides others: Double) -> Double {
    Scorer.Weights(scenario.scoring, asksForStatements: false).statementWeight(besides: others)
  }

  /// The options taken that have a posture, in the order of the decisions: all that
  /// the posture rules read (the others are not copied).
  func takenPostures(_ decisions: [ScoreReport.DecisionReview]) -> [Choice] {
    decisions.compactMap { decision in
      guard let choices = engine.entry(decision.node)?.node.choices,
        let position = choices.firstIndex(where: { $0.id == decision.chosen }),
        choices[position].posture != nil
      else { return nil }
      return choices[position]
    }
  }

  /// The option taken at a decision.
  func taken(_ decision: ScoreReport.DecisionReview) -> Choice? {
    engine.entry(decision.node)?.node.choices.first { $0.id == decision.chosen }
  }

  /// `"A"`, `"A" and "B"`, `"A", "B" and "C"`: names in quotes, as a reason lists them.
  static func quotedList(_ names: [String]) -> String {
    StatementRubric.list(names.map { "\"\($0)\"" })
  }

  func choiceItem(_ decision: ScoreReport.DecisionReview) -> Item? {
    guard let choices = engine.entry(decision.node)?.node.choices else { return nil }
    // By position, so that no option is copied whole.
    let offered = decision.offered.compactMap { id in choices.firstIndex { $0.id == id } }
    let totals = offered.map { choices[$0].totalQuality }
    guard let high = totals.max(), let low = totals.min(), high > low,
      let chosenPosition = offered.first(where: { choices[$0].id == decision.chosen })
    else { return nil }
    let chosen = choices[chosenPosition]
    let place = Self.place(decision)
    let reason: String
    if !explains {
      reason = ""
    } else if decision.tookBest {
      reason = "\(place): you took the strongest option, \"\(Self.optionText(chosen))\""
    } else {
      let best =
        offered.first { choices[$0].id == decision.best }.map { Self.optionText(choices[$0]) }
        ?? decision.best
      reason =
        "\(place): \"\(Self.optionText(chosen))\" (\(Self.signed(chosen.totalQuality))"
        + " quality point\(abs(chosen.totalQuality) == 1 ? "" : "s");"
        + " the strongest, \"\(best)\", has \(Self.signed(high)))"
    }
    return Item(
      rule: .choice, subject: chosen.id, at: decision.at, worth: 1, credit: decision.credit,
      reason: reason)
  }

  /// "a" or "an" before a word.
  static func article(_ word: String) -> String {
    word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
  }

  static func signed(_ number: Int) -> String { number > 0 ? "+\(number)" : "\(number)" }

  func statementItem(_ statement: ScoreReport.StatementReview) -> Item {
    let name = stakeholderName(statement.audience)
    let analysis = statement.analysis
    let passed = analysis.criteria.filter { $0.result == .pass }.count
    guard analysis.isStatement else {
      return Item(
        rule: .statement, subject: statement.choice, at: statement.at, worth: 1, credit: 0,
        reason:
          "Statement to \(name) (\(statement.channel.rawValue)): says nothing yet"
          + " (fewer than \(ScoringDefaults.statementMinimumWords) words), so it earns nothing"
          + " and reaches nobody")
    }
    let record = state.statements.values.first { $0.choice == statement.choice }
    let promise =
      record?.nextUpdate.map {
        "; it promised the next update by \(CrisisClock.label(startsAt: scenario.startsAt, clock: $0))"
      } ?? "; it named no time for the next update, so it made no promise"
    return Item(
      rule: .statement, subject: statement.choice, at: statement.at, worth: 1,
      credit: Double(analysis.score) / 100,
      reason:
        "Statement to \(name) (\(statement.channel.rawValue)): \(ScoreFormat.points(Double(analysis.score)))/100,"
        + " \(passed) of \(analysis.criteria.count) criteria met" + promise)
  }

  /// The share of the session's length after which a first contact counts as late.
  var earlyLimit: ClockDuration {
    ClockDuration(seconds: Int(Double(state.clock.seconds) * ScoringDefaults.earlyContactShare))
  }

  func coverageItem(_ stakeholder: Stakeholder) -> Item {
    var item = Item(
      rule: .coverage, dimension: .coverage, subject: stakeholder.id, worth: 1, credit: 0,
      reason: "")
    let name = stakeholderName(stakeholder.id)
    guard let first = state.contacts[stakeholder.id]?.min() else {
      item.reason = "\(name) (required) never heard from you"
      return item
    }
    item.at = first
    let early = earlyLimit
    if first <= early {
      item.credit = 1
      item.reason =
        "\(name) (required) first heard from you at \(label(first)), early on"
    } else {
      let span = max((state.clock - early).seconds, 1)
      item.credit = 1 - 0.5 * Double((first - early).seconds) / Double(span)
      item.reason =
        "\(name) (required) first heard from you at \(label(first)),"
        + " late in the crisis: \(Self.percent(item.credit))"
    }
    return item
  }

  func postureItem(_ choice: Choice) -> Item? {
    guard let posture = choice.posture else { return nil }
    let fit = ScoringDefaults.postureFit(posture, in: scenario.cluster)
    guard explains else {
      return Item(
        rule: .posture, dimension: .accountability, subject: choice.id, worth: 1, credit: fit,
        reason: "")
    }
    let verdict: String
    switch fit {
    case 1: verdict = "fits"
    case 0.5..<1: verdict = "fits only partly"
    default: verdict = "does not fit"
    }
    return Item(
      rule: .posture, dimension: .accountability, subject: choice.id, worth: 1, credit: fit,
      reason:
        "\"\(Self.optionText(choice))\": a \(posture.rawValue) response \(verdict) \(Self.article(scenario.cluster.rawValue)) \(scenario.cluster.rawValue) crisis"
    )
  }

  func penalties(_ decisions: [ScoreReport.DecisionReview]) -> [LedgerEntry] {
    var entries: [LedgerEntry] = []
    let postures = takenPostures(decisions).compactMap(\.posture)
    if postures.contains(.deny), postures.contains(.rebuild) {
      // Name the decisions, so that the trainee can find what was mixed.
      func places(_ posture: Posture) -> String {
        Self.quotedList(decisions.filter { taken($0)?.posture == posture }.map(Self.place))
      }
      entries.append(
        LedgerEntry(
          component: .communication, rule: .consistency, dimension: .accountability,
          subject: "deny+rebuild", points: -ScoringDefaults.inconsistencyPenalty, maximum: 0,
          reason:
            "you both denied (at \(places(.deny))) and rebuilt (at \(places(.rebuild))):"
            + " mixing denial with apology is inconsistent"))
    }
    for promise in state.promises where promise.status == .broken {
      let name = stakeholderName(promise.stakeholder)
      let what = Self.shown(promise.label, or: "promise \(promise.id)")
      entries.append(
        LedgerEntry(
          component: .communication, rule: .brokenPromise, dimension: .accountability,
          subject: "\(promise.id)", at: promise.due,
          points: -ScoringDefaults.brokenPromisePenalty, maximum: 0,
          reason:
            "broken promise to \(name) (\(what), due \(label(promise.due))) costs trust in your word"
        ))
    }
    return entries
  }

  func isKept(_ promise: PromiseRecord) -> Bool {
    if case .kept = promise.status { return true }
    return false
  }

  // MARK: - Dimensions

  /// Each dimension, 0–100: the options taken (between the weakest and strongest
  /// offered on that dimension), the statements' criteria, coverage of required
  /// stakeholders, posture fit and promises kept, each source weighted by its share.
  func dimensions(
    decisions: [ScoreReport.DecisionReview], statements: [ScoreReport.StatementReview]
  ) -> [ScoreReport.DimensionScore] {
    var sources: [QualityDimension: [(share: Double, earned: Double, maximum: Double)]] = [:]
    func add(_ dimension: QualityDimension, _ share: Double, _ earned: Double, _ maximum: Double) {
      guard maximum > 0 else { return }
      sources[dimension, default: []].append((share, earned, maximum))
    }
    // Each decision is looked up once for all dimensions; each dimension's sums add
    // up in the order of the decisions.
    let dimensions = QualityDimension.allCases
    var earned = [Double](repeating: 0, count: dimensions.count)
    var maximum = [Double](repeating: 0, count: dimensions.count)
    for decision in decisions {
      guard let choices = engine.entry(decision.node)?.node.choices,
        let chosen = choices.firstIndex(where: { $0.id == decision.chosen })
      else { continue }
      // An offered id the node does not have counts as an option of quality 0.
      let offered = decision.offered.map { id in choices.firstIndex { $0.id == id } }
      for (slot, dimension) in dimensions.enumerated() {
        var low = Int.max
        var high = Int.min
        for position in offered {
          let value = position.flatMap { choices[$0].quality[dimension] } ?? 0
          low = min(low, value)
          high = max(high, value)
        }
        guard !offered.isEmpty, high > low else { continue }
        earned[slot] += Double((choices[chosen].quality[dimension] ?? 0) - low)
        maximum[slot] += Double(high - low)
      }
    }
    for (slot, dimension) in dimensions.enumerated() {
      add(dimension, ScoringDefaults.choiceShare, earned[slot], maximum[slot])
      var statementEarned = 0.0
      var statementMaximum = 0.0
      for statement in statements {
        for criterion in statement.analysis.criteria where criterion.dimension == dimension {
          // A text that says nothing earns nothing, whatever its criteria found.
          statementEarned += statement.analysis.isStatement ? Double(criterion.points) : 0
          statementMaximum += Double(criterion.max)
        }
      }
      add(
        dimension,
        statementWeight(
          besides: ScoringDefaults.choiceShare + ScoringDefaults.coverageShare
            + ScoringDefaults.postureShare), statementEarned, statementMaximum)
    }
    let required = scenario.stakeholders.filter(\.required)
    let coverage = required.map { coverageItem($0).credit }
    add(.coverage, ScoringDefaults.coverageShare, coverage.reduce(0, +), Double(coverage.count))
    let fits = takenPostures(decisions).compactMap { postureItem($0)?.credit }
    add(.accountability, ScoringDefaults.postureShare, fits.reduce(0, +), Double(fits.count))
    // A promise not yet due when play ended is neither kept nor broken: it counts for
    // nothing either way.
    let settled = state.promises.filter { $0.status != .notYetDue }
    let kept = settled.filter(isKept).count
    add(.accountability, ScoringDefaults.postureShare, Double(kept), Double(settled.count))

    return QualityDimension.allCases.map { dimension in
      guard let parts = sources[dimension], !parts.isEmpty else {
        return ScoreReport.DimensionScore(dimension: dimension, score: nil)
      }
      let shares = parts.reduce(0) { $0 + $1.share }
      let score = parts.reduce(0) { total, part in
        total + part.share * min(max(part.earned / part.maximum, 0), 1)
      }
      return ScoreReport.DimensionScore(dimension: dimension, score: 100 * score / shares)
    }
  }
}
