/// Why the workshop database could not do what was asked; every case has a message a
/// person can act on.
///
/// ```swift
/// do { _ = try database.createSession(new) } catch { print("error: \(error.message)") }
/// // error: no cohort named 'spring'; create it with: sos cohort create spring
/// ```
public enum WorkshopDatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The folder for the database could not be created.
  case cannotCreateDirectory(path: String, reason: String)
  /// The database file could not be opened, for a reason given in words.
  case cannotOpen(path: String, reason: String)
  /// The file is not an SQLite database, or is damaged.
  case notADatabase(path: String)
  /// The database file exists but is empty (0 bytes): not reused as a new database.
  case emptyFile(path: String)
  /// The database file, its folder or its lock file may not be read or written.
  case permissionDenied(path: String)
  /// The database has migrations this version of `sos` does not know.
  case newerSchema(path: String)
  /// Another process held the database (or its lock file) for longer than the timeout.
  case busy(path: String)
  /// The disk is full.
  case diskFull(path: String)
  /// Any other failure of SQLite, in its own words.
  case database(path: String, reason: String)
  /// The database server could not be reached (down, restarting, or the network).
  case unreachable(path: String, reason: String)
  /// A stored row cannot be read back (a damaged or hand-edited database); `table` is
  /// empty when the table is not known.
  case damagedRecord(path: String, table: String, detail: String)

  /// A session or import names a cohort that does not exist.
  case unknownCohort(String)
  /// A cohort with this name already exists.
  case duplicateCohort(String)
  /// A cohort name is empty or holds control characters.
  case invalidCohortName(String)
  /// A trainee name is empty or holds control characters.
  case invalidTrainee(String)
  /// No session has this id.
  case sessionNotFound(String)
  /// No session id starts with this prefix.
  case noSessionMatching(String)
  /// Several session ids start with this prefix (the matches, up to ten).
  case ambiguousSessionPrefix(String, matches: [String])
  /// The text cannot be the start of a session id.
  case invalidSessionPrefix(String)
  /// The session is finished or abandoned and takes no more changes.
  case sessionNotActive(id: String, status: SessionStatus)
  /// An input cannot be stored (a non-positive option number, a negative latency).
  case invalidInput(String)
  /// An imported session's scenario text does not have the session's scenario hash.
  case scenarioHashMismatch(sessionID: String)
  /// An imported session's inputs are not numbered 0, 1, 2, … in order.
  case inputSequenceGap(sessionID: String, position: Int, found: Int)
  /// No room has this join code.
  case roomNotFound(String)
  /// The room is closed: it takes no one new and no more answers.
  case roomClosed(String)
  /// Someone has already joined the room under this name.
  case duplicateTrainee(name: String, room: String)

  /// The problem in words, starting in lower case, with no final full stop.
  public var message: String {
    switch self {
    case .cannotCreateDirectory(let path, let reason):
      return "cannot create the database folder \(path): \(reason)"
    case .cannotOpen(let path, let reason):
      return "cannot open database at \(path): \(reason)"
    case .emptyFile(let path):
      return
        "cannot open database at \(path): it is an empty file (0 bytes), not a workshop"
        + " database; remove it if you mean to start a new one"
    case .notADatabase(let path):
      return "cannot open database at \(path): not a database (file is corrupt or not SQLite)"
    case .permissionDenied(let path):
      return "cannot open database at \(path): permission denied"
    case .newerSchema(let path):
      return "cannot use database at \(path): it was written by a newer version of sos"
    case .busy(let path):
      return "database at \(path) is busy: another sos process kept it locked for too long"
    case .diskFull(let path):
      return "cannot write to database at \(path): the disk is full"
    case .database(let path, let reason):
      return "database error at \(path): \(reason)"
    case .unreachable(let path, let reason):
      return "the database server at \(path) is unreachable: \(reason)"
    case .damagedRecord(let path, let table, let detail) where table.isEmpty:
      return "database at \(path) holds damaged data: \(detail)"
    case .damagedRecord(let path, let table, let detail):
      return "database at \(path) holds a damaged \(table) row: \(detail)"
    case .unknownCohort(let name):
      return "no cohort named '\(name)'; create it with: sos cohort create \(ShellWord.quote(name))"
    case .duplicateCohort(let name):
      return "a cohort named '\(name)' already exists"
    case .invalidCohortName(let name):
      return "'\(name)' cannot be a cohort name: use visible characters, not only spaces"
    case .invalidTrainee(let name):
      return "'\(name)' cannot be a trainee name: use visible characters (no control or bidi"
        + " characters), not only spaces"
    case .sessionNotFound(let id):
      return "no session with id \(id)"
    case .noSessionMatching(let prefix):
      return "no session id starts with '\(prefix)' (list sessions with: sos sessions)"
    case .ambiguousSessionPrefix(let prefix, let matches):
      let shown = matches.map { String($0.prefix(13)) + "…" }.joined(separator: ", ")
      return "'\(prefix)' matches several sessions (\(shown)); type more of the id"
    case .invalidSessionPrefix(let prefix):
      return "'\(prefix)' is not a session id: give its first 8 hex digits (see: sos sessions)"
    case .sessionNotActive(let id, let status):
      return "session \(id) is \(status.rawValue) and cannot be changed"
    case .invalidInput(let reason):
      return "cannot record the input: \(reason)"
    case .scenarioHashMismatch(let id):
      return "session \(id): the scenario text does not match its sha256"
    case .inputSequenceGap(let id, let position, let found):
      return "session \(id): input \(position) has sequence \(found); expected \(position)"
    case .roomNotFound(let code):
      return "no open room has the code \(code); check the code the facilitator gave"
    case .roomClosed(let code):
      return "room \(code) is closed"
    case .duplicateTrainee(let name, let room):
      return
        "someone has already joined room \(room) as '\(name)'; choose another name (to carry"
        + " on your own session, run the same sos join on the laptop you started on)"
    }
  }

  public var description: String { message }
}
