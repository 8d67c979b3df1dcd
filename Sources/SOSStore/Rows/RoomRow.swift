/// A row of `room`: a live room of a workshop server.
struct RoomRow {
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

  init(
    code: String, cohortID: Int64, scenarioID: String, scenarioHash: String, mode: String,
    timed: Bool, tokenHash: String, openedAt: String, closedAt: String?, paused: Bool
  ) {
    self.code = code
    self.cohortID = cohortID
    self.scenarioID = scenarioID
    self.scenarioHash = scenarioHash
    self.mode = mode
    self.timed = timed
    self.tokenHash = tokenHash
    self.openedAt = openedAt
    self.closedAt = closedAt
    self.paused = paused
  }

  init(_ row: SQLRow) throws(SQLRowError) {
    code = try row.text("code")
    cohortID = try row.integer("cohort_id")
    scenarioID = try row.text("scenario_id")
    scenarioHash = try row.text("scenario_hash")
    mode = try row.text("mode")
    timed = try row.bool("timed")
    tokenHash = try row.text("token_hash")
    openedAt = try row.text("opened_at")
    closedAt = try row.optionalText("closed_at")
    paused = try row.bool("paused")
  }

  /// The room with this code, or `nil`.
  static func fetch(code: String, in db: any SQLConnection) throws -> RoomRow? {
    try db.row("SELECT * FROM room WHERE code = ?", [.text(code)]).map(RoomRow.init)
  }

  func insert(in db: any SQLConnection) throws {
    try db.execute(
      """
      INSERT INTO room (code, cohort_id, scenario_id, scenario_hash, mode, timed, token_hash,
        opened_at, closed_at, paused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(code), .integer(cohortID), .text(scenarioID), .text(scenarioHash), .text(mode),
        .bool(timed), .text(tokenHash), .text(openedAt), .text(closedAt), .bool(paused),
      ])
  }
}

/// A row of `room_member`: a session played in a room, and its trainee's token.
struct RoomMemberRow {
  var sessionID: String
  var roomCode: String
  /// The SHA-256 (hex) of the trainee's token.
  var tokenHash: String
  /// The room's last notice when the trainee joined: later ones reach them.
  var joinedAfter: Int64

  init(sessionID: String, roomCode: String, tokenHash: String, joinedAfter: Int64) {
    self.sessionID = sessionID
    self.roomCode = roomCode
    self.tokenHash = tokenHash
    self.joinedAfter = joinedAfter
  }

  init(_ row: SQLRow) throws(SQLRowError) {
    sessionID = try row.text("session_id")
    roomCode = try row.text("room_code")
    tokenHash = try row.text("token_hash")
    joinedAfter = try row.integer("joined_after")
  }

  func insert(in db: any SQLConnection) throws {
    try db.execute(
      "INSERT INTO room_member (session_id, room_code, token_hash, joined_after) VALUES (?, ?, ?, ?)",
      [.text(sessionID), .text(roomCode), .text(tokenHash), .integer(joinedAfter)])
  }
}

/// A row of `room_notice`: an inject fired or a message broadcast in a room.
struct RoomNoticeRow {
  var id: Int64?
  var roomCode: String
  /// `inject` or `message`.
  var kind: String
  /// The inject's id, or the message's text.
  var value: String
  /// The one session it is for; `nil` for everyone in the room.
  var sessionID: String?
  var at: String

  init(
    id: Int64?, roomCode: String, kind: String, value: String, sessionID: String?, at: String
  ) {
    self.id = id
    self.roomCode = roomCode
    self.kind = kind
    self.value = value
    self.sessionID = sessionID
    self.at = at
  }

  init(_ row: SQLRow) throws(SQLRowError) {
    id = try row.integer("id")
    roomCode = try row.text("room_code")
    kind = try row.text("kind")
    value = try row.text("value")
    sessionID = try row.optionalText("session_id")
    at = try row.text("at")
  }

  /// Inserts the row and sets its new id.
  mutating func insert(in db: any SQLConnection) throws {
    id = try db.integer(
      "INSERT INTO room_notice (room_code, kind, value, session_id, at) VALUES (?, ?, ?, ?, ?)"
        + " RETURNING id",
      [.text(roomCode), .text(kind), .text(value), .text(sessionID), .text(at)])
  }
}
