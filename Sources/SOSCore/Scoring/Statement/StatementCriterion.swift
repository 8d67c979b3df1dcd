/// One judged aspect of a statement: what was checked, how it went, the words that
/// decided it and how to do better.
public struct StatementCriterion: Hashable, Sendable, Codable {
  /// The outcome of a criterion.
  public enum Result: String, Hashable, Sendable, Codable, CaseIterable {
    /// Full points.
    case pass
    /// Half the points.
    case partial
    /// No points.
    case fail
  }

  /// A stable identifier: "apology", "next-update", "must:what-happened", ….
  public var id: String
  public var label: String
  public var result: Result
  public var points: Int
  public var max: Int
  /// The words and phrases that decided the result, as written in the statement.
  public var evidence: [String]
  public var dimension: QualityDimension
  /// One plain sentence on how to improve; empty on a pass.
  public var advice: String

  /// Creates a criterion.
  public init(
    id: String, label: String, result: Result, points: Int, max: Int, evidence: [String],
    dimension: QualityDimension, advice: String
  ) {
    self.id = id
    self.label = label
    self.result = result
    self.points = points
    self.max = max
    self.evidence = evidence
    self.dimension = dimension
    self.advice = advice
  }
}
