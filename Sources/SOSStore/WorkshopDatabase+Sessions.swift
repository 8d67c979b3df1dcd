import Foundation
import SOSCore

// MARK: - Sessions: writes

extension WorkshopDatabase {
  /// Starts a session: stores its scenario text by hash and the session itself in one
  /// transaction, with a new random id.
  ///
  /// Throws ``WorkshopDatabaseError/unknownCohort(_:)`` when the cohort does not exist.
  public func createSession(_ new: NewSession) throws(WorkshopDatabaseError) -> SessionRecord {
    guard Self.isValidName(new.trainee) else { throw .invalidTrainee(new.trainee) }
    return try write { db in try Self.insertSession(new, in: db) }
  }

  /// Stores a new session (and its scenario text) in `db`'s transaction.
  static func insertSession(
    _ new: NewSession, inRoom: Bool = false, in db: any SQLConnection
  ) throws -> SessionRecord {
    let hash = SHA256.hex(SHA256.digest(Array(new.scenarioText.utf8)))
    let record = SessionRecord(
      id: UUID(), trainee: new.trainee, cohort: new.cohort, scenarioID: new.scenarioID,
      scenarioHash: hash, seed: new.seed, mode: new.mode, timed: new.timed,
      shuffles: new.shuffles, started: Timestamp.normalized(new.started), finished: nil,
      status: .active)
    let cohortID = try cohortID(named: new.cohort, in: db)
    try storeScenarioText(new.scenarioText, hash: hash, scenarioID: new.scenarioID, in: db)
    var row = row(for: record, cohortID: cohortID)
    row.handInKey = new.handInKey?.text
    row.site = new.site
    row.traineeID = try traineeID(name: new.trainee, site: new.site, inRoom: inRoom, in: db)
    try row.insert(in: db)
    var stored = record
    stored.traineeID = row.traineeID
    stored.site = row.site
    return stored
  }

  /// The hand-in key session `id` was played with, if any (``NewSession/handInKey``).
  public func handInKey(sessionID id: UUID) throws(WorkshopDatabaseError) -> HandInKey? {
    try read { db in
      let idText = Self.idText(id)
      guard let row = try SessionRow.fetch(id: idText, in: db) else {
        throw WorkshopDatabaseError.sessionNotFound(idText)
      }
      return row.handInKey.flatMap(HandInKey.init(text:))
    }
  }

  /// Appends one input to an active session's log, as the next sequence number, in
  /// one transaction that is committed (durable) when this returns.
  ///
  /// With `sequence`, the input is the log's input number `sequence`: it is stored
  /// only when the log holds exactly that many inputs, and a log that holds it already
  /// is left alone (what sending a spooled answer twice needs); a log that lacks
  /// earlier inputs is refused.
  public func appendInput(
    sessionID: UUID, input: SessionInput, at: Date, latencyMilliseconds: Int?,
    choice: String? = nil, sequence: Int? = nil
  ) throws(WorkshopDatabaseError) {
    if case .choose(let option) = input, option < 1 {
      throw .invalidInput("option numbers start at 1, not \(option)")
    }
    if let latencyMilliseconds, latencyMilliseconds < 0 {
      throw .invalidInput("a latency cannot be negative (\(latencyMilliseconds) ms)")
    }
    let id = Self.idText(sessionID)
    let (kind, value) = InputKind.parts(of: input)
    try write { db in
      let session = try activeSessionRow(id: id, in: db)
      let count = try db.count(
        "SELECT COUNT(*) FROM session_input WHERE session_id = ?", [.text(session.id)])
      if let sequence, sequence != count {
        guard sequence > count else { return }
        throw WorkshopDatabaseError.inputSequenceGap(
          sessionID: session.id, position: count, found: sequence)
      }
      try SessionInputRow(
        sessionID: session.id, sequence: count, kind: kind.rawValue, value: value,
        at: Timestamp.string(at), latencyMilliseconds: latencyMilliseconds, choice: choice
      ).insert(in: db)
    }
  }

