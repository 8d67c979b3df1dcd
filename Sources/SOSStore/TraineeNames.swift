import Foundation

/// The names reports show for a set of sessions, so that two people are never one: a
/// name played under in more than one live room (or in a room and outside any) is
/// shown with its room, `Alex Morgan (room KXT-4MP-Q9W)`, and each is counted as a
/// trainee of their own. A name used in one place only is shown as it is.
public enum TraineeNames {
  /// The name to show for each session, by session id.
  public static func distinct(_ records: [SessionRecord]) -> [UUID: String] {
    var places: [String: Set<String>] = [:]
    for record in records { places[record.trainee, default: []].insert(record.room ?? "") }
    var names: [UUID: String] = [:]
    for record in records {
      if let room = record.room, (places[record.trainee]?.count ?? 0) > 1 {
        names[record.id] = "\(record.trainee) (room \(room))"
      } else {
        names[record.id] = record.trainee
      }
    }
    return names
  }
}
