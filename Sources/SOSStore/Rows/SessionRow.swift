import GRDB

/// A row of `session`.
///
/// `seed` holds the session's `UInt64` seed as the `Int64` with the same bit pattern
/// (SQLite integers are signed 64-bit), so every seed is stored exactly; seeds above
/// `Int64.max` read as negative numbers in the sqlite3 shell.
struct SessionRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "session"

  /// A lower-case UUID with hyphens.
  var id: String
  var trainee: String
  var cohortID: Int64?
  var scenarioID: String
  var scenarioHash: String
  var seed: Int64
  var mode: String
  var timed: Bool
  var shuffled: Bool
  var started: String
  var finished: String?
  var status: String
  /// What an import found odd about the hand-in, one finding per line.
  var flags: String?
  /// The hand-in key the session was played with (its text), if any.
  var handInKey: String? = nil

  enum CodingKeys: String, CodingKey {
    case id
    case trainee
    case cohortID = "cohort_id"
    case scenarioID = "scenario_id"
    case scenarioHash = "scenario_hash"
    case seed
    case mode
    case timed
    case shuffled
    case started
    case finished
    case status
    case flags
    case handInKey = "hand_in_key"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let trainee = Column(CodingKeys.trainee)
    static let cohortID = Column(CodingKeys.cohortID)
    static let started = Column(CodingKeys.started)
    static let status = Column(CodingKeys.status)
  }
}
