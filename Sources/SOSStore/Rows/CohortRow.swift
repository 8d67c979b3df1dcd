/// A row of `cohort`.
struct CohortRow {
  var id: Int64?
  var name: String
  var description: String?
  /// 32 random bytes as 64 lower-case hex digits.
  var secret: String
  var createdAt: String

  init(id: Int64?, name: String, description: String?, secret: String, createdAt: String) {
    self.id = id
    self.name = name
    self.description = description
    self.secret = secret
    self.createdAt = createdAt
  }

  init(_ row: SQLRow) throws(SQLRowError) {
    id = try row.integer("id")
    name = try row.text("name")
    description = try row.optionalText("description")
    secret = try row.text("secret")
    createdAt = try row.text("created_at")
  }

  /// Inserts the row (unless `ignoringDuplicate` and the name is taken) and returns
  /// its new id, or `nil` when it was ignored.
  @discardableResult
  func insert(in db: any SQLConnection, ignoringDuplicate: Bool = false) throws -> Int64? {
    let conflict = ignoringDuplicate ? " ON CONFLICT (name) DO NOTHING" : ""
    return try db.integer(
      "INSERT INTO cohort (name, description, secret, created_at) VALUES (?, ?, ?, ?)"
        + conflict + " RETURNING id",
      [.text(name), .text(description), .text(secret), .text(createdAt)])
  }
}
