import Foundation
import SOSCore

/// The workshop's store: cohorts, sessions and their input logs, the scenario texts
/// they were played with, live rooms, and a cache of what replays gave. The only type
/// that reads or writes SQL.
///
/// One type on two engines: an SQLite file (the default; one laptop, one room) or a
/// PostgreSQL server (one store for many rooms and sites). ``open(location:)`` takes
/// either: a path, or a `postgres://` (or `postgresql://`) URL. Each method runs one
/// transaction that keeps the data consistent; a write is committed (durable) when the
/// method returns. Many processes may use one database at once.
///
/// ```swift
/// let database = try WorkshopDatabase.open(location: DatabaseLocation.path(
///   option: nil, environment: ProcessInfo.processInfo.environment))
/// let session = try database.createSession(new)
/// try database.appendInput(sessionID: session.id, input: .choose(2), at: Date(),
///                          latencyMilliseconds: nil)
/// ```
public struct WorkshopDatabase: Sendable {
  let engine: any StoreEngine

  /// The database as messages name it: the file's path (or `:memory:`), or the
  /// server's URL without its password.
  public var path: String { engine.location }

  /// Whether the rows live on a PostgreSQL server.
  public var isPostgres: Bool { engine.dialect == .postgres }

  init(engine: any StoreEngine) {
    self.engine = engine
  }

  /// Opens the database `location` names — a `postgres://` or `postgresql://` URL, else
  /// an SQLite file's path — and brings its schema up to date.
  ///
  /// For a URL, the password comes from the URL, else `$PGPASSWORD`, else the
  /// `.pgpass` file (`$PGPASSFILE`, else `~/.pgpass`); TLS is used when the server
  /// offers it (`sslmode=disable|prefer|require|verify-full`, as libpq reads it).
  public static func open(
    location: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(WorkshopDatabaseError) -> WorkshopDatabase {
    if PostgresURL.isPostgres(location) {
      return WorkshopDatabase(
        engine: try ServerStores.current(for: location).open(
          url: location, environment: environment))
    }
    return try open(path: location)
  }

  /// Opens the SQLite database at `path`, creating it and its folders if needed, and
  /// brings its schema up to date.
  ///
  /// New folders get mode 0700 and a new database file mode 0600. An exclusive lock
  /// on `<path>.lock` is held while opening and migrating, so that processes that
  /// open a new database at the same moment take turns.
  public static func open(path: String) throws(WorkshopDatabaseError) -> WorkshopDatabase {
    WorkshopDatabase(engine: try SQLiteEngine.open(path: path))
  }

  /// Creates an empty PostgreSQL database `name` on the server `server` names and
  /// returns its URL; for tests, which each take a database of their own.
  package static func createPostgresDatabaseForTesting(
    named name: String, server: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(WorkshopDatabaseError) -> String {
    try ServerStores.current(for: server).createDatabase(
      named: name, server: server, environment: environment)
  }

  /// Opens a new, empty SQLite database in memory, for tests.
  public static func inMemory() throws(WorkshopDatabaseError) -> WorkshopDatabase {
    WorkshopDatabase(engine: try SQLiteEngine.inMemory())
  }

  // MARK: - Transactions

  /// Runs `updates` in one transaction, committed when this returns.
  func write<T>(_ updates: (any SQLConnection) throws -> T) throws(WorkshopDatabaseError) -> T {
    do {
      return try engine.write(updates)
    } catch {
      throw engine.translate(error)
    }
  }

  /// Runs `value` in one read transaction (a consistent snapshot).
  func read<T>(_ value: (any SQLConnection) throws -> T) throws(WorkshopDatabaseError) -> T {
    do {
      return try engine.read(value)
    } catch {
      throw engine.translate(error)
    }
  }

  /// Executes raw SQL; only for tests that plant damaged rows.
  func executeForTesting(_ sql: String) throws(WorkshopDatabaseError) {
    try write { db in try db.execute(sql) }
  }

  /// Executes raw SQL with foreign keys unchecked; only for tests that plant orphan rows.
  func executeWithoutForeignKeysForTesting(_ sql: String) throws(WorkshopDatabaseError) {
    do {
      try engine.executeUncheckedForTesting(sql)
    } catch {
      throw engine.translate(error)
    }
  }
}
