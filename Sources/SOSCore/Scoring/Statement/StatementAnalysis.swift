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
  /// The score the criteria earn before any cap.
  public var uncapped: Int
  /// The ceilings that apply (lowest first); `score` is at most the first one's.
  public var caps: [StatementCap]
  /// Why the text is not yet a statement (too few words, not words, no verb), or `nil`
  /// when it is one.
  public var nonsense: String?

  /// Creates an analysis.
  public init(
    score: Int, channel: Channel, audience: String?, profile: StatementProfile, length: Int,
    lengthUnit: String, limit: Int?, readability: Readability, criteria: [StatementCriterion],
    uncapped: Int? = nil, caps: [StatementCap] = [], nonsense: String? = nil
  ) {
    self.uncapped = uncapped ?? score
    self.caps = caps
    self.nonsense = nonsense
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
  /// make or keep a promise and reach its audience. Fewer than five words, filler,
  /// keyboard runs or a list of words with no verb never are.
  public var isStatement: Bool { nonsense == nil }

  /// Why the score is lower than the criteria earn, in one line, or `nil` when no cap
  /// lowers it: "Capped at 30 (the criteria earn 86): stock phrases with no fact about
  /// this crisis — “We are sorry”, “We apologise”".
  public var capSummary: String? {
    guard let cap = caps.first, uncapped > score else { return nil }
    let evidence = cap.evidence.prefix(4).map { "“\($0)”" }.joined(separator: ", ")
    return "Capped at \(cap.ceiling) (the criteria earn \(uncapped)): \(cap.reason)"
      + (evidence.isEmpty ? "" : " — " + evidence)
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
    case uncapped, caps, nonsense
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
    try container.encode(uncapped, forKey: .uncapped)
    try container.encode(caps, forKey: .caps)
    try container.encode(nonsense, forKey: .nonsense)
  }

  /// Decodes an analysis; one written before caps were kept has none.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    score = try container.decode(Int.self, forKey: .score)
    channel = try container.decode(Channel.self, forKey: .channel)
    audience = try container.decodeIfPresent(String.self, forKey: .audience)
    profile = try container.decode(StatementProfile.self, forKey: .profile)
    length = try container.decode(Int.self, forKey: .length)
    lengthUnit = try container.decode(String.self, forKey: .lengthUnit)
    limit = try container.decodeIfPresent(Int.self, forKey: .limit)
    readability = try container.decode(Readability.self, forKey: .readability)
    criteria = try container.decode([StatementCriterion].self, forKey: .criteria)
    uncapped = try container.decodeIfPresent(Int.self, forKey: .uncapped) ?? score
    caps = try container.decodeIfPresent([StatementCap].self, forKey: .caps) ?? []
    nonsense = try container.decodeIfPresent(String.self, forKey: .nonsense)
  }
}
