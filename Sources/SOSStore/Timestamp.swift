import Foundation

/// The one text form of a point in time in the database and in session files:
/// ISO 8601 in UTC with milliseconds, `2025-03-01T09:00:00.250Z`.
///
/// Times are kept to the millisecond, so a date read back equals the date written
/// once both went through ``normalized(_:)``. The text is fixed-width, so it sorts
/// in time order, and SQLite's date functions read it.
public enum Timestamp {
  /// Milliseconds since 1970 of the earliest and latest times that have a
  /// four-digit year (0000-01-01 and 9999-12-31T23:59:59.999Z).
  private static let earliest: Int64 = -62_167_219_200_000
  private static let latest: Int64 = 253_402_300_799_999

  /// `date` to the nearest millisecond since 1970, clamped to years 0000–9999.
  static func milliseconds(_ date: Date) -> Int64 {
    let value = (date.timeIntervalSince1970 * 1000).rounded()
    guard value.isFinite else { return value < 0 ? earliest : latest }
    if value <= Double(earliest) { return earliest }
    if value >= Double(latest) { return latest }
    return Int64(value)
  }

  /// The date `milliseconds` after 1970.
  static func date(milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// `date` rounded to the millisecond, as it reads back from storage.
  static func normalized(_ date: Date) -> Date {
    self.date(milliseconds: milliseconds(date))
  }

  /// `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public static func string(_ date: Date) -> String {
    let total = milliseconds(date)
    let (days, millisecondOfDay) = floorDivide(total, 86_400_000)
    let (year, month, day) = civil(fromDays: days)
    let hour = millisecondOfDay / 3_600_000
    let minute = millisecondOfDay / 60_000 % 60
    let second = millisecondOfDay / 1000 % 60
    let millisecond = millisecondOfDay % 1000
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
      + "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
  }

  /// Reads `YYYY-MM-DD(T| )HH:MM:SS[.fraction](Z|±HH:MM)`; `nil` for anything else.
  ///
  /// Fractions finer than a millisecond are rounded to it.
  public static func date(_ text: String) -> Date? {
    var scanner = Scanner(Array(text.utf8))
    guard let year = scanner.digits(4), scanner.skip("-"),
      let month = scanner.digits(2), scanner.skip("-"),
      let day = scanner.digits(2), scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
      let hour = scanner.digits(2), scanner.skip(":"),
      let minute = scanner.digits(2), scanner.skip(":"),
      let second = scanner.digits(2)
    else { return nil }
    guard (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var fraction = 0.0
    if scanner.skip(".") {
      var scale = 0.1
      var count = 0
      while let digit = scanner.digits(1) {
        fraction += Double(digit) * scale
        scale /= 10
        count += 1
      }
      guard (1...9).contains(count) else { return nil }
    }
    var offsetMinutes: Int64 = 0
    if scanner.skip("Z") || scanner.skip("z") {
      offsetMinutes = 0
    } else {
      let sign: Int64
      if scanner.skip("+") {
        sign = 1
      } else if scanner.skip("-") {
        sign = -1
      } else {
        return nil
      }
      guard let offsetHours = scanner.digits(2), scanner.skip(":"),
        let offsetMins = scanner.digits(2), offsetHours < 24, offsetMins < 60
      else { return nil }
      offsetMinutes = sign * Int64(offsetHours * 60 + offsetMins)
    }
    guard scanner.atEnd else { return nil }
    let days = self.days(year: year, month: month, day: day)
    let seconds =
      ((days * 24 + Int64(hour)) * 60 + Int64(minute) - offsetMinutes) * 60
      + Int64(second)
    return date(milliseconds: seconds * 1000 + Int64((fraction * 1000).rounded()))
  }

  // MARK: - Calendar arithmetic (proleptic Gregorian, after H. Hinnant)

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let quotient = value >= 0 ? value / divisor : -((-value - 1) / divisor) - 1
    return (quotient, value - quotient * divisor)
  }

  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func days(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(year) - (month <= 2 ? 1 : 0)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Reads fixed runs of ASCII digits and single characters from UTF-8 bytes.
  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
      self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
      guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
      index += 1
      return true
    }

    mutating func digits(_ count: Int) -> Int? {
      guard index + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<(index + count)] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      index += count
      return value
    }
  }
}
