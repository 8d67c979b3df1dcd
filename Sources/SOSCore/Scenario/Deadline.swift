/// Something that must happen by a time on the crisis clock, such as notifying the
/// supervisory authority within 72 hours.
public struct Deadline: Hashable, Sendable {
  public var id: String
  public var label: String
  /// Full credit when met by this time after T+0.
  public var by: ClockDuration
  /// Credit decays linearly to zero over this span after ``by``.
  public var grace: ClockDuration
  public var weight: Int
  /// When this condition first holds, the deadline is met.
  public var met: ScenarioExpression
  public var position: SourcePosition

  /// Creates a deadline.
  public init(
    id: String, label: String, by: ClockDuration, grace: ClockDuration = .zero,
    weight: Int = 1, met: ScenarioExpression, position: SourcePosition = .start
  ) {
    self.id = id
    self.label = label
    self.by = by
    self.grace = grace
    self.weight = weight
    self.met = met
    self.position = position
  }
}
