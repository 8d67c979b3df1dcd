/// The option most trainees took at some decision when a stronger one was on offer.
public struct WrongTurn: Hashable, Sendable, Codable {
  /// The scenario's id.
  public var scenario: String
  public var scenarioTitle: String
  /// The decision's node id and title.
  public var node: String
  public var title: String?
  /// The option taken (id and text).
  public var choice: String
  public var text: String
  /// The strongest option on offer (id and text).
  public var best: String
  public var bestText: String
  /// How many trainees took it, of how many who met the decision.
  public var takers: Proportion
  /// The mean credit of the option taken (0…1) where it was taken.
  public var credit: Double
}
