import Foundation
import SOSCore

// MARK: - Live rooms

extension WorkshopDatabase {
  /// What opening a room needs.
  public struct NewRoom: Sendable {
    public var code: String
    /// The SHA-256 (hex) of the facilitator's token.
    public var tokenHash: String
    /// The cohort its sessions join; created when it does not exist yet.
    public var cohort: String
    public var scenarioID: String
    public var scenarioText: String
    public var mode: SessionOptions.Mode
    public var timed: Bool

    /// Describes a room to open.
    public init(
      code: String, tokenHash: String, cohort: String, scenarioID: String,
      scenarioText: String, mode: SessionOptions.Mode, timed: Bool
    ) {
      self.code = code
      self.tokenHash = tokenHash
      self.cohort = cohort
      self.scenarioID = scenarioID
      self.scenarioText = scenarioText
      self.mode = mode
      self.timed = timed
    }
  }

  /// Opens a room, creating its cohort if needed, in one transaction.
  public func openRoom(_ new: NewRoom, at now: Date = Date()) throws(WorkshopDatabaseError)
    -> RoomRecord
  {
    guard Self.isValidName(new.cohort) else { throw .invalidCohortName(new.cohort) }
    let hash = SHA256.hex(SHA256.digest(Array(new.scenarioText.utf8)))
    return try write { db in
      // A cohort another process creates at the same moment is simply used.
      try CohortRow(
        id: nil, name: new.cohort, description: nil, secret: SHA256.hex(Self.newCohortSecret()),
        createdAt: Timestamp.string(now)
      ).insert(in: db, ignoringDuplicate: true)
      guard let cohortID = try Self.cohortID(named: new.cohort, in: db) else {
        throw WorkshopDatabaseError.unknownCohort(new.cohort)
      }
      try Self.storeScenarioText(new.scenarioText, hash: hash, scenarioID: new.scenarioID, in: db)
      let row = RoomRow(
        code: new.code, cohortID: cohortID, scenarioID: new.scenarioID, scenarioHash: hash,
        mode: new.mode.rawValue, timed: new.timed, tokenHash: new.tokenHash,
        openedAt: Timestamp.string(now), closedAt: nil, paused: false)
      try row.insert(in: db)
      return try Self.roomRecord(row, in: db)
    }
  }

  /// Every room, newest first.
  public func rooms() throws(WorkshopDatabaseError) -> [RoomRecord] {
    try read { db in
      try db.rows("SELECT * FROM room ORDER BY opened_at DESC, code").map {
        try Self.roomRecord(RoomRow($0), in: db)
      }
    }
  }

  /// The room with this code, or `nil`.
  public func room(code: String) throws(WorkshopDatabaseError) -> RoomRecord? {
    try read { db in
      try RoomRow.fetch(code: code, in: db).map { try Self.roomRecord($0, in: db) }
    }
  }

  /// The hash of the room's facilitator token, or `nil` for no such room.
  public func roomTokenHash(code: String) throws(WorkshopDatabaseError) -> String? {
    try read { db in try RoomRow.fetch(code: code, in: db)?.tokenHash }
  }

  /// Closes a room: it takes no one new and no more answers.
  public func closeRoom(code: String, at now: Date = Date()) throws(WorkshopDatabaseError) {
    try write { db in
      guard let row = try RoomRow.fetch(code: code, in: db) else {
        throw WorkshopDatabaseError.roomNotFound(code)
      }
      guard row.closedAt == nil else { return }
      try db.execute(
        "UPDATE room SET closed_at = ?, paused = ? WHERE code = ?",
        [.text(Timestamp.string(now)), .bool(false), .text(code)])
    }
  }

  /// Pauses or resumes play in an open room.
  public func setRoomPaused(code: String, _ paused: Bool) throws(WorkshopDatabaseError) {
    try write { db in
      guard let row = try RoomRow.fetch(code: code, in: db) else {
        throw WorkshopDatabaseError.roomNotFound(code)
      }
      guard row.closedAt == nil else { throw WorkshopDatabaseError.roomClosed(code) }
      try db.execute("UPDATE room SET paused = ? WHERE code = ?", [.bool(paused), .text(code)])
    }
  }

