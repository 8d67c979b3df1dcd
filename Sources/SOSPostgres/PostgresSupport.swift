import SOSStore

/// PostgreSQL for the workshop store: ``register()`` makes `postgres://` databases open
/// with ``PostgresEngine`` in this process.
public enum PostgresSupport {
  /// Registers the PostgreSQL engine; call once at start.
  public static func register() {
    ServerStores.register(Provider())
  }

  struct Provider: ServerStore {
    func open(url: String, environment: [String: String]) throws(WorkshopDatabaseError)
      -> any StoreEngine
    {
      try PostgresEngine.open(url: url, environment: environment)
    }

    func appliedMigrations(url: String, environment: [String: String]) throws(WorkshopDatabaseError)
      -> [String]
    {
      try PostgresEngine.appliedMigrations(url: url, environment: environment)
    }

    func createDatabase(named name: String, server: String, environment: [String: String])
      throws(WorkshopDatabaseError) -> String
    {
      try PostgresEngine.createDatabase(named: name, server: server, environment: environment)
    }
  }
}
