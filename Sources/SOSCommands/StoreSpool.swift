import Foundation
import SOSCore
import SOSStore
import SOSTerminal

/// The answers of sessions played against a database server, kept on this computer
/// too: a small SQLite file per server under `$XDG_STATE_HOME/sos/spool/`. Every answer
/// is committed here first; what the server does not have yet — because it was down,
/// restarting, or the network was — is sent, in order and with the times it was
/// given, as soon as it can be reached again. A session the server holds whole is
/// removed from the spool.
struct StoreSpool {
  let local: WorkshopDatabase
  let server: WorkshopDatabase
  /// The spool's folder: each session being played or sent holds a lock here.
  let folder: String

  /// The spool of `server` (a PostgreSQL database), created when `create`; `nil` when
  /// there is none and `create` is false.
  static func open(
    for server: WorkshopDatabase, create: Bool,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(WorkshopDatabaseError) -> StoreSpool? {
    let name = SHA256.hex(SHA256.digest(Array(server.path.utf8))).prefix(16)
    let folder = DatabaseLocation.stateDirectory(environment: environment) + "/spool/\(name)"
    let path = folder + "/answers.sqlite"
    guard create || FileManager.default.fileExists(atPath: path) else { return nil }
    return StoreSpool(local: try WorkshopDatabase.open(path: path), server: server, folder: folder)
  }

  /// The lock of session `id`: held by the `sos` that plays it, and by one that sends
  /// its answers, so that no two send one session's answers at once; `nil` when another
  /// process holds it.
  func hold(sessionID id: UUID) -> FileHold? {
    FileHold.take(folder + "/" + id.uuidString.lowercased() + ".lock")
  }

  /// Keeps a copy of `record` (as the server has it, with `inputs`) in the spool.
  func mirror(_ record: SessionRecord, scenarioText: String, inputs: [RecordedInput])
    throws(WorkshopDatabaseError)
  {
    if try local.session(id: record.id) != nil { try local.deleteSession(id: record.id) }
    var copy = record
    copy.cohort = nil
    _ = try local.importSession(copy, scenarioText: scenarioText, inputs: inputs)
  }

  /// Sends the server what it lacks of session `id`: its missing inputs, then its end.
  /// Returns how many inputs were sent; throws ``WorkshopDatabaseError/unreachable``
  /// while the server cannot be reached.
  @discardableResult
  func flush(sessionID id: UUID) throws(WorkshopDatabaseError) -> Int {
    guard let kept = try local.session(id: id) else { return 0 }
    let inputs = try local.inputs(sessionID: id)
    let held = try server.inputs(sessionID: id).count
    for recorded in inputs.dropFirst(held) {
      // Each at its own place: an answer the server holds already is not added twice.
      try server.appendInput(
        sessionID: id, input: recorded.input, at: recorded.at,
        latencyMilliseconds: recorded.latencyMilliseconds, choice: recorded.choice,
        sequence: recorded.sequence)
    }
    if let finished = kept.finished, try server.session(id: id)?.status == .active {
      switch kept.status {
      case .finished: try server.finishSession(id: id, at: finished)
      case .abandoned: try server.abandonSession(id: id, at: finished)
      case .active: break
      }
    }
    if kept.status != .active { try local.deleteSession(id: id) }
    return max(0, inputs.count - held)
  }

  /// Flushes every session in the spool that no other `sos` is playing or sending;
  /// returns how many inputs were sent.
  func flushAll() throws(WorkshopDatabaseError) -> Int {
    var sent = 0
    for session in try local.sessions() {
      guard let hold = hold(sessionID: session.id) else { continue }
      defer { withExtendedLifetime(hold) {} }
      sent += try flush(sessionID: session.id)
    }
    return sent
  }
}

/// The journal of a session played against a database server: each answer is
/// committed to the spool on this computer, then sent to the server. When the server
/// cannot be reached, the trainee is told once and play goes on; the answers are sent,
/// in order, at a later answer once it is back (tried again at most every 15 seconds,
/// so that a server that has gone does not make each prompt wait), and at the latest
/// the next time `sos` opens that database.
final class SpooledJournal: SessionJournal {
  let spool: StoreSpool
  let sessionID: UUID
  let notify: (String) -> Void
  /// This process plays the session: no other sends its answers meanwhile.
  private let hold: FileHold?
  private var offline = false
  private var lastTry = Date.distantPast
  static let retryAfter: TimeInterval = 15

  init(spool: StoreSpool, sessionID: UUID, notify: @escaping (String) -> Void) {
    self.spool = spool
    self.sessionID = sessionID
    self.notify = notify
    hold = spool.hold(sessionID: sessionID)
  }

  func record(_ input: SessionInput, choice: String?, latencyMilliseconds: Int?) throws {
    try spool.local.appendInput(
      sessionID: sessionID, input: input, at: Date(), latencyMilliseconds: latencyMilliseconds,
      choice: choice)
    sync()
  }

  func finish() throws {
    try spool.local.finishSession(id: sessionID, at: Date())
    sync(force: true)
    if offline {
      notify(
        "Your answers are saved on this computer and go to the store the next time sos"
          + " opens it (any sos command with the same --db).")
    }
  }

  private func sync(force: Bool = false) {
    if offline && !force && Date().timeIntervalSince(lastTry) < Self.retryAfter { return }
    lastTry = Date()
    do {
      try spool.flush(sessionID: sessionID)
      if offline {
        offline = false
        notify("The store is back: every answer is saved there.")
      }
    } catch .unreachable(_, let reason) {
      if !offline {
        offline = true
        notify(
          "The store at \(spool.server.path) cannot be reached (\(reason)). Play on: your"
            + " answers are kept on this computer and sent when it is back.")
      }
    } catch {
      // Anything else (the session ended elsewhere, a refused answer) leaves the
      // answers in the spool and is said once.
      if !offline {
        offline = true
        notify("The store refused an answer (\(error.message)); it is kept on this computer.")
      }
    }
  }
}
