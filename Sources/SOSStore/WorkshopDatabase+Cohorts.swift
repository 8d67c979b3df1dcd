import Foundation
import SOSCore

// MARK: - Cohorts

extension WorkshopDatabase {
  /// Creates a cohort with a new random secret (for pseudonyms).
  ///
  /// Throws ``WorkshopDatabaseError/duplicateCohort(_:)`` when the name is taken.
  public func createCohort(
    name: String, description: String? = nil, at now: Date = Date()
  ) throws(WorkshopDatabaseError) -> CohortRecord {
    guard Self.isValidName(name) else { throw .invalidCohortName(name) }
    let description = description.flatMap { $0.isEmpty ? nil : $0 }
    let secret = Self.newCohortSecret()
    let row = CohortRow(
      id: nil, name: name, description: description, secret: SHA256.hex(secret),
      createdAt: Timestamp.string(now))
    let id = try write { db in
      // Two processes creating one name at once: one of them finds it taken.
      guard let id = try row.insert(in: db, ignoringDuplicate: true) else {
        throw WorkshopDatabaseError.duplicateCohort(name)
      }
      return id
    }
    return CohortRecord(
      id: id, name: name, description: description, secret: secret,
      createdAt: Timestamp.normalized(now), sessionCount: 0, traineeCount: 0)
  }

  /// 32 random bytes: a new cohort's secret.
  static func newCohortSecret() -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }

  /// All cohorts by name, with their session and trainee counts.
  public func cohorts() throws(WorkshopDatabaseError) -> [CohortRecord] {
    try read { db in
      let rows = try db.rows("SELECT * FROM cohort ORDER BY name").map(CohortRow.init)
      let counts = try countsByCohort(in: db)
      return try rows.map { row in try cohortRecord(from: row, counts: counts) }
    }
  }

  /// The cohort with this name, or `nil`.
  public func cohort(named name: String) throws(WorkshopDatabaseError) -> CohortRecord? {
    try read { db in
      guard let row = try db.row("SELECT * FROM cohort WHERE name = ?", [.text(name)]) else {
        return nil
      }
      return try cohortRecord(from: CohortRow(row), counts: countsByCohort(in: db))
    }
  }

  private func countsByCohort(
    in db: any SQLConnection
  ) throws -> [Int64: (sessions: Int, trainees: Int)] {
    // A trainee is a person (one trainee id), not a name.
    let rows = try db.rows(
      """
      SELECT cohort_id, COUNT(*) AS sessions,
        COUNT(DISTINCT COALESCE(trainee_id, trainee)) AS trainees
      FROM session WHERE cohort_id IS NOT NULL GROUP BY cohort_id
      """)
    var counts: [Int64: (sessions: Int, trainees: Int)] = [:]
    for row in rows {
      counts[try row.integer("cohort_id")] = (try row.int("sessions"), try row.int("trainees"))
    }
    return counts
  }

  private func cohortRecord(
    from row: CohortRow, counts: [Int64: (sessions: Int, trainees: Int)]
  ) throws -> CohortRecord {
    func damaged(_ detail: String) -> WorkshopDatabaseError {
      .damagedRecord(path: path, table: "cohort", detail: "cohort '\(row.name)': \(detail)")
    }
    guard let id = row.id else { throw damaged("no id") }
    guard let secret = Self.bytes(hex: row.secret), secret.count == 32 else {
      throw damaged("the secret is not 64 hex digits")
    }
    guard let createdAt = Timestamp.date(row.createdAt) else {
      throw damaged("unreadable creation time '\(row.createdAt)'")
    }
    return CohortRecord(
      id: id, name: row.name, description: row.description, secret: secret,
      createdAt: createdAt, sessionCount: counts[id]?.sessions ?? 0,
      traineeCount: counts[id]?.trainees ?? 0)
  }

  private static func bytes(hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count.isMultiple(of: 2) else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
      guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else {
        return nil
      }
      bytes.append(high << 4 | low)
      index += 2
    }
    return bytes
  }

  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
