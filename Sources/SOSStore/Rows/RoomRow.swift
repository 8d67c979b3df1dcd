import GRDB

/// A row of `room`: a live room of a workshop server.
struct RoomRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "room"

  var code: String
  var cohortID: Int64
  var scenarioID: String
  var scenarioHash: String
  var mode: String
  var timed: Bool
  /// The SHA-256 (hex) of the facilitator's token; the token itself is never stored.
  var tokenHash: String
  var openedAt: String
  var closedAt: String?
  var paused: Bool

  enum CodingKeys: String, CodingKey {
    case code
    case cohortID = "cohort_id"
    case scenarioID = "scenario_id"
    case scenarioHash = "scenario_hash"
    case mode
    case timed
    case tokenHash = "token_hash"
    case openedAt = "opened_at"
    case closedAt = "closed_at"
    case paused
  }

  enum Columns {
    static let code = Column(CodingKeys.code)
    static let openedAt = Column(CodingKeys.openedAt)
  }
}

/// A row of `room_member`: a session played in a room, and its trainee's token.
struct RoomMemberRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "room_member"

  var sessionID: String
  var roomCode: String
  /// The SHA-256 (hex) of the trainee's token.
  var tokenHash: String
  /// The room's last notice when the trainee joined: later ones reach them.
  var joinedAfter: Int64

  enum CodingKeys: String, CodingKey {
    case sessionID = "session_id"
    case roomCode = "room_code"
    case tokenHash = "token_hash"
    case joinedAfter = "joined_after"
  }

  enum Columns {
    static let sessionID = Column(CodingKeys.sessionID)
    static let roomCode = Column(CodingKeys.roomCode)
  }
}

/// A row of `room_notice`: an inject fired or a message broadcast in a room.
struct RoomNoticeRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "room_notice"

  var id: Int64?
  var roomCode: String
  /// `inject` or `message`.
  var kind: String
  /// The inject's id, or the message's text.
  var value: String
  /// The one session it is for; `nil` for everyone in the room.
  var sessionID: String?
  var at: String

  enum CodingKeys: String, CodingKey {
    case id
    case roomCode = "room_code"
    case kind
    case value
    case sessionID = "session_id"
    case at
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let roomCode = Column(CodingKeys.roomCode)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}
