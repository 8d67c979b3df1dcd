/// A promise a choice makes to a stakeholder ("next update within 24h"). It is kept
/// when that stakeholder is contacted again within ``within``.
public struct PromiseTerms: Hashable, Sendable {
  public var to: Located<String>
  public var within: ClockDuration
  public var label: String

  /// Creates promise terms.
  public init(to: Located<String>, within: ClockDuration, label: String) {
    self.to = to
    self.within = within
    self.label = label
  }
}
