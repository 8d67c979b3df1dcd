import Foundation
import SOSCore

// MARK: - Scenario texts

extension WorkshopDatabase {
  /// Keeps a scenario file's text under its SHA-256 and returns the hash (lower-case
  /// hex); storing the same text again changes nothing.
  @discardableResult
  public func storeScenarioText(
    _ text: String, scenarioID: String
  ) throws(WorkshopDatabaseError) -> String {
    let hash = SHA256.hex(SHA256.digest(Array(text.utf8)))
    try write { db in
      try Self.storeScenarioText(text, hash: hash, scenarioID: scenarioID, in: db)
    }
    return hash
  }

  /// The scenario text stored under `hash`, or `nil`.
  public func scenarioText(hash: String) throws(WorkshopDatabaseError) -> String? {
    try read { db in try ScenarioTextRow.text(hash: hash.lowercased(), in: db) }
  }

  /// Whether a scenario text is stored under `hash`.
  public func hasScenarioText(hash: String) throws(WorkshopDatabaseError) -> Bool {
    try read { db in
      try db.count("SELECT COUNT(*) FROM scenario_text WHERE hash = ?", [.text(hash.lowercased())])
        > 0
    }
  }
}
