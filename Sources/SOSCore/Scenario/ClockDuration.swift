/// A span of time on the simulated crisis clock, or a real-time limit, to the second.
///
/// Scenario files write durations as a sequence of whole numbers with units, largest
/// first: `45m`, `2h30m`, `3d`, `90s`, `1d12h`. Units are `d` (days), `h` (hours),
/// `m` (minutes) and `s` (seconds). `0` and `0m` are both zero. Negative durations
/// are not allowed in files.
public struct ClockDuration: Hashable, Comparable, Sendable, Codable {
  /// The length in seconds; never negative when it came from a scenario file.
  public var seconds: Int

  /// Creates a duration of the given number of seconds.
  public init(seconds: Int) { self.seconds = seconds }

  /// A duration of the given number of minutes.
  public static func minutes(_ minutes: Int) -> ClockDuration {
    ClockDuration(seconds: minutes * 60)
  }

  /// A duration of the given number of hours.
  public static func hours(_ hours: Int) -> ClockDuration {
    ClockDuration(seconds: hours * 3600)
  }

  /// No time at all.
  public static let zero = ClockDuration(seconds: 0)

  public static func < (lhs: ClockDuration, rhs: ClockDuration) -> Bool {
    lhs.seconds < rhs.seconds
  }

  public static func + (lhs: ClockDuration, rhs: ClockDuration) -> ClockDuration {
    ClockDuration(seconds: lhs.seconds &+ rhs.seconds)
  }

  public static func - (lhs: ClockDuration, rhs: ClockDuration) -> ClockDuration {
    ClockDuration(seconds: lhs.seconds &- rhs.seconds)
  }

  public static func += (lhs: inout ClockDuration, rhs: ClockDuration) {
    lhs = lhs + rhs
  }
}

// MARK: - Text form

extension ClockDuration: CustomStringConvertible {
  /// The compact form used in files and on screen: `2h30m`, `3d`, `0m`, `-15m`.
  public var description: String {
    if seconds == 0 { return "0m" }
    var rest = seconds.magnitude
    var text = seconds < 0 ? "-" : ""
    for (unit, size) in ClockDuration.units {
      let count = rest / UInt(size)
      if count > 0 {
        text += "\(count)\(unit)"
        rest -= count * UInt(size)
      }
    }
    return text
  }

  static let units: [(Character, Int)] = [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)]

  /// The largest duration a file may write: 366 days, far beyond any crisis clock,
  /// and small enough that sums of durations cannot overflow.
  public static let maximum = ClockDuration(seconds: 366 * 86_400)

  /// Why a text is not a duration.
  public enum ParseError: Error, Equatable, Sendable {
    /// The text is empty.
    case empty
    /// A negative sign: durations count forward from an event.
    case negative
    /// A character that is neither a digit nor a unit, at the given offset.
    case unexpected(Character, offset: Int)
    /// A number with no unit after it, at the given offset (`45` instead of `45m`).
    case missingUnit(offset: Int)
    /// A unit that repeats or comes after a smaller one (`30m2h`).
    case unitOrder(Character, offset: Int)
    /// More than ``ClockDuration/maximum``.
    case tooLong

    /// The problem in words, for a diagnostic.
    public var message: String {
      switch self {
      case .empty:
        return "a duration cannot be empty; write for example 45m, 2h30m or 3d"
      case .negative:
        return "a duration cannot be negative"
      case .unexpected(let character, _):
        return
          "unexpected '\(character)' in duration; use whole numbers with d, h, m or s, as in 2h30m"
      case .missingUnit:
        return "a number in a duration needs a unit (d, h, m or s), as in 45m"
      case .unitOrder(let unit, _):
        return
          "unit '\(unit)' repeats or is out of order; write the largest unit first, as in 1d2h30m"
      case .tooLong:
        return "a duration cannot be longer than 366 days"
      }
    }

    /// The offset in the text where the problem starts.
    public var offset: Int {
      switch self {
      case .empty, .negative, .tooLong: return 0
      case .unexpected(_, let offset), .missingUnit(let offset), .unitOrder(_, let offset):
        return offset
      }
    }
  }

  /// Parses the file form of a duration (`45m`, `2h30m`, `3d`, `90s`, `0`).
  public static func parse(_ text: String) -> Result<ClockDuration, ParseError> {
    let characters = Array(text)
    guard !characters.isEmpty else { return .failure(.empty) }
    if characters.first == "-" { return .failure(.negative) }
    if characters == ["0"] { return .success(.zero) }
    var total = 0
    var index = 0
    var lastUnitRank = -1
    while index < characters.count {
      let numberStart = index
      var number = 0
      while index < characters.count, let digit = characters[index].wholeNumberValue,
        characters[index].isASCII
      {
        number = number * 10 + digit
        if number > maximum.seconds { return .failure(.tooLong) }
        index += 1
      }
      if index == numberStart {
        return .failure(.unexpected(characters[index], offset: index))
      }
      guard index < characters.count else { return .failure(.missingUnit(offset: numberStart)) }
      let unit = characters[index]
      guard let rank = units.firstIndex(where: { $0.0 == unit }) else {
        return .failure(.unexpected(unit, offset: index))
      }
      if rank <= lastUnitRank { return .failure(.unitOrder(unit, offset: index)) }
      lastUnitRank = rank
      total += number * units[rank].1
      if total > maximum.seconds { return .failure(.tooLong) }
      index += 1
    }
    return .success(ClockDuration(seconds: total))
  }
}
