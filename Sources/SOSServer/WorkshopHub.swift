import Foundation
import Logging
import SOSCore
import SOSLive
import SOSReports
import SOSStore

/// The live workshop's state and rules, behind the HTTP routes: rooms, joins, answers
/// replayed through the engine, injects, pauses and messages, and who watches a board.
///
/// Every answer is checked by stepping the server's own copy of the session (the
/// engine and the scorer the trainee's laptop runs), and stored, committed, before it
/// is acknowledged; the database is the truth, the sessions in memory a cache rebuilt
/// from it after a restart.
actor WorkshopHub {
  let database: WorkshopDatabase
  let logger: Logger
  /// What a clock reads, injected so that tests can move time.
  let now: @Sendable () -> Date
  /// Engines by scenario hash: each scenario text is loaded once.
  private var engines: [String: Engine] = [:]
  /// Sessions being played, by id.
  private var sessions: [UUID: LiveSession] = [:]
  /// Board watchers by room code.
  private var watchers: [String: [UUID: AsyncStream<Void>.Continuation]] = [:]

  /// The most trainees one room takes.
  let roomLimit: Int

  init(
    database: WorkshopDatabase, logger: Logger, roomLimit: Int = 500,
    now: @escaping @Sendable () -> Date = Date.init
  ) {
    self.database = database
    self.logger = logger
    self.roomLimit = roomLimit
    self.now = now
  }

  // MARK: - Rooms

  /// Opens a room for `request` (its scenario text checked first).
  func openRoom(_ request: LiveAPI.OpenRoom, boardBase: String) throws(HubError)
    -> LiveAPI.OpenedRoom
  {
    guard let mode = SessionOptions.Mode(rawValue: request.mode) else {
      throw .invalid("mode must be practice or assessment, not '\(request.mode)'")
    }
    let loaded = ScenarioLoader.load(text: request.scenarioText, file: request.scenarioFile)
    guard let scenario = loaded.scenario else {
      let errors = loaded.diagnostics.filter { $0.severity == .error }.prefix(3)
      throw .invalid(
        "the scenario has errors (check it with sos validate): "
          + errors.map(\.headline).joined(separator: "; "))
    }
    let token = LiveSecret.make()
    for _ in 0..<5 {
      let code = JoinCode.make()
      guard (try? database.room(code: code)) == .some(nil) else { continue }
      do {
        _ = try database.openRoom(
          WorkshopDatabase.NewRoom(
            code: code, tokenHash: LiveSecret.hash(token), cohort: request.cohort,
            scenarioID: scenario.id, scenarioText: request.scenarioText, mode: mode,
            timed: request.timed), at: now())
      } catch {
        throw HubError(error)
      }
      logger.info(
        "room opened",
        metadata: ["room": "\(code)", "cohort": "\(request.cohort)", "scenario": "\(scenario.id)"])
      return LiveAPI.OpenedRoom(code: code, token: token, board: boardBase + "/board/" + code)
    }
    throw .unavailable("could not find a free join code; try again")
  }

  /// Every room.
  func rooms() throws(HubError) -> [LiveAPI.Room] {
    do {
      return try database.rooms().map(Self.summary)
    } catch {
      throw HubError(error)
    }
  }

  static func summary(_ room: RoomRecord) -> LiveAPI.Room {
    LiveAPI.Room(
      code: room.code, cohort: room.cohort, scenario: room.scenarioID, mode: room.mode.rawValue,
      timed: room.timed, open: room.isOpen, paused: room.paused, sessions: room.sessions,
      openedAt: Timestamp.string(room.openedAt))
  }

  /// The room with `code` (as typed), if `token` is its facilitator's.
  func authorizedRoom(_ typed: String, token: String?) throws(HubError) -> RoomRecord {
    guard let code = JoinCode.normalized(typed), let room = try lookUp(code) else {
      throw .notFound("no room has the code \(typed)")
    }
    guard let token, let hash = try? database.roomTokenHash(code: code),
      LiveSecret.matches(token, hash: hash)
    else {
      throw .forbidden("this needs the facilitator's token for room \(code)")
    }
    return room
  }

  private func lookUp(_ code: String) throws(HubError) -> RoomRecord? {
    do {
      return try database.room(code: code)
    } catch {
      throw HubError(error)
    }
  }

  /// Closes a room.
  func close(_ room: RoomRecord) throws(HubError) {
    do {
      try database.closeRoom(code: room.code, at: now())
    } catch {
      throw HubError(error)
    }
    logger.info("room closed", metadata: ["room": "\(room.code)"])
    notify(room.code)
  }

  /// Pauses or resumes a room.
  func setPaused(_ room: RoomRecord, _ paused: Bool) throws(HubError) {
    do {
      try database.setRoomPaused(code: room.code, paused)
    } catch {
      throw HubError(error)
    }
    logger.info(paused ? "room paused" : "room resumed", metadata: ["room": "\(room.code)"])
    notify(room.code)
  }

  /// The most characters a broadcast message may have.
  static let messageLimit = 500

  /// Sends a message to everyone in a room.
  func broadcast(_ room: RoomRecord, text: String) throws(HubError) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw .invalid("the message is empty") }
    guard trimmed.count <= Self.messageLimit else {
      throw .invalid("a message can have \(Self.messageLimit) characters at most")
    }
    do {
      _ = try database.addRoomNotice(code: room.code, kind: .message, value: trimmed, at: now())
    } catch {
      throw HubError(error)
    }
    notify(room.code)
  }

  /// Fires a manual inject into every session of a room, or into one trainee's.
  func fire(_ room: RoomRecord, inject: String, trainee: String?) throws(HubError) -> Int {
    let engine = try engine(hash: room.scenarioHash)
    let manual = engine.scenario.injects.filter(\.manual).map(\.id)
    guard manual.contains(inject) else {
      let known =
        manual.isEmpty ? "it has none" : "its manual injects: " + manual.joined(separator: ", ")
      throw .invalid("scenario '\(engine.scenario.id)' has no manual inject '\(inject)' (\(known))")
    }
    let members: [SessionRecord]
    do {
      members = try database.roomSessions(code: room.code)
    } catch {
      throw HubError(error)
    }
    var target: UUID?
    if let trainee {
      guard let member = members.first(where: { $0.trainee == trainee }) else {
        throw .notFound("nobody in room \(room.code) has joined as '\(trainee)'")
      }
      // Stored, it would reach nobody: a session that has ended takes no inject.
      guard member.status == .active else {
        throw .conflict(
          "'\(trainee)' has \(member.status == .finished ? "finished" : "left") the scenario;"
            + " an inject would not reach them")
      }
      target = member.id
    }
    do {
      _ = try database.addRoomNotice(
        code: room.code, kind: .inject, value: inject, sessionID: target, at: now())
    } catch {
      throw HubError(error)
    }
    logger.info(
      "inject fired",
      metadata: [
        "room": "\(room.code)", "inject": "\(inject)", "trainee": "\(trainee ?? "everyone")",
      ])
    notify(room.code)
    return target == nil ? members.filter { $0.status == .active }.count : 1
  }

  // MARK: - Trainees

  /// The longest an answer can have taken: a day (a longer one is not a latency).
  static let latencyLimit = 24 * 60 * 60 * 1000

  /// The longest name a trainee may join with.
  static let nameLimit = 60

  /// A trainee joins a room.
  func join(_ request: LiveAPI.Join) throws(HubError) -> LiveAPI.Joined {
    let name = request.name.trimmingCharacters(in: .whitespaces)
    // Counted in scalars as well: one letter under thousands of combining marks is one
    // character, and would smear over the board.
    guard !name.isEmpty, name.count <= Self.nameLimit,
      name.unicodeScalars.count <= 4 * Self.nameLimit
    else {
      throw .invalid("give a name of 1 to \(Self.nameLimit) characters")
    }
    guard let code = JoinCode.normalized(request.code), let room = try lookUp(code) else {
      throw .notFound("no room has the code \(request.code); check the code the facilitator gave")
    }
    // A room is a workshop, not the internet: someone who overheard the code cannot
    // flood it with sessions.
    guard room.sessions < roomLimit else {
      throw .conflict(
        "room \(room.code) is full (\(roomLimit) trainees); ask the facilitator to open another"
      )
    }
    let token = LiveSecret.make()
    let record: SessionRecord
    let text: String?
    do {
      record = try database.joinRoom(
        code: room.code, trainee: name, tokenHash: LiveSecret.hash(token),
        seed: UInt64.random(in: 1...UInt64(UInt32.max)), at: now())
      text = try database.scenarioText(hash: room.scenarioHash)
    } catch {
      throw HubError(error)
    }
    guard let text else { throw .unavailable("the room's scenario text is missing") }
    _ = try live(record.id)
    logger.info("trainee joined", metadata: ["room": "\(room.code)", "trainee": "\(name)"])
    notify(room.code)
    return LiveAPI.Joined(
      session: record.idText, token: token, room: room.code, scenarioText: text, seed: record.seed,
      mode: record.mode.rawValue, timed: record.timed, shuffles: record.shuffles)
  }

  /// The session `id`, if `token` is its trainee's.
  private func authorizedSession(_ id: String, token: String?) throws(HubError) -> LiveSession {
    guard let uuid = UUID(uuidString: id) else { throw .notFound("no session \(id)") }
    let session = try live(uuid)
    guard let token, LiveSecret.matches(token, hash: session.tokenHash) else {
      throw .forbidden("this needs the trainee's token for session \(session.record.shortID)")
    }
    return session
  }

  /// Takes one answer: stored once it replays, a repeat acknowledged and ignored.
  func submit(_ request: LiveAPI.Input, session id: String, token: String?) throws(HubError)
    -> LiveAPI.Accepted
  {
    var session = try authorizedSession(id, token: token)
    let count = session.walk.state.inputs.count
    let input: SessionInput
    switch InputKind.input(kind: request.kind, value: request.value) {
    case .success(let parsed): input = parsed
    case .failure(let problem): throw .invalid(InputKind.describe(problem))
    }
    // The client is not trusted with the place: a negative one is refused, and a far
    // one is counted in UInt, where Int.max + 1 still fits.
    guard request.sequence >= 0 else { throw .invalid("an answer's place cannot be negative") }
    let place = UInt(request.sequence) + 1
    if request.sequence < count {
      guard session.walk.state.inputs[request.sequence] == input else {
        throw .conflict(
          "answer \(place) is already recorded, differently; nothing was changed")
      }
      return LiveAPI.Accepted(inputs: count, duplicate: true, inbox: try inbox(of: session))
    }
    guard request.sequence == count else {
      throw .conflict(
        "answer \(place) came before answer \(count + 1); send them in order")
    }
    let room = try lookUp(session.room)
    guard let room, room.isOpen else { throw .conflict("room \(session.room) is closed") }
    if request.latencyMs.map({ $0 < 0 }) == true { throw .invalid("a latency cannot be negative") }
    if request.latencyMs.map({ $0 > Self.latencyLimit }) == true {
      throw .invalid("a latency of more than a day is not an answer's")
    }
    if case .inject(let inject) = input {
      guard try injectsWaiting(for: session).contains(inject) else {
        throw .forbidden("no inject '\(inject)' was fired for this session")
      }
    }
    var choice: String?
    if case .choose(let number) = input {
      let offered = session.engine.offeredChoices(in: session.walk.state)
      if offered.indices.contains(number - 1) { choice = offered[number - 1].id }
      if let claimed = request.choice, let choice, claimed != choice {
        throw .conflict(
          "option \(number) is '\(choice)' here, not '\(claimed)': the scenario or the log differs")
      }
    }
    var walk = session.walk
    if case .failure(let error) = session.scorer.take(input, latency: request.latencyMs, in: &walk)
    {
      throw .unprocessable("the answer does not replay: \(error.message)")
    }
    do {
      try database.appendInput(
        sessionID: session.record.id, input: input, at: now(),
        latencyMilliseconds: request.latencyMs, choice: choice)
      if walk.state.finished { try database.finishSession(id: session.record.id, at: now()) }
    } catch {
      throw HubError(error)
    }
    session.walk = walk
    session.lastActivity = now()
    if walk.state.finished { session.record.status = .finished }
    session.rescore()
    sessions[session.record.id] = session
    notify(session.room)
    return LiveAPI.Accepted(
      inputs: walk.state.inputs.count, duplicate: false, inbox: try inbox(of: session))
  }

  /// What waits for a trainee.
  func inbox(session id: String, token: String?) throws(HubError) -> LiveAPI.Inbox {
    try inbox(of: try authorizedSession(id, token: token))
  }

  private func inbox(of session: LiveSession) throws(HubError) -> LiveAPI.Inbox {
    let room = try lookUp(session.room)
    let notices = try notices(for: session)
    var waiting = Self.takenInjects(session.walk.state.inputs)
    var injects: [LiveAPI.Notice] = []
    for notice in notices where notice.kind == .inject {
      // Each inject input answers one firing, oldest first.
      if let taken = waiting[notice.value], taken > 0 {
        waiting[notice.value] = taken - 1
      } else {
        injects.append(LiveAPI.Notice(id: notice.id, value: notice.value))
      }
    }
    return LiveAPI.Inbox(
      inputs: session.walk.state.inputs.count, paused: room?.paused ?? false,
      closed: room?.isOpen == false,
      // An inject is not taken after the room closes: the answer could not be stored.
      injects: session.walk.state.finished || room?.isOpen == false ? [] : injects,
      messages: notices.filter { $0.kind == .message }.map {
        LiveAPI.Notice(id: $0.id, value: $0.value)
      })
  }

  /// The ids of the injects fired for `session` that it has not taken yet.
  private func injectsWaiting(for session: LiveSession) throws(HubError) -> [String] {
    try inbox(of: session).injects.map(\.value)
  }

  /// How many times each manual inject appears in `inputs`.
  static func takenInjects(_ inputs: [SessionInput]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for input in inputs {
      if case .inject(let id) = input { counts[id, default: 0] += 1 }
    }
    return counts
  }

  /// The room's notices a session is to see: those after it joined, for everyone or
  /// for it.
  private func notices(for session: LiveSession) throws(HubError) -> [RoomNotice] {
    do {
      return try database.roomNotices(code: session.room, after: session.joinedAfter).filter {
        $0.sessionID == nil || $0.sessionID == session.record.id
      }
    } catch {
      throw HubError(error)
    }
  }

  // MARK: - Sessions in memory

  /// Session `id` in memory, rebuilt from the database (its log replayed) when needed.
  private func live(_ id: UUID) throws(HubError) -> LiveSession {
    if let session = sessions[id] { return session }
    let membership: (code: String, tokenHash: String, joinedAfter: Int64)?
    let record: SessionRecord?
    let inputs: [RecordedInput]
    do {
      membership = try database.roomMembership(sessionID: id)
      record = try database.session(id: id)
      inputs = try database.inputs(sessionID: id)
    } catch {
      throw HubError(error)
    }
    guard let membership, let record else {
      throw .notFound("no live session \(id.uuidString.lowercased())")
    }
    let engine = try engine(hash: record.scenarioHash)
    let scorer = Scorer(engine: engine)
    var walk = scorer.begin(record.options, recordsEvents: false)
    for recorded in inputs {
      if case .failure(let error) = scorer.take(
        recorded.input, latency: recorded.latencyMilliseconds, in: &walk)
      {
        throw .unavailable(
          "session \(record.shortID) no longer replays at answer \(recorded.sequence + 1): "
            + error.message)
      }
    }
    var session = LiveSession(
      record: record, room: membership.code, tokenHash: membership.tokenHash,
      joinedAfter: membership.joinedAfter, engine: engine, scorer: scorer, walk: walk,
      lastActivity: inputs.last?.at ?? record.started)
    session.rescore()
    sessions[id] = session
    return session
  }

  private func engine(hash: String) throws(HubError) -> Engine {
    if let engine = engines[hash] { return engine }
    let text: String?
    do {
      text = try database.scenarioText(hash: hash)
    } catch {
      throw HubError(error)
    }
    guard let text, let scenario = ScenarioLoader.load(text: text, file: "scenario.yaml").scenario
    else {
      throw .unavailable("the scenario text \(hash.prefix(12)) is missing or no longer loads")
    }
    let engine = Engine(scenario: scenario)
    engines[hash] = engine
    return engine
  }

  // MARK: - The board

  /// What the board shows of a room now.
  func board(_ room: RoomRecord) throws(HubError) -> BoardSnapshot {
    let records: [SessionRecord]
    let current: RoomRecord
    do {
      records = try database.roomSessions(code: room.code)
      current = try database.room(code: room.code) ?? room
    } catch {
      throw HubError(error)
    }
    let engine = try engine(hash: room.scenarioHash)
    var rows: [BoardSnapshot.Trainee] = []
    for record in records {
      let session = try live(record.id)
      rows.append(session.boardRow(now: now()))
    }
    return BoardSnapshot(room: current, scenario: engine.scenario, trainees: rows)
  }

  /// A stream that yields each time the room's board changes.
  func watch(_ code: String) -> (UUID, AsyncStream<Void>) {
    let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    let id = UUID()
    watchers[code, default: [:]][id] = continuation
    continuation.yield()
    return (id, stream)
  }

  /// Stops watching.
  func unwatch(_ code: String, _ id: UUID) {
    watchers[code]?[id]?.finish()
    watchers[code]?[id] = nil
  }

  /// Ends every board's stream (the server is shutting down).
  func finishWatchers() {
    for room in watchers.values {
      for continuation in room.values { continuation.finish() }
    }
    watchers = [:]
  }

  private func notify(_ code: String) {
    for continuation in watchers[code]?.values ?? [:].values { continuation.yield() }
  }
}

extension WorkshopHub {
  /// The cohort report of a room's cohort (its scenario's sessions), exactly as
  /// `sos cohort report COHORT --scenario ID` renders it.
  func report(_ room: RoomRecord, format: ReportFormat) throws(HubError) -> String {
    let scores: [SessionScore]
    let cohort: CohortRecord?
    do {
      scores = try database.sessionScores(cohort: room.cohort).sessions
      cohort = try database.cohort(named: room.cohort)
    } catch {
      throw HubError(error)
    }
    // As `sos cohort report --scenario` does: names told apart among these sessions.
    let played = scores.filter { $0.record.scenarioID == room.scenarioID }
    let names = TraineeNames.distinct(played.map(\.record))
    let attempts = played.map { $0.attempt(trainee: names[$0.record.id] ?? $0.record.trainee) }
    let analysis = CohortAnalysis(
      cohort: room.cohort, description: cohort?.description, attempts: attempts,
      scenarioFilter: room.scenarioID)
    return CohortReport(analysis: analysis).render(format)
  }
}
