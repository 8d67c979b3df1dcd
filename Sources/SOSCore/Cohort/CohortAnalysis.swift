/// A cohort's results as data, for the cohort report in every format: one row per
/// session, each trainee's latest and best attempt per scenario, per-scenario
/// statistics and item analysis, cohort-wide rates, the most common wrong turn and a
/// short list of what to debrief first.
///
/// Statistics count each trainee once per scenario, with their latest assessed attempt
/// played to an ending ("latest" in the order the sessions were stored, played here or
/// imported, never by a date a file claims); practice sessions, sessions still active,
/// abandoned, or that do not replay are listed but not counted.
///
/// ```swift
/// let analysis = CohortAnalysis(cohort: "spring", attempts: attempts)
/// print(analysis.priorities.map(\.text))
/// ```
public struct CohortAnalysis: Hashable, Sendable, Codable {
  /// How many sessions and trainees, by status.
  public struct Counts: Hashable, Sendable, Codable {
    public var sessions: Int
    public var trainees: Int
    public var scenarios: Int
    public var finished: Int
    public var active: Int
    public var abandoned: Int
    /// Sessions that could not be replayed and scored.
    public var unscorable: Int
  }

  /// One dimension's score in a session, or `nil` when nothing spoke to it.
  public struct DimensionValue: Hashable, Sendable, Codable {
    public var dimension: QualityDimension
    public var score: Double?

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(dimension, forKey: .dimension)
      try container.encode(score, forKey: .score)
    }
  }

  /// One session: who, which scenario, how it stands and its scores (finished ones).
  public struct SessionRow: Hashable, Sendable, Codable {
    public var session: String
    public var trainee: String
    public var scenario: String
    public var status: CohortAttempt.Status
    public var mode: SessionOptions.Mode
    public var started: String
    public var finished: String?
    public var overall: Double?
    public var timeliness: Double?
    public var communication: Double?
    public var outcome: Double?
    /// Every dimension, in the order of ``QualityDimension/allCases``.
    public var dimensions: [DimensionValue]
    public var grade: String?
    public var passed: Bool?
    /// Why the session has no scores, when it could not be replayed.
    public var problem: String?
    /// What import found odd about the hand-in, in words.
    public var flags: [String] = []
  }

  /// One site's sessions and counted results, for a programme run at several sites.
  public struct SiteRow: Hashable, Sendable, Codable {
    /// The site's label, or `nil` for sessions that carry none.
    public var site: String?
    public var sessions: Int
    public var trainees: Int
    /// The counted attempts (each trainee's latest per scenario) played there.
    public var counted: Int
    /// Their mean overall score, when any.
    public var meanOverall: Double?
    /// How many of them passed.
    public var passed: Int
  }

  /// An attempt's result, for the trainee table.
  public struct AttemptResult: Hashable, Sendable, Codable {
    public var session: String
    public var started: String
    public var overall: Double
    public var grade: String
    public var passed: Bool
  }

  /// One trainee in one scenario: attempts, the latest and the best finished one.
  public struct TraineeRow: Hashable, Sendable, Codable {
    public var trainee: String
    public var scenario: String
    /// Every session, finished or not.
    public var attempts: Int
    /// Sessions played to an ending.
    public var finished: Int
    public var latest: AttemptResult?
    public var best: AttemptResult?
  }

  /// One thing to debrief first, in a sentence.
  public struct Priority: Hashable, Sendable, Codable {
    /// What kind of finding it is.
    public enum Kind: String, Hashable, Sendable, Codable {
      case decision
      case wrongTurn = "wrong-turn"
      case deadline
      case promise
      case criterion
      case dimension
      case reversed
    }
    public var kind: Kind
    /// The scenario it is about, if one.
    public var scenario: String?
    public var text: String
  }

  /// The most things "debrief these first" names.
  public static let priorityLimit = 5

  public var cohort: String
  public var description: String?
  /// Whether trainee names were replaced by pseudonyms.
  public var anonymised: Bool
  /// The scenario the report is limited to, if any.
  public var scenarioFilter: String?
  public var counts: Counts
  public var sessions: [SessionRow]
  public var trainees: [TraineeRow]
  /// The sessions and counted results of each site, by label (sessions without a site
  /// last); a cohort played at one site has one row.
  public var sites: [SiteRow]
  public var scenarios: [ScenarioAnalysis]
  /// Deadlines missed, of every deadline faced in the counted attempts.
  public var deadlinesMissed: Proportion
  /// Promises broken, of every promise made in the counted attempts.
  public var promisesBroken: Proportion
  /// The most common wrong turn across every scenario.
  public var commonWrongTurn: WrongTurn?
  public var priorities: [Priority]
  /// Sessions that could not be replayed, in words.
  public var problems: [String]
  /// Hand-ins whose logs look edited or whose scenario text was accepted on trust, in
  /// words: `session 3f9a0c1e (Ada): answer times go backwards at answer 4`.
  public var flagged: [String]
  /// Whether practice sessions count in the statistics.
  public var includesPractice: Bool

  /// Analyses a cohort's attempts, given in the order they were stored: the last of a
  /// trainee's attempts at a scenario is their latest.
  public init(
    cohort: String, description: String? = nil, attempts: [CohortAttempt],
    anonymised: Bool = false, scenarioFilter: String? = nil, includePractice: Bool = false
  ) {
    // Latest means last stored; reports list sessions by start time.
    let storedAt = Dictionary(
      attempts.enumerated().map { ($1.session, $0) }, uniquingKeysWith: { first, _ in first })
    let attempts = attempts.sorted { ($0.started, $0.session) < ($1.started, $1.session) }
    self.cohort = cohort
    self.includesPractice = includePractice
    self.description = description
    self.anonymised = anonymised
    self.scenarioFilter = scenarioFilter
    counts = Counts(
      sessions: attempts.count, trainees: Set(attempts.map(\.trainee)).count,
      scenarios: Set(attempts.map(\.scenarioID)).count,
      finished: attempts.filter { $0.status == .finished }.count,
      active: attempts.filter { $0.status == .active }.count,
      abandoned: attempts.filter { $0.status == .abandoned }.count,
      unscorable: attempts.filter { $0.score == nil }.count)
    sessions = attempts.map(Self.row)
    problems = attempts.compactMap { attempt in
      attempt.problem.map { "session \(attempt.shortID) (\(attempt.trainee)): \($0)" }
    }
    flagged = attempts.filter { !$0.flags.isEmpty }.map { attempt in
      "session \(attempt.shortID) (\(attempt.trainee)): " + attempt.flags.joined(separator: "; ")
    }

    // Group by (trainee, scenario), keeping the order of first appearance.
    var groups: [String: [String: [CohortAttempt]]] = [:]
    for attempt in attempts {
      groups[attempt.trainee, default: [:]][attempt.scenarioID, default: []].append(attempt)
    }
    var trainees: [TraineeRow] = []
    var counted: [String: [CohortAttempt]] = [:]
    for trainee in groups.keys.sorted() {
      guard let byScenario = groups[trainee] else { continue }
      for scenario in byScenario.keys.sorted() {
        let list = byScenario[scenario] ?? []
        let played = list.filter { $0.finishedScore != nil }
        let finished = played.filter { includePractice || $0.mode == .assessment }.sorted {
          (storedAt[$0.session] ?? 0) < (storedAt[$1.session] ?? 0)
        }
        if let latest = finished.last { counted[scenario, default: []].append(latest) }
        let best = finished.max { left, right in
          (left.finishedScore?.overall ?? 0) < (right.finishedScore?.overall ?? 0)
        }
        trainees.append(
          TraineeRow(
            trainee: trainee, scenario: scenario, attempts: list.count, finished: played.count,
            latest: finished.last.flatMap(Self.result), best: best.flatMap(Self.result)))
      }
    }
    self.trainees = trainees
    sites = Self.sites(attempts, counted: counted.values.flatMap { $0 })

    var scenarios: [ScenarioAnalysis] = []
    for id in Set(attempts.map(\.scenarioID)).sorted() {
      let all = attempts.filter { $0.scenarioID == id }
      // Counted attempts in start order, so that item analysis breaks ties the same way
      // every time.
      let chosen = (counted[id] ?? []).sorted {
        ($0.started, $0.session) < ($1.started, $1.session)
      }
      let reference = (chosen.last ?? all.last { $0.scenario != nil })?.scenario
      let versions = Set(all.map(\.scenarioHash)).count
      scenarios.append(
        ScenarioAnalysis(
          id: id, reference: reference, counted: chosen, sessions: all.count,
          versions: max(versions, 1)))
    }
    self.scenarios = scenarios

    let deadlines = scenarios.flatMap(\.deadlines)
    deadlinesMissed = Proportion(
      count: deadlines.reduce(0) { $0 + $1.missed.count },
      total: deadlines.reduce(0) { $0 + $1.missed.total })
    promisesBroken = Proportion(
      count: scenarios.reduce(0) { $0 + $1.promises.broken.count },
      total: scenarios.reduce(0) { $0 + $1.promises.made })
    commonWrongTurn = scenarios.compactMap(\.wrongTurn).reduce(nil) { current, candidate in
      guard let current else { return candidate }
      if candidate.takers.count != current.takers.count {
        return candidate.takers.count > current.takers.count ? candidate : current
      }
      return (candidate.takers.value ?? 0) > (current.takers.value ?? 0) ? candidate : current
    }
    priorities = Self.priorities(
      scenarios: scenarios, wrongTurn: commonWrongTurn, promises: promisesBroken)
  }

  static func row(_ attempt: CohortAttempt) -> SessionRow {
    let report = attempt.finishedScore
    return SessionRow(
      session: attempt.session, trainee: attempt.trainee, scenario: attempt.scenarioID,
      status: attempt.status, mode: attempt.mode, started: attempt.started,
      finished: attempt.finished, overall: report?.overall, timeliness: report?.timeliness,
      communication: report?.communication, outcome: report?.outcome,
      dimensions: QualityDimension.allCases.map { dimension in
        DimensionValue(dimension: dimension, score: report?.score(of: dimension))
      },
      grade: report?.grade, passed: report?.passed, problem: attempt.problem,
      flags: attempt.flags)
  }

  static func result(_ attempt: CohortAttempt) -> AttemptResult? {
    attempt.finishedScore.map { report in
      AttemptResult(
        session: attempt.session, started: attempt.started, overall: report.overall,
        grade: report.grade, passed: report.passed)
    }
  }

  // MARK: - What to debrief first

  static func priorities(
    scenarios: [ScenarioAnalysis], wrongTurn: WrongTurn?, promises: Proportion
  ) -> [Priority] {
    var list: [Priority] = []
    let many = scenarios.count > 1

    func place(_ title: String?, node: String, in scenario: ScenarioAnalysis) -> String {
      "‘\(title ?? node)’" + (many ? " in ‘\(scenario.title)’" : "")
    }

    let separating = scenarios.flatMap { scenario in
      scenario.decisions.filter { $0.flag == .separates }.map { (scenario, $0) }
    }.sorted { ($0.1.discrimination ?? 0) > ($1.1.discrimination ?? 0) }
    for (scenario, decision) in separating.prefix(2) {
      var text =
        "At \(place(decision.title, node: decision.node, in: scenario)) strong and weak"
        + " trainees part ways (discrimination \(Self.decimal(decision.discrimination ?? 0))"
        + (decision.itemRest.map { ", item–rest correlation \(Self.decimal($0))" } ?? "") + "):"
        + " \(decision.upperTookBest) of the top \(decision.groupSize) took the strongest option"
      if let best = decision.options.first(where: \.best) { text += " (‘\(short(best.text))’)" }
      text += ", \(decision.lowerTookBest) of the bottom \(decision.groupSize) did"
      if let weak = decision.lowerGroupChoice, !weak.best {
        text += "; most of them chose ‘\(short(weak.text))’"
      }
      list.append(Priority(kind: .decision, scenario: scenario.id, text: text + "."))
    }

    if let wrongTurn, wrongTurn.takers.count >= 2 {
      let scenarioNote = many ? " in ‘\(wrongTurn.scenarioTitle)’" : ""
      list.append(
        Priority(
          kind: .wrongTurn, scenario: wrongTurn.scenario,
          text:
            "The most common wrong turn: \(wrongTurn.takers.count) of \(wrongTurn.takers.total)"
            + " chose ‘\(short(wrongTurn.text))’ at ‘\(wrongTurn.title ?? wrongTurn.node)’"
            + "\(scenarioNote); stronger: ‘\(short(wrongTurn.bestText))’."))
    }

    let missed = scenarios.flatMap { scenario in
      scenario.deadlines.filter { ($0.missed.value ?? 0) >= 0.5 }.map { (scenario, $0) }
    }.sorted { ($0.1.missed.value ?? 0) > ($1.1.missed.value ?? 0) }
    if let first = missed.first {
      let (scenario, deadline) = first
      list.append(
        Priority(
          kind: .deadline, scenario: scenario.id,
          text:
            "‘\(deadline.label)’\(many ? " (\(scenario.title))" : "") was missed by"
            + " \(deadline.missed.count) of \(deadline.missed.total) (\(deadline.missed.percent))."
        ))
    }

    if let rate = promises.value, rate >= 0.25 {
      list.append(
        Priority(
          kind: .promise, scenario: nil,
          text:
            "\(promises.count) of \(promises.total) promise\(promises.total == 1 ? "" : "s")"
            + " made during play \(promises.count == 1 ? "was" : "were") broken"
            + " (\(promises.percent)): talk about promising only what you will keep."))
    }

    let criteria = scenarios.flatMap { scenario in
      scenario.criteria.filter { $0.passed.total >= 2 && ($0.passed.value ?? 1) < 0.5 }.map {
        (scenario, $0)
      }
    }.sorted { ($0.1.passed.value ?? 0) < ($1.1.passed.value ?? 0) }
    if let first = criteria.first {
      let (scenario, criterion) = first
      list.append(
        Priority(
          kind: .criterion, scenario: scenario.id,
          text: (criterion.passed.count == 0
            ? "None of the \(criterion.passed.total) statements passed"
            : "Only \(criterion.passed.count) of \(criterion.passed.total) statements passed")
            + " ‘\(criterion.label)’ (\(criterion.passed.percent))."))
    }

    let dimensions = scenarios.flatMap { scenario in
      scenario.dimensions.compactMap { summary in
        summary.mean.map { (scenario, summary, $0) }
      }
    }.filter { $0.2 < 60 }.sorted { $0.2 < $1.2 }
    if let first = dimensions.first {
      let (scenario, summary, mean) = first
      let name =
        summary.dimension == .coverage ? "stakeholder coverage" : summary.dimension.rawValue
      let spread = summary.standardDeviation.map { ", SD \(Int($0.rounded()))" } ?? ""
      list.append(
        Priority(
          kind: .dimension, scenario: scenario.id,
          text:
            "The weakest dimension is \(name)\(many ? " in ‘\(scenario.title)’" : ""):"
            + " mean \(Int(mean.rounded()))/100\(spread)."))
    }

    for scenario in scenarios {
      for decision in scenario.decisions where decision.flag == .reversed {
        list.append(
          Priority(
            kind: .reversed, scenario: scenario.id,
            text:
              "At \(place(decision.title, node: decision.node, in: scenario)) weaker trainees"
              + " took the strongest option more often than stronger ones (discrimination"
              + " \(Self.decimal(decision.discrimination ?? 0))"
              + (decision.itemRest.map { ", item–rest correlation \(Self.decimal($0))" } ?? "")
              + "): check the options' quality points and feedback."))
      }
    }
    return Array(list.prefix(priorityLimit))
  }

  /// The first words of `text`, on one line, cut at a word with an ellipsis when it is
  /// longer than `limit` characters: option texts can be paragraphs.
  static func short(_ text: String, limit: Int = 90) -> String {
    let line = String(text.map { $0.isNewline ? " " : $0 })
    guard line.count > limit else { return line }
    var cut = String(line.prefix(limit))
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2
    {
      cut = String(cut[..<space])
    }
    while let last = cut.last, ",;:.".contains(last) { cut.removeLast() }
    return cut + "…"
  }

  /// `0.67`, `-0.50`: two decimals, without Foundation.
  static func decimal(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}

extension CohortAnalysis {
  /// Each site's sessions, trainees and counted results.
  static func sites(_ attempts: [CohortAttempt], counted: [CohortAttempt]) -> [SiteRow] {
    let labels = Set(attempts.map(\.site))
    let ordered = labels.compactMap { $0 }.sorted() + (labels.contains(nil) ? [nil] : [])
    return ordered.map { site in
      let here = attempts.filter { $0.site == site }
      // Summed in one order (by session), so that the mean is the same on every run.
      let results = counted.filter { $0.site == site }.sorted { $0.session < $1.session }
        .compactMap(\.finishedScore)
      let mean =
        results.isEmpty ? nil : results.map(\.overall).reduce(0, +) / Double(results.count)
      return SiteRow(
        site: site, sessions: here.count, trainees: Set(here.map(\.trainee)).count,
        counted: results.count, meanOverall: mean, passed: results.filter(\.passed).count)
    }
  }
}
