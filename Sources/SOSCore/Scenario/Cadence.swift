/// A rhythm of updates a stakeholder expects: no gap longer than ``every``.
public struct Cadence: Hashable, Sendable {
  public var stakeholder: Located<String>
  public var every: ClockDuration
  public var weight: Int
  public var label: String?
  /// Hours of the night when nobody expects an update (`quiet: "22:00-07:00"`), as
  /// minutes after midnight; time inside them does not count towards a gap. Needs the
  /// scenario's `starts_at`.
  public var quiet: QuietHours?
  public var position: SourcePosition

  /// Creates a cadence rule.
  public init(
    stakeholder: Located<String>, every: ClockDuration, weight: Int = 1,
    label: String? = nil, position: SourcePosition = .start
  ) {
    self.stakeholder = stakeholder
    self.every = every
    self.weight = weight
    self.label = label
    self.position = position
  }
}
