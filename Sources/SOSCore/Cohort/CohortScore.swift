/// What the cohort report reads of one replayed session: its scores, its first
/// choices at each decision, its statements' criteria, and how its deadlines and
/// promises stood at the end — a few kilobytes where the whole ``ScoredSession``
/// (events, ledger, state) takes tens.
///
/// It is derived from a replay and nothing else (``init(_:)``); the workshop database
/// may keep it, keyed by what the replay depends on, so that a report of thousands of
/// sessions does not replay them all again. Bump ``format`` whenever its shape or
/// meaning changes: cached values of another format are derived afresh.
///
/// ```swift
/// let score = CohortScore(try ScoredSession.replay(scenario, inputs: inputs,
///                                                   options: options).get())
/// print(score.overall, score.decisions.map(\.chosen))
/// ```
public struct CohortScore: Hashable, Sendable, Codable {
  /// The version of this type's cached form.
  public static let format = 1

  /// A decision as the trainee met it (``ScoreReport/DecisionReview``, without what
  /// only a debrief shows).
  public struct Decision: Hashable, Sendable, Codable {
    public var node: String
    public var title: String?
    public var chosen: String
    public var chosenText: String
    public var best: String
    public var bestText: String
    /// 0…1: where the option taken sits between the weakest and the strongest.
    public var credit: Double

    /// Whether the trainee took the strongest option (or one as strong).
    public var tookBest: Bool { credit >= 0.999 }

    /// Creates a decision.
    public init(
      node: String, title: String?, chosen: String, chosenText: String, best: String,
      bestText: String, credit: Double
    ) {
      self.node = node
      self.title = title
      self.chosen = chosen
      self.chosenText = chosenText
      self.best = best
      self.bestText = bestText
      self.credit = credit
    }
  }

  /// One criterion of a typed statement's analysis.
  public struct Criterion: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    public var result: StatementCriterion.Result

    /// Creates a criterion's result.
    public init(id: String, label: String, result: StatementCriterion.Result) {
      self.id = id
      self.label = label
      self.result = result
    }
  }

  /// A typed statement: its score and how it fared on each criterion.
  public struct Statement: Hashable, Sendable, Codable {
    public var score: Int
    public var criteria: [Criterion]

    /// Creates a statement's result.
    public init(score: Int, criteria: [Criterion]) {
      self.score = score
      self.criteria = criteria
    }
  }

  /// One dimension of communication quality, or `nil` when nothing spoke to it.
  public struct Dimension: Hashable, Sendable, Codable {
    public var dimension: QualityDimension
    public var score: Double?

    /// Creates a dimension's score.
    public init(dimension: QualityDimension, score: Double?) {
      self.dimension = dimension
      self.score = score
    }
  }

  /// A deadline met, and when on the crisis clock (seconds from T+0).
  public struct MetDeadline: Hashable, Sendable, Codable {
    public var id: String
    public var at: Int

    /// Creates a deadline met at `at` seconds.
    public init(id: String, at: Int) {
      self.id = id
      self.at = at
    }
  }

  /// How a promise made during play stood at the end.
  public enum Promise: String, Hashable, Sendable, Codable {
    case open
    case keptOnTime = "kept-on-time"
    case keptLate = "kept-late"
    case broken
    case notYetDue = "not-yet-due"
  }

  /// Whether play reached an ending.
  public var finished: Bool
  public var overall: Double
  public var timeliness: Double
  public var communication: Double
  public var outcome: Double
  public var dimensions: [Dimension]
  public var grade: String
  public var passMark: Double
  public var passed: Bool
  /// The decisions that still stand, in the order they were taken.
  public var decisions: [Decision]
  public var statements: [Statement]
  /// The ids of the deadlines missed, sorted.
  public var missedDeadlines: [String]
  /// The deadlines met, sorted by id.
  public var metDeadlines: [MetDeadline]
  public var promises: [Promise]

  /// Creates a score from its parts, as a cache stored them.
  public init(
    finished: Bool, overall: Double, timeliness: Double, communication: Double,
    outcome: Double, dimensions: [Dimension], grade: String, passMark: Double, passed: Bool,
    decisions: [Decision], statements: [Statement], missedDeadlines: [String],
    metDeadlines: [MetDeadline], promises: [Promise]
  ) {
    self.finished = finished
    self.overall = overall
    self.timeliness = timeliness
    self.communication = communication
    self.outcome = outcome
    self.dimensions = dimensions
    self.grade = grade
    self.passMark = passMark
    self.passed = passed
    self.decisions = decisions
    self.statements = statements
    self.missedDeadlines = missedDeadlines
    self.metDeadlines = metDeadlines
    self.promises = promises
  }

  /// What the cohort report needs of `scored`.
  public init(_ scored: ScoredSession) {
    let report = scored.report
    finished = report.finished
    overall = report.overall
    timeliness = report.timeliness
    communication = report.communication
    outcome = report.outcome
    dimensions = report.dimensions.map { Dimension(dimension: $0.dimension, score: $0.score) }
    grade = report.grade
    passMark = report.passMark
    passed = report.passed
    decisions = report.decisions.map { review in
      Decision(
        node: review.node, title: review.title, chosen: review.chosen,
        chosenText: review.chosenText, best: review.best, bestText: review.bestText,
        credit: review.credit)
    }
    statements = report.statements.map { review in
      Statement(
        score: review.analysis.score,
        criteria: review.analysis.criteria.map {
          Criterion(id: $0.id, label: $0.label, result: $0.result)
        })
    }
    missedDeadlines = scored.state.missedDeadlines.sorted()
    metDeadlines = scored.state.metDeadlines.map { MetDeadline(id: $0.key, at: $0.value.seconds) }
      .sorted { $0.id < $1.id }
    promises = scored.state.promises.map { promise in
      switch promise.status {
      case .open: return .open
      case .kept: return promise.keptOnTime ? .keptOnTime : .keptLate
      case .broken: return .broken
      case .notYetDue: return .notYetDue
      }
    }
  }

  /// The score of one dimension, if anything spoke to it.
  public func score(of dimension: QualityDimension) -> Double? {
    dimensions.first { $0.dimension == dimension }?.score
  }

  /// When the deadline `id` was met, if it was.
  public func metDeadline(_ id: String) -> ClockDuration? {
    metDeadlines.first { $0.id == id }.map { ClockDuration(seconds: $0.at) }
  }

  /// Whether every number is one a replay can give: finite, scores within 0…100,
  /// credits within 0…1. A cached value that is not is not used.
  public var isPlausible: Bool {
    let scores =
      [overall, timeliness, communication, outcome, passMark]
      + dimensions.compactMap(\.score)
    return scores.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 100 }
      && decisions.allSatisfy { $0.credit.isFinite && $0.credit >= 0 && $0.credit <= 1 }
      && statements.allSatisfy { $0.score >= 0 && $0.score <= 100 }
  }
}
