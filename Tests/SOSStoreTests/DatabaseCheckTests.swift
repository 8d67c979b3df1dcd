import Foundation
import SOSCore
import Testing

@testable import SOSStore

/// `sos db check` and `sos db migrate` on the store: what a damaged database shows.
@Suite struct DatabaseCheckTests {
  static func session(_ database: WorkshopDatabase, inputs: [SessionInput]) throws -> SessionRecord
  {
    let record = try database.createSession(
      NewSession(
        trainee: "Ada", scenarioID: "replay-test", scenarioText: ReplayTests.scenarioText,
        options: SessionOptions(seed: 1, shuffles: false), started: Sample.time()))
    for input in inputs {
      try database.appendInput(
        sessionID: record.id, input: input, at: Sample.time(1), latencyMilliseconds: nil)
    }
    return record
  }

  @Test(arguments: TestStore.engines) func aHealthyDatabaseChecksClean(store: TestStore) throws {
    let database = try store.make()
    _ = try Self.session(database, inputs: [.choose(1)])
    let check = try database.check()
    #expect(check.isHealthy)
    #expect(check.sessions == 1 && check.inputs == 1 && check.scenarioTexts == 1)
    #expect(check.migrations == WorkshopDatabase.knownMigrations)
  }

  @Test(arguments: TestStore.engines) func aLogThatDoesNotReplayAndAnOrphanAreFound(
    store: TestStore
  ) throws {
    let database = try store.make()
    let bad = try Self.session(database, inputs: [.choose(9)])
    let check = try database.check()
    #expect(!check.isHealthy)
    #expect(check.unreplayable.map(\.session) == [bad.shortID])
    #expect(check.unreplayable.first?.problem.contains("option 9") == true)
    try database.executeWithoutForeignKeysForTesting(
      "INSERT INTO session_input (session_id, sequence, kind, value, at) VALUES ('gone', 0, 'undo', NULL, '2025-03-01T09:00:00.000Z')"
    )
    let orphaned = try database.check()
    #expect(orphaned.orphans.contains { $0.hasPrefix("session_input row") })
  }

  @Test func migrationsAreReadWithoutChangingTheFile() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/w.sqlite"
    #expect(try WorkshopDatabase.appliedMigrations(location: path).isEmpty)
    _ = try WorkshopDatabase.open(path: path)
    #expect(
      try WorkshopDatabase.appliedMigrations(location: path) == WorkshopDatabase.knownMigrations)
  }
}