  /// Removes a session and its inputs: a spool's copy (``SessionRecord``) once the
  /// database server holds all of it. Not for sessions of a room.
  public func deleteSession(id: UUID) throws(WorkshopDatabaseError) {
    let id = Self.idText(id)
    try write { db in
      try db.execute("DELETE FROM session_input WHERE session_id = ?", [.text(id)])
      try db.execute("DELETE FROM session WHERE id = ?", [.text(id)])
    }
  }

  /// Marks an active session as played to its end at `at`.
  public func finishSession(id: UUID, at: Date) throws(WorkshopDatabaseError) {
    try end(id: id, at: at, status: .finished)
  }

  /// Marks an active session as given up at `at`; it is kept but not resumed.
  public func abandonSession(id: UUID, at: Date) throws(WorkshopDatabaseError) {
    try end(id: id, at: at, status: .abandoned)
  }

  private func end(id: UUID, at: Date, status: SessionStatus) throws(WorkshopDatabaseError) {
    let id = Self.idText(id)
    try write { db in
      let session = try activeSessionRow(id: id, in: db)
      try db.execute(
        "UPDATE session SET status = ?, finished = ? WHERE id = ?",
        [.text(status.rawValue), .text(Timestamp.string(at)), .text(session.id)])
    }
  }

  /// Stores a whole session with its inputs in one transaction, as `sos cohort import`
  /// does with session files; a session whose id is already stored is left alone.
  ///
  /// The scenario text must have the session's scenario hash, the inputs must be
  /// numbered 0, 1, 2, … and a named cohort must exist.
  public func importSession(
    _ session: SessionRecord, scenarioText: String, inputs: [RecordedInput]
  ) throws(WorkshopDatabaseError) -> ImportOutcome {
    let results = try importSessions([
      SessionImport(record: session, scenarioText: scenarioText, inputs: inputs)
    ])
    guard let result = results.first else { return .alreadyPresent }
    return try result.get()
  }

  /// Stores many sessions in one transaction, each as
  /// ``importSession(_:scenarioText:inputs:)`` would, and caches the scores of those
  /// given with their replay (under the key a report computes, so the report reuses
  /// them).
  ///
  /// Each session succeeds or fails on its own: the result at each position is its
  /// outcome, or why it was refused (an invalid trainee name, a scenario text that does
  /// not match its hash, a gap in the inputs, an unknown cohort). A failure of the
  /// database itself (busy, full, read-only) stores nothing and is thrown.
  public func importSessions(
    _ sessions: [SessionImport]
  ) throws(WorkshopDatabaseError) -> [Result<ImportOutcome, WorkshopDatabaseError>] {
    // Sessions of one scenario carry the same text: each text is hashed once.
    let texts = ScenarioTextHashes()
    var hashes: [String] = []
    var results: [Result<ImportOutcome, WorkshopDatabaseError>] = []
    for item in sessions {
      let hash = texts.hash(of: item.scenarioText, claimed: item.record.scenarioHash)
      hashes.append(hash)
      results.append(
        Result { () throws(WorkshopDatabaseError) in
          try Self.checkedForImport(item, textHash: hash)
          return .imported
        })
    }
    guard results.contains(where: { (try? $0.get()) != nil }) else { return results }
    var scenarioTexts: [String: ScenarioTexts] = [:]
    try write { db in
      var memo = BatchMemo()
      for (position, item) in sessions.enumerated() {
        guard case .success = results[position] else { continue }
        do {
          try db.savepoint {
            let texts = item.scenario.map { scenario in
              scenarioTexts[hashes[position]] ?? ScenarioTexts(scenario)
            }
            scenarioTexts[hashes[position]] = texts
            results[position] = .success(
              try Self.store(
                item, textHash: hashes[position], texts: texts, memo: &memo, in: db))
          }
          // Committed: later sessions of the batch need not store the text again.
          if case .success(.imported) = results[position] {
            memo.storedTexts.insert(hashes[position])
          }
        } catch let error as WorkshopDatabaseError {
          results[position] = .failure(error)
        }
      }
    }
    return results
  }

