/// The after-action report of one session, as data: scores and grades, strengths and
/// areas for improvement, the timeline against the deadlines, who heard what and
/// when, the statements with their feedback, the strong response, the five parts of
/// a service crisis plan, and the reflection questions. Renderers in SOSReports turn
/// it into text, Markdown or JSON.
public struct Debrief: Hashable, Sendable, Codable {
  /// A score with its grade band.
  public struct Grade: Hashable, Sendable, Codable {
    public var score: Double
    public var grade: String
  }

  /// One dimension of communication quality, graded.
  public struct DimensionGrade: Hashable, Sendable, Codable {
    public var dimension: QualityDimension
    public var score: Double
    public var grade: String
  }

  /// Something that happened, on the crisis clock.
  public struct Moment: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
      case decision, statement, inject, contact, promise, deadline, ending, timeout
    }
    public var at: ClockDuration
    public var kind: Kind
    public var text: String
    /// When a promise made here falls due.
    public var due: ClockDuration?

    /// Creates a moment.
    public init(at: ClockDuration, kind: Kind, text: String, due: ClockDuration? = nil) {
      self.at = at
      self.kind = kind
      self.text = text
      self.due = due
    }
  }

  /// A deadline and how it went.
  public struct DeadlineResult: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    public var by: ClockDuration
    public var metAt: ClockDuration?
    /// How far past `by` it was met, or `nil` when on time or missed.
    public var lateBy: ClockDuration?
    public var missed: Bool
  }

  /// A stakeholder and each time they heard from the trainee, with what.
  public struct StakeholderRow: Hashable, Sendable, Codable {
    public struct Contact: Hashable, Sendable, Codable {
      public var at: ClockDuration
      public var what: String
    }
    public var id: String
    public var label: String
    public var required: Bool
    public var contacts: [Contact]
  }

  /// How the run did on one part of a service crisis plan.
  public struct PlanReview: Hashable, Sendable, Codable {
    public var part: PlanPart
    /// Decisions where some option exercised this part.
    public var decisions: Int
    /// 0–100: the mean credit of the options taken at those decisions; `nil` when no
    /// decision tested this part.
    public var score: Double?
    /// The options taken that exercised it.
    public var taken: [String]
  }

  public var scenarioID: String
  public var title: String
  public var trainee: String?
  public var session: String?
  public var report: ScoreReport
  public var overall: Grade
  public var timeliness: Grade
  public var communication: Grade
  public var dimensions: [DimensionGrade]
  /// The ledger entries that earned the most, of those that earned at least the pass
  /// mark's share of their points and rest on no option of negative total quality.
  public var strengths: [LedgerEntry]
  /// The ledger entries that cost the most, of those that are not strengths: no entry
  /// is in both lists.
  public var improvements: [LedgerEntry]
  public var deadlines: [DeadlineResult]
  public var timeline: [Moment]
  public var stakeholders: [StakeholderRow]
  /// Decisions where a stronger option was on offer.
  public var strongResponse: [ScoreReport.DecisionReview]
  public var plan: [PlanReview]
  public var reflection: [String]
  /// The ending's title and text.
  public var ending: String?

  /// How many entries each way the debrief names.
  public static let highlights = 3

  /// Builds the debrief of a scored session from its events.
  public init(
    scenario: Scenario, report: ScoreReport, events: [SessionEvent], trainee: String? = nil,
    session: String? = nil
  ) {
    let bands = scenario.scoring.bands.isEmpty ? ScoringDefaults.bands : scenario.scoring.bands
    func grade(_ score: Double) -> Grade {
      Grade(score: score, grade: GradeBand.band(for: ScoreFormat.tenths(score), in: bands).name)
    }
    let choices = Dictionary(
      scenario.nodes.flatMap(\.choices).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }
    )
    let labels = Dictionary(
      scenario.stakeholders.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })

    scenarioID = scenario.id
    title = scenario.title
    self.trainee = trainee
    self.session = session
    self.report = report
    overall = grade(report.overall)
    timeliness = grade(report.timeliness)
    communication = grade(report.communication)
    dimensions = report.dimensions.compactMap { dimension in
      dimension.score.map {
        DimensionGrade(
          dimension: dimension.dimension, score: $0,
          grade: GradeBand.band(for: ScoreFormat.tenths($0), in: bands).name)
      }
    }
    let highlights = DebriefHighlights(
      scenario: scenario, report: report, events: events, limit: Self.highlights)
    strengths = highlights.strengths
    improvements = highlights.improvements

    let metAt = Self.deadlineTimes(events)
    deadlines = scenario.deadlines.map { deadline in
      let met = metAt[deadline.id]
      return DeadlineResult(
        id: deadline.id, label: deadline.label, by: deadline.by, metAt: met,
        lateBy: met.flatMap { $0 > deadline.by ? $0 - deadline.by : nil }, missed: met == nil)
    }
    timeline = Self.timeline(events, scenario: scenario, choices: choices, labels: labels)
    stakeholders = Self.stakeholderRows(events, scenario: scenario, choices: choices)
    strongResponse = report.decisions.filter { !$0.tookBest }
    plan = Self.planReviews(report.decisions, scenario: scenario, choices: choices)
    reflection = scenario.reflection
    ending = report.ending.flatMap { id in
      scenario.nodes.first { $0.id == id }.map { $0.title ?? $0.id }
    }
  }

  static func deadlineTimes(_ events: [SessionEvent]) -> [String: ClockDuration] {
    var times: [String: ClockDuration] = [:]
    for case .deadlineMet(let id, let at) in events { times[id] = at }
    return times
  }

  static func timeline(
    _ events: [SessionEvent], scenario: Scenario, choices: [String: Choice],
    labels: [String: String]
  ) -> [Moment] {
    var moments: [Moment] = []
    // Promises are numbered in the order they are made; name them by what was promised.
    var promised: [Int: String] = [:]
    for case .promiseMade(let id, let stakeholder, let label, _) in events {
      promised[id] = "Promise to \(labels[stakeholder] ?? stakeholder) (\(label))"
    }
    for event in events {
      switch event {
      case .choiceMade(_, let choice, _, let at):
        if let taken = choices[choice] {
          moments.append(Moment(at: at, kind: .decision, text: taken.text))
        }
      case .statementWritten(_, let audience, _, let at):
        moments.append(
          Moment(at: at, kind: .statement, text: "Statement to \(labels[audience] ?? audience)"))
      case .injectFired(let id, let at):
        if let inject = scenario.injects.first(where: { $0.id == id }) {
          moments.append(Moment(at: at, kind: .inject, text: inject.text))
        }
      case .stakeholderContacted(let stakeholder, let at):
        moments.append(
          Moment(
            at: at, kind: .contact, text: "\(labels[stakeholder] ?? stakeholder) heard from you"))
      case .promiseMade(_, let stakeholder, let label, let due):
        moments.append(
          Moment(
            at: .zero, kind: .promise,
            text: "Promised \(labels[stakeholder] ?? stakeholder) \(label)", due: due))
      case .promiseKept(let id, let at, let onTime):
        moments.append(
          Moment(
            at: at, kind: .promise,
            text: (promised[id] ?? "Promise \(id)") + " kept" + (onTime ? "" : ", late")))
      case .promiseBroken(let id, let due):
        moments.append(
          Moment(at: due, kind: .promise, text: (promised[id] ?? "Promise \(id)") + " broken"))
      case .deadlineMet(let id, let at):
        let label = scenario.deadlines.first { $0.id == id }?.label ?? id
        moments.append(Moment(at: at, kind: .deadline, text: "Met: \(label)"))
      case .deadlineMissed(let id, let at):
        let label = scenario.deadlines.first { $0.id == id }?.label ?? id
        moments.append(Moment(at: at, kind: .deadline, text: "Missed: \(label)"))
      case .timedOut(_, let at):
        moments.append(Moment(at: at, kind: .timeout, text: "Time ran out at a decision"))
      case .endingReached(let node, _, let at):
        let title = scenario.nodes.first { $0.id == node }?.title ?? node
        moments.append(Moment(at: at, kind: .ending, text: "Ending: \(title)"))
      default:
        break
      }
    }
    // Promises are announced when made: give them the time of the choice before them.
    var last = ClockDuration.zero
    for index in moments.indices {
      if moments[index].kind == .promise, moments[index].due != nil {
        moments[index].at = last
      } else {
        last = moments[index].at
      }
    }
    return moments
  }

  static func stakeholderRows(
    _ events: [SessionEvent], scenario: Scenario, choices: [String: Choice]
  ) -> [StakeholderRow] {
    var contacts: [String: [StakeholderRow.Contact]] = [:]
    var lastChoice: String?
    for event in events {
      switch event {
      case .choiceMade(_, let choice, _, _):
        lastChoice = choices[choice]?.text
      case .stakeholderContacted(let stakeholder, let at):
        contacts[stakeholder, default: []].append(
          StakeholderRow.Contact(at: at, what: lastChoice ?? ""))
      default:
        break
      }
    }
    return scenario.stakeholders.map { stakeholder in
      StakeholderRow(
        id: stakeholder.id, label: stakeholder.label, required: stakeholder.required,
        contacts: contacts[stakeholder.id] ?? [])
    }
  }

  static func planReviews(
    _ decisions: [ScoreReport.DecisionReview], scenario: Scenario, choices: [String: Choice]
  ) -> [PlanReview] {
    PlanPart.allCases.map { part in
      let testing = decisions.filter { decision in
        decision.offered.contains { choices[$0]?.plan.contains(part) == true }
      }
      let taken = decisions.compactMap { decision -> String? in
        guard let choice = choices[decision.chosen], choice.plan.contains(part) else { return nil }
        return choice.text
      }
      let score =
        testing.isEmpty
        ? nil : 100 * testing.reduce(0) { $0 + $1.credit } / Double(testing.count)
      return PlanReview(part: part, decisions: testing.count, score: score, taken: taken)
    }
  }
}
