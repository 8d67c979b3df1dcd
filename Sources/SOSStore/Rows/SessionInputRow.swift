/// A row of `session_input`: one input of a session's append-only log.
struct SessionInputRow {
  var sessionID: String
  var sequence: Int
  /// `choose`, `write`, `timeout`, `undo` or `inject` (see ``InputKind``).
  var kind: String
  /// The option number (`choose`), the statement text (`write`) or the inject's id.
  var value: String?
  var at: String
  var latencyMilliseconds: Int?
  /// The id of the option chosen (`choose`), beside the number typed.
  var choice: String?

  func insert(in db: any SQLConnection) throws {
    try db.execute(
      "INSERT INTO session_input (session_id, sequence, kind, value, at, latency_ms, choice)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
      [
        .text(sessionID), .integer(sequence), .text(kind), .text(value), .text(at),
        .integer(latencyMilliseconds), .text(choice),
      ])
  }
}
