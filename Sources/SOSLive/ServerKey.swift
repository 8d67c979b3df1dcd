import Foundation
import SOSStore

/// The workshop server's key: what `sos room open` and `sos room list` show the server
/// to prove they are the facilitator's. `sos serve` makes it on first start, in a file
/// only its owner can read (`$XDG_DATA_HOME/sos/server-key`); `sos room` on the same
/// machine reads it from there, elsewhere from `SOS_SERVER_KEY`.
public enum ServerKey {
  /// Where the key is kept by default.
  public static func defaultPath(environment: [String: String]) -> String {
    DatabaseLocation.dataDirectory(environment: environment) + "/server-key"
  }

  /// The key in `path`, made (and written with mode 0600) if there is none yet.
  public static func loadOrCreate(path: String) throws -> String {
    if let key = read(path: path) { return key }
    let key = LiveSecret.make()
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    }
    guard
      FileManager.default.createFile(
        atPath: path, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600])
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    return key
  }

  /// The key in `path`, if there is one.
  public static func read(path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return key.isEmpty ? nil : key
  }

  /// The key a client uses: `SOS_SERVER_KEY`, else the file at `path` (or the default).
  public static func forClient(path: String?, environment: [String: String]) -> String? {
    if let key = environment["SOS_SERVER_KEY"], !key.isEmpty { return key }
    return read(path: path ?? defaultPath(environment: environment))
  }
}
