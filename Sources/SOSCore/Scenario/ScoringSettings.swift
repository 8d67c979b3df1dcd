/// A scenario's composite weights, pass mark and grade bands.
public struct ScoringSettings: Hashable, Sendable {
  public var timelinessWeight: Int
  public var communicationWeight: Int
  public var outcomeWeight: Int
  /// The overall score (0–100) that counts as a pass.
  public var pass: Int
  /// Named grade bands; empty for ``ScoringDefaults/bands``.
  public var bands: [GradeBand]
  /// The share of the communication score (0–100) that the typed statements carry
  /// when the scenario asks for any.
  public var statementShare: Int
  /// The statements' average below which a session cannot pass (0: no gate).
  public var statementGate: Int = ScoringDefaults.statementGate

  /// The defaults of ``ScoringDefaults``: timeliness 40, communication 45, outcome
  /// 15; pass at 60; the default bands.
  public init(
    timelinessWeight: Int = ScoringDefaults.weights.timeliness,
    communicationWeight: Int = ScoringDefaults.weights.communication,
    outcomeWeight: Int = ScoringDefaults.weights.outcome,
    pass: Int = ScoringDefaults.passMark, bands: [GradeBand] = [],
    statementShare: Int = ScoringDefaults.statementSharePercent
  ) {
    self.statementShare = statementShare
    self.timelinessWeight = timelinessWeight
    self.communicationWeight = communicationWeight
    self.outcomeWeight = outcomeWeight
    self.pass = pass
    self.bands = bands
  }
}
