import Foundation
import SOSPostgres
import SOSStore
import Testing

/// The engines the store's contract is tested on: SQLite always, and PostgreSQL when
/// `SOS_TEST_POSTGRES` names a server (a URL whose database the tests may connect to,
/// the password in `PGPASSWORD`). `.ci/run` starts one; with `SOS_REQUIRE_POSTGRES=1`
/// a missing server fails the PostgreSQL tests instead of leaving them out.
enum TestStore: String, Sendable, CustomTestStringConvertible {
  case sqlite
  case postgres

  static var engines: [TestStore] {
    let environment = ProcessInfo.processInfo.environment
    let wanted =
      environment["SOS_TEST_POSTGRES"].map { !$0.isEmpty } ?? false
      || environment["SOS_REQUIRE_POSTGRES"] == "1"
    return wanted ? [.sqlite, .postgres] : [.sqlite]
  }

  var testDescription: String { rawValue }

  /// A new, empty, migrated database.
  func make() throws -> WorkshopDatabase {
    switch self {
    case .sqlite: try WorkshopDatabase.inMemory()
    case .postgres: try WorkshopDatabase.open(location: try Self.newPostgresDatabase())
    }
  }

  /// Where a new, empty database can be opened: a file in `folder`, or a new
  /// PostgreSQL database.
  func location(in folder: TemporaryFolder) throws -> String {
    switch self {
    case .sqlite: folder.path + "/shared/sos.sqlite"
    case .postgres: try Self.newPostgresDatabase()
    }
  }

  /// The PostgreSQL engine, registered once for the tests of this process.
  static let postgresRegistered: Void = PostgresSupport.register()

  /// A new database on the test server, named at random.
  static func newPostgresDatabase() throws -> String {
    _ = postgresRegistered
    guard let server = ProcessInfo.processInfo.environment["SOS_TEST_POSTGRES"], !server.isEmpty
    else {
      throw TestStoreError.noServer
    }
    let name = "sos_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    return try WorkshopDatabase.createPostgresDatabaseForTesting(named: name, server: server)
  }
}

enum TestStoreError: Error, CustomStringConvertible {
  case noServer

  var description: String {
    "SOS_REQUIRE_POSTGRES=1 but SOS_TEST_POSTGRES names no server (see .ci/run)"
  }
}
