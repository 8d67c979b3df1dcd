/// Where the workshop database lives: `--db`, else `$SOS_DB`, else
/// `$XDG_DATA_HOME/sos/sos.sqlite`, else `~/.local/share/sos/sos.sqlite`. A
/// `postgres://` URL names a PostgreSQL database instead of a file.
public enum DatabaseLocation {
  /// The database path for the given option and environment.
  public static func path(option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let variable = environment["SOS_DB"], !variable.isEmpty { return variable }
    return dataDirectory(environment: environment) + "/sos.sqlite"
  }

  /// Whether `location` names a PostgreSQL server (`postgres://` or `postgresql://`)
  /// rather than an SQLite file.
  public static func isServer(_ location: String) -> Bool {
    PostgresURL.isPostgres(location)
  }

  /// `location` as messages show it: a server URL without its password.
  public static func display(_ location: String) -> String {
    isServer(location) ? PostgresURL.withoutPassword(location) : location
  }

  /// `$XDG_DATA_HOME/sos`, else `~/.local/share/sos`.
  public static func dataDirectory(environment: [String: String]) -> String {
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/sos" }
    return home(environment) + "/.local/share/sos"
  }

  /// `$XDG_STATE_HOME/sos`, else `~/.local/state/sos` (history lives here).
  public static func stateDirectory(environment: [String: String]) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/sos" }
    return home(environment) + "/.local/state/sos"
  }

  private static func home(_ environment: [String: String]) -> String {
    if let home = environment["HOME"], !home.isEmpty { return home }
    return "/tmp"
  }
}
