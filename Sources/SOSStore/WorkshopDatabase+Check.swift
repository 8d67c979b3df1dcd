import Foundation
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
  /// Every migration this version of `sos` knows, in order (the same on both engines).
  public static var knownMigrations: [String] { SQLiteSchema.migrator.migrations }

  /// The migrations the database at `location` already has, read without changing it;
  /// empty for a new SQLite file.
  public static func appliedMigrations(
    location: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(WorkshopDatabaseError) -> [String] {
    if PostgresURL.isPostgres(location) {
      return try ServerStores.current(for: location).appliedMigrations(
        url: location, environment: environment)
    }
    return try SQLiteEngine.appliedMigrations(path: location)
  }

  /// Checks the whole database: the engine's own integrity checks, rows left without
  /// their parent, and every session replayed from its inputs.
  public func check() throws(WorkshopDatabaseError) -> DatabaseCheck {
    let integrity: (integrity: [String], orphans: [String])
    let migrations: [String]
    do {
      integrity = try engine.integrityProblems()
      migrations = try engine.appliedMigrations()
    } catch {
      throw engine.translate(error)
    }
    var check = try read { db in
      var orphans = integrity.orphans
      // Rows that point at a missing parent without a declared foreign key.
      let sessionsWithoutText = try db.texts(
        "SELECT id FROM session WHERE scenario_hash NOT IN (SELECT hash FROM scenario_text)")
      orphans += sessionsWithoutText.map { "session \($0) → scenario_text (missing)" }
      let noticesForMissingSessions = try db.count(
        """
        SELECT COUNT(*) FROM room_notice
        WHERE session_id IS NOT NULL AND session_id NOT IN (SELECT id FROM session)
        """)
      if noticesForMissingSessions > 0 {
        orphans.append("\(noticesForMissingSessions) room_notice rows → session (missing)")
      }
      return DatabaseCheck(
        migrations: migrations, integrity: integrity.integrity, orphans: orphans, unreplayable: [],
        cohorts: try db.count("SELECT COUNT(*) FROM cohort"),
        sessions: try db.count("SELECT COUNT(*) FROM session"),
        finished: try db.count("SELECT COUNT(*) FROM session WHERE status = 'finished'"),
        inputs: try db.count("SELECT COUNT(*) FROM session_input"),
        scenarioTexts: try db.count("SELECT COUNT(*) FROM scenario_text"),
        rooms: try db.count("SELECT COUNT(*) FROM room"))
    }
    for session in try replayedSessions() {
      if let problem = session.problem {
        check.unreplayable.append((session.record.shortID, session.record.trainee, problem))
      }
    }
    return check
  }
}
