/// What follows from a typed statement, chosen by how good it was: a band on the
/// statement's score and on named criteria, with the consequences a real statement
/// of that quality would have (a reporter calls back, agents get abuse, trust rises).
///
/// The outcomes of a write task are tried in order after the statement is analysed;
/// the first whose conditions all hold applies. An outcome with no condition is the
/// fallback.
///
/// ```yaml
/// write:
///   id: first-post
///   outcomes:
///     - { min: 70, met: [next-update], text: "Replies calm down.", effects: { add: { trust: 10 } } }
///     - { below: 40, text: "Angry replies pile up.", goto: pile-on }
/// ```
public struct StatementOutcome: Hashable, Sendable {
  /// The statement scored at least this (0–100).
  public var minimum: Int?
  /// The statement scored below this (0–100).
  public var below: Int?
  /// Criteria (by id) the statement met, all of them: a rubric criterion such as
  /// `next-update`, a `must` fact's id, or `avoid:ID` for a phrasing it avoided.
  public var met: [Located<String>]
  /// Criteria (by id) the statement did not meet, all of them.
  public var unmet: [Located<String>]
  /// Any further condition, read after the statement is recorded.
  public var when: ScenarioExpression?
  /// What the trainee is told happened.
  public var text: String?
  public var effects: Effects
  public var tags: [String]
  public var contacts: [Located<String>]
  /// Where play goes; `nil` keeps the option's own `goto`.
  public var goto: Goto?
  public var position: SourcePosition

  /// Creates an outcome.
  public init(
    minimum: Int? = nil, below: Int? = nil, met: [Located<String>] = [],
    unmet: [Located<String>] = [], when: ScenarioExpression? = nil, text: String? = nil,
    effects: Effects = Effects(), tags: [String] = [], contacts: [Located<String>] = [],
    goto: Goto? = nil, position: SourcePosition = .start
  ) {
    self.minimum = minimum
    self.below = below
    self.met = met
    self.unmet = unmet
    self.when = when
    self.text = text
    self.effects = effects
    self.tags = tags
    self.contacts = contacts
    self.goto = goto
    self.position = position
  }

  /// Whether the outcome has no condition (a fallback).
  public var isFallback: Bool {
    minimum == nil && below == nil && met.isEmpty && unmet.isEmpty && when == nil
  }
}