  /// What one batch's transaction has looked up or stored already, so that each
  /// session after the first skips it.
  private struct BatchMemo {
    /// The scenario texts (by hash) stored or found stored by a committed session.
    var storedTexts: Set<String> = []
    /// The ids of the cohorts looked up so far, by name (a batch's sessions neither
    /// create nor delete cohorts).
    var cohortIDs: [String: Int64] = [:]

    /// The id of the cohort `name` (`nil` for no name); throws `unknownCohort`.
    mutating func cohortID(named name: String?, in db: any SQLConnection) throws -> Int64? {
      guard let name else { return nil }
      if let id = cohortIDs[name] { return id }
      let id = try WorkshopDatabase.cohortID(named: name, in: db)
      cohortIDs[name] = id
      return id
    }
  }

  /// Refuses a session that cannot be imported as it is, before any transaction.
  private static func checkedForImport(
    _ item: SessionImport, textHash: String
  ) throws(WorkshopDatabaseError) {
    let session = item.record
    let id = session.idText
    guard isValidName(session.trainee) else { throw .invalidTrainee(session.trainee) }
    guard textHash == session.scenarioHash.lowercased() else {
      throw .scenarioHashMismatch(sessionID: id)
    }
    for (position, recorded) in item.inputs.enumerated() {
      guard recorded.sequence == position else {
        throw .inputSequenceGap(sessionID: id, position: position, found: recorded.sequence)
      }
      if case .choose(let option) = recorded.input, option < 1 {
        throw .invalidInput("option numbers start at 1, not \(option)")
      }
    }
  }

  /// Stores one checked session, its inputs and its cached score, unless its id is
  /// already stored.
  private static func store(
    _ item: SessionImport, textHash hash: String, texts: ScenarioTexts?, memo: inout BatchMemo,
    in db: any SQLConnection
  ) throws -> ImportOutcome {
    var session = item.record
    let id = session.idText
    session.scenarioHash = hash
    if let scored = item.scored {
      try ScoreCacheRow(
        key: ScoreCacheKey(record: session, inputs: item.inputs, scenarioHash: hash),
        entry: ScoreCacheEntry(score: CohortScore(scored)), texts: texts
      ).upsert(in: db)
    }
    if try db.count("SELECT COUNT(*) FROM session WHERE id = ?", [.text(id)]) > 0 {
      return .alreadyPresent
    }
    let cohortID = try memo.cohortID(named: session.cohort, in: db)
    // INSERT OR IGNORE: a text stored before stays as it was, so skipping is the same.
    if !memo.storedTexts.contains(hash) {
      try Self.storeScenarioText(
        item.scenarioText, hash: hash, scenarioID: session.scenarioID, in: db)
    }
    var row = Self.row(for: session, cohortID: cohortID)
    row.site = session.site
    row.traineeID =
      try session.traineeID ?? Self.traineeID(name: session.trainee, site: row.site, in: db)
    try row.insert(in: db)
    for recorded in item.inputs {
      let (kind, value) = InputKind.parts(of: recorded.input)
      try SessionInputRow(
        sessionID: id, sequence: recorded.sequence, kind: kind.rawValue, value: value,
        at: Timestamp.string(recorded.at), latencyMilliseconds: recorded.latencyMilliseconds,
        choice: recorded.choice
      ).insert(in: db)
    }
    return .imported
  }

  /// The SHA-256 of a scenario text, as sessions name it.
  static func hash(of text: String) -> String {
    SHA256.hex(SHA256.digest(Array(text.utf8)))
  }
}

// MARK: - Sessions: reads

extension WorkshopDatabase {
  /// The session with this id, or `nil`.
  public func session(id: UUID) throws(WorkshopDatabaseError) -> SessionRecord? {
    try read { db in
      guard let row = try SessionRow.fetch(id: Self.idText(id), in: db) else { return nil }
      var record = try record(from: row, cohortNames: cohortNames(in: db))
      record.room = try roomCode(sessionID: row.id, in: db)
      return record
    }
  }

