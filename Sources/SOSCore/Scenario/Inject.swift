/// A scheduled event that fires when the clock passes ``at`` and its conditions hold,
/// such as a reporter calling; it may divert play to another node. A ``manual`` inject
/// has no time: a facilitator fires it in a live room (`sos room inject`), and it
/// reaches each session as an input at the trainee's next prompt.
public struct Inject: Hashable, Sendable {
  public var id: String
  /// When it fires; zero for a manual inject, which can fire from T+0 on.
  public var at: ClockDuration
  /// Fired by a facilitator, not by the clock.
  public var manual: Bool
  /// Fires only if this holds.
  public var when: ScenarioExpression?
  /// Fires only if this does not hold.
  public var unless: ScenarioExpression?
  public var text: String
  /// Wordings of ``text`` for particular paths; the first whose `when` holds is shown.
  public var textVariants: [TextVariant] = []
  /// Where the default text is written, for diagnostics about it.
  public var textPosition: SourcePosition?
  public var effects: Effects
  public var tags: [String]
  /// The node play is diverted to, if any.
  public var goto: Located<String>?
  /// Weighted outcomes, one drawn from the session's seed when the inject fires.
  public var outcomes: [ChanceOutcome]
  public var position: SourcePosition

  /// Creates an inject.
  public init(
    id: String, at: ClockDuration, when: ScenarioExpression? = nil,
    unless: ScenarioExpression? = nil, text: String, effects: Effects = Effects(),
    tags: [String] = [], goto: Located<String>? = nil, outcomes: [ChanceOutcome] = [],
    manual: Bool = false, position: SourcePosition = .start
  ) {
    self.manual = manual
    self.outcomes = outcomes
    self.id = id
    self.at = at
    self.when = when
    self.unless = unless
    self.text = text
    self.effects = effects
    self.tags = tags
    self.goto = goto
    self.position = position
  }
}
