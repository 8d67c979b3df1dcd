/// Every default of the scoring rules, in one documented place
/// (facilitator-guide/scoring.md explains each with a worked example).
public enum ScoringDefaults {
  // MARK: - Composite

  /// Weights of the overall score when a scenario sets none: timeliness 40,
  /// communication 45, outcome (the ending's rating) 15.
  public static let weights = (timeliness: 40, communication: 45, outcome: 15)
  /// The overall score that counts as a pass when a scenario sets none.
  public static let passMark = 60
  /// Grade bands when a scenario sets none.
  public static let bands: [GradeBand] = [
    GradeBand(minimum: 90, name: "Exemplary"),
    GradeBand(minimum: 75, name: "Strong"),
    GradeBand(minimum: 60, name: "Competent"),
    GradeBand(minimum: 40, name: "Developing"),
    GradeBand(minimum: 0, name: "Not yet"),
  ]

  // MARK: - Timeliness: relative worth of each rule before normalising to 100

  /// A deadline of weight w is worth `deadlineUnit × w`.
  public static let deadlineUnit = 10.0
  /// A cadence rule of weight w is worth `cadenceUnit × w`.
  public static let cadenceUnit = 10.0
  /// Each promise is worth this much.
  public static let promiseWorth = 5.0
  /// Decision latency in timed play is worth this much in all.
  public static let latencyWorth = 10.0
  /// A timed answer within this share of the limit earns full credit; credit falls
  /// linearly to zero at the limit.
  public static let latencyFullCreditShare = 0.5

  // MARK: - Communication: shares of the 100 points

  /// Share (percent) of the communication score carried by the typed statements'
  /// analysis, when a scenario asks for statements and sets no `statement_share`:
  /// writing is what a real crisis weighs most, so the best options with nonsense
  /// statements cannot pass.
  public static let statementSharePercent = 40
  /// Relative share of the quality of the options taken at each decision; with the
  /// coverage and posture shares it divides what the statements leave.
  public static let choiceShare = 60.0
  /// Relative share of the coverage of required stakeholders.
  public static let coverageShare = 10.0
  /// Relative share of the fit of response postures to the crisis cluster.
  public static let postureShare = 10.0
  /// A session cannot pass while its typed statements average below this (0–100; a
  /// statement that says nothing counts 0): the overall score is held just below the
  /// pass mark, and the debrief says why. A scenario sets its own with
  /// `statement_gate` (0 turns it off).
  public static let statementGate = 40
  /// A statement counts as saying something (it can meet a deadline, keep or make a
  /// promise, contact its audience) only with at least this many words.
  public static let statementMinimumWords = 5
  /// A required stakeholder who first hears within this share of the session's
  /// length gets full coverage credit; later, credit falls linearly to half at the end.
  public static let earlyContactShare = 0.25
  /// Points lost for mixing denial with rebuilding.
  public static let inconsistencyPenalty = 5.0
  /// Points lost, on accountability, for each broken promise.
  public static let brokenPromisePenalty = 3.0

  /// How well a posture fits a cluster, 0…1 (SCCT: the stronger the attributed
  /// responsibility, the more the response must rebuild; denial in a preventable
  /// crisis backfires).
  public static func postureFit(_ posture: Posture, in cluster: CrisisCluster) -> Double {
    switch (cluster, posture) {
    case (_, .rebuild): return 1
    case (.victim, .bolster): return 1
    case (.victim, .diminish): return 0.75
    case (.victim, .deny): return 0.25
    case (.accidental, .bolster): return 0.75
    case (.accidental, .diminish): return 0.5
    case (.accidental, .deny): return 0
    case (.preventable, .bolster): return 0.5
    case (.preventable, .diminish): return 0.25
    case (.preventable, .deny): return 0
    }
  }
}