  /// The one session whose id starts with `prefix` (hex digits, as `sos sessions`
  /// shows the first 8 of them; a whole id works too, in either case).
  ///
  /// Throws ``WorkshopDatabaseError/noSessionMatching(_:)`` or
  /// ``WorkshopDatabaseError/ambiguousSessionPrefix(_:matches:)``.
  public func session(prefix: String) throws(WorkshopDatabaseError) -> SessionRecord {
    let trimmed = prefix.trimmingCharacters(in: .whitespaces).lowercased()
    let hexDigits = "0123456789abcdef-"
    guard !trimmed.isEmpty, trimmed.count <= 36, trimmed.allSatisfy(hexDigits.contains) else {
      throw .invalidSessionPrefix(prefix)
    }
    // The prefix holds only hex digits and hyphens, so LIKE sees no wildcard in it.
    let rows = try read { db in
      try db.rows(
        "SELECT * FROM session WHERE id LIKE ? ORDER BY started, id LIMIT 10",
        [.text(trimmed + "%")]
      ).map(SessionRow.init)
    }
    guard let first = rows.first else { throw .noSessionMatching(trimmed) }
    guard rows.count == 1 else {
      throw .ambiguousSessionPrefix(trimmed, matches: rows.map(\.id))
    }
    return try read { db in
      var record = try record(from: first, cohortNames: cohortNames(in: db))
      record.room = try roomCode(sessionID: first.id, in: db)
      return record
    }
  }

  /// The most recently started active session, of one trainee or of anyone.
  public func latestActiveSession(
    trainee: String? = nil
  ) throws(WorkshopDatabaseError) -> SessionRecord? {
    try read { db in
      let row: SQLRow?
      if let trainee {
        row = try db.row(
          "SELECT * FROM session WHERE status = ? AND trainee = ? ORDER BY started DESC, id DESC",
          [.text(SessionStatus.active.rawValue), .text(trainee)])
      } else {
        row = try db.row(
          "SELECT * FROM session WHERE status = ? ORDER BY started DESC, id DESC",
          [.text(SessionStatus.active.rawValue)])
      }
      guard let row else { return nil }
      let session = try SessionRow(row)
      var record = try record(from: session, cohortNames: cohortNames(in: db))
      record.room = try roomCode(sessionID: session.id, in: db)
      return record
    }
  }

  /// All sessions, or those of one cohort: oldest first, or with `storedOrder` in the
  /// order they were stored (played here or imported), which is what "latest attempt"
  /// means, never a date a file claims.
  ///
  /// Throws ``WorkshopDatabaseError/unknownCohort(_:)`` for a cohort that does not
  /// exist.
  public func sessions(
    cohort: String? = nil, storedOrder: Bool = false
  ) throws(WorkshopDatabaseError) -> [SessionRecord] {
    try read { db in
      let order = storedOrder ? engine.dialect.storedOrder : "started, id"
      let rows: [SessionRow]
      if let cohort {
        let id = try Self.cohortID(named: cohort, in: db)
        rows = try db.rows(
          "SELECT * FROM session WHERE cohort_id = ? ORDER BY \(order)", [.integer(id)]
        ).map(SessionRow.init)
      } else {
        rows = try db.rows("SELECT * FROM session ORDER BY \(order)").map(SessionRow.init)
      }
      let names = try cohortNames(in: db)
      let rooms = try roomCodes(in: db)
      return try rows.map { row in
        var record = try record(from: row, cohortNames: names)
        record.room = rooms[row.id]
        return record
      }
    }
  }

  /// A session's inputs in order.
  public func inputs(sessionID: UUID) throws(WorkshopDatabaseError) -> [RecordedInput] {
    try read { db in try inputs(sessionID: Self.idText(sessionID), in: db) }
  }

  /// A stored session as a portable session file (with its inputs and scenario text).
  ///
  /// Throws ``WorkshopDatabaseError/sessionNotFound(_:)`` for an unknown id.
  public func sessionFile(id: UUID) throws(WorkshopDatabaseError) -> SessionFile {
    try read { db in
      let idText = Self.idText(id)
      guard let row = try SessionRow.fetch(id: idText, in: db) else {
        throw WorkshopDatabaseError.sessionNotFound(idText)
      }
      var session = try record(from: row, cohortNames: cohortNames(in: db))
      session.room = try roomCode(sessionID: row.id, in: db)
      guard let text = try ScenarioTextRow.text(hash: row.scenarioHash, in: db) else {
        throw WorkshopDatabaseError.damagedRecord(
          path: path, table: "session",
          detail: "session \(idText): no scenario text with sha256 \(row.scenarioHash)")
      }
      return SessionFile(
        session: session, inputs: try inputs(sessionID: idText, in: db), scenarioText: text)
    }
  }

