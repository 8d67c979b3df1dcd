/// A row of `scenario_text`: a scenario file's full text, named by its SHA-256.
struct ScenarioTextRow {
  var hash: String
  var scenarioID: String
  var text: String
  var storedAt: String

  /// The text stored under `hash`, or `nil`.
  static func text(hash: String, in db: any SQLConnection) throws -> String? {
    try db.row("SELECT text FROM scenario_text WHERE hash = ?", [.text(hash)])?.text("text")
  }

  /// Stores the row; a text stored before under the same hash stays as it was.
  func insertIfMissing(in db: any SQLConnection) throws {
    try db.execute(
      "INSERT INTO scenario_text (hash, scenario_id, text, stored_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (hash) DO NOTHING",
      [.text(hash), .text(scenarioID), .text(text), .text(storedAt)])
  }
}
