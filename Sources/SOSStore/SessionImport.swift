import SOSCore

/// One session to import (``WorkshopDatabase/importSessions(_:)``): the session, its
/// scenario text and inputs, and, when the caller replayed it, the replay, whose
/// scores are cached as the import stores the session.
public struct SessionImport: Sendable {
  public var record: SessionRecord
  public var scenarioText: String
  public var inputs: [RecordedInput]
  /// The replay of `inputs` on `scenarioText` with `record`'s options, if made.
  public var scored: ScoredSession?
  /// The scenario `scenarioText` holds, as the replay loaded it: the cache names its
  /// texts instead of repeating them.
  public var scenario: Scenario?

  /// Creates a session to import.
  public init(
    record: SessionRecord, scenarioText: String, inputs: [RecordedInput],
    scored: ScoredSession? = nil, scenario: Scenario? = nil
  ) {
    self.record = record
    self.scenarioText = scenarioText
    self.inputs = inputs
    self.scored = scored
    self.scenario = scenario
  }
}
