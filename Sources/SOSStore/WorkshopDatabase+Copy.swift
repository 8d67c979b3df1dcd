import Foundation
import SOSCore

// MARK: - Copying a whole database (sos db copy)

/// What ``WorkshopDatabase/copy(to:)`` did.
public struct DatabaseCopy: Sendable, Equatable {
  /// Cohorts created in the target (a cohort of the same name there is used as it is).
  public var cohorts = 0
  /// Sessions copied, with their inputs.
  public var sessions = 0
  /// Sessions the target had already (same id), left as they were.
  public var sessionsAlreadyThere = 0
  public var inputs = 0
  public var scenarioTexts = 0
  public var rooms = 0
  public var roomNotices = 0
}

extension WorkshopDatabase {
  /// Copies every cohort, scenario text, session (with its inputs, trainee id and
  /// site) and live room of this database into `target`, in one transaction on the
  /// target: all of it, or (on an error) nothing. Sessions keep the order they were
  /// stored in; a session, cohort, text or room the target has already is left as it
  /// is, so copying twice changes nothing. The score cache is not copied: it is
  /// derived, and the target derives it again.
  public func copy(to target: WorkshopDatabase) throws(WorkshopDatabaseError) -> DatabaseCopy {
    let source = try read { db in try CopiedRows(reading: db, order: engine.dialect.storedOrder) }
    return try target.write { db in try source.write(into: db) }
  }
}

/// Every row a copy moves, read in one snapshot.
private struct CopiedRows {
  var cohorts: [CohortRow]
  var texts: [SQLRow]
  var sessions: [SessionRow]
  var inputs: [String: [SQLRow]]
  var rooms: [RoomRow]
  var members: [RoomMemberRow]
  var notices: [RoomNoticeRow]

  init(reading db: any SQLConnection, order: String) throws {
    cohorts = try db.rows("SELECT * FROM cohort ORDER BY id").map(CohortRow.init)
    texts = try db.rows("SELECT * FROM scenario_text ORDER BY hash")
    sessions = try db.rows("SELECT * FROM session ORDER BY \(order)").map(SessionRow.init)
    inputs = [:]
    for row in try db.rows("SELECT * FROM session_input ORDER BY session_id, sequence") {
      inputs[try row.text("session_id"), default: []].append(row)
    }
    rooms = try db.rows("SELECT * FROM room ORDER BY opened_at, code").map(RoomRow.init)
    members = try db.rows("SELECT * FROM room_member ORDER BY \(order)").map(RoomMemberRow.init)
    notices = try db.rows("SELECT * FROM room_notice ORDER BY id").map(RoomNoticeRow.init)
  }

  func write(into db: any SQLConnection) throws -> DatabaseCopy {
    var summary = DatabaseCopy()
    // Cohorts by name: the target's ids are its own.
    var cohortNames: [Int64: String] = [:]
    var cohortIDs: [String: Int64] = [:]
    for cohort in cohorts {
      if let id = cohort.id { cohortNames[id] = cohort.name }
      if try cohort.insert(in: db, ignoringDuplicate: true) != nil { summary.cohorts += 1 }
      cohortIDs[cohort.name] = try WorkshopDatabase.cohortID(named: cohort.name, in: db)
    }
    func targetCohort(_ id: Int64?) throws -> Int64? {
      guard let id else { return nil }
      guard let name = cohortNames[id], let target = cohortIDs[name] else {
        throw WorkshopDatabaseError.database(
          path: "", reason: "a row names cohort \(id), which the source does not have")
      }
      return target
    }
    for text in texts {
      let exists = try db.count(
        "SELECT COUNT(*) FROM scenario_text WHERE hash = ?", [.text(try text.text("hash"))])
      guard exists == 0 else { continue }
      try ScenarioTextRow(
        hash: try text.text("hash"), scenarioID: try text.text("scenario_id"),
        text: try text.text("text"), storedAt: try text.text("stored_at")
      ).insertIfMissing(in: db)
      summary.scenarioTexts += 1
    }
    var newRooms: Set<String> = []
    for var room in rooms {
      guard try RoomRow.fetch(code: room.code, in: db) == nil else { continue }
      guard let cohortID = try targetCohort(room.cohortID) else { continue }
      room.cohortID = cohortID
      try room.insert(in: db)
      newRooms.insert(room.code)
      summary.rooms += 1
    }
    // Notices get the target's numbers; what each trainee had heard is renumbered too.
    var noticeIDs: [Int64: Int64] = [:]
    for var notice in notices where newRooms.contains(notice.roomCode) {
      let old = notice.id ?? 0
      try notice.insert(in: db)
      noticeIDs[old] = notice.id
      summary.roomNotices += 1
    }
    var copied: Set<String> = []
    for var session in sessions {
      if try SessionRow.fetch(id: session.id, in: db) != nil {
        summary.sessionsAlreadyThere += 1
        continue
      }
      session.cohortID = try targetCohort(session.cohortID)
      try session.insert(in: db)
      copied.insert(session.id)
      summary.sessions += 1
      for input in inputs[session.id] ?? [] {
        try SessionInputRow(
          sessionID: session.id, sequence: try input.int("sequence"),
          kind: try input.text("kind"), value: try input.optionalText("value"),
          at: try input.text("at"), latencyMilliseconds: try input.optionalInt("latency_ms"),
          choice: try input.optionalText("choice")
        ).insert(in: db)
        summary.inputs += 1
      }
    }
    for var member in members where copied.contains(member.sessionID) {
      guard try RoomRow.fetch(code: member.roomCode, in: db) != nil else { continue }
      if newRooms.contains(member.roomCode) {
        member.joinedAfter =
          noticeIDs.filter { $0.key <= member.joinedAfter }.max { $0.key < $1.key }?.value ?? 0
      }
      try member.insert(in: db)
    }
    return summary
  }
}
