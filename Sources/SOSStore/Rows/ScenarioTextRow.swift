import GRDB

/// A row of `scenario_text`: a scenario file's full text, named by its SHA-256.
struct ScenarioTextRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "scenario_text"

  var hash: String
  var scenarioID: String
  var text: String
  var storedAt: String

  enum CodingKeys: String, CodingKey {
    case hash
    case scenarioID = "scenario_id"
    case text
    case storedAt = "stored_at"
  }
}
