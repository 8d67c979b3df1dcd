/// Which column of the points table a statement is weighed by: the channel, unless the
/// audience makes it a staff message or a regulator notice.
public enum StatementProfile: String, Hashable, Sendable, CaseIterable, Codable {
  /// A public post: brief, warm, every fact the public needs.
  case social
  /// A text message: the facts and the action in 160 characters.
  case sms
  /// An e-mail or letter to customers or a client.
  case email
  /// A memo or message to staff: what to do and who to call weigh most.
  case staff
  /// A notice to a regulator: facts, measures and timings; apology, empathy and advice to
  /// the reader carry no weight.
  case regulator

  /// The profile for a channel and an audience: a regulator-notice channel or a
  /// regulator audience ("data protection authority", "ICO") → regulator; a memo or a
  /// staff audience ("front-line agents", "store managers") → staff; else the channel's.
  public static func of(channel: Channel, audience: String?) -> StatementProfile {
    // A regulator notice is one whoever reads it; no audience has no words to read.
    if channel == .regulatorNotice { return .regulator }
    // An audience of plain words needs no full reading to find its words.
    let words =
      audience.map { StatementDocument.plainWords($0) ?? StatementDocument($0).words } ?? []
    if channel == .regulatorNotice
      || !StatementLexicon.regulatorAudienceSet.matches(in: words).isEmpty
    {
      return .regulator
    }
    if channel == .memo || !StatementLexicon.staffAudienceSet.matches(in: words).isEmpty {
      return .staff
    }
    switch channel {
    case .social: return .social
    case .sms: return .sms
    case .email: return .email
    case .memo: return .staff
    case .regulatorNotice: return .regulator
    }
  }
}
