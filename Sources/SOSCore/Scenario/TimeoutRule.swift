/// What happens in timed play when a decision's real-time limit runs out.
public struct TimeoutRule: Hashable, Sendable {
  /// Simulated time lost by hesitating.
  public var takes: ClockDuration
  public var text: String?
  /// Changes to state variables, as an option's.
  public var effects: Effects = Effects()
  /// Tags set, as an option's.
  public var tags: [String] = []
  /// Where play goes; `nil` asks the same decision again.
  public var goto: Located<String>?

  /// The default: you hesitate, the clock moves on 15 minutes, and the decision is
  /// asked again.
  public static let hesitate = TimeoutRule(takes: .minutes(15))

  /// Creates a timeout rule.
  public init(takes: ClockDuration, text: String? = nil, goto: Located<String>? = nil) {
    self.takes = takes
    self.text = text
    self.goto = goto
  }
}
