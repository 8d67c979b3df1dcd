/// One of the weighted outcomes of an option or an inject, where the world is
/// uncertain ("30 in 100 that the story runs"). The engine draws one from the
/// session's seed, so a replay draws the same one.
public struct ChanceOutcome: Hashable, Sendable {
  /// The relative weight of this outcome (the weights need not add up to 100).
  public var chance: Int
  /// What the trainee is told happened, if anything.
  public var text: String?
  public var effects: Effects
  public var tags: [String]
  /// Where play goes; `nil` keeps the option's (or inject's) own `goto`.
  public var goto: Located<String>?
  public var position: SourcePosition

  /// Creates an outcome.
  public init(
    chance: Int, text: String? = nil, effects: Effects = Effects(), tags: [String] = [],
    goto: Located<String>? = nil, position: SourcePosition = .start
  ) {
    self.chance = chance
    self.text = text
    self.effects = effects
    self.tags = tags
    self.goto = goto
    self.position = position
  }
}
