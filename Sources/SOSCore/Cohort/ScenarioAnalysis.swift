/// What a cohort did in one scenario: score distributions, dimension means and
/// spread, deadlines missed, promises broken, statement criteria passed, item
/// analysis of every decision met, the reliability of the decisions, and the most
/// common wrong turn.
///
/// Each trainee counts once: with their latest attempt that was played to an ending.
/// With fewer than ``ItemAnalysis/settledCount`` of them, item statistics and
/// reliability are ``indicative``.
public struct ScenarioAnalysis: Hashable, Sendable, Codable {
  /// A dimension of communication quality across the cohort.
  public struct DimensionSummary: Hashable, Sendable, Codable {
    public var dimension: QualityDimension
    /// How many attempts the dimension was scored in.
    public var count: Int
    public var mean: Double?
    /// Sample standard deviation; `nil` for fewer than two.
    public var standardDeviation: Double?
    /// The extremes, quartiles and median, as ``ScoreStatistics`` computes them;
    /// `nil` when the dimension was scored in no attempt.
    public var minimum: Double?
    public var lowerQuartile: Double?
    public var median: Double?
    public var upperQuartile: Double?
    public var maximum: Double?
    /// Whether mean and median differ by more than 0.2 SD (see ``ScoreStatistics``).
    public var skewed: Bool

    /// Summarises the scores one dimension got.
    init(dimension: QualityDimension, scores: [Double]) {
      let statistics = ScoreStatistics(scores)
      self.dimension = dimension
      count = statistics.count
      mean = statistics.mean
      standardDeviation = statistics.standardDeviation
      minimum = statistics.minimum
      lowerQuartile = statistics.lowerQuartile
      median = statistics.median
      upperQuartile = statistics.upperQuartile
      maximum = statistics.maximum
      skewed = statistics.skewed
    }
  }

