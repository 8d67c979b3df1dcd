import GRDB

/// A row of `cohort`.
struct CohortRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "cohort"

  var id: Int64?
  var name: String
  var description: String?
  /// 32 random bytes as 64 lower-case hex digits.
  var secret: String
  var createdAt: String

  enum CodingKeys: String, CodingKey {
    case id
    case name
    case description
    case secret
    case createdAt = "created_at"
  }

  enum Columns {
    static let id = Column(CodingKeys.id)
    static let name = Column(CodingKeys.name)
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}

/// How many sessions and distinct trainees one cohort has.
struct CohortCounts: Decodable, FetchableRecord {
  var cohortID: Int64
  var sessions: Int
  var trainees: Int

  enum CodingKeys: String, CodingKey {
    case cohortID = "cohort_id"
    case sessions
    case trainees
  }
}
