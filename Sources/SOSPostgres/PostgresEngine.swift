import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import SOSStore
import Synchronization

/// The server engine: a PostgreSQL database through PostgresNIO, for a training team
/// that keeps every room and site in one store.
///
/// Calls are synchronous, as the store's are: each waits for its answer on PostgresNIO's
/// own event loops, never on the caller's thread pool. Connections are opened when
/// first needed and kept in a pool of at most ``maxConnections`` (a workshop server
/// uses several at once; a command-line run one). A connection the server dropped (a
/// restart) is replaced on the next call. Every write transaction commits before its
/// method returns (PostgreSQL's `synchronous_commit` makes the commit durable).
final class PostgresEngine: StoreEngine {
  /// The most connections one process opens.
  static let maxConnections = 8
  /// How long opening a connection may take before the server counts as unreachable.
  static let connectTimeout: TimeAmount = .seconds(5)

  let url: PostgresURL
  let location: String
  var dialect: SQLDialect { .postgres }
  private let pool: Pool

  private init(url: PostgresURL) {
    self.url = url
    location = url.redacted
    pool = Pool(limit: Self.maxConnections)
  }

  /// Connects to the database `text` names and brings its schema up to date.
  static func open(
    url text: String, environment: [String: String]
  ) throws(WorkshopDatabaseError) -> PostgresEngine {
    let engine = PostgresEngine(url: try PostgresURL(parsing: text, environment: environment))
    do {
      try engine.migrate()
    } catch {
      throw engine.translate(error)
    }
    return engine
  }

  /// The migrations the database has, read without changing it.
  static func appliedMigrations(
    url text: String, environment: [String: String]
  ) throws(WorkshopDatabaseError) -> [String] {
    let engine = PostgresEngine(url: try PostgresURL(parsing: text, environment: environment))
    do {
      return try engine.appliedMigrations()
    } catch {
      throw engine.translate(error)
    }
  }

  /// Creates an empty database `name` (lower-case letters, digits and `_`) on the
  /// server `server` names, and returns the URL of the new database (without a
  /// password); for tests, which each take a database of their own.
  static func createDatabase(
    named name: String, server text: String, environment: [String: String]
  ) throws(WorkshopDatabaseError) -> String {
    var url = try PostgresURL(parsing: text, environment: environment)
    let engine = PostgresEngine(url: url)
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
    guard !name.isEmpty, name.allSatisfy(allowed.contains) else {
      throw .database(path: engine.location, reason: "'\(name)' is not a plain database name")
    }
    do {
      try engine.pool.withConnection(connect: engine.connect) { connection in
        // CREATE DATABASE cannot run in a transaction; the name was checked above.
        _ = try connection.query(
          PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Self.logger
        ).wait()
      }
    } catch {
      throw engine.translate(error)
    }
    url.database = name
    return url.redacted
  }

  deinit {
    pool.closeAll()
  }

  // MARK: - Schema