  /// Imports a session file (see ``importSession(_:scenarioText:inputs:)``).
  public func importSession(_ file: SessionFile) throws(WorkshopDatabaseError) -> ImportOutcome {
    try importSession(file.sessionRecord, scenarioText: file.scenario.text, inputs: file.inputs)
  }
}

// MARK: - Helpers

extension WorkshopDatabase {
  static func idText(_ id: UUID) -> String { id.uuidString.lowercased() }

  /// Whether `name` is usable as a trainee or cohort name: not blank, no control
  /// characters.
  /// A name that is not blank and holds no control character and no bidi control
  /// (which could make a name read backwards in a report).
  static func isValidName(_ name: String) -> Bool {
    !name.trimmingCharacters(in: .whitespaces).isEmpty
      && !name.unicodeScalars.contains {
        $0.properties.generalCategory == .control || bidiControls.contains($0.value)
      }
  }

  static let bidiControls: Set<UInt32> = [
    0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
    0x2069,
  ]

  static func storeScenarioText(
    _ text: String, hash: String, scenarioID: String, in db: any SQLConnection
  ) throws {
    try ScenarioTextRow(
      hash: hash, scenarioID: scenarioID, text: text, storedAt: Timestamp.string(Date())
    ).insertIfMissing(in: db)
  }

  /// The id of the trainee called `name` at `site` (the same person's earlier
  /// sessions), or a new id: the same name at another site is another person.
  ///
  /// Sessions stored before sites were kept (no site, no room) count as played at
  /// any site, so that a database brought up to date keeps its trainees as they were.
  /// A live room's session (`inRoom`) is another person from every name played
  /// elsewhere.
  static func traineeID(
    name: String, site: String?, inRoom: Bool = false, in db: any SQLConnection
  ) throws -> String {
    let exact = try db.row(
      "SELECT trainee_id FROM session WHERE trainee = ? AND site = ?"
        + " AND trainee_id IS NOT NULL LIMIT 1", [.text(name), .text(site ?? "")])
    let known =
      try exact
      ?? (inRoom
        ? nil
        : db.row(
          """
          SELECT trainee_id FROM session WHERE trainee = ? AND site IS NULL
          AND trainee_id IS NOT NULL AND id NOT IN (SELECT session_id FROM room_member) LIMIT 1
          """, [.text(name)]))
    if let id = try known?.optionalText("trainee_id") { return id }
    return UUID().uuidString.lowercased()
  }

  static func row(for record: SessionRecord, cohortID: Int64?) -> SessionRow {
    SessionRow(
      id: record.idText, trainee: record.trainee, cohortID: cohortID,
      scenarioID: record.scenarioID, scenarioHash: record.scenarioHash,
      seed: Int64(bitPattern: record.seed), mode: record.mode.rawValue, timed: record.timed,
      shuffled: record.shuffles, started: Timestamp.string(record.started),
      finished: record.finished.map(Timestamp.string),
      status: record.status.rawValue,
      flags: record.flags.isEmpty ? nil : record.flags.joined(separator: "\n"))
  }

  /// The id of the cohort named `name` (`nil` for no name); throws `unknownCohort`.
  static func cohortID(named name: String?, in db: any SQLConnection) throws -> Int64? {
    guard let name else { return nil }
    guard let id = try db.integer("SELECT id FROM cohort WHERE name = ?", [.text(name)]) else {
      throw WorkshopDatabaseError.unknownCohort(name)
    }
    return id
  }

  /// The live room of each session played in one, by session id.
  func roomCodes(in db: any SQLConnection) throws -> [String: String] {
    var codes: [String: String] = [:]
    for row in try db.rows("SELECT session_id, room_code FROM room_member") {
      codes[try row.text("session_id")] = try row.text("room_code")
    }
    return codes
  }

