/// The graded analysis of one typed statement.
///
/// `score` is an integer from 0 to 100: the points earned over the points available,
/// rounded half up. Every point is accounted for in `criteria`.
public struct StatementAnalysis: Hashable, Sendable, Codable {
  public var score: Int
  public var channel: Channel
  public var audience: String?
  /// The column of the points table the statement was weighed by.
  public var profile: StatementProfile
  /// The length as the channel counts it (see `lengthUnit`).
  public var length: Int
  /// "characters", "gsm-7 septets" or "ucs-2 code units".
  public var lengthUnit: String
  /// The hard length limit in force, in `lengthUnit`s; nil when the channel has none.
  public var limit: Int?
  public var readability: Readability
  public var criteria: [StatementCriterion]

  /// Creates an analysis.
  public init(
    score: Int, channel: Channel, audience: String?, profile: StatementProfile, length: Int,
    lengthUnit: String, limit: Int?, readability: Readability, criteria: [StatementCriterion]
  ) {
    self.score = score
    self.channel = channel
    self.audience = audience
    self.profile = profile
    self.length = length
    self.lengthUnit = lengthUnit
    self.limit = limit
    self.readability = readability
    self.criteria = criteria
  }

  /// Whether the text says something at all: a statement that can meet a deadline,
  /// make or keep a promise and reach its audience. An empty or one-word text never is.
  public var isStatement: Bool {
    readability.words >= ScoringDefaults.statementMinimumWords
  }

  /// The ids of the criteria passed in full.
  public var metCriteria: Set<String> {
    Set(criteria.filter { $0.result == .pass }.map(\.id))
  }

  /// The criterion with this id, if the analysis has it.
  public func criterion(_ id: String) -> StatementCriterion? {
    criteria.first { $0.id == id }
  }

  private enum CodingKeys: String, CodingKey {
    case score, channel, audience, profile, length, lengthUnit, limit, readability, criteria
  }

  /// Encodes every key, with `null` for a missing audience or limit, so JSON readers
  /// always find them.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(score, forKey: .score)
    try container.encode(channel, forKey: .channel)
    try container.encode(audience, forKey: .audience)
    try container.encode(profile, forKey: .profile)
    try container.encode(length, forKey: .length)
    try container.encode(lengthUnit, forKey: .lengthUnit)
    try container.encode(limit, forKey: .limit)
    try container.encode(readability, forKey: .readability)
    try container.encode(criteria, forKey: .criteria)
  }
}