  /// Applies the migrations the database lacks, in one transaction that holds an
  /// advisory lock, so that processes opening a new database at once take turns.
  private func migrate() throws {
    try write { db in
      try db.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))")
      try db.execute(
        "CREATE TABLE IF NOT EXISTS sos_migrations (identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
      )
      let applied = Set(try db.texts("SELECT identifier FROM sos_migrations"))
      let known = PostgresSchema.migrations.map(\.identifier)
      if applied.contains(where: { !known.contains($0) }) {
        throw WorkshopDatabaseError.newerSchema(path: location)
      }
      for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
        for statement in migration.statements { try db.execute(statement) }
        try db.execute(
          "INSERT INTO sos_migrations (identifier, applied_at) VALUES (?, ?)",
          [.text(migration.identifier), .text(Timestamp.string(Date()))])
      }
    }
  }

  func appliedMigrations() throws -> [String] {
    try read { db in
      let exists = try db.count(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'sos_migrations'"
          + " AND table_schema = current_schema()")
      guard exists > 0 else { return [] }
      let applied = Set(try db.texts("SELECT identifier FROM sos_migrations"))
      let known = PostgresSchema.migrations.map(\.identifier)
      return known.filter(applied.contains) + applied.filter { !known.contains($0) }.sorted()
    }
  }

  func integrityProblems() throws -> (integrity: [String], orphans: [String]) {
    // PostgreSQL checks its foreign keys on every write and its pages as it reads them;
    // rows written with the checks switched off (a restore, a replica) are looked for
    // here, as SQLite's foreign_key_check does.
    try read { db in
      var orphans: [String] = []
      for (table, key, column, parent, parentKey) in Self.foreignKeys {
        let rows = try db.rows(
          """
          SELECT \(key) AS row_key FROM \(table) WHERE \(column) IS NOT NULL
          AND \(column) NOT IN (SELECT \(parentKey) FROM \(parent))
          """)
        for row in rows {
          orphans.append("\(table) row \(try row.optionalText("row_key") ?? "?") → \(parent)")
        }
      }
      return ([], orphans)
    }
  }

  /// The schema's foreign keys: table, what names a row, column, parent, parent's key.
  private static let foreignKeys: [(String, String, String, String, String)] = [
    ("session", "id", "cohort_id", "cohort", "id"),
    ("session_input", "session_id || ' ' || sequence", "session_id", "session", "id"),
    ("room", "code", "cohort_id", "cohort", "id"),
    ("room", "code", "scenario_hash", "scenario_text", "hash"),
    ("room_member", "session_id", "session_id", "session", "id"),
    ("room_member", "session_id", "room_code", "room", "code"),
    ("room_notice", "id", "room_code", "room", "code"),
  ]

  func executeUncheckedForTesting(_ sql: String) throws {
    try write { db in
      try db.execute("SET LOCAL session_replication_role = replica")
      try db.execute(sql)
    }
  }

  // MARK: - Transactions

  func write<T>(_ updates: (any SQLConnection) throws -> T) throws -> T {
    try transaction(begin: "BEGIN", updates)
  }

  func read<T>(_ value: (any SQLConnection) throws -> T) throws -> T {
    try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", value)
  }

  private func transaction<T>(
    begin: String, _ body: (any SQLConnection) throws -> T
  ) throws -> T {
    try pool.withConnection(connect: connect) { connection in
      let db = PostgresSQLConnection(connection: connection, logger: Self.logger)
      try db.execute(begin)
      do {
        let value = try body(db)
        try db.execute("COMMIT")
        return value
      } catch {
        if !connection.isClosed { try? db.execute("ROLLBACK") }
        throw error
      }
    }
  }

  private func connect(id: Int) throws -> PostgresConnection {
    var configuration: PostgresConnection.Configuration
    if let directory = url.socketDirectory {
      configuration = .init(
        unixSocketPath: "\(directory)/.s.PGSQL.\(url.port)", username: url.user,
        password: url.password, database: url.database)
    } else {
      configuration = .init(
        host: url.host, port: url.port, username: url.user, password: url.password,
        database: url.database, tls: try tls())
    }
    configuration.options.connectTimeout = Self.connectTimeout
    return try PostgresConnection.connect(
      on: PostgresConnection.defaultEventLoopGroup.next(), configuration: configuration,
      id: id, logger: Self.logger
    ).wait()
  }

  private func tls() throws -> PostgresConnection.Configuration.TLS {
    var configuration = TLSConfiguration.makeClientConfiguration()
    switch url.tls {
    case .disable:
      return .disable
    case .prefer:
      configuration.certificateVerification = .none
      return .prefer(try NIOSSLContext(configuration: configuration))
    case .require:
      configuration.certificateVerification = .none
      return .require(try NIOSSLContext(configuration: configuration))
    case .verifyFull:
      return .require(try NIOSSLContext(configuration: configuration))
    }
  }

  /// PostgresNIO's own logging stays silent: the store reports its errors itself.
  private static let logger = Logger(label: "sos.postgres") { _ in SwiftLogNoOpLogHandler() }

  // MARK: - Errors

  func translate(_ error: any Error) -> WorkshopDatabaseError {
    if let error = error as? WorkshopDatabaseError { return error }
    if let error = error as? SQLRowError {
      return .damagedRecord(path: location, table: "", detail: error.description)
    }
    if let error = error as? PSQLError { return translate(error) }
    if error is NIOSSLError {
      return .cannotOpen(path: location, reason: "TLS failed: \(error)")
    }
    if error is IOError || error is ChannelError || error is NIOConnectionError {
      return .unreachable(path: location, reason: Self.describe(error))
    }
    return .database(path: location, reason: "\(error)")
  }

  private func translate(_ error: PSQLError) -> WorkshopDatabaseError {
    switch error.code {
    case .server:
      let state = error.serverInfo?[.sqlState] ?? ""
      let message = error.serverInfo?[.message] ?? "error \(state)"
      switch state {
      case "28P01", "28000":
        return .cannotOpen(path: location, reason: "the server refused the credentials: \(message)")
      case "3D000", "3F000":
        return .cannotOpen(path: location, reason: message)
      case "42501":
        return .permissionDenied(path: location)
      case "53100":
        return .diskFull(path: location)
      case "57P01", "57P02", "57P03":
        return .unreachable(path: location, reason: "the server is shutting down (\(message))")
      case "40001", "40P01", "55P03":
        return .busy(path: location)
      default:
        return .database(path: location, reason: message)
      }
    case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
      if let underlying = error.underlying, underlying is NIOSSLError {
        let verify = "\(underlying)".contains("CERTIFICATE_VERIFY_FAILED")
        return .cannotOpen(
          path: location,
          reason: verify
            ? "the server's TLS certificate could not be verified (sslmode=verify-full checks it"
              + " against this computer's trusted roots and the host name)"
            : "the TLS handshake failed")
      }
      let detail = error.underlying.map(Self.describe) ?? "the connection was lost"
      return .unreachable(path: location, reason: detail)
    case .sslUnsupported:
      return .cannotOpen(
        path: location, reason: "the server does not offer TLS, which sslmode asks for")
    case .authMechanismRequiresPassword:
      return .cannotOpen(
        path: location,
        reason:
          "the server asks for a password: set PGPASSWORD, add it to ~/.pgpass, or put it in the URL"
      )
    case .unsupportedAuthMechanism, .saslError:
      return .cannotOpen(path: location, reason: "the server refused the credentials")
    default:
      return .database(path: location, reason: String(reflecting: error))
    }
  }

  private static func describe(_ error: any Error) -> String {
    if let error = error as? NIOConnectionError {
      if let first = error.connectionErrors.first { return describe(first.error) }
      return error.dnsAAAAError.map(describe) ?? "the host name does not resolve"
    }
    if let error = error as? IOError {
      switch error.errnoCode {
      case ECONNREFUSED: return "connection refused: is PostgreSQL running there?"
      case ETIMEDOUT: return "the connection timed out"
      case EHOSTUNREACH, ENETUNREACH: return "no route to the host"
      case ENOENT: return "no server socket there"
      default: return String(cString: strerror(error.errnoCode))
      }
    }
    if let error = error as? ChannelError {
      switch error {
      case .connectTimeout: return "no answer within 5 seconds"
      default: return "the connection was lost"
      }
    }
    return "\(error)"
  }
}

extension PostgresEngine {
  /// At most `limit` connections, each used by one transaction at a time; idle ones
  /// are reused, closed ones replaced.
  final class Pool: Sendable {
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Mutex(1)
    private let slots: DispatchSemaphore

    init(limit: Int) {
      slots = DispatchSemaphore(value: limit)
    }

    func withConnection<T>(
      connect: (Int) throws -> PostgresConnection, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
      slots.wait()
      defer { slots.signal() }
      var connection = idle.withLock { $0.popLast() }
      if let open = connection, open.isClosed { connection = nil }
      if connection == nil {
        let id = nextID.withLock { value in
          defer { value += 1 }
          return value
        }
        connection = try connect(id)
      }
      guard let connection else { throw ChannelError.ioOnClosedChannel }
      do {
        let value = try body(connection)
        idle.withLock { $0.append(connection) }
        return value
      } catch {
        if !connection.isClosed { idle.withLock { $0.append(connection) } }
        throw error
      }
    }

    func closeAll() {
      let connections = idle.withLock { connections in
        defer { connections = [] }
        return connections
      }
      for connection in connections {
        try? (connection.close() as EventLoopFuture<Void>).wait()
      }
    }
  }
}