  /// A deadline and how often it was missed or met late.
  public struct DeadlineSummary: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    /// Attempts that missed it, of those whose scenario had it.
    public var missed: Proportion
    /// Attempts that met it after `by`, within the grace period.
    public var late: Int
  }

  /// Promises made during play and how they were settled.
  public struct PromiseSummary: Hashable, Sendable, Codable {
    public var made: Int
    public var keptOnTime: Int
    public var keptLate: Int
    /// Broken, of those made.
    public var broken: Proportion
  }

  /// One statement criterion across every typed statement.
  public struct CriterionSummary: Hashable, Sendable, Codable {
    public var id: String
    public var label: String
    public var pass: Int
    public var partial: Int
    public var fail: Int
    /// Statements that passed it, of those judged on it.
    public var passed: Proportion
  }

  /// The scenario's `id` field.
  public var id: String
  public var title: String
  /// How many different versions (texts) of the scenario the sessions were played with.
  public var versions: Int
  public var passMark: Double
  /// Every session of the scenario, finished or not.
  public var sessions: Int
  /// The attempts counted: one per trainee, their latest finished one.
  public var counted: Int
  /// Counted attempts at or above the pass mark.
  public var passed: Proportion
  public var overall: ScoreStatistics
  public var timeliness: ScoreStatistics
  public var communication: ScoreStatistics
  public var outcome: ScoreStatistics
  public var dimensions: [DimensionSummary]
  public var deadlines: [DeadlineSummary]
  public var promises: PromiseSummary
  public var statements: Int
  public var meanStatementScore: Double?
  public var criteria: [CriterionSummary]
  /// Every decision met, in the scenario's order.
  public var decisions: [ItemAnalysis]
  /// Cronbach's alpha over the decisions every counted trainee met.
  public var reliability: Reliability
  /// Whether fewer than ``ItemAnalysis/settledCount`` trainees are counted, so that
  /// item statistics and reliability are indicative.
  public var indicative: Bool
  public var wrongTurn: WrongTurn?

  /// Analyses the counted attempts of one scenario; `reference` (the newest version
  /// played) supplies titles, labels and the order of nodes and options.
  public init(
    id: String, reference: Scenario?, counted attempts: [CohortAttempt], sessions: Int,
    versions: Int
  ) {
    let scored = attempts.compactMap { attempt in
      attempt.score.map { (attempt: attempt, score: $0) }
    }
    let reports = scored.map(\.score)
    self.id = id
    title = reference?.title ?? id
    self.versions = versions
    passMark = reports.last?.passMark ?? Double(reference?.scoring.pass ?? ScoringDefaults.passMark)
    self.sessions = sessions
    counted = reports.count
    passed = Proportion(count: reports.filter(\.passed).count, total: reports.count)
    overall = ScoreStatistics(reports.map(\.overall))
    timeliness = ScoreStatistics(reports.map(\.timeliness))
    communication = ScoreStatistics(reports.map(\.communication))
    outcome = ScoreStatistics(reports.map(\.outcome))
    dimensions = QualityDimension.allCases.map { dimension in
      DimensionSummary(dimension: dimension, scores: reports.compactMap { $0.score(of: dimension) })
    }

    deadlines = (reference?.deadlines ?? []).map { deadline in
      let facing = scored.filter { pair in
        pair.attempt.scenario?.deadlines.contains { $0.id == deadline.id } ?? true
      }
      let missed = facing.filter { $0.score.missedDeadlines.contains(deadline.id) }.count
      let late = facing.filter { pair in
        guard let met = pair.score.metDeadline(deadline.id) else { return false }
        let by = pair.attempt.scenario?.deadlines.first { $0.id == deadline.id }?.by ?? deadline.by
        return met > by
      }.count
      return DeadlineSummary(
        id: deadline.id, label: deadline.label,
        missed: Proportion(count: missed, total: facing.count), late: late)
    }

    let promises = scored.flatMap(\.score.promises)
    self.promises = PromiseSummary(
      made: promises.count, keptOnTime: promises.filter { $0 == .keptOnTime }.count,
      keptLate: promises.filter { $0 == .keptLate }.count,
      broken: Proportion(
        count: promises.filter { $0 == .broken }.count, total: promises.count))

    let statements = reports.flatMap(\.statements)
    self.statements = statements.count
    meanStatementScore = ScoreStatistics.mean(statements.map { Double($0.score) })
    var criteria: [CriterionSummary] = []
    for criterion in statements.flatMap(\.criteria) {
      let index =
        criteria.firstIndex { $0.id == criterion.id }
        ?? {
          criteria.append(
            CriterionSummary(
              id: criterion.id, label: criterion.label, pass: 0, partial: 0, fail: 0,
              passed: Proportion(count: 0, total: 0)))
          return criteria.count - 1
        }()
      switch criterion.result {
      case .pass: criteria[index].pass += 1
      case .partial: criteria[index].partial += 1
      case .fail: criteria[index].fail += 1
      }
      let summary = criteria[index]
      criteria[index].passed = Proportion(
        count: summary.pass, total: summary.pass + summary.partial + summary.fail)
    }
    self.criteria = criteria

    decisions = Self.itemAnalyses(reference: reference, scored: scored.map(\.score))
    reliability = Reliability(
      scores: Self.firstDecisions(scored.map(\.score)).map { first in
        first.mapValues(\.review.credit)
      })
    indicative = counted < ItemAnalysis.settledCount
    wrongTurn = Self.wrongTurn(
      scenario: id, title: title, decisions: decisions, scored: scored.map(\.score))
  }

  // MARK: - Item analysis

  /// Each attempt's first decision at each node, by node.
  static func firstDecisions(_ scored: [CohortScore]) -> [[String: (
    overall: Double, review: CohortScore.Decision
  )]] {
    scored.map { session in
      var first: [String: (overall: Double, review: CohortScore.Decision)] = [:]
      for review in session.decisions where first[review.node] == nil {
        first[review.node] = (session.overall, review)
      }
      return first
    }
  }

  static func itemAnalyses(reference: Scenario?, scored: [CohortScore]) -> [ItemAnalysis] {
    let firsts = firstDecisions(scored)
    var nodes: [(id: String, title: String?, choices: [Choice])] =
      (reference?.nodes ?? []).filter { !$0.isEnding }.map { ($0.id, $0.title, $0.choices) }
    for session in scored {
      for review in session.decisions where !nodes.contains(where: { $0.id == review.node }) {
        nodes.append((review.node, review.title, []))
      }
    }
    // Each attempt's credits in node order, sorted once: the rest score of a decision
    // sums the others in this order, so that the sum is the same on every run.
    let ordered = firsts.map { first in
      first.sorted { $0.key < $1.key }.map { (node: $0.key, credit: $0.value.review.credit) }
    }
    return nodes.compactMap { node in
      let responses = zip(firsts, ordered).compactMap { first, credits in
        first[node.id].map { answer in
          ItemAnalysis.Response(
            overall: answer.overall, choice: answer.review.chosen,
            choiceText: answer.review.chosenText, tookBest: answer.review.tookBest,
            rest: ScoreStatistics.mean(credits.filter { $0.node != node.id }.map(\.credit)))
        }
      }
      guard !responses.isEmpty else { return nil }
      let strongest = node.choices.map(\.totalQuality).max()
      let choices = node.choices.map { choice in
        (id: choice.id, text: choice.text, best: choice.totalQuality == strongest)
      }
      return ItemAnalysis(node: node.id, title: node.title, choices: choices, responses: responses)
    }
  }

  /// The option taken most often where a stronger one was on offer (ties: the lower
  /// credit, then the scenario's order of decisions).
  static func wrongTurn(
    scenario: String, title: String, decisions: [ItemAnalysis], scored: [CohortScore]
  ) -> WrongTurn? {
    let firsts = firstDecisions(scored)
    var best: WrongTurn?
    for decision in decisions {
      var taken: [String: [CohortScore.Decision]] = [:]
      var order: [String] = []
      for first in firsts {
        guard let review = first[decision.node]?.review, !review.tookBest else { continue }
        if taken[review.chosen] == nil { order.append(review.chosen) }
        taken[review.chosen, default: []].append(review)
      }
      for choice in order {
        guard let reviews = taken[choice], let sample = reviews.first else { continue }
        let credit = reviews.reduce(0) { $0 + $1.credit } / Double(reviews.count)
        let candidate = WrongTurn(
          scenario: scenario, scenarioTitle: title, node: decision.node, title: decision.title,
          choice: choice, text: sample.chosenText, best: sample.best, bestText: sample.bestText,
          takers: Proportion(count: reviews.count, total: decision.reached), credit: credit)
        if let current = best {
          let more = candidate.takers.count > current.takers.count
          let worse = candidate.takers.count == current.takers.count && credit < current.credit
          if more || worse { best = candidate }
        } else {
          best = candidate
        }
      }
    }
    return best
  }
}
