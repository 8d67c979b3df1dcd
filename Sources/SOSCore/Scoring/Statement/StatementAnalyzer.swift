/// Grades a typed crisis statement, deterministically and without a model.
///
/// The analyser checks the criteria of `StatementRubric` (apology, empathy, ownership,
/// blame, the required facts, known vs not yet known, speculation, over-promising,
/// jargon, readability, sentence length and the channel's length), plus one criterion
/// per scenario `must` fact and `avoid` phrasing, and reports each with the words that
/// decided it. The same text, channel, audience and phrases always give the same
/// analysis. Time grows about linearly with the text; no input makes it crash.
///
/// ```swift
/// let analysis = StatementAnalyzer().analyze(
///   "We are sorry: our app was down from 9am. Next update by 5pm.", channel: .social)
/// print(analysis.score, analysis.criterion("next-update")?.result ?? .fail)
/// ```
public struct StatementAnalyzer: Sendable {
  /// Creates an analyser.
  public init() {}

  /// Analyses a statement.
  ///
  /// - Parameters:
  ///   - text: The statement as typed.
  ///   - channel: Where it goes out; sets the length rules.
  ///   - audience: Who reads it, in words ("customers", "front-line agents", "data
  ///     protection authority"); a staff or regulator audience changes the weights.
  ///   - must: Facts the scenario wants said, each with accepted phrasings.
  ///   - avoid: Phrasings the scenario forbids.
  ///   - limit: A length limit overriding the channel's (for SMS, in GSM-7 septets).
  public func analyze(
    _ text: String, channel: Channel, audience: String? = nil, must: [Phrase] = [],
    avoid: [Phrase] = [], limit: Int? = nil
  ) -> StatementAnalysis {
    let evaluation = self.evaluation(text, channel: channel, audience: audience, limit: limit)
    let profile = evaluation.profile
    let readability = evaluation.readability
    let length = evaluation.length
    let limitInForce = evaluation.limit
    var criteria = evaluation.criteria(must: must, avoid: avoid)
    var caps: [StatementCap] = []
    let nonsense = evaluation.substance.nonsense
    if let nonsense {
      // Nothing to read: every criterion says why, and none earns a point.
      let why = "This is not yet a statement: \(nonsense)."
      let advice = why + " Write what happened, who is affected, what you are doing and what to do."
      for index in criteria.indices {
        criteria[index].result = .fail
        criteria[index].points = 0
        criteria[index].advice = advice
      }
    } else {
      caps = evaluation.caps(criteria: criteria, must: must)
    }
    let uncapped = Self.score(criteria)
    let score = min(uncapped, caps.first?.ceiling ?? 100)
    return StatementAnalysis(
      score: score, channel: channel, audience: audience, profile: profile,
      length: length.count, lengthUnit: length.unit.rawValue, limit: limitInForce,
      readability: readability, criteria: criteria, uncapped: uncapped, caps: caps,
      nonsense: nonsense)
  }

  /// The statement read for its channel and audience, before any criterion is judged.
  func evaluation(_ text: String, channel: Channel, audience: String?, limit: Int?)
    -> StatementEvaluation
  {
    let profile = StatementProfile.of(channel: channel, audience: audience)
    let document = StatementDocument(text)
    let readability = Readability(document)
    let hardLimit = Self.hardLimit(channel: channel, limit: limit)
    let length = MessageLength.measure(document.characters, channel: channel, limit: hardLimit)
    let limitInForce = length.unit == .ucs2 ? hardLimit.map(MessageLength.ucs2Limit) : hardLimit
    return StatementEvaluation(
      document: document, readability: readability, profile: profile, channel: channel,
      length: length, limit: limitInForce)
  }

  /// The hard limit: the given one, else the channel's (social 280, SMS 160).
  static func hardLimit(channel: Channel, limit: Int?) -> Int? {
    limit ?? channel.characterLimit
  }

  /// Points earned over points available, as a whole percentage rounded half up.
  static func score(_ criteria: [StatementCriterion]) -> Int {
    let available = criteria.reduce(0) { $0 + $1.max }
    let earned = criteria.reduce(0) { $0 + $1.points }
    guard available > 0 else { return 0 }
    return (200 * earned + available) / (2 * available)
  }
}
