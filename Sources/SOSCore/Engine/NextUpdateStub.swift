// Temporary: replaced by the next-update parser.
public struct NextUpdateTime: Hashable, Sendable, Codable {
  public var due: ClockDuration
  public var evidence: String
}

public enum Weekday: String, CaseIterable, Hashable, Sendable, Codable {
  case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}

public enum NextUpdateParser {
  public static func find(
    in text: String, sentAt clock: ClockDuration, startsAt: Int?, startsOn: Weekday?
  ) -> NextUpdateTime? {
    nil
  }
}
