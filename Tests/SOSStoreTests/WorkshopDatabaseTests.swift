import Foundation
import SOSCore
import Testing

@testable import SOSStore

@Suite struct WorkshopDatabaseTests {
  // MARK: - Opening, migrations, files

  @Test func freshFileDatabaseMigratesAndKeepsDataAfterReopening() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/data/sos.sqlite"
    let id: UUID
    do {
      let database = try WorkshopDatabase.open(path: path)
      _ = try database.createCohort(name: "spring", description: "Spring workshop")
      let session = try database.createSession(Sample.newSession(cohort: "spring"))
      try database.appendInput(
        sessionID: session.id, input: .choose(2), at: Sample.time(5), latencyMilliseconds: 4200)
      id = session.id
    }
    let reopened = try WorkshopDatabase.open(path: path)
    let session = try #require(try reopened.session(id: id))
    #expect(session.trainee == "Ada")
    #expect(session.cohort == "spring")
    #expect(session.status == .active)
    #expect(
      try reopened.inputs(sessionID: id) == [
        RecordedInput(sequence: 0, input: .choose(2), at: Sample.time(5), latencyMilliseconds: 4200)
      ])
    #expect(try reopened.cohorts().map(\.name) == ["spring"])
    #expect(try reopened.scenarioText(hash: session.scenarioHash) == Sample.scenarioText)
  }

  @Test func newFoldersArePrivateAndTheDatabaseFileToo() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/a/b/sos.sqlite"
    let database = try WorkshopDatabase.open(path: path)
    _ = try database.createSession(Sample.newSession())
    #expect(permissions(folder.path) == 0o700)
    #expect(permissions(folder.path + "/a") == 0o700)
    #expect(permissions(folder.path + "/a/b") == 0o700)
    #expect(permissions(path) == 0o600)
    #expect(permissions(path + ".lock") == 0o600)
    #expect(permissions(path + "-wal") == 0o600)
  }

  @Test func garbageFileGivesAClearError() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    var generator = SplitMix(seed: 42)
    let samples: [[UInt8]] = [
      (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) },
      Array("hello, this is a text file and not a database\n".utf8),
      Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0xAB, count: 4080),
    ]
    for (index, bytes) in samples.enumerated() {
      let path = folder.path + "/garbage-\(index).sqlite"
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      #expect(throws: WorkshopDatabaseError.notADatabase(path: path)) {
        try WorkshopDatabase.open(path: path)
      }
    }
    let path = folder.path + "/garbage-0.sqlite"
    #expect(
      WorkshopDatabaseError.notADatabase(path: path).message
        == "cannot open database at \(path): not a database (file is corrupt or not SQLite)")
  }

  @Test func folderInsteadOfFileGivesAClearError() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(
      atPath: folder.path + "/db.sqlite", withIntermediateDirectories: true)
    #expect(
      throws: WorkshopDatabaseError.cannotOpen(
        path: folder.path + "/db.sqlite", reason: "it is a folder, not a file")
    ) {
      try WorkshopDatabase.open(path: folder.path + "/db.sqlite")
    }
    #expect(FileManager.default.createFile(atPath: folder.path + "/file", contents: Data("x".utf8)))
    #expect(throws: WorkshopDatabaseError.self) {
      try WorkshopDatabase.open(path: folder.path + "/file/db.sqlite")
    }
  }

  @Test func databaseFromANewerVersionIsRefused() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/sos.sqlite"
    try WorkshopDatabase.open(path: path).executeForTesting(
      "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    #expect(throws: WorkshopDatabaseError.newerSchema(path: path)) {
      try WorkshopDatabase.open(path: path)
    }
  }

  // MARK: - Sessions

  @Test(arguments: TestStore.engines) func createdSessionIsActiveWithALowerCaseUUIDAndTheTextHash(
    store: TestStore
  ) throws {
    let database = try store.make()
    let session = try database.createSession(Sample.newSession(seed: UInt64.max))
    #expect(session.idText == session.id.uuidString.lowercased())
    #expect(session.status == .active)
    #expect(session.finished == nil)
    #expect(session.seed == UInt64.max)
    #expect(session.scenarioHash == SHA256.hex(SHA256.digest(Array(Sample.scenarioText.utf8))))
    #expect(try database.session(id: session.id) == session)
  }

  @Test(arguments: TestStore.engines) func appendedInputsReadBackInOrder(store: TestStore) throws {
    let database = try store.make()
    let session = try database.createSession(Sample.newSession())
    for (index, input) in Sample.inputs.enumerated() {
      try database.appendInput(
        sessionID: session.id, input: input, at: Sample.time(Double(index) + 0.123),
        latencyMilliseconds: index.isMultiple(of: 2) ? index * 1000 : nil)
    }
    let inputs = try database.inputs(sessionID: session.id)
    #expect(inputs.map(\.sequence) == Array(0..<Sample.inputs.count))
    #expect(inputs.map(\.input) == Sample.inputs)
    #expect(inputs.map(\.latencyMilliseconds) == [0, nil, 2000, nil, 4000])
    #expect(inputs[1].at == Timestamp.normalized(Sample.time(1.123)))
  }

  @Test(arguments: TestStore.engines) func inputsAreRefusedForUnknownOrEndedSessionsAndBadValues(
    store: TestStore
  ) throws {
    let database = try store.make()
    let missing = UUID()
    #expect(throws: WorkshopDatabaseError.sessionNotFound(missing.uuidString.lowercased())) {
      try database.appendInput(
        sessionID: missing, input: .undo, at: Sample.time(), latencyMilliseconds: nil)
    }
    let session = try database.createSession(Sample.newSession())
    #expect(throws: WorkshopDatabaseError.self) {
      try database.appendInput(
        sessionID: session.id, input: .choose(0), at: Sample.time(), latencyMilliseconds: nil)
    }
    try database.finishSession(id: session.id, at: Sample.time(60))
    let error = #expect(throws: WorkshopDatabaseError.self) {
      try database.appendInput(
        sessionID: session.id, input: .choose(1), at: Sample.time(), latencyMilliseconds: nil)
    }
    #expect(error == .sessionNotActive(id: session.idText, status: .finished))
    #expect(error?.message == "session \(session.idText) is finished and cannot be changed")
  }

  @Test(arguments: TestStore.engines) func finishAndAbandon(store: TestStore) throws {
    let database = try store.make()
    let first = try database.createSession(Sample.newSession(started: 0))
    let second = try database.createSession(Sample.newSession(started: 10))
    try database.finishSession(id: first.id, at: Sample.time(100))
    try database.abandonSession(id: second.id, at: Sample.time(200))
    let finished = try #require(try database.session(id: first.id))
    #expect(finished.status == .finished)
    #expect(finished.finished == Sample.time(100))
    let abandoned = try #require(try database.session(id: second.id))
    #expect(abandoned.status == .abandoned)
    #expect(abandoned.finished == Sample.time(200))
    #expect(throws: WorkshopDatabaseError.sessionNotActive(id: first.idText, status: .finished)) {
      try database.abandonSession(id: first.id, at: Sample.time(300))
    }
  }

  @Test(arguments: TestStore.engines) func latestActiveSessionPerTraineeAndOverall(store: TestStore)
    throws
  {
    let database = try store.make()
    #expect(try database.latestActiveSession() == nil)
    let ada1 = try database.createSession(Sample.newSession(trainee: "Ada", started: 0))
    let bob = try database.createSession(Sample.newSession(trainee: "Bob", started: 10))
    let ada2 = try database.createSession(Sample.newSession(trainee: "Ada", started: 20))
    #expect(try database.latestActiveSession()?.id == ada2.id)
    try database.abandonSession(id: ada2.id, at: Sample.time(30))
    #expect(try database.latestActiveSession(trainee: "Ada")?.id == ada1.id)
    #expect(try database.latestActiveSession()?.id == bob.id)
    #expect(try database.latestActiveSession(trainee: "Cy") == nil)
  }

  @Test(arguments: TestStore.engines) func sessionByPrefix(store: TestStore) throws {
    let database = try store.make()
    let session = try database.createSession(Sample.newSession())
    #expect(try database.session(prefix: session.shortID).id == session.id)
    #expect(try database.session(prefix: session.shortID.uppercased()).id == session.id)
    #expect(try database.session(prefix: session.id.uuidString).id == session.id)
    #expect(try database.session(prefix: " \(session.shortID) ").id == session.id)

    let other = session.shortID.first == "0" ? "11111111" : "00000000"
    let missing = #expect(throws: WorkshopDatabaseError.noSessionMatching(other)) {
      try database.session(prefix: other)
    }
    #expect(
      missing?.message
        == "no session id starts with '\(other)' (list sessions with: sos sessions)")
    #expect(throws: WorkshopDatabaseError.invalidSessionPrefix("zz; DROP TABLE session")) {
      try database.session(prefix: "zz; DROP TABLE session")
    }
    #expect(throws: WorkshopDatabaseError.invalidSessionPrefix("")) {
      try database.session(prefix: "")
    }
  }

  @Test(arguments: TestStore.engines) func ambiguousPrefixListsTheMatches(store: TestStore) throws {
    let database = try store.make()
    let ids = ["ab12cd34-0000-4000-8000-000000000001", "ab12ef56-0000-4000-8000-000000000002"]
    for id in ids {
      let record = SessionRecord(
        id: try #require(UUID(uuidString: id)), trainee: "Ada", cohort: nil,
        scenarioID: "loyalty-data-exposed",
        scenarioHash: SHA256.hex(SHA256.digest(Array(Sample.scenarioText.utf8))), seed: 1,
        mode: .practice, timed: false, started: Sample.time(), finished: nil, status: .active)
      #expect(
        try database.importSession(record, scenarioText: Sample.scenarioText, inputs: [])
          == .imported)
    }
    let error = #expect(throws: WorkshopDatabaseError.ambiguousSessionPrefix("ab12", matches: ids))
    {
      try database.session(prefix: "AB12")
    }
    #expect(
      error?.message
        == "'ab12' matches several sessions (ab12cd34-0000…, ab12ef56-0000…); type more of the id")
    #expect(try database.session(prefix: "ab12e").idText == ids[1])
  }

  // MARK: - Cohorts

  @Test(arguments: TestStore.engines) func unknownCohortSaysHowToCreateIt(store: TestStore) throws {
    let database = try store.make()
    let error = #expect(throws: WorkshopDatabaseError.unknownCohort("spring")) {
      try database.createSession(Sample.newSession(cohort: "spring"))
    }
    #expect(error?.message == "no cohort named 'spring'; create it with: sos cohort create spring")
    #expect(
      WorkshopDatabaseError.unknownCohort("Spring '25").message
        == "no cohort named 'Spring '25'; create it with: sos cohort create 'Spring '\\''25'")
    #expect(throws: WorkshopDatabaseError.unknownCohort("spring")) {
      try database.sessions(cohort: "spring")
    }
    #expect(try database.sessions().isEmpty)
  }

  @Test(arguments: TestStore.engines) func duplicateCohortIsRefused(store: TestStore) throws {
    let database = try store.make()
    let cohort = try database.createCohort(name: "spring", description: "")
    #expect(cohort.description == nil)
    #expect(cohort.secret.count == 32)
    let error = #expect(throws: WorkshopDatabaseError.duplicateCohort("spring")) {
      try database.createCohort(name: "spring", description: "again")
    }
    #expect(error?.message == "a cohort named 'spring' already exists")
    #expect(throws: WorkshopDatabaseError.invalidCohortName("  ")) {
      try database.createCohort(name: "  ")
    }
  }

  @Test(arguments: TestStore.engines) func cohortsCountSessionsAndTrainees(store: TestStore) throws
  {
    let database = try store.make()
    let spring = try database.createCohort(name: "spring", description: "Spring workshop")
    _ = try database.createCohort(name: "autumn")
    _ = try database.createSession(Sample.newSession(trainee: "Ada", cohort: "spring"))
    _ = try database.createSession(Sample.newSession(trainee: "Ada", cohort: "spring"))
    _ = try database.createSession(Sample.newSession(trainee: "Bob", cohort: "spring"))
    _ = try database.createSession(Sample.newSession(trainee: "Cy"))

    let cohorts = try database.cohorts()
    #expect(cohorts.map(\.name) == ["autumn", "spring"])
    #expect(cohorts.map(\.sessionCount) == [0, 3])
    #expect(cohorts.map(\.traineeCount) == [0, 2])
    let stored = try #require(try database.cohort(named: "spring"))
    #expect(stored.secret == spring.secret)
    #expect(stored.description == "Spring workshop")
    #expect(stored.createdAt == spring.createdAt)
    #expect(try database.cohort(named: "winter") == nil)
    #expect(try database.sessions(cohort: "spring").count == 3)
    #expect(try database.sessions(cohort: "autumn").isEmpty)
    #expect(try database.sessions().count == 4)
  }

  @Test(arguments: TestStore.engines) func pseudonymsAreStablePerCohortAndDifferAcrossCohorts(
    store: TestStore
  ) throws {
    let database = try store.make()
    let spring = try database.createCohort(name: "spring")
    let autumn = try database.createCohort(name: "autumn")
    let stored = try #require(try database.cohort(named: "spring"))
    #expect(spring.pseudonym(for: "Ada") == stored.pseudonym(for: "Ada"))
    #expect(spring.pseudonym(for: "Ada") != autumn.pseudonym(for: "Ada"))
    #expect(spring.pseudonym(for: "Ada") != spring.pseudonym(for: "Bob"))
    #expect(spring.pseudonym(for: "Ada").count == 10)
  }

  @Test(arguments: TestStore.engines) func sessionsAreListedByStartTime(store: TestStore) throws {
    let database = try store.make()
    let late = try database.createSession(Sample.newSession(trainee: "Late", started: 3600))
    let early = try database.createSession(Sample.newSession(trainee: "Early", started: 0))
    #expect(try database.sessions().map(\.id) == [early.id, late.id])
  }

  // MARK: - Scenario texts

  @Test(arguments: TestStore.engines) func scenarioTextIsStoredOnceByHash(store: TestStore) throws {
    let database = try store.make()
    let hash = try database.storeScenarioText(Sample.scenarioText, scenarioID: "a")
    #expect(try database.storeScenarioText(Sample.scenarioText, scenarioID: "a") == hash)
    #expect(hash == SHA256.hex(SHA256.digest(Array(Sample.scenarioText.utf8))))
    #expect(try database.scenarioText(hash: hash) == Sample.scenarioText)
    #expect(try database.scenarioText(hash: hash.uppercased()) == Sample.scenarioText)
    #expect(try database.scenarioText(hash: String(repeating: "0", count: 64)) == nil)
  }

  // MARK: - Import

  @Test(arguments: TestStore.engines) func importStoresANewSessionOnceWithItsInputs(
    store: TestStore
  ) throws {
    let source = try store.make()
    _ = try source.createCohort(name: "spring")
    let session = try source.createSession(Sample.newSession(cohort: "spring"))
    for (index, input) in Sample.inputs.enumerated() {
      try source.appendInput(
        sessionID: session.id, input: input, at: Sample.time(Double(index)),
        latencyMilliseconds: 100 * index)
    }
    try source.finishSession(id: session.id, at: Sample.time(99))
    let finished = try #require(try source.session(id: session.id))
    let inputs = try source.inputs(sessionID: session.id)

    let target = try store.make()
    #expect(throws: WorkshopDatabaseError.unknownCohort("spring")) {
      try target.importSession(finished, scenarioText: Sample.scenarioText, inputs: inputs)
    }
    #expect(try target.sessions().isEmpty)
    _ = try target.createCohort(name: "spring")
    #expect(
      try target.importSession(finished, scenarioText: Sample.scenarioText, inputs: inputs)
        == .imported)
    #expect(
      try target.importSession(finished, scenarioText: Sample.scenarioText, inputs: [])
        == .alreadyPresent)
    #expect(try target.session(id: session.id) == finished)
    #expect(try target.inputs(sessionID: session.id) == inputs)
    #expect(try target.scenarioText(hash: finished.scenarioHash) == Sample.scenarioText)
  }

  @Test(arguments: TestStore.engines) func importRefusesAlteredTextAndGaps(store: TestStore) throws
  {
    let database = try store.make()
    let record = SessionRecord(
      id: UUID(), trainee: "Ada", cohort: nil, scenarioID: "x",
      scenarioHash: SHA256.hex(SHA256.digest(Array(Sample.scenarioText.utf8))), seed: 1,
      mode: .practice, timed: false, started: Sample.time(), finished: nil, status: .active)
    #expect(throws: WorkshopDatabaseError.scenarioHashMismatch(sessionID: record.idText)) {
      try database.importSession(record, scenarioText: Sample.scenarioText + " ", inputs: [])
    }
    let gap = [
      RecordedInput(sequence: 0, input: .choose(1), at: Sample.time()),
      RecordedInput(sequence: 2, input: .choose(1), at: Sample.time()),
    ]
    #expect(
      throws: WorkshopDatabaseError.inputSequenceGap(
        sessionID: record.idText, position: 1, found: 2)
    ) {
      try database.importSession(record, scenarioText: Sample.scenarioText, inputs: gap)
    }
    #expect(try database.session(id: record.id) == nil)
  }

  // MARK: - Damaged rows

  @Test(arguments: TestStore.engines) func damagedInputRowsAreTypedErrors(store: TestStore) throws {
    let database = try store.make()
    let session = try database.createSession(Sample.newSession())
    try database.appendInput(
      sessionID: session.id, input: .choose(1), at: Sample.time(), latencyMilliseconds: nil)
    try database.executeForTesting(
      """
      INSERT INTO session_input (session_id, sequence, kind, value, at)
      VALUES ('\(session.idText)', 1, 'dance', NULL, '2025-03-01T09:00:00.000Z')
      """)
    let error = #expect(throws: WorkshopDatabaseError.self) {
      try database.inputs(sessionID: session.id)
    }
    #expect(
      error?.message
        == "database at \(database.path) holds a damaged session_input row: session \(session.idText), "
        + "input 1: unknown kind 'dance' (expected choose, write, timeout, undo or inject)")

    try database.executeForTesting(
      "UPDATE session_input SET kind = 'choose', value = 'two' WHERE sequence = 1")
    #expect(throws: WorkshopDatabaseError.self) { try database.inputs(sessionID: session.id) }
    try database.executeForTesting(
      "UPDATE session_input SET value = '3', at = 'yesterday' WHERE sequence = 1")
    #expect(throws: WorkshopDatabaseError.self) { try database.inputs(sessionID: session.id) }
  }

  @Test(arguments: TestStore.engines) func damagedSessionRowsAreTypedErrors(store: TestStore) throws
  {
    let database = try store.make()
    let session = try database.createSession(Sample.newSession())
    try database.executeForTesting("UPDATE session SET mode = 'chaos'")
    let error = #expect(throws: WorkshopDatabaseError.self) { try database.sessions() }
    #expect(
      error?.message
        == "database at \(database.path) holds a damaged session row: session \(session.idText): "
        + "unknown mode 'chaos'")
    try database.executeForTesting("UPDATE session SET mode = 'practice', started = 'soon'")
    let time = #expect(throws: WorkshopDatabaseError.self) { try database.session(id: session.id) }
    #expect(time?.message.hasSuffix("unreadable start time 'soon'") == true)
  }
}

/// A small seeded generator, so "random" test bytes are the same on every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
