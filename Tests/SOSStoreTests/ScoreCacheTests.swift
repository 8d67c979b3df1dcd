import Foundation
import SOSCore
import Testing

@testable import SOSStore

/// The score cache: a report from cached scores is the report of a fresh replay, and a
/// cached row is used only under the key it was derived for.
@Suite struct ScoreCacheTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The shipped no-chicken scenario: deadlines, promises, typed statements.
  static func scenarioText() throws -> String {
    try String(
      contentsOf: root.appendingPathComponent("scenarios/supply-chain.yaml"), encoding: .utf8)
  }

  static let statements = [
    "We're sorry. Deliveries failed overnight, so 412 of our restaurants are closed today."
      + " Check the app before you travel. Next update by 13:00.",
    "We are aware of the issue and are looking into it.",
    "Managers: if yours is shut, stand at the door, say sorry and show customers the app."
      + " Your crew will be paid. Next brief by 6pm.",
    "No comment.",
  ]

  /// The score cache's rows, in key order.
  static func cacheRows(_ database: WorkshopDatabase) throws -> [ScoreCacheRow] {
    try database.read { db in
      try db.rows("SELECT * FROM score_cache ORDER BY scenario_hash, inputs_hash, version")
        .map(ScoreCacheRow.init)
    }
  }

  /// Rewrites the first `rows` rows of the score cache (in key order) as `edit` changes
  /// them, as someone editing the database by hand would; the same on both engines.
  static func editCache(
    _ database: WorkshopDatabase, rows: Int, _ edit: (inout ScoreCacheRow) -> Void
  ) throws {
    for var row in try cacheRows(database).prefix(rows) {
      edit(&row)
      try database.write { db in try row.upsert(in: db) }
    }
  }

  /// A cohort of sessions played at random through the engine: finished ones in both
  /// modes, one left active, one abandoned, and one whose log does not replay.
  static func cohort(
    sessions count: Int = 24, store: TestStore = .sqlite
  ) throws -> WorkshopDatabase {
    let text = try scenarioText()
    let scenario = try #require(ScenarioLoader.load(text: text, file: "s.yaml").scenario)
    let engine = Engine(scenario: scenario)
    let database = try store.make()
    _ = try database.createCohort(name: "spring", description: nil, at: Sample.time())
    var random = SeededGenerator(seed: 14)
    for index in 0..<count {
      let session = try database.createSession(
        NewSession(
          trainee: "T\(index % 9)", cohort: "spring", scenarioID: scenario.id, scenarioText: text,
          seed: UInt64(index * 7 + 1), mode: index % 5 == 4 ? .practice : .assessment,
          timed: false, started: Sample.time(Double(index) * 600)))
      var state = engine.start(session.options).state
      var step = 0
      let stopAt = index == 3 ? 4 : Int.max
      while !state.finished, step < stopAt {
        let input: SessionInput
        var choice: String?
        if engine.pendingWrite(in: state) != nil {
          input = .write(statements[Int.random(in: 0..<statements.count, using: &random)])
        } else {
          let offered = engine.offeredChoices(in: state)
          let number = Int.random(in: 1...offered.count, using: &random)
          input = .choose(number)
          choice = offered[number - 1].id
        }
        state = try engine.step(state, input).get().state
        try database.appendInput(
          sessionID: session.id, input: input,
          at: Sample.time(Double(index) * 600 + Double(step + 1) * 30), latencyMilliseconds: nil,
          choice: choice)
        step += 1
      }
      if index == 5 {
        // An answer the scenario refuses: listed with its reason, never scored.
        try database.appendInput(
          sessionID: session.id, input: .choose(9), at: Sample.time(Double(index) * 600 + 900),
          latencyMilliseconds: nil)
      }
      if index == 7 {
        try database.abandonSession(id: session.id, at: Sample.time(Double(index) * 600 + 500))
      } else if state.finished || index == 5 {
        try database.finishSession(id: session.id, at: Sample.time(Double(index) * 600 + 550))
      }
    }
    return database
  }

  /// The analysis the report makes of every session replayed afresh, as before the
  /// cache.
  static func freshAnalysis(_ database: WorkshopDatabase) throws -> CohortAnalysis {
    let attempts = try database.replayedSessions(cohort: "spring").map {
      $0.attempt(trainee: $0.record.trainee)
    }
    return CohortAnalysis(cohort: "spring", attempts: attempts)
  }

  /// The analysis the report makes from the cache, and how the cache served it.
  static func cachedAnalysis(
    _ database: WorkshopDatabase, rescore: Bool = false,
    version: String = ScoreCacheKey.currentVersion
  ) throws -> (CohortAnalysis, ScoreCacheStatistics) {
    let scores = try database.sessionScores(cohort: "spring", rescore: rescore, version: version)
    let attempts = scores.sessions.map { $0.attempt(trainee: $0.record.trainee) }
    return (CohortAnalysis(cohort: "spring", attempts: attempts), scores.cache)
  }

  @Test(arguments: TestStore.engines) func aReportFromTheCacheIsTheReportOfAFreshReplay(
    store: TestStore
  ) throws {
    let database = try Self.cohort(store: store)
    let fresh = try Self.freshAnalysis(database)
    #expect(fresh.counts.sessions == 24)
    #expect(fresh.counts.unscorable == 1)
    #expect(fresh.problems.count == 1)
    #expect(fresh.scenarios.first?.statements ?? 0 > 0)

    let (first, deriving) = try Self.cachedAnalysis(database)
    #expect(deriving.derived == 24)
    #expect(deriving.reused == 0)
    #expect(deriving.stored == 24)
    #expect(first == fresh)

    let (second, reading) = try Self.cachedAnalysis(database)
    #expect(reading.derived == 0)
    #expect(reading.reused == 24)
    #expect(reading.rejected == 0)
    #expect(second == fresh)

    try database.clearScoreCache()
    #expect(try database.scoreCacheCount() == 0)
    let (cleared, again) = try Self.cachedAnalysis(database)
    #expect(again.derived == 24)
    #expect(cleared == second)

    let (rescored, forced) = try Self.cachedAnalysis(database, rescore: true)
    #expect(forced.derived == 24)
    #expect(forced.reused == 0)
    #expect(rescored == fresh)
  }

  /// Each session's scores, not only the cohort's statistics, come back as derived.
  @Test(arguments: TestStore.engines) func everyCachedScoreIsTheScoreOfItsReplay(store: TestStore)
    throws
  {
    let database = try Self.cohort(sessions: 12, store: store)
    let replayed = try database.replayedSessions(cohort: "spring")
    _ = try database.sessionScores(cohort: "spring")
    let cached = try database.sessionScores(cohort: "spring")
    #expect(cached.cache.reused == 12)
    #expect(cached.sessions.map(\.record) == replayed.map(\.record))
    #expect(cached.sessions.map(\.score) == replayed.map { $0.scored.map(CohortScore.init) })
    #expect(cached.sessions.map(\.problem) == replayed.map(\.problem))
  }

  @Test(arguments: TestStore.engines) func aNewScoringVersionDerivesEveryScoreOnce(store: TestStore)
    throws
  {
    let database = try Self.cohort(sessions: 10, store: store)
    let fresh = try Self.freshAnalysis(database)
    _ = try Self.cachedAnalysis(database)

    let (bumped, first) = try Self.cachedAnalysis(database, version: "scoring 999")
    #expect(first.derived == 10)
    #expect(first.reused == 0)
    #expect(bumped == fresh)
    let (_, second) = try Self.cachedAnalysis(database, version: "scoring 999")
    #expect(second.derived == 0)
    #expect(second.reused == 10)
    // The rows of the old version are gone; only the new version's are kept.
    #expect(try database.scoreCacheCount() == 10)
  }

  @Test(arguments: TestStore.engines) func aChangedScenarioTextDerivesAfresh(store: TestStore)
    throws
  {
    let database = try Self.cohort(sessions: 10, store: store)
    let (before, _) = try Self.cachedAnalysis(database)
    // Someone edits the stored text: every ending is now worth 7 points.
    try database.executeForTesting(
      """
      UPDATE scenario_text SET text = replace(replace(replace(text,
        'outcome: 92', 'outcome: 7'), 'outcome: 60', 'outcome: 7'), 'outcome: 35', 'outcome: 7')
      """)
    let fresh = try Self.freshAnalysis(database)
    let (after, statistics) = try Self.cachedAnalysis(database)
    #expect(statistics.derived == 10)
    #expect(statistics.reused == 0)
    #expect(after == fresh)
    #expect(after != before)
  }

  @Test(arguments: TestStore.engines) func aRowThatDoesNotMatchItsKeyIsIgnoredAndRecomputed(
    store: TestStore
  ) throws {
    let database = try Self.cohort(sessions: 6, store: store)
    let fresh = try Self.freshAnalysis(database)
    _ = try Self.cachedAnalysis(database)

    // A payload edited by hand (another plausible overall score), the digest left
    // alone: the overall score's second most significant byte is the 11th.
    try Self.editCache(database, rows: 2) { row in
      row.payload[10] = row.payload[10] == 0x47 ? 0x46 : 0x47
    }
    var (analysis, statistics) = try Self.cachedAnalysis(database)
    #expect(statistics.rejected == 2)
    #expect(statistics.derived == 2)
    #expect(analysis == fresh)

    // One session's row moved under another session's key, digest and all.
    let moved = try #require(try Self.cacheRows(database).first)
    try Self.editCache(database, rows: 6) { row in
      if row.inputsHash != moved.inputsHash {
        row.payload = moved.payload
        row.digest = moved.digest
      }
    }
    try database.write { db in
      try db.execute(
        "UPDATE score_cache SET inputs_hash = ? WHERE inputs_hash = ?",
        [.text("x" + moved.inputsHash), .text(moved.inputsHash)])
    }
    (analysis, statistics) = try Self.cachedAnalysis(database)
    #expect(statistics.rejected == 5)
    #expect(analysis == fresh)

    // Rows cut short, or that lost their digest.
    try Self.editCache(database, rows: 6) { row in row.payload = Data([1, 1]) }
    (analysis, statistics) = try Self.cachedAnalysis(database)
    #expect(statistics.rejected == 6)
    #expect(analysis == fresh)
    try database.executeForTesting("UPDATE score_cache SET digest = ''")
    (analysis, statistics) = try Self.cachedAnalysis(database)
    #expect(statistics.rejected == 6)
    #expect(analysis == fresh)

    // Every rejected row was replaced: the next report reads them all.
    (analysis, statistics) = try Self.cachedAnalysis(database)
    #expect(statistics.reused == 6)
    #expect(statistics.rejected == 0)
    #expect(analysis == fresh)
  }

  /// A row whose digest matches but whose numbers no replay can give (written by
  /// someone who recomputed the digest) is still refused.
  @Test(arguments: TestStore.engines) func aRowWithImpossibleScoresIsRefused(store: TestStore)
    throws
  {
    let database = try Self.cohort(sessions: 6, store: store)
    let fresh = try Self.freshAnalysis(database)
    let scores = try database.sessionScores(cohort: "spring")
    let session = try #require(scores.sessions.first { $0.score != nil })
    var forged = try #require(session.score)
    forged.overall = 250
    let inputs = try database.inputs(sessionID: session.record.id)
    let text = try #require(try database.scenarioText(hash: session.record.scenarioHash))
    let key = ScoreCacheKey(
      record: session.record, inputs: inputs, scenarioHash: WorkshopDatabase.hash(of: text))
    let row = ScoreCacheRow(key: key, entry: ScoreCacheEntry(score: forged), texts: nil)
    var context = ScoreCachePayload.Context(texts: nil)
    #expect(row.entry(for: key, context: &context) == nil)
    try database.write { db in try row.upsert(in: db) }
    let (analysis, statistics) = try Self.cachedAnalysis(database)
    #expect(statistics.rejected == 1)
    #expect(analysis == fresh)
  }

  /// The stored form gives back every score bit for bit, naming the scenario's texts
  /// or not, and refuses bytes cut short, running on, or naming texts it cannot find.
  @Test(arguments: TestStore.engines) func payloadsRoundTripExactly(store: TestStore) throws {
    let database = try Self.cohort(sessions: 8, store: store)
    let scenario = try #require(
      ScenarioLoader.load(text: try Self.scenarioText(), file: "s.yaml").scenario)
    let texts = ScenarioTexts(scenario)
    var named = ScoreCachePayload.Context(texts: texts)
    var bare = ScoreCachePayload.Context(texts: nil)
    for session in try database.sessionScores(cohort: "spring").sessions {
      let entry =
        session.score.map { ScoreCacheEntry(score: $0) }
        ?? ScoreCacheEntry(problem: session.problem ?? "")
      let short = entry.payload(texts: texts)
      let long = entry.payload(texts: nil)
      #expect(ScoreCacheEntry(payload: short, context: &named) == entry)
      #expect(ScoreCacheEntry(payload: long, context: &bare) == entry)
      #expect(ScoreCacheEntry(payload: long, context: &named) == entry)
      #expect(ScoreCacheEntry(payload: Array(short.dropLast()), context: &named) == nil)
      #expect(ScoreCacheEntry(payload: short + [0], context: &named) == nil)
      if let score = session.score, !score.decisions.isEmpty {
        #expect(short.count < long.count)
        // Texts named by reference cannot be read without the scenario.
        #expect(ScoreCacheEntry(payload: short, context: &bare) == nil)
      }
    }
    var score = try #require(try database.sessionScores(cohort: "spring").sessions.first?.score)
    score.overall = 0.1 + 0.2
    score.decisions[0].credit = 1.0 / 3.0
    score.decisions[0].chosenText = "A text the scenario does not have"
    score.decisions[0].title = nil
    let entry = ScoreCacheEntry(score: score)
    let decoded = ScoreCacheEntry(payload: entry.payload(texts: texts), context: &named)
    #expect(decoded?.score?.overall == 0.1 + 0.2)
    #expect(decoded == entry)
  }

  @Test(arguments: TestStore.engines) func keysTellApartWhatAReplayDependsOn(store: TestStore)
    throws
  {
    let record = SessionRecord(
      id: UUID(), trainee: "Ada", cohort: nil, scenarioID: "s", scenarioHash: "h", seed: 1,
      mode: .assessment, timed: false, started: Sample.time(), finished: nil, status: .active)
    func key(
      _ record: SessionRecord, _ inputs: [SessionInput], choices: [String?] = [],
      latencies: [Int?] = [], hash: String = "h"
    ) -> ScoreCacheKey {
      let recorded = inputs.enumerated().map { index, input in
        RecordedInput(
          sequence: index, input: input, at: Sample.time(Double(index)),
          latencyMilliseconds: index < latencies.count ? latencies[index] : nil,
          choice: index < choices.count ? choices[index] : nil)
      }
      return ScoreCacheKey(record: record, inputs: recorded, scenarioHash: hash)
    }
    let base = key(record, [.choose(1), .write("a")])
    var keys: [ScoreCacheKey] = [
      base,
      key(record, [.choose(1), .write("a")], hash: "other"),
      key(record, [.choose(2), .write("a")]),
      key(record, [.choose(1), .write("a"), .undo]),
      key(record, [.choose(1), .write("a ")]),
      key(record, [.choose(1), .write("")]),
      key(record, [.choose(1), .timeout]),
      key(record, [.choose(1), .write("a")], choices: ["x"]),
      key(record, [.choose(1), .write("a")], latencies: [5]),
    ]
    var other = record
    other.seed = 2
    keys.append(key(other, [.choose(1), .write("a")]))
    other = record
    other.mode = .practice
    keys.append(key(other, [.choose(1), .write("a")]))
    other = record
    other.timed = true
    keys.append(key(other, [.choose(1), .write("a")]))
    other = record
    other.shuffles = false
    keys.append(key(other, [.choose(1), .write("a")]))
    other = record
    other.scenarioID = "t"
    keys.append(key(other, [.choose(1), .write("a")]))
    #expect(Set(keys).count == keys.count)
    // What a replay does not depend on leaves the key alone: who, when, the id.
    other = record
    other.trainee = "Bob"
    other.id = UUID()
    other.started = Sample.time(99)
    other.status = .finished
    keys = [key(other, [.choose(1), .write("a")])]
    #expect(keys == [base])
    #expect(base.version == ScoreCacheKey.currentVersion)
  }

  /// Import caches the scores it derives, under the key the report computes.
  @Test(arguments: TestStore.engines) func importFillsTheCacheAsItScores(store: TestStore) throws {
    let source = try Self.cohort(sessions: 8, store: store)
    let target = try store.make()
    _ = try target.createCohort(name: "spring", description: nil, at: Sample.time())
    var replayer = SessionReplayer()
    var batch: [SessionImport] = []
    for record in try source.sessions(cohort: "spring", storedOrder: true) {
      let file = try source.sessionFile(id: record.id)
      let replayed = replayer.replay(
        file.sessionRecord, inputs: file.inputs, scenarioText: file.scenario.text)
      batch.append(
        SessionImport(
          record: file.sessionRecord, scenarioText: file.scenario.text, inputs: file.inputs,
          scored: replayed.scored))
    }
    let results = try target.importSessions(batch)
    #expect(results.allSatisfy { (try? $0.get()) == .imported })
    // The session that does not replay has nothing to cache; the others are cached.
    #expect(try target.scoreCacheCount() == 7)
    let scores = try target.sessionScores(cohort: "spring")
    #expect(scores.cache.reused == 7)
    #expect(scores.cache.derived == 1)
    let attempts = scores.sessions.map { $0.attempt(trainee: $0.record.trainee) }
    #expect(
      CohortAnalysis(cohort: "spring", attempts: attempts) == (try Self.freshAnalysis(target)))
  }

  /// In one batch each session stands alone: refused ones are reported by position,
  /// the others stored, and a session given twice is stored once.
  @Test(arguments: TestStore.engines) func aBatchImportRefusesSessionsOneByOne(store: TestStore)
    throws
  {
    let source = try Self.cohort(sessions: 3, store: store)
    let target = try store.make()
    _ = try target.createCohort(name: "spring", description: nil, at: Sample.time())
    let files = try source.sessions(cohort: "spring").map { try source.sessionFile(id: $0.id) }
    func item(_ file: SessionFile) -> SessionImport {
      SessionImport(
        record: file.sessionRecord, scenarioText: file.scenario.text, inputs: file.inputs)
    }
    var badName = item(files[1])
    badName.record.trainee = "Bad\u{7}Name"
    var badText = item(files[2])
    badText.scenarioText += "\n# edited"
    var unknownCohort = item(files[2])
    unknownCohort.record.cohort = "autumn"
    let results = try target.importSessions([
      item(files[0]), badName, badText, unknownCohort, item(files[0]), item(files[2]),
    ])
    #expect((try? results[0].get()) == .imported)
    #expect(throws: WorkshopDatabaseError.invalidTrainee("Bad\u{7}Name")) { try results[1].get() }
    #expect(
      throws: WorkshopDatabaseError.scenarioHashMismatch(sessionID: files[2].sessionRecord.idText)
    ) {
      try results[2].get()
    }
    #expect(throws: WorkshopDatabaseError.unknownCohort("autumn")) { try results[3].get() }
    #expect((try? results[4].get()) == .alreadyPresent)
    #expect((try? results[5].get()) == .imported)
    #expect(try target.sessions(cohort: "spring").count == 2)
    #expect(try target.inputs(sessionID: files[2].session) == files[2].inputs)
  }
}
