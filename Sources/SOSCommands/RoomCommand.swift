import ArgumentParser
import Foundation
import SOSCore
import SOSLive
import SOSStore
import SOSTerminal

struct RoomCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "room",
    abstract: "Open, watch and steer live rooms on a workshop server (sos serve).",
    discussion: """
      Every subcommand talks to the server given by --server (default: $SOS_SERVER, \
      else 127.0.0.1:7717). Opening and listing rooms need the server key, read from \
      $SOS_SERVER_KEY or the file sos serve made on this machine; the other commands \
      need the room's facilitator token, which sos room open prints and keeps on this \
      machine (or --token, or $SOS_ROOM_TOKEN). Exit status: 0 when done, 64 for bad \
      usage, 65 when the server refuses, 66 for an unknown room, 74 when the server \
      cannot be reached.
      """,
    subcommands: [
      RoomOpenCommand.self, RoomListCommand.self, RoomInjectCommand.self,
      RoomPauseCommand.self, RoomResumeCommand.self, RoomBroadcastCommand.self,
      RoomCloseCommand.self,
    ])
}

/// The server a `sos room` command talks to, and the credentials it shows.
struct RoomServerOptions: ParsableArguments {
  @Option(help: "The workshop server's address (default: $SOS_SERVER, else 127.0.0.1:7717).")
  var server: String?

  @Option(help: "The server key's file (default: $XDG_DATA_HOME/sos/server-key).")
  var keyFile: String?

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The address in force, as given.
  var address: String {
    server ?? environment["SOS_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1:7717"
  }

  func client() throws -> LiveClient {
    guard let client = LiveClient(address: address) else {
      throw Failure.report(
        "'\(address)' is not a server address: give HOST:PORT, such as 127.0.0.1:7717 (the workshop server speaks plain HTTP)",
        ExitStatus.usage)
    }
    return client
  }

  /// The server key, or a failure saying where it was looked for.
  func key() throws -> String {
    guard let key = ServerKey.forClient(path: keyFile, environment: environment) else {
      throw Failure.report(
        "no server key: run this on the machine that runs sos serve, or set SOS_SERVER_KEY"
          + " to the key in its file (\(keyFile ?? ServerKey.defaultPath(environment: environment)))",
        ExitStatus.usage)
    }
    return key
  }

  /// Sends a request, turning a failure into its message and exit code.
  func send<Answer: Decodable>(
    _ method: String, _ path: String, body: (some Encodable)? = String?.none, token: String?
  ) throws -> Answer {
    do {
      return try client().send(method, path, body: body, token: token)
    } catch let error as LiveClientError {
      switch error {
      case .unreachable:
        throw Failure.report(
          error.message + " (is sos serve running? check --server)", ExitStatus.ioFailure)
      case .refused(let status, let message):
        throw Failure.report(
          message, status == 404 ? ExitStatus.missingInput : ExitStatus.badData)
      case .badAnswer(let message):
        throw Failure.report(message, ExitStatus.ioFailure)
      }
    }
  }
}

/// A room's code and the facilitator token for it.
struct RoomTokenOptions: ParsableArguments {
  @Argument(help: "The room's join code.")
  var code: String

  @Option(help: "The room's facilitator token (default: $SOS_ROOM_TOKEN, else the one kept here).")
  var token: String?

  /// The code, normalised.
  func room() throws -> String {
    guard let room = JoinCode.normalized(code) else {
      throw Failure.report(
        "'\(code)' is not a join code: nine letters and digits, such as KXT-4MP-Q9W",
        ExitStatus.usage)
    }
    return room
  }

  /// The token in force.
  func facilitatorToken(_ room: String) throws -> String {
    let environment = ProcessInfo.processInfo.environment
    if let token { return token }
    if let token = environment["SOS_ROOM_TOKEN"], !token.isEmpty { return token }
    if let token = RoomTokens.read(room, environment: environment) { return token }
    throw Failure.report(
      "no facilitator token for room \(room): give --token (sos room open printed it)",
      ExitStatus.usage)
  }
}

/// Facilitator tokens kept on this machine by `sos room open` (mode 0600), so that
/// the other `sos room` commands need not be given them.
enum RoomTokens {
  static func path(_ room: String, environment: [String: String]) -> String {
    DatabaseLocation.stateDirectory(environment: environment) + "/rooms/" + room
  }

  static func save(_ token: String, for room: String, environment: [String: String]) throws {
    let file = path(room, environment: environment)
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    guard
      FileManager.default.createFile(
        atPath: file, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600])
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: file])
    }
  }

  static func read(_ room: String, environment: [String: String]) -> String? {
    ServerKey.read(path: path(room, environment: environment))
  }
}

