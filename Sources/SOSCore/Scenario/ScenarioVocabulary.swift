/// The kind of service crisis a scenario is about.
public enum CrisisKind: String, Hashable, Sendable, CaseIterable, Codable {
  case recall
  case outage
  case dataBreach = "data-breach"
  case misconduct
  case prDisaster = "pr-disaster"
  case supplyChain = "supply-chain"
  case naturalDisaster = "natural-disaster"
  case customerHarm = "customer-harm"
  case miscommunication
  case keyAccount = "key-account"
}

/// The SCCT crisis cluster: how much responsibility the public attributes to the
/// organisation.
public enum CrisisCluster: String, Hashable, Sendable, CaseIterable, Codable {
  /// Weak attribution: natural disaster, rumour, tampering.
  case victim
  /// Moderate attribution: technical-error accident or product harm.
  case accidental
  /// Strong attribution: human error, organisational misdeed.
  case preventable
}

/// How hard a scenario is.
public enum Difficulty: String, Hashable, Sendable, CaseIterable, Codable {
  case introductory
  case intermediate
  case advanced
}

/// The SCCT response posture a choice takes.
public enum Posture: String, Hashable, Sendable, CaseIterable, Codable {
  case deny
  case diminish
  case rebuild
  case bolster
}

/// A dimension of communication quality that choices earn or lose points on.
public enum QualityDimension: String, Hashable, Sendable, CaseIterable, Codable {
  case empathy
  case accountability
  case transparency
  case clarity
  case actionability
  /// Stakeholder coverage.
  case coverage
}

/// A part of a service crisis plan that a choice exercises.
public enum PlanPart: String, Hashable, Sendable, CaseIterable, Codable {
  case research
  case communications
  case timeline
  case resources
  case realism
}

/// The channel a typed statement goes out on; it sets the length limit.
public enum Channel: String, Hashable, Sendable, CaseIterable, Codable {
  case social
  case sms
  case email
  case memo
  case regulatorNotice = "regulator-notice"

  /// The hard character limit of the channel, if it has one.
  public var characterLimit: Int? {
    switch self {
    case .social: return 280
    case .sms: return 160
    case .email, .memo, .regulatorNotice: return nil
    }
  }
}
