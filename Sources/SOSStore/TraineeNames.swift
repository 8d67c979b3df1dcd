import Foundation

/// The names reports show for a set of sessions, so that two people are never one: a
/// trainee is a person (``SessionRecord/traineeID``), not a name. A name that two
/// people share — played in two live rooms, or at two sites — is shown with where
/// each played, `Alex Morgan (room KXT-4MP-Q9W)` or `Alex Morgan (Leeds)`, and each is
/// counted as a trainee of their own; a name one person uses is shown as it is.
/// Sessions a facilitator merged (`sos trainee merge`) are one person wherever they
/// were played.
public enum TraineeNames {
  /// The name to show for each session, by session id.
  public static func distinct(_ records: [SessionRecord]) -> [UUID: String] {
    var people: [String: Set<String>] = [:]
    for record in records { people[record.trainee, default: []].insert(person(record)) }
    var names: [UUID: String] = [:]
    for record in records {
      if (people[record.trainee]?.count ?? 0) > 1, let place = place(record) {
        names[record.id] = "\(record.trainee) (\(place))"
      } else {
        names[record.id] = record.trainee
      }
    }
    return names
  }

  /// Who played the session: its trainee id, or (for a record that has none) its
  /// name in its room.
  static func person(_ record: SessionRecord) -> String {
    record.traineeID ?? (record.trainee + "\u{0}" + (record.room ?? ""))
  }

  /// Where a session was played, as a name's suffix shows it; `nil` for a session
  /// that carries no place (played before sites were kept, or imported without one),
  /// whose name is shown as it is.
  static func place(_ record: SessionRecord) -> String? {
    if let room = record.room { return "room \(room)" }
    if let site = record.site, !site.isEmpty { return site }
    return nil
  }
}
