/// A row of `session`.
///
/// `seed` holds the session's `UInt64` seed as the `Int64` with the same bit pattern
/// (SQL integers are signed 64-bit), so every seed is stored exactly; seeds above
/// `Int64.max` read as negative numbers in the sqlite3 shell and psql.
struct SessionRow {
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
  /// The trainee's id: the same person's sessions share it.
  var traineeID: String? = nil
  /// Where it was played: a room's code, a `--site` label or a host name.
  var site: String? = nil

  init(
    id: String, trainee: String, cohortID: Int64?, scenarioID: String, scenarioHash: String,
    seed: Int64, mode: String, timed: Bool, shuffled: Bool, started: String, finished: String?,
    status: String, flags: String?
  ) {
    self.id = id
    self.trainee = trainee
    self.cohortID = cohortID
    self.scenarioID = scenarioID
    self.scenarioHash = scenarioHash
    self.seed = seed
    self.mode = mode
    self.timed = timed
    self.shuffled = shuffled
    self.started = started
    self.finished = finished
    self.status = status
    self.flags = flags
  }

  init(_ row: SQLRow) throws(SQLRowError) {
    id = try row.text("id")
    trainee = try row.text("trainee")
    cohortID = try row.optionalInteger("cohort_id")
    scenarioID = try row.text("scenario_id")
    scenarioHash = try row.text("scenario_hash")
    seed = try row.integer("seed")
    mode = try row.text("mode")
    timed = try row.bool("timed")
    shuffled = try row.bool("shuffled")
    started = try row.text("started")
    finished = try row.optionalText("finished")
    status = try row.text("status")
    flags = try row.optionalText("flags")
    handInKey = try row.optionalText("hand_in_key")
    traineeID = try row.optionalText("trainee_id")
    site = try row.optionalText("site")
  }

  /// The session with this id, or `nil`.
  static func fetch(id: String, in db: any SQLConnection) throws -> SessionRow? {
    try db.row("SELECT * FROM session WHERE id = ?", [.text(id)]).map(SessionRow.init)
  }

  func insert(in db: any SQLConnection) throws {
    try db.execute(
      """
      INSERT INTO session (id, trainee, cohort_id, scenario_id, scenario_hash, seed, mode,
        timed, shuffled, started, finished, status, flags, hand_in_key, trainee_id, site)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id), .text(trainee), .integer(cohortID), .text(scenarioID), .text(scenarioHash),
        .integer(seed), .text(mode), .bool(timed), .bool(shuffled), .text(started),
        .text(finished), .text(status), .text(flags), .text(handInKey), .text(traineeID),
        .text(site),
      ])
  }
}
