/// A point in the story: a decision with choices, or an ending.
public struct ScenarioNode: Hashable, Sendable {
  public var id: String
  public var title: String?
  public var text: String
  /// Wordings of ``text`` for particular paths; the first whose `when` holds is shown.
  public var textVariants: [TextVariant] = []
  /// Where the default text is written, for diagnostics about it.
  public var textPosition: SourcePosition?
  public var choices: [Choice]
  public var isEnding: Bool
  /// How well the crisis ended, 0–100, for endings.
  public var outcome: Int?
  /// Real-time limit for this decision in timed play.
  public var timeLimit: ClockDuration?
  public var onTimeout: TimeoutRule?
  public var position: SourcePosition

  /// Creates a node.
  public init(
    id: String, title: String? = nil, text: String, choices: [Choice] = [],
    isEnding: Bool = false, outcome: Int? = nil, timeLimit: ClockDuration? = nil,
    onTimeout: TimeoutRule? = nil, position: SourcePosition = .start
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.choices = choices
    self.isEnding = isEnding
    self.outcome = outcome
    self.timeLimit = timeLimit
    self.onTimeout = onTimeout
    self.position = position
  }
}
