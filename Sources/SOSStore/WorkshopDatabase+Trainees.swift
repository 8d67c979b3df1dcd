import Foundation
import SOSCore

// MARK: - Trainees: people, not names

/// One trainee as the store knows them: an id, the name(s) they played under, where,
/// and how many sessions.
public struct TraineeRecord: Sendable, Equatable {
  /// The trainee's id (a lower-case UUID); people type its first 8 digits.
  public var id: String
  /// The names their sessions were played under, sorted.
  public var names: [String]
  /// Where they played: rooms' codes and sites, sorted.
  public var places: [String]
  public var sessions: Int

  /// The first 8 hex digits of the id.
  public var shortID: String { String(id.prefix(8)) }
}

extension WorkshopDatabase {
  /// Every trainee, or those with a session in one cohort, by name and then id.
  ///
  /// Throws ``WorkshopDatabaseError/unknownCohort(_:)`` for a cohort that does not exist.
  public func trainees(cohort: String? = nil) throws(WorkshopDatabaseError) -> [TraineeRecord] {
    let records = try sessions(cohort: cohort)
    var byID: [String: TraineeRecord] = [:]
    for record in records {
      let id = record.traineeID ?? TraineeNames.person(record)
      var trainee = byID[id] ?? TraineeRecord(id: id, names: [], places: [], sessions: 0)
      if !trainee.names.contains(record.trainee) { trainee.names.append(record.trainee) }
      let place = record.room.map { "room \($0)" } ?? record.site ?? ""
      if !place.isEmpty, !trainee.places.contains(place) { trainee.places.append(place) }
      trainee.sessions += 1
      byID[id] = trainee
    }
    return byID.values.map { trainee in
      var sorted = trainee
      sorted.names.sort()
      sorted.places.sort()
      return sorted
    }.sorted { ($0.names.first ?? "", $0.id) < ($1.names.first ?? "", $1.id) }
  }

  /// Makes the trainees `others` one person with `keep`: their sessions take `keep`'s
  /// id, in one transaction. Each id may be given by its first 8 (or more) digits.
  /// Returns how many sessions changed.
  ///
  /// Throws ``WorkshopDatabaseError/invalidInput(_:)`` for an id that matches no
  /// trainee, or more than one.
  public func mergeTrainees(
    keep: String, others: [String]
  ) throws(WorkshopDatabaseError) -> Int {
    try write { db in
      let kept = try Self.traineeID(prefix: keep, in: db)
      var changed = 0
      for other in others {
        let id = try Self.traineeID(prefix: other, in: db)
        guard id != kept else { continue }
        changed += try db.count("SELECT COUNT(*) FROM session WHERE trainee_id = ?", [.text(id)])
        try db.execute(
          "UPDATE session SET trainee_id = ? WHERE trainee_id = ?", [.text(kept), .text(id)])
      }
      return changed
    }
  }

  /// The one trainee id that starts with `prefix`.
  private static func traineeID(prefix: String, in db: any SQLConnection) throws -> String {
    let trimmed = prefix.trimmingCharacters(in: .whitespaces).lowercased()
    guard trimmed.count >= 4, trimmed.count <= 36,
      trimmed.allSatisfy({ "0123456789abcdef-".contains($0) })
    else {
      throw WorkshopDatabaseError.invalidInput(
        "'\(prefix)' is not a trainee id (at least 4 of the hex digits 'sos trainee list' shows)")
    }
    // The prefix holds only hex digits and hyphens, so LIKE sees no wildcard in it.
    let ids = try db.texts(
      "SELECT DISTINCT trainee_id FROM session WHERE trainee_id LIKE ? ORDER BY trainee_id",
      [.text(trimmed + "%")])
    guard let id = ids.first else {
      throw WorkshopDatabaseError.invalidInput("no trainee id starts with '\(trimmed)'")
    }
    guard ids.count == 1 else {
      throw WorkshopDatabaseError.invalidInput(
        "'\(trimmed)' starts \(ids.count) trainee ids: \(ids.map { String($0.prefix(8)) }.joined(separator: ", "))"
      )
    }
    return id
  }
}
