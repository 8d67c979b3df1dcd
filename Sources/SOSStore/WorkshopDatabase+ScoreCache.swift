import SOSCore

// MARK: - Scores from the cache, derived when missing

extension WorkshopDatabase {
  /// Every session (or those of one cohort), in the order stored, each with the scores
  /// its replay gives: read from the score cache when a row filed under the session's
  /// key (``ScoreCacheKey``: the scenario text's SHA-256, a digest of the answers and
  /// options, the scoring version) is intact, else replayed, re-scored and cached.
  ///
  /// The result is what ``replayedSessions(cohort:)`` gives, reduced to what the
  /// cohort report reads (``CohortScore``): a row that does not match its key, does not
  /// decode or holds impossible numbers is ignored and derived afresh. `rescore`
  /// replays every session and rewrites its row. Sessions are read one at a time and
  /// only their scores are kept. New rows are written in one transaction at the end;
  /// if that fails (a read-only database), the scores are returned all the same and
  /// ``ScoreCacheStatistics/storeProblem`` says why.
  ///
  /// Throws ``WorkshopDatabaseError/unknownCohort(_:)`` for a cohort that does not exist.
  public func sessionScores(
    cohort: String? = nil, rescore: Bool = false
  ) throws(WorkshopDatabaseError) -> SessionScores {
    try sessionScores(cohort: cohort, rescore: rescore, version: ScoreCacheKey.currentVersion)
  }

  /// ``sessionScores(cohort:rescore:)`` under another scoring version, for tests.
  func sessionScores(
    cohort: String?, rescore: Bool, version: String
  ) throws(WorkshopDatabaseError) -> SessionScores {
    var replayer = SessionReplayer()
    var statistics = ScoreCacheStatistics()
    var fresh: [ScoreCacheRow] = []
    let sessions = try read { db in
      let order = engine.dialect.storedOrder
      let rows: [SessionRow]
      if let cohort {
        let id = try Self.cohortID(named: cohort, in: db)
        rows = try db.rows(
          "SELECT * FROM session WHERE cohort_id = ? ORDER BY \(order)", [.integer(id)]
        ).map(SessionRow.init)
      } else {
        rows = try db.rows("SELECT * FROM session ORDER BY \(order)").map(SessionRow.init)
      }
      let names = try cohortNames(in: db)
      let rooms = try roomCodes(in: db)
      // Each scenario text once, with the SHA-256 of the text as read.
      var texts: [String: (text: String, hash: String)?] = [:]
      // What decoding the rows of each scenario version shares, by the text's hash.
      var contexts: [String: ScoreCachePayload.Context] = [:]
      var sessions: [SessionScore] = []
      for row in rows {
        var record = try record(from: row, cohortNames: names)
        record.room = rooms[row.id]
        if texts[record.scenarioHash] == nil {
          let text = try ScenarioTextRow.text(hash: record.scenarioHash, in: db)
          texts[record.scenarioHash] = .some(
            text.map { ($0, SHA256.hex(SHA256.digest(Array($0.utf8)))) })
        }
        guard let found = texts[record.scenarioHash] ?? nil else {
          sessions.append(
            SessionScore(
              record: record, scenario: nil, score: nil,
              problem: "its scenario text (sha256 \(record.scenarioHash)) is missing"))
          continue
        }
        let scenario: Scenario
        switch replayer.scenario(text: found.text, hash: record.scenarioHash, id: record.scenarioID)
        {
        case .success(let value): scenario = value
        case .failure(let problem):
          sessions.append(
            SessionScore(record: record, scenario: nil, score: nil, problem: problem.message))
          continue
        }
        let inputs = try inputs(sessionID: record.idText, in: db)
        let key = ScoreCacheKey(
          record: record, inputs: inputs, scenarioHash: found.hash, version: version)
        var context =
          contexts[found.hash] ?? ScoreCachePayload.Context(texts: ScenarioTexts(scenario))
        defer { contexts[found.hash] = context }
        var entry: ScoreCacheEntry?
        if !rescore, let cached = try Self.cachedRow(key, in: db) {
          entry = cached.entry(for: key, context: &context)
          if entry == nil { statistics.rejected += 1 }
        }
        if let entry {
          statistics.reused += 1
          sessions.append(
            SessionScore(
              record: record, scenario: scenario, score: entry.score, problem: entry.problem))
          continue
        }
        let replayed = replayer.replay(record, inputs: inputs, scenarioText: found.text)
        let derived =
          replayed.scored.map { ScoreCacheEntry(score: CohortScore($0)) }
          ?? ScoreCacheEntry(problem: replayed.problem ?? "it does not replay")
        statistics.derived += 1
        fresh.append(ScoreCacheRow(key: key, entry: derived, texts: context.texts))
        sessions.append(
          SessionScore(
            record: record, scenario: scenario, score: derived.score, problem: derived.problem))
      }
      return sessions
    }
    if !fresh.isEmpty {
      do {
        try write { db in try Self.store(fresh, in: db) }
        statistics.stored = fresh.count
      } catch {
        statistics.storeProblem = error.message
      }
    }
    return SessionScores(sessions: sessions, cache: statistics)
  }

  /// Empties the score cache; the next report derives every score again.
  public func clearScoreCache() throws(WorkshopDatabaseError) {
    try write { db in try db.execute("DELETE FROM score_cache") }
  }

  /// How many rows the score cache holds.
  public func scoreCacheCount() throws(WorkshopDatabaseError) -> Int {
    try read { db in try db.count("SELECT COUNT(*) FROM score_cache") }
  }

  /// The row filed under `key`, if any.
  static func cachedRow(_ key: ScoreCacheKey, in db: any SQLConnection) throws -> ScoreCacheRow? {
    try db.row(
      "SELECT * FROM score_cache WHERE scenario_hash = ? AND inputs_hash = ? AND version = ?",
      [.text(key.scenarioHash), .text(key.inputsHash), .text(key.version)]
    ).map(ScoreCacheRow.init)
  }

  /// Writes `rows`, replacing rows under the same keys, and drops rows of other
  /// scoring versions, which no build of this version reads.
  static func store(_ rows: [ScoreCacheRow], in db: any SQLConnection) throws {
    for row in rows { try row.upsert(in: db) }
    let versions = Set(rows.map(\.version)).sorted()
    guard !versions.isEmpty else { return }
    let placeholders = Array(repeating: "?", count: versions.count).joined(separator: ", ")
    try db.execute(
      "DELETE FROM score_cache WHERE version NOT IN (\(placeholders))", versions.map { .text($0) })
  }
}
