import Foundation
import SOSCore
import SOSStore

/// What this laptop keeps of a joined session, so that the same `sos join` carries on
/// with it after a crash, a closed lid or a dropped network: the server, the room, the
/// trainee's token, and the local session that journals every answer. Kept in a file
/// only its owner can read.
struct JoinTicket: Codable, Equatable {
  var server: String
  var room: String
  var name: String
  /// The session's id on the server.
  var session: String
  var token: String
  /// The session's id in this laptop's database.
  var local: UUID
  /// The last facilitator message shown.
  var lastMessage: Int64 = 0

  /// The folder tickets are kept in.
  static func folder(environment: [String: String]) -> String {
    DatabaseLocation.stateDirectory(environment: environment) + "/joins"
  }

  /// The ticket's file for a server, room and name.
  static func path(server: String, room: String, name: String, environment: [String: String])
    -> String
  {
    let key = SHA256.hex(SHA256.digest(Array("\(server)\n\(room)\n\(name)".utf8)))
    return folder(environment: environment) + "/" + room + "-" + key.prefix(16) + ".json"
  }

  /// The ticket for a server, room and name, if this laptop joined before.
  static func find(server: String, room: String, name: String, environment: [String: String])
    -> JoinTicket?
  {
    let file = path(server: server, room: room, name: name, environment: environment)
    guard let data = FileManager.default.contents(atPath: file) else { return nil }
    return try? JSONDecoder().decode(JoinTicket.self, from: data)
  }

  /// Saves the ticket (mode 0600).
  func save(environment: [String: String]) throws {
    let folder = Self.folder(environment: environment)
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let file = Self.path(server: server, room: room, name: name, environment: environment)
    let data = try JSONEncoder().encode(self)
    let temporary = file + ".tmp"
    guard
      FileManager.default.createFile(
        atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary])
    }
    // A rename replaces the old ticket in one step: a crash leaves the old or the new.
    guard rename(temporary, file) == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
    }
  }

  /// Takes the lock on one server, room and name's session on this laptop, held while
  /// `sos join` plays it (two at once would journal two games into one log); `nil`
  /// when another `sos join` holds it.
  static func hold(server: String, room: String, name: String, environment: [String: String])
    -> FileHold?
  {
    FileHold.take(path(server: server, room: room, name: name, environment: environment) + ".lock")
  }

  /// Remembers the last message shown, best effort.
  static func store(lastMessage: Int64, for ticket: JoinTicket) {
    guard lastMessage != ticket.lastMessage else { return }
    var updated = ticket
    updated.lastMessage = lastMessage
    try? updated.save(environment: ProcessInfo.processInfo.environment)
  }
}
