import Synchronization

/// The engine of databases named by a `postgres://` URL. The store does not link a
/// PostgreSQL client itself: the programs that do (`sos-pg`, `sos-server`, the tests)
/// register one at start (`PostgresSupport.register()` in SOSPostgres), so that the
/// trainee's `sos` stays small and quick to build.
package protocol ServerStore: Sendable {
  /// Connects to the database `url` names and brings its schema up to date.
  func open(url: String, environment: [String: String]) throws(WorkshopDatabaseError)
    -> any StoreEngine
  /// The migrations the database has, read without changing it.
  func appliedMigrations(url: String, environment: [String: String]) throws(WorkshopDatabaseError)
    -> [String]
  /// Creates an empty database `name` on the server `server` names; returns its URL.
  func createDatabase(named name: String, server: String, environment: [String: String])
    throws(WorkshopDatabaseError) -> String
}

/// The registered ``ServerStore``, if any.
package enum ServerStores {
  private static let registered = Mutex<(any ServerStore)?>(nil)

  /// Makes `store` the engine of `postgres://` databases in this process.
  package static func register(_ store: any ServerStore) {
    registered.withLock { $0 = store }
  }

  /// The registered engine, or why there is none.
  static func current(for location: String) throws(WorkshopDatabaseError) -> any ServerStore {
    guard let store = registered.withLock({ $0 }) else {
      throw .cannotOpen(
        path: PostgresURL.withoutPassword(location),
        reason:
          "this program has no PostgreSQL client: run sos-pg, which sos starts in its place"
          + " (build it with: swift build --product sos-pg)")
    }
    return store
  }
}
