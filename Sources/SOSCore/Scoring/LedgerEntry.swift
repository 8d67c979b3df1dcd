/// One line of a score's explanation: what earned or lost points, on which score and
/// dimension, how many of how many, and why in plain words. A score is the sum of its
/// entries' points.
public struct LedgerEntry: Hashable, Sendable, Codable {
  /// The score an entry counts toward.
  public enum Component: String, Hashable, Sendable, Codable, CaseIterable {
    case timeliness
    case communication
  }

  /// The rule that produced the entry.
  public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
    /// A deadline met on time, late or missed.
    case deadline
    /// Gaps between updates to a stakeholder against the scenario's cadence.
    case cadence
    /// A promise kept on time, late, or broken.
    case promise
    /// How quickly a timed decision was answered.
    case latency
    /// The quality of the option taken at a decision, against the options offered.
    case choice
    /// The analysis of a typed statement.
    case statement
    /// Whether and how early a required stakeholder heard from the trainee.
    case coverage
    /// How well a response posture fits the crisis cluster (SCCT).
    case posture
    /// Mixing denial with rebuilding.
    case consistency
    /// The accountability cost of a broken promise.
    case brokenPromise = "broken-promise"
    /// Keeps a score from going below zero.
    case floor
  }

  public var component: Component
  public var rule: Rule
  /// The dimension of communication quality the entry speaks to, if one.
  public var dimension: QualityDimension?
  /// What the entry is about: a deadline, choice, stakeholder or promise id.
  public var subject: String
  /// When on the crisis clock it happened, if at a moment.
  public var at: ClockDuration?
  /// Points earned (negative for a penalty), in the component's 0–100 units.
  public var points: Double
  /// The most the entry could have earned (0 for a penalty).
  public var maximum: Double
  /// Why, in plain words.
  public var reason: String

  /// Creates an entry.
  public init(
    component: Component, rule: Rule, dimension: QualityDimension? = nil, subject: String,
    at: ClockDuration? = nil, points: Double, maximum: Double, reason: String
  ) {
    self.component = component
    self.rule = rule
    self.dimension = dimension
    self.subject = subject
    self.at = at
    self.points = points
    self.maximum = maximum
    self.reason = reason
  }

  /// Points short of the maximum (or the size of a penalty): how much this entry cost.
  public var shortfall: Double { maximum - points }
}
