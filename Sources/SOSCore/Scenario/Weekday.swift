/// A day of the week, for scenarios that pin T+0 to a weekday and for statements that
/// promise "an update on Monday".
public enum Weekday: String, CaseIterable, Hashable, Sendable, Codable {
  case monday
  case tuesday
  case wednesday
  case thursday
  case friday
  case saturday
  case sunday

  /// Reads a weekday's name in any case, in full ("Monday"), as three letters ("Mon") or
  /// as the usual longer short forms ("Tues", "Weds", "Thurs"), with or without a final dot.
  public init?(parsing name: String) {
    var folded = name.lowercased()
    if folded.hasSuffix(".") { folded.removeLast() }
    guard let day = Self.names[folded] else { return nil }
    self = day
  }

  /// Days from this weekday forward to `other`: 0 when they are the same day, else 1 to 6.
  public func days(until other: Weekday) -> Int {
    Self.modulo(other.index - index, 7)
  }

  /// The weekday `days` days later (earlier when negative).
  public func advanced(by days: Int) -> Weekday {
    Self.allCases[Self.modulo(index + days % 7, 7)]
  }

  /// Monday is 0, Sunday 6.
  var index: Int {
    Self.allCases.firstIndex(of: self) ?? 0
  }

  private static func modulo(_ value: Int, _ divisor: Int) -> Int {
    let rest = value % divisor
    return rest < 0 ? rest + divisor : rest
  }

  /// Full names, three-letter forms and the longer short forms people write.
  static let names: [String: Weekday] = {
    var names: [String: Weekday] = [:]
    for day in Weekday.allCases {
      names[day.rawValue] = day
      names[String(day.rawValue.prefix(3))] = day
    }
    for (short, day) in [
      ("tues", Weekday.tuesday), ("weds", .wednesday), ("thur", .thursday), ("thurs", .thursday),
    ] {
      names[short] = day
    }
    return names
  }()
}
