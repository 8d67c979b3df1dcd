import Foundation
import GRDB
import SOSCore

// MARK: - Migrations and integrity

/// What `sos db check` found in a workshop database.
public struct DatabaseCheck: Sendable {
  /// The migrations the schema has, in order.
  public var migrations: [String]
  /// SQLite's own integrity check, when it found anything (`ok` is left out).
  public var integrity: [String]
  /// Rows that point at a row that is not there (`table row → parent`).
  public var orphans: [String]
  /// Sessions whose inputs do not replay, with why.
  public var unreplayable: [(session: String, trainee: String, problem: String)]
  public var cohorts: Int
  public var sessions: Int
  public var finished: Int
  public var inputs: Int
  public var scenarioTexts: Int
  public var rooms: Int

  /// Whether nothing is wrong.
  public var isHealthy: Bool { integrity.isEmpty && orphans.isEmpty && unreplayable.isEmpty }
}

extension WorkshopDatabase {
  /// Every migration this version of `sos` knows, in order.
  public static var knownMigrations: [String] { migrator.migrations }

  /// The migrations the database at `path` already has, read without changing it;
  /// empty for a new file.
  public static func appliedMigrations(path: String) throws(WorkshopDatabaseError) -> [String] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    do {
      var configuration = Configuration()
      configuration.readonly = true
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      return try queue.read { db in
        guard try db.tableExists("grdb_migrations") else { return [] }
        return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
      }
    } catch {
      throw translate(error, path: path)
    }
  }

  /// Checks the whole database: SQLite's integrity and foreign keys, rows left without
  /// their parent, and every session replayed from its inputs.
  public func check() throws(WorkshopDatabaseError) -> DatabaseCheck {
    var check = try read { db in
      let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
      var orphans: [String] = []
      for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
        let table: String = row[0] ?? "?"
        let rowID: Int64? = row[1]
        let parent: String = row[2] ?? "?"
        orphans.append("\(table) row \(rowID.map(String.init) ?? "?") → \(parent)")
      }
      // Rows that point at a missing parent without a declared foreign key.
      let sessionsWithoutText = try String.fetchAll(
        db,
        sql: """
          SELECT id FROM session WHERE scenario_hash NOT IN (SELECT hash FROM scenario_text)
          """)
      orphans += sessionsWithoutText.map { "session \($0) → scenario_text (missing)" }
      let noticesForMissingSessions =
        try Int.fetchOne(
          db,
          sql: """
            SELECT COUNT(*) FROM room_notice
            WHERE session_id IS NOT NULL AND session_id NOT IN (SELECT id FROM session)
            """) ?? 0
      if noticesForMissingSessions > 0 {
        orphans.append("\(noticesForMissingSessions) room_notice rows → session (missing)")
      }
      func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
      return DatabaseCheck(
        migrations: try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
        integrity: integrity, orphans: orphans, unreplayable: [],
        cohorts: try count("SELECT COUNT(*) FROM cohort"),
        sessions: try count("SELECT COUNT(*) FROM session"),
        finished: try count("SELECT COUNT(*) FROM session WHERE status = 'finished'"),
        inputs: try count("SELECT COUNT(*) FROM session_input"),
        scenarioTexts: try count("SELECT COUNT(*) FROM scenario_text"),
        rooms: try count("SELECT COUNT(*) FROM room"))
    }
    for session in try replayedSessions() {
      if let problem = session.problem {
        check.unreplayable.append((session.record.shortID, session.record.trainee, problem))
      }
    }
    return check
  }
}