struct RoomOpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Open a room: prints its join code, the board's address and the facilitator token.")

  @Argument(help: "The cohort the room's sessions join (made if it does not exist).")
  var cohort: String

  @Option(help: "The scenario, by id (see 'sos list') or file.")
  var scenario: String

  @Option(help: "practice (hints, feedback, undo) or assessment.")
  var mode: SessionOptions.Mode = .assessment

  @Flag(help: "Give each decision a real-time limit.")
  var timed = false

  @Flag(help: "Print {\"code\", \"token\", \"board\"} as JSON.")
  var json = false

  @OptionGroup var server: RoomServerOptions
  @OptionGroup var global: GlobalOptions

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    let (loaded, text) = try ScenarioChoice.load(scenario, from: library, global: global)
    let opened: LiveAPI.OpenedRoom = try server.send(
      "POST", "/api/rooms",
      body: LiveAPI.OpenRoom(
        cohort: cohort, scenarioFile: scenario, scenarioText: text, mode: mode.rawValue,
        timed: timed), token: try server.key())
    do {
      try RoomTokens.save(opened.token, for: opened.code, environment: server.environment)
    } catch {
      Output.error(
        "warning: could not keep the token on this machine: \(error.localizedDescription)\n")
    }
    if json {
      let data = try LiveAPI.encoder().encode(opened)
      Output.out(String(decoding: data, as: UTF8.self) + "\n")
      return
    }
    Output.out(
      """
      Room \(opened.code) is open: cohort \(cohort), \(loaded.id) (\(mode.rawValue)\(timed ? ", timed" : "")).
      Trainees join with:  sos join \(server.address) \(opened.code) --as NAME
      The board:           \(opened.board)
      Facilitator token:   \(opened.token)
      Log in to the board with the code and the token. The token is kept on this machine
      for the other sos room commands; do not show it to the room.

      """)
  }
}

struct RoomListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the server's rooms.")

  @Flag(help: "Print the rooms as JSON.")
  var json = false

  @OptionGroup var server: RoomServerOptions

  func run() throws {
    let rooms: [LiveAPI.Room] = try server.send("GET", "/api/rooms", token: try server.key())
    if json {
      Output.out(String(decoding: try LiveAPI.encoder().encode(rooms), as: UTF8.self) + "\n")
      return
    }
    guard !rooms.isEmpty else {
      Output.out("No rooms yet. Open one with: sos room open COHORT --scenario ID\n")
      return
    }
    for room in rooms {
      let state = !room.open ? "closed" : room.paused ? "paused" : "open"
      Output.out(
        "\(room.code)  \(state)  \(room.cohort)  \(room.scenario)  \(room.mode)\(room.timed ? " timed" : "")  \(room.sessions) trainee\(room.sessions == 1 ? "" : "s")\n"
      )
    }
  }
}

struct RoomInjectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inject",
    abstract: "Fire a manual inject into every session of a room (or one trainee's).")

  @OptionGroup var room: RoomTokenOptions

  @Argument(help: "The inject's id (one with 'manual: true' in the scenario).")
  var inject: String

  @Option(help: "Only this trainee's session (by the name they joined with).")
  var trainee: String?

  @OptionGroup var server: RoomServerOptions

  func run() throws {
    let code = try room.room()
    let answer: [String: Int] = try server.send(
      "POST", "/api/rooms/\(code)/inject",
      body: LiveAPI.FireInject(inject: inject, trainee: trainee),
      token: try room.facilitatorToken(code))
    let count = answer["sessions"] ?? 0
    Output.out(
      "Fired '\(inject)' in room \(code): it reaches \(count) session\(count == 1 ? "" : "s") at the next prompt.\n"
    )
  }
}

/// Pausing, resuming and closing: one request each.
protocol RoomAction: ParsableCommand {
  var room: RoomTokenOptions { get }
  var server: RoomServerOptions { get }
  static var action: String { get }
  /// What is said once done, for the room `code`.
  static func done(_ code: String) -> String
}

extension RoomAction {
  func run() throws {
    let code = try room.room()
    let _: LiveAPI.Room? = try server.send(
      "POST", "/api/rooms/\(code)/\(Self.action)", token: try room.facilitatorToken(code))
    Output.out("Room \(code) \(Self.done(code)).\n")
  }
}

struct RoomPauseCommand: RoomAction {
  static let configuration = CommandConfiguration(
    commandName: "pause", abstract: "Pause a room: trainees wait at their next prompt.")
  static let action = "pause"
  static func done(_ code: String) -> String {
    "is paused; resume it with: sos room resume \(code)"
  }
  @OptionGroup var room: RoomTokenOptions
  @OptionGroup var server: RoomServerOptions
}

struct RoomResumeCommand: RoomAction {
  static let configuration = CommandConfiguration(
    commandName: "resume", abstract: "Resume a paused room.")
  static let action = "resume"
  static func done(_ code: String) -> String { "is playing again" }
  @OptionGroup var room: RoomTokenOptions
  @OptionGroup var server: RoomServerOptions
}

struct RoomCloseCommand: RoomAction {
  static let configuration = CommandConfiguration(
    commandName: "close", abstract: "Close a room: nobody can join or answer after.")
  static let action = "close"
  static func done(_ code: String) -> String {
    "is closed; its results are on the board and in sos cohort report"
  }
  @OptionGroup var room: RoomTokenOptions
  @OptionGroup var server: RoomServerOptions
}

struct RoomBroadcastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "broadcast",
    abstract: "Send a message every trainee in a room sees at their next prompt.")

  @OptionGroup var room: RoomTokenOptions

  @Argument(help: "The message (500 characters at most).")
  var text: String

  @OptionGroup var server: RoomServerOptions

  func run() throws {
    let code = try room.room()
    let _: [String: Bool] = try server.send(
      "POST", "/api/rooms/\(code)/broadcast", body: LiveAPI.Broadcast(text: text),
      token: try room.facilitatorToken(code))
    Output.out("Sent to room \(code).\n")
  }
}
