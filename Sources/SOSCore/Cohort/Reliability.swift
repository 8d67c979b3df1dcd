/// How consistently a scenario's decisions rank a cohort's trainees: Cronbach's alpha,
/// with the items and trainees it rests on, as Moodle's quiz statistics report it.
///
/// The items are the scenario's decisions; a trainee's score on an item is the credit
/// of their first answer there, 0…1 (where the option taken sits between the weakest
/// and the strongest on offer). With k items and n trainees,
///
///     α = k / (k − 1) × (1 − Σ sᵢ² / s_T²)
///
/// where sᵢ² is the variance of the scores on item i and s_T² the variance of the
/// trainees' totals (the sum of their k item scores), both dividing by n − 1.
///
/// Scenarios branch, so trainees do not all meet the same decisions. Alpha needs every
/// trainee scored on every item, and filling gaps with a guess would invent answers;
/// so it is computed over the decisions that **every** counted trainee met, and says
/// how many those are (``decisions``) of all the decisions anyone met
/// (``decisionsMet``). A scenario where paths part early leaves few such decisions,
/// and the report says so. There is no alpha (``missing`` says why) with fewer than two
/// trainees, fewer than two such decisions, or when the totals do not vary.
///
/// How to read it: 0.7 or more is the usual line for "acceptable" consistency; lower
/// means the decisions rank trainees differently (they may test different skills, or
/// the group may be too alike to tell apart); a negative alpha means decisions pull
/// against each other, which is worth checking in the scenario. Alpha grows with the
/// number of items and wobbles with few trainees: below ``ItemAnalysis/settledCount``
/// trainees it is ``indicative``.
public struct Reliability: Hashable, Sendable, Codable {
  /// Why there is no alpha.
  public enum Missing: String, Hashable, Sendable, Codable {
    /// Fewer than two trainees.
    case tooFewTrainees = "too-few-trainees"
    /// Fewer than two decisions that every trainee met.
    case tooFewDecisions = "too-few-decisions"
    /// Every trainee has the same total: nothing to be consistent about.
    case noVariance = "no-variance"
  }

  /// Cronbach's alpha (at most 1, and negative when items pull against each other);
  /// `nil` when ``missing`` says why not.
  public var alpha: Double?
  /// The decisions alpha is computed over: those every counted trainee met.
  public var decisions: Int
  /// The decisions met by anyone.
  public var decisionsMet: Int
  /// The trainees it is computed over: every trainee counted in the scenario.
  public var trainees: Int
  public var missing: Missing?
  /// Whether fewer than ``ItemAnalysis/settledCount`` trainees make the number move a
  /// lot from one group to the next.
  public var indicative: Bool

  /// Alpha of `scores`, one row per trainee: the credit (0…1) of each decision the
  /// trainee met, by node id. Only the nodes in every row are used.
  public init(scores: [[String: Double]]) {
    let met = Set(scores.flatMap(\.keys))
    var common = scores.first.map { Set($0.keys) } ?? []
    for row in scores.dropFirst() { common.formIntersection(row.keys) }
    let items = common.sorted()
    decisions = items.count
    decisionsMet = met.count
    trainees = scores.count
    indicative = scores.count < ItemAnalysis.settledCount
    let matrix = scores.map { row in items.map { row[$0] ?? 0 } }
    (alpha, missing) = Self.alpha(matrix)
  }

  /// Cronbach's alpha of a matrix with one row per trainee and one column per item.
  /// Returns alpha, or `nil` and the reason there is none.
  static func alpha(_ matrix: [[Double]]) -> (alpha: Double?, missing: Missing?) {
    guard matrix.count >= 2 else { return (nil, .tooFewTrainees) }
    let k = matrix.map(\.count).min() ?? 0
    guard k >= 2 else { return (nil, .tooFewDecisions) }
    let itemVariances = (0..<k).map { item in variance(matrix.map { $0[item] }) }
    let totalVariance = variance(matrix.map { $0.prefix(k).reduce(0, +) })
    // Totals that are equal but for rounding dust do not vary.
    guard totalVariance > 1e-12 else { return (nil, .noVariance) }
    let items = Double(k)
    return (items / (items - 1) * (1 - itemVariances.reduce(0, +) / totalVariance), nil)
  }

  /// The sample variance Σ(x − mean)² / (n − 1), for n ≥ 2.
  static func variance(_ values: [Double]) -> Double {
    guard values.count >= 2, let mean = ScoreStatistics.mean(values) else { return 0 }
    return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
  }
}

extension Reliability.Missing {
  /// The reason in words, for the reports: `fewer than 2 decisions that every trainee met`.
  public var words: String {
    switch self {
    case .tooFewTrainees: return "fewer than 2 trainees"
    case .tooFewDecisions: return "fewer than 2 decisions that every trainee met"
    case .noVariance: return "every trainee earned the same total"
    }
  }
}
