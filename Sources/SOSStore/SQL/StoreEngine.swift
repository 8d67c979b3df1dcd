/// Where a workshop database's rows live: SQLite (a file, or memory) or a PostgreSQL
/// server. ``WorkshopDatabase`` holds the store's rules and its SQL; an engine runs
/// transactions, keeps the schema's migrations and says what its errors mean.
package protocol StoreEngine: Sendable {
  /// The database as messages name it: a path, or a URL without its password.
  var location: String { get }
  /// The engine's small differences of SQL.
  var dialect: SQLDialect { get }
  /// Runs `updates` in one transaction, committed (durable) when this returns.
  func write<T>(_ updates: (any SQLConnection) throws -> T) throws -> T
  /// Runs `value` in one read-only transaction (a consistent snapshot).
  func read<T>(_ value: (any SQLConnection) throws -> T) throws -> T
  /// The migrations the schema has, in order.
  func appliedMigrations() throws -> [String]
  /// What the engine's own integrity checks found (nothing when healthy), and rows
  /// whose declared foreign key points at nothing.
  func integrityProblems() throws -> (integrity: [String], orphans: [String])
  /// Runs `sql` with foreign keys unchecked; only for tests that plant orphan rows.
  func executeUncheckedForTesting(_ sql: String) throws
  /// An error of this engine as the store's error.
  func translate(_ error: any Error) -> WorkshopDatabaseError
}

/// The few places where the two engines' SQL differ.
package enum SQLDialect: Sendable {
  case sqlite
  case postgres

  /// A column that orders rows of `session` and `room_member` as they were stored.
  var storedOrder: String {
    switch self {
    case .sqlite: "rowid"
    case .postgres: "stored"
    }
  }
}
