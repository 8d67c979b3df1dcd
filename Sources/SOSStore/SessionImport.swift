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

  /// Creates a session to import.
  public init(
    record: SessionRecord, scenarioText: String, inputs: [RecordedInput],
    scored: ScoredSession? = nil
  ) {
    self.record = record
    self.scenarioText = scenarioText
    self.inputs = inputs
    self.scored = scored
  }
}
