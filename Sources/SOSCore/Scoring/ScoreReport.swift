/// A session's scores with every point explained: derived by replaying its inputs,
/// never stored as truth.
public struct ScoreReport: Hashable, Sendable, Codable {
  /// The weights of the overall score.
  public struct Weights: Hashable, Sendable, Codable {
    public var timeliness: Int
    public var communication: Int
    public var outcome: Int
  }

  /// One dimension of communication quality, 0–100, or `nil` when nothing in the run
  /// spoke to it.
  public struct DimensionScore: Hashable, Sendable, Codable {
    public var dimension: QualityDimension
    public var score: Double?
  }

  /// A decision as the trainee met it, with the strongest option offered.
  public struct DecisionReview: Hashable, Sendable, Codable {
    public var node: String
    public var title: String?
    public var at: ClockDuration
    /// Ids of the options offered, in order.
    public var offered: [String]
    public var chosen: String
    public var chosenText: String
    public var best: String
    public var bestText: String
    public var bestFeedback: String?
    /// 0…1: where the option taken sits between the weakest and the strongest.
    public var credit: Double

    /// Whether the trainee took the strongest option (or one as strong).
    public var tookBest: Bool { credit >= 0.999 }
  }

  /// A typed statement and its analysis.
  public struct StatementReview: Hashable, Sendable, Codable {
    public var choice: String
    public var audience: String
    public var channel: Channel
    public var at: ClockDuration
    public var text: String
    public var analysis: StatementAnalysis
  }

  public var scenario: String
  /// Whether play reached an ending.
  public var finished: Bool
  /// The ending reached, if any.
  public var ending: String?
  /// 0–100, the weighted sum of the three below.
  public var overall: Double
  /// 0–100, the sum of the timeliness entries of the ledger.
  public var timeliness: Double
  /// 0–100, the sum of the communication entries of the ledger.
  public var communication: Double
  /// 0–100, the rating of the ending reached.
  public var outcome: Double
  public var weights: Weights
  public var dimensions: [DimensionScore]
  /// The grade band of the overall score.
  public var grade: String
  public var passMark: Double
  public var passed: Bool
  /// Every entry behind timeliness and communication, in the order of the rules.
  public var ledger: [LedgerEntry]
  public var decisions: [DecisionReview]
  public var statements: [StatementReview]
  /// Why the overall score was held just below the pass mark, if it was: the typed
  /// statements averaged below the scenario's statement gate, and a communication
  /// assessment is not passed without writing that says something.
  public var cap: String? = nil

  /// The score of one dimension, if anything spoke to it.
  public func score(of dimension: QualityDimension) -> Double? {
    dimensions.first { $0.dimension == dimension }?.score
  }

  /// The entries of one component.
  public func entries(_ component: LedgerEntry.Component) -> [LedgerEntry] {
    ledger.filter { $0.component == component }
  }
}
