import Foundation
import SOSCore
import SOSStore

/// The messages of the workshop server's JSON API (`sos serve`), shared by the server
/// and its clients (`sos room …`, `sos join`). Keys are snake_case on the wire.
public enum LiveAPI {
  /// `POST /api/rooms` (the server key): opens a room.
  public struct OpenRoom: Codable, Sendable {
    public var cohort: String
    /// The scenario file's name, for messages.
    public var scenarioFile: String
    /// The scenario file's full text: the server checks it and every trainee plays it.
    public var scenarioText: String
    public var mode: String
    public var timed: Bool

    public init(
      cohort: String, scenarioFile: String, scenarioText: String, mode: String, timed: Bool
    ) {
      self.cohort = cohort
      self.scenarioFile = scenarioFile
      self.scenarioText = scenarioText
      self.mode = mode
      self.timed = timed
    }
  }

  /// What opening a room gives: the join code to read aloud, the facilitator's token,
  /// and the board's address (which never holds the token).
  public struct OpenedRoom: Codable, Sendable {
    public var code: String
    public var token: String
    public var board: String

    public init(code: String, token: String, board: String) {
      self.code = code
      self.token = token
      self.board = board
    }
  }

  /// A room as `sos room list` shows it.
  public struct Room: Codable, Sendable {
    public var code: String
    public var cohort: String
    public var scenario: String
    public var mode: String
    public var timed: Bool
    public var open: Bool
    public var paused: Bool
    public var sessions: Int
    public var openedAt: String

    public init(
      code: String, cohort: String, scenario: String, mode: String, timed: Bool, open: Bool,
      paused: Bool, sessions: Int, openedAt: String
    ) {
      self.code = code
      self.cohort = cohort
      self.scenario = scenario
      self.mode = mode
      self.timed = timed
      self.open = open
      self.paused = paused
      self.sessions = sessions
      self.openedAt = openedAt
    }
  }

  /// `POST /api/join`: a trainee joins a room by its code.
  public struct Join: Codable, Sendable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
      self.code = code
      self.name = name
    }
  }

  /// What joining gives: the session, the trainee's token for it, and what to play.
  public struct Joined: Codable, Sendable {
    public var session: String
    public var token: String
    public var room: String
    public var scenarioText: String
    public var seed: UInt64
    public var mode: String
    public var timed: Bool
    public var shuffles: Bool

    public init(
      session: String, token: String, room: String, scenarioText: String, seed: UInt64,
      mode: String, timed: Bool, shuffles: Bool
    ) {
      self.session = session
      self.token = token
      self.room = room
      self.scenarioText = scenarioText
      self.seed = seed
      self.mode = mode
      self.timed = timed
      self.shuffles = shuffles
    }
  }

  /// `POST /api/sessions/ID/inputs` (the trainee's token): one answer, by its place in
  /// the session's log. Sending the same answer again changes nothing.
  public struct Input: Codable, Sendable {
    public var sequence: Int
    public var kind: String
    public var value: String?
    /// For a choice, the id of the option its number stood for.
    public var choice: String?
    public var latencyMs: Int?

    public init(sequence: Int, kind: String, value: String?, choice: String?, latencyMs: Int?) {
      self.sequence = sequence
      self.kind = kind
      self.value = value
      self.choice = choice
      self.latencyMs = latencyMs
    }

    /// `input` at its place in the log, written as the store writes it (``InputKind``).
    public init(sequence: Int, input: SessionInput, choice: String?, latencyMs: Int?) {
      let (kind, value) = InputKind.parts(of: input)
      self.init(
        sequence: sequence, kind: kind.rawValue, value: value, choice: choice,
        latencyMs: latencyMs)
    }
  }

  /// The server's answer to an input: how many inputs it now holds, whether this one
  /// was a repeat, and what is waiting for the trainee.
  public struct Accepted: Codable, Sendable {
    public var inputs: Int
    public var duplicate: Bool
    public var inbox: Inbox

    public init(inputs: Int, duplicate: Bool, inbox: Inbox) {
      self.inputs = inputs
      self.duplicate = duplicate
      self.inbox = inbox
    }
  }

  /// What waits for a trainee (`GET /api/sessions/ID/inbox`): injects to take at the
  /// next prompt, messages, and whether the room is paused or closed.
  public struct Inbox: Codable, Sendable, Equatable {
    public var inputs: Int
    public var paused: Bool
    public var closed: Bool
    public var injects: [Notice]
    public var messages: [Notice]

    public init(inputs: Int, paused: Bool, closed: Bool, injects: [Notice], messages: [Notice]) {
      self.inputs = inputs
      self.paused = paused
      self.closed = closed
      self.injects = injects
      self.messages = messages
    }
  }

  /// An inject fired (`value` is its id) or a message sent (`value` is its text).
  public struct Notice: Codable, Sendable, Equatable {
    public var id: Int64
    public var value: String

    public init(id: Int64, value: String) {
      self.id = id
      self.value = value
    }
  }

  /// `POST /api/rooms/CODE/inject` (the room's token): fires a manual inject into every
  /// session of the room, or into one trainee's.
  public struct FireInject: Codable, Sendable {
    public var inject: String
    /// The trainee's name; `nil` for everyone.
    public var trainee: String?

    public init(inject: String, trainee: String?) {
      self.inject = inject
      self.trainee = trainee
    }
  }

  /// `POST /api/rooms/CODE/broadcast` (the room's token).
  public struct Broadcast: Codable, Sendable {
    public var text: String

    public init(text: String) { self.text = text }
  }

  /// What a refused request says.
  public struct Failure: Codable, Sendable {
    public var error: String

    public init(error: String) { self.error = error }
  }

  /// The encoder both ends use.
  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }

  /// The decoder both ends use.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }

  /// The most bytes a request body may have.
  public static let maximumBody = 64 * 1024
}