  /// A trainee joins an open room: a new session of the room's scenario text in its
  /// cohort, with its options and `seed`, kept with the hash of the trainee's token.
  /// A name already in the room (in any case of its letters) is refused.
  public func joinRoom(
    code: String, trainee: String, tokenHash: String, seed: UInt64, at now: Date = Date()
  ) throws(WorkshopDatabaseError) -> SessionRecord {
    guard Self.isValidName(trainee) else { throw .invalidTrainee(trainee) }
    return try write { db in
      guard let room = try RoomRow.fetch(code: code, in: db) else {
        throw WorkshopDatabaseError.roomNotFound(code)
      }
      guard room.closedAt == nil else { throw WorkshopDatabaseError.roomClosed(code) }
      // Names that differ only in the case of their letters are one name in a room.
      let taken = try db.rows(
        """
        SELECT trainee FROM session
        WHERE id IN (SELECT session_id FROM room_member WHERE room_code = ?)
        """, [.text(code)]
      ).filter { try $0.text("trainee").lowercased() == trainee.lowercased() }.count
      guard taken == 0 else {
        throw WorkshopDatabaseError.duplicateTrainee(name: trainee, room: code)
      }
      guard let text = try ScenarioTextRow.text(hash: room.scenarioHash, in: db) else {
        throw WorkshopDatabaseError.damagedRecord(
          path: path, table: "room", detail: "room \(code) has no scenario text")
      }
      let cohort = try db.row("SELECT name FROM cohort WHERE id = ?", [.integer(room.cohortID)])?
        .optionalText("name")
      var new = NewSession(
        trainee: trainee, cohort: cohort, scenarioID: room.scenarioID, scenarioText: text,
        seed: seed, mode: SessionOptions.Mode(rawValue: room.mode) ?? .assessment,
        timed: room.timed, started: now)
      new.shuffles = true
      // The room is the site: the same name in another room is another person.
      new.site = code
      let session = try Self.insertSession(new, inRoom: true, in: db)
      let last =
        try db.integer("SELECT MAX(id) FROM room_notice WHERE room_code = ?", [.text(code)]) ?? 0
      try RoomMemberRow(
        sessionID: session.idText, roomCode: code, tokenHash: tokenHash, joinedAfter: last
      ).insert(in: db)
      var joined = session
      joined.room = code
      return joined
    }
  }

  /// A session's place in a room: the room's code, the hash of the trainee's token,
  /// and the last notice before they joined; `nil` for a session played elsewhere.
  public func roomMembership(sessionID: UUID) throws(WorkshopDatabaseError) -> (
    code: String, tokenHash: String, joinedAfter: Int64
  )? {
    try read { db in
      try db.row("SELECT * FROM room_member WHERE session_id = ?", [.text(Self.idText(sessionID))])
        .map(RoomMemberRow.init).map { ($0.roomCode, $0.tokenHash, $0.joinedAfter) }
    }
  }

  /// The sessions of a room, in the order they joined.
  public func roomSessions(code: String) throws(WorkshopDatabaseError) -> [SessionRecord] {
    try read { db in
      let rows = try db.rows(
        """
        SELECT session.* FROM session JOIN room_member ON room_member.session_id = session.id
        WHERE room_member.room_code = ? ORDER BY room_member.\(engine.dialect.storedOrder)
        """, [.text(code)]
      ).map(SessionRow.init)
      let names = try cohortNames(in: db)
      return try rows.map {
        var record = try record(from: $0, cohortNames: names)
        record.room = code
        return record
      }
    }
  }

  /// Records an inject fired or a message sent to a room (to one of its sessions, or
  /// to all of them).
  public func addRoomNotice(
    code: String, kind: RoomNotice.Kind, value: String, sessionID: UUID? = nil,
    at now: Date = Date()
  ) throws(WorkshopDatabaseError) -> RoomNotice {
    try write { db in
      guard let room = try RoomRow.fetch(code: code, in: db) else {
        throw WorkshopDatabaseError.roomNotFound(code)
      }
      guard room.closedAt == nil else { throw WorkshopDatabaseError.roomClosed(code) }
      var row = RoomNoticeRow(
        id: nil, roomCode: code, kind: kind.rawValue, value: value,
        sessionID: sessionID.map(Self.idText), at: Timestamp.string(now))
      try row.insert(in: db)
      return try Self.notice(row)
    }
  }

  /// A room's notices after the one numbered `after`, in order.
  public func roomNotices(code: String, after: Int64 = 0) throws(WorkshopDatabaseError)
    -> [RoomNotice]
  {
    try read { db in
      try db.rows(
        "SELECT * FROM room_notice WHERE room_code = ? AND id > ? ORDER BY id",
        [.text(code), .integer(after)]
      ).map { try Self.notice(RoomNoticeRow($0)) }
    }
  }

  static func notice(_ row: RoomNoticeRow) throws -> RoomNotice {
    guard let id = row.id, let kind = RoomNotice.Kind(rawValue: row.kind),
      let at = Timestamp.date(row.at)
    else {
      throw WorkshopDatabaseError.damagedRecord(
        path: "", table: "room_notice", detail: "notice \(row.id ?? 0) cannot be read")
    }
    return RoomNotice(
      id: id, kind: kind, value: row.value, sessionID: row.sessionID.flatMap(UUID.init),
      at: at)
  }

  static func roomRecord(_ row: RoomRow, in db: any SQLConnection) throws -> RoomRecord {
    let cohort =
      try db.row("SELECT name FROM cohort WHERE id = ?", [.integer(row.cohortID)])?
      .optionalText("name") ?? ""
    let sessions = try db.count(
      "SELECT COUNT(*) FROM room_member WHERE room_code = ?", [.text(row.code)])
    guard let opened = Timestamp.date(row.openedAt),
      let mode = SessionOptions.Mode(rawValue: row.mode)
    else {
      throw WorkshopDatabaseError.damagedRecord(
        path: "", table: "room", detail: "room \(row.code) cannot be read")
    }
    return RoomRecord(
      code: row.code, cohort: cohort, scenarioID: row.scenarioID, scenarioHash: row.scenarioHash,
      mode: mode, timed: row.timed, openedAt: opened,
      closedAt: row.closedAt.flatMap(Timestamp.date), paused: row.paused, sessions: sessions)
  }
}
