import GRDB

/// A row of `session_input`: one input of a session's append-only log.
struct SessionInputRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "session_input"

  var sessionID: String
  var sequence: Int
  /// `choose`, `write`, `timeout` or `undo` (see ``InputKind``).
  var kind: String
  /// The option number (`choose`) or the statement text (`write`).
  var value: String?
  var at: String
  var latencyMilliseconds: Int?
  /// The id of the option chosen (`choose`), beside the number typed.
  var choice: String?

  enum CodingKeys: String, CodingKey {
    case sessionID = "session_id"
    case sequence
    case kind
    case value
    case at
    case latencyMilliseconds = "latency_ms"
    case choice
  }

  enum Columns {
    static let sessionID = Column(CodingKeys.sessionID)
    static let sequence = Column(CodingKeys.sequence)
  }
}
