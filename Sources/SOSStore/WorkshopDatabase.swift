import Foundation
import GRDB

/// The workshop's SQLite database: cohorts, sessions and their input logs, the
/// scenario texts they were played with, and a cache of what their replays gave. The
/// only type that reads or writes SQL.
///
/// Each method runs one transaction that keeps the data consistent; a write is
/// committed to disk when the method returns. Many processes may use one database
/// file at once (WAL, with a 30-second busy timeout).
///
/// ```swift
/// let database = try WorkshopDatabase.open(path: DatabaseLocation.path(
///   option: nil, environment: ProcessInfo.processInfo.environment))
/// let session = try database.createSession(new)
/// try database.appendInput(sessionID: session.id, input: .choose(2), at: Date(),
///                          latencyMilliseconds: nil)
/// ```
public struct WorkshopDatabase: Sendable {
  /// How long a process waits for another that holds the database or its lock file.
  static let busyTimeout: Duration = .seconds(30)

  private let writer: any DatabaseWriter
  /// The database file's path, or `:memory:`, for error messages.
  public let path: String

  private init(writer: any DatabaseWriter, path: String) {
    self.writer = writer
    self.path = path
  }

  /// Opens the database at `path`, creating it and its folders if needed, and brings
  /// its schema up to date.
  ///
  /// New folders get mode 0700 and a new database file mode 0600. An exclusive lock
  /// on `<path>.lock` is held while opening and migrating, so that processes that
  /// open a new database at the same moment take turns.
  public static func open(path: String) throws(WorkshopDatabaseError) -> WorkshopDatabase {
    guard !path.isEmpty else { throw .cannotOpen(path: path, reason: "the path is empty") }
    try DatabaseFile.createParentDirectories(of: path)
    let lock = try LockFile.acquire(
      path: path + ".lock", databasePath: path, timeout: busyTimeout)
    defer { lock.release() }
    try DatabaseFile.prepare(path)
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: configuration())
    } catch {
      throw translate(error, path: path)
    }
    let database = WorkshopDatabase(writer: pool, path: path)
    try database.migrate()
    return database
  }

  /// Opens a new, empty database in memory, for tests.
  public static func inMemory() throws(WorkshopDatabaseError) -> WorkshopDatabase {
    let path = ":memory:"
    do {
      let queue = try DatabaseQueue(configuration: configuration())
      let database = WorkshopDatabase(writer: queue, path: path)
      try database.migrate()
      return database
    } catch {
      throw translate(error, path: path)
    }
  }

  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(
      TimeInterval(busyTimeout.components.seconds))
    configuration.foreignKeysEnabled = true
    configuration.label = "SOS"
    configuration.prepareDatabase { db in
      // FULL makes every commit durable on disk before the method returns, so a
      // power cut right after a decision cannot lose it.
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    return configuration
  }

  // MARK: - Schema

  private func migrate() throws(WorkshopDatabaseError) {
    let migrator = Self.migrator
    do {
      if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
        throw WorkshopDatabaseError.newerSchema(path: path)
      }
      try migrator.migrate(writer)
    } catch {
      throw translate(error)
    }
  }

  /// The schema's history. Migrations are appended, never edited once shipped.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "scenario_text") { table in
        table.primaryKey("hash", .text)
        table.column("scenario_id", .text).notNull()
        table.column("text", .text).notNull()
        table.column("stored_at", .datetime).notNull()
      }
      try db.create(table: "cohort") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("name", .text).notNull().unique()
        table.column("description", .text)
        table.column("secret", .text).notNull()
        table.column("created_at", .datetime).notNull()
      }
      try db.create(table: "session") { table in
        table.primaryKey("id", .text)
        table.column("trainee", .text).notNull()
        table.column("cohort_id", .integer).indexed()
          .references("cohort", onDelete: .restrict)
        table.column("scenario_id", .text).notNull()
        table.column("scenario_hash", .text).notNull().indexed()
          .references("scenario_text", onDelete: .restrict)
        table.column("seed", .integer).notNull()
        table.column("mode", .text).notNull()
        table.column("timed", .boolean).notNull()
        table.column("started", .datetime).notNull().indexed()
        table.column("finished", .datetime)
        table.column("status", .text).notNull()
      }
      try db.create(table: "session_input") { table in
        table.column("session_id", .text).notNull()
          .references("session", onDelete: .cascade)
        table.column("sequence", .integer).notNull().check { $0 >= 0 }
        table.column("kind", .text).notNull()
        table.column("value", .text)
        table.column("at", .datetime).notNull()
        table.column("latency_ms", .integer)
        table.primaryKey(["session_id", "sequence"])
      }
    }
    // Options shuffled from the seed, and each chosen option's id beside its number;
    // sessions stored before keep file order (shuffled = 0) and no ids.
    migrator.registerMigration("v2") { db in
      try db.alter(table: "session") { table in
        table.add(column: "shuffled", .boolean).notNull().defaults(to: false)
      }
      try db.alter(table: "session_input") { table in
        table.add(column: "choice", .text)
      }
    }
    // What an import found odd about a hand-in (one finding per line), so every
    // report can show it; sessions played here have none.
    migrator.registerMigration("v3") { db in
      try db.alter(table: "session") { table in
        table.add(column: "flags", .text)
      }
    }
    // The hand-in key a trainee played with, so an export of the session is sealed.
    migrator.registerMigration("v4") { db in
      try db.alter(table: "session") { table in
        table.add(column: "hand_in_key", .text)
      }
    }
    // What replays gave, so that a cohort report need not replay every session again:
    // derived, never read from a file, keyed by what a replay depends on (see
    // ScoreCacheKey), each payload bound to its key by a digest (ScoreCacheRow).
    migrator.registerMigration("v5") { db in
      try db.create(table: "score_cache") { table in
        table.column("scenario_hash", .text).notNull()
        table.column("inputs_hash", .text).notNull()
        table.column("version", .text).notNull()
        table.column("payload", .blob).notNull()
        table.column("digest", .text).notNull()
        table.primaryKey(["scenario_hash", "inputs_hash", "version"])
      }
    }
    // Live rooms of a workshop server: the room, who joined it (with a hash of each
    // trainee's token), and what the facilitator sent it (injects, messages).
    migrator.registerMigration("v6") { db in
      try db.create(table: "room") { table in
        table.primaryKey("code", .text)
        table.column("cohort_id", .integer).notNull().references("cohort", onDelete: .restrict)
        table.column("scenario_id", .text).notNull()
        table.column("scenario_hash", .text).notNull()
          .references("scenario_text", onDelete: .restrict)
        table.column("mode", .text).notNull()
        table.column("timed", .boolean).notNull()
        table.column("token_hash", .text).notNull()
        table.column("opened_at", .datetime).notNull()
        table.column("closed_at", .datetime)
        table.column("paused", .boolean).notNull().defaults(to: false)
      }
      try db.create(table: "room_member") { table in
        table.primaryKey("session_id", .text).references("session", onDelete: .cascade)
        table.column("room_code", .text).notNull().indexed()
          .references("room", onDelete: .cascade)
        table.column("token_hash", .text).notNull()
        table.column("joined_after", .integer).notNull()
      }
      try db.create(table: "room_notice") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("room_code", .text).notNull().indexed()
          .references("room", onDelete: .cascade)
        table.column("kind", .text).notNull()
        table.column("value", .text).notNull()
        table.column("session_id", .text)
        table.column("at", .datetime).notNull()
      }
    }
    return migrator
  }

  // MARK: - Transactions

  /// Runs `updates` in one IMMEDIATE transaction, committed when this returns.
  func write<T>(_ updates: (Database) throws -> T) throws(WorkshopDatabaseError) -> T {
    do {
      return try writer.write(updates)
    } catch {
      throw translate(error)
    }
  }

  /// Runs `value` in one read transaction (a consistent snapshot).
  func read<T>(_ value: (Database) throws -> T) throws(WorkshopDatabaseError) -> T {
    do {
      return try writer.read(value)
    } catch {
      throw translate(error)
    }
  }

  /// Executes raw SQL; only for tests that plant damaged rows.
  func executeForTesting(_ sql: String) throws(WorkshopDatabaseError) {
    try write { db in try db.execute(sql: sql) }
  }

  /// Executes raw SQL with foreign keys off; only for tests that plant orphan rows.
  func executeWithoutForeignKeysForTesting(_ sql: String) throws(WorkshopDatabaseError) {
    do {
      try writer.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA foreign_keys = OFF")
        defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
        try db.execute(sql: sql)
      }
    } catch {
      throw translate(error)
    }
  }

  // MARK: - Errors

  func translate(_ error: any Error) -> WorkshopDatabaseError {
    Self.translate(error, path: path)
  }

  static func translate(_ error: any Error, path: String) -> WorkshopDatabaseError {
    if let error = error as? WorkshopDatabaseError { return error }
    if let error = error as? DatabaseError {
      let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
      switch error.resultCode {
      case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        return .notADatabase(path: path)
      case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
        return .permissionDenied(path: path)
      case .SQLITE_BUSY, .SQLITE_LOCKED:
        return .busy(path: path)
      case .SQLITE_FULL:
        return .diskFull(path: path)
      case .SQLITE_CANTOPEN:
        return .cannotOpen(path: path, reason: reason)
      default:
        return .database(path: path, reason: reason)
      }
    }
    if error is RowDecodingError {
      return .damagedRecord(path: path, table: "", detail: "\(error)")
    }
    return .database(path: path, reason: "\(error)")
  }
}
