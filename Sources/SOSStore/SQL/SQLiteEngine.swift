import Foundation
import GRDB

/// The embedded engine: an SQLite file through GRDB (WAL, a 30-second busy timeout,
/// `synchronous = FULL`), or a database in memory for tests.
struct SQLiteEngine: StoreEngine {
  /// How long a process waits for another that holds the database or its lock file.
  static let busyTimeout: Duration = .seconds(30)

  let writer: any DatabaseWriter
  let location: String
  var dialect: SQLDialect { .sqlite }

  /// Opens (creating if needed) the file at `path` and migrates it, holding an
  /// exclusive lock on `<path>.lock` meanwhile so that processes take turns.
  static func open(path: String) throws(WorkshopDatabaseError) -> SQLiteEngine {
    guard !path.isEmpty else { throw .cannotOpen(path: path, reason: "the path is empty") }
    try DatabaseFile.createParentDirectories(of: path)
    let lock = try LockFile.acquire(
      path: path + ".lock", databasePath: path, timeout: busyTimeout)
    defer { lock.release() }
    try DatabaseFile.prepare(path)
    let engine: SQLiteEngine
    do {
      engine = SQLiteEngine(
        writer: try DatabasePool(path: path, configuration: configuration()), location: path)
    } catch {
      throw translate(error, path: path)
    }
    try engine.migrate()
    return engine
  }

  /// A new, empty, migrated database in memory.
  static func inMemory() throws(WorkshopDatabaseError) -> SQLiteEngine {
    let path = ":memory:"
    let engine: SQLiteEngine
    do {
      engine = SQLiteEngine(
        writer: try DatabaseQueue(configuration: configuration()), location: path)
    } catch {
      throw translate(error, path: path)
    }
    try engine.migrate()
    return engine
  }

  private static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(TimeInterval(busyTimeout.components.seconds))
    configuration.foreignKeysEnabled = true
    configuration.label = "SOS"
    configuration.prepareDatabase { db in
      // FULL makes every commit durable on disk before the method returns, so a
      // power cut right after a decision cannot lose it.
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    return configuration
  }

  private func migrate() throws(WorkshopDatabaseError) {
    let migrator = SQLiteSchema.migrator
    do {
      if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
        throw WorkshopDatabaseError.newerSchema(path: location)
      }
      try migrator.migrate(writer)
    } catch {
      throw translate(error)
    }
  }

  func write<T>(_ updates: (any SQLConnection) throws -> T) throws -> T {
    try writer.write { db in try updates(SQLiteConnection(db: db)) }
  }

  func read<T>(_ value: (any SQLConnection) throws -> T) throws -> T {
    try writer.read { db in try value(SQLiteConnection(db: db)) }
  }

  func appliedMigrations() throws -> [String] {
    try writer.read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
  }

  func integrityProblems() throws -> (integrity: [String], orphans: [String]) {
    try writer.read { db in
      let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
      var orphans: [String] = []
      for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
        let table: String = row[0] ?? "?"
        let rowID: Int64? = row[1]
        let parent: String = row[2] ?? "?"
        orphans.append("\(table) row \(rowID.map(String.init) ?? "?") → \(parent)")
      }
      return (integrity, orphans)
    }
  }

  func executeUncheckedForTesting(_ sql: String) throws {
    try writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
      try db.execute(sql: sql)
    }
  }

  func translate(_ error: any Error) -> WorkshopDatabaseError {
    Self.translate(error, path: location)
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
    if let error = error as? SQLRowError {
      return .damagedRecord(path: path, table: "", detail: error.description)
    }
    return .database(path: path, reason: "\(error)")
  }

  /// Reads the migrations of the file at `path` without changing it; empty for a new
  /// file.
  static func appliedMigrations(path: String) throws(WorkshopDatabaseError) -> [String] {
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
}

/// One GRDB transaction as an ``SQLConnection``; each statement's text is prepared once
/// per connection and reused (a report reads thousands of logs with one statement).
struct SQLiteConnection: SQLConnection {
  let db: Database

  func execute(_ sql: String, _ arguments: [SQLValue]) throws {
    // Statements without arguments may be several (migrations, tests); they run once.
    guard !arguments.isEmpty else { return try db.execute(sql: sql) }
    let statement = try db.cachedStatement(sql: sql)
    try statement.execute(arguments: StatementArguments(arguments.map(Self.bound)))
  }

  func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
    let statement = try db.cachedStatement(sql: sql)
    let names = statement.columnNames
    let cursor = try Row.fetchCursor(
      statement, arguments: StatementArguments(arguments.map(Self.bound)))
    var rows: [SQLRow] = []
    while let row = try cursor.next() {
      var values: [SQLValue] = []
      values.reserveCapacity(names.count)
      for index in 0..<names.count {
        let value = row[index] as DatabaseValue
        switch value.storage {
        case .null: values.append(.null)
        case .int64(let number): values.append(.integer(number))
        case .double(let number): values.append(.integer(Int64(number)))
        case .string(let text): values.append(.text(text))
        case .blob(let data): values.append(.blob([UInt8](data)))
        }
      }
      rows.append(SQLRow(names: names, values: values))
    }
    return rows
  }

  func savepoint(_ body: () throws -> Void) throws {
    try db.inSavepoint {
      try body()
      return .commit
    }
  }

  private static func bound(_ value: SQLValue) -> (any DatabaseValueConvertible)? {
    switch value {
    case .null: nil
    case .integer(let number): number
    case .text(let text): text
    case .blob(let bytes): Data(bytes)
    case .bool(let flag): flag
    }
  }
}
