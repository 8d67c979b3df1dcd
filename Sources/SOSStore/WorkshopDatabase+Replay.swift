import SOSCore

// MARK: - Sessions, replayed and re-scored

extension WorkshopDatabase {
  /// Every session (or those of one cohort), oldest first, each replayed through the
  /// engine and re-scored with the scenario text it was played with.
  ///
  /// A session that cannot be replayed is still returned, with its problem in words.
  /// Throws ``WorkshopDatabaseError/unknownCohort(_:)`` for a cohort that does not exist.
  public func replayedSessions(
    cohort: String? = nil
  ) throws(WorkshopDatabaseError) -> [ReplayedSession] {
    var replayer = SessionReplayer()
    let records = try sessions(cohort: cohort, storedOrder: true)
    var texts: [String: String?] = [:]
    var replayed: [ReplayedSession] = []
    for record in records {
      let inputs = try inputs(sessionID: record.id)
      if texts[record.scenarioHash] == nil {
        texts[record.scenarioHash] = .some(try scenarioText(hash: record.scenarioHash))
      }
      let text = texts[record.scenarioHash] ?? nil
      replayed.append(replayer.replay(record, inputs: inputs, scenarioText: text))
    }
    return replayed
  }
}
