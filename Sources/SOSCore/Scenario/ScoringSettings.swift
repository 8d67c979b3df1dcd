/// A scenario's composite weights and pass mark.
public struct ScoringSettings: Hashable, Sendable {
  public var timelinessWeight: Int
  public var communicationWeight: Int
  public var outcomeWeight: Int
  /// The overall score (0–100) that counts as a pass.
  public var pass: Int

  /// The defaults: timeliness 40, communication 45, outcome 15; pass at 60.
  public init(
    timelinessWeight: Int = 40, communicationWeight: Int = 45, outcomeWeight: Int = 15,
    pass: Int = 60
  ) {
    self.timelinessWeight = timelinessWeight
    self.communicationWeight = communicationWeight
    self.outcomeWeight = outcomeWeight
    self.pass = pass
  }
}
