import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The programs built beside `sos` (`sos-server`, `sos-pg`), and handing over to one.
public enum SiblingProgram {
  /// `name` in the folder of this executable, if it is there.
  static func path(named name: String) -> String? {
    guard let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    else { return nil }
    let path = (own as NSString).deletingLastPathComponent + "/" + name
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  /// When the command names a PostgreSQL database (`--db`, `SOS_DB` or an argument such
  /// as `sos db copy`'s), runs `sos-pg` in this process's place with the same
  /// arguments: `sos` itself links no PostgreSQL client. Returns when there is nothing
  /// to hand over, or when `sos-pg` is not built (the command then says so itself,
  /// when it opens the database).
  public static func handOverToPostgres(
    arguments: [String] = CommandLine.arguments,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    let given = arguments.dropFirst().map { argument in
      argument.hasPrefix("--db=") ? String(argument.dropFirst(5)) : argument
    }
    let named = given + [environment["SOS_DB"] ?? ""]
    guard named.contains(where: { isPostgres($0) }), let program = path(named: "sos-pg") else {
      return
    }
    let argv = ([program] + arguments.dropFirst()).map { strdup($0) } + [nil]
    execv(program, argv)
  }

  private static func isPostgres(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
  }
}