  /// The live room session `id` was played in, if any.
  func roomCode(sessionID id: String, in db: any SQLConnection) throws -> String? {
    try db.row("SELECT room_code FROM room_member WHERE session_id = ?", [.text(id)])?
      .optionalText("room_code")
  }

  func cohortNames(in db: any SQLConnection) throws -> [Int64: String] {
    var names: [Int64: String] = [:]
    for row in try db.rows("SELECT id, name FROM cohort") {
      names[try row.integer("id")] = try row.text("name")
    }
    return names
  }

  private func activeSessionRow(id: String, in db: any SQLConnection) throws -> SessionRow {
    guard let session = try SessionRow.fetch(id: id, in: db) else {
      throw WorkshopDatabaseError.sessionNotFound(id)
    }
    guard session.status == SessionStatus.active.rawValue else {
      let status = SessionStatus(rawValue: session.status) ?? .abandoned
      throw WorkshopDatabaseError.sessionNotActive(id: id, status: status)
    }
    return session
  }

  func record(from row: SessionRow, cohortNames: [Int64: String]) throws -> SessionRecord {
    func damaged(_ detail: String) -> WorkshopDatabaseError {
      .damagedRecord(path: path, table: "session", detail: "session \(row.id): \(detail)")
    }
    guard let id = UUID(uuidString: row.id) else { throw damaged("the id is not a UUID") }
    guard let mode = SessionOptions.Mode(rawValue: row.mode) else {
      throw damaged("unknown mode '\(row.mode)'")
    }
    guard let status = SessionStatus(rawValue: row.status) else {
      throw damaged("unknown status '\(row.status)'")
    }
    guard let started = Timestamp.date(row.started) else {
      throw damaged("unreadable start time '\(row.started)'")
    }
    var finished: Date?
    if let text = row.finished {
      guard let date = Timestamp.date(text) else {
        throw damaged("unreadable end time '\(text)'")
      }
      finished = date
    }
    var cohort: String?
    if let cohortID = row.cohortID {
      guard let name = cohortNames[cohortID] else { throw damaged("unknown cohort \(cohortID)") }
      cohort = name
    }
    var record = SessionRecord(
      id: id, trainee: row.trainee, cohort: cohort, scenarioID: row.scenarioID,
      scenarioHash: row.scenarioHash, seed: UInt64(bitPattern: row.seed), mode: mode,
      timed: row.timed, shuffles: row.shuffled, started: started, finished: finished,
      status: status)
    record.flags = row.flags.map { $0.split(separator: "\n").map(String.init) } ?? []
    record.traineeID = row.traineeID
    record.site = row.site
    return record
  }

  func inputs(sessionID: String, in db: any SQLConnection) throws -> [RecordedInput] {
    let rows = try db.rows(
      """
      SELECT sequence, kind, value, at, latency_ms, choice FROM session_input
      WHERE session_id = ? ORDER BY sequence
      """, [.text(sessionID)])
    var inputs: [RecordedInput] = []
    inputs.reserveCapacity(rows.count)
    for row in rows {
      let sequence = try row.int("sequence")
      func damaged(_ detail: String) -> WorkshopDatabaseError {
        .damagedRecord(
          path: path, table: "session_input",
          detail: "session \(sessionID), input \(sequence): \(detail)")
      }
      guard sequence == inputs.count else {
        throw damaged("expected sequence \(inputs.count); the log has a gap")
      }
      let input: SessionInput
      switch InputKind.input(kind: try row.text("kind"), value: try row.optionalText("value")) {
      case .success(let value): input = value
      case .failure(let problem): throw damaged(InputKind.describe(problem))
      }
      let at = try row.text("at")
      guard let date = Timestamp.date(at) else { throw damaged("unreadable time '\(at)'") }
      inputs.append(
        RecordedInput(
          sequence: sequence, input: input, at: date,
          latencyMilliseconds: try row.optionalInt("latency_ms"),
          choice: try row.optionalText("choice")))
    }
    return inputs
  }
}
