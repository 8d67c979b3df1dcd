import SOSCore

/// Numbers as reports print them, the same on every machine (no locale).
enum ReportNumber {
  /// `value` with `digits` decimals: `72.3`, `0.67`, `-0.50`; never `-0.0`.
  static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let sign = scaled < 0 ? "-" : ""
    let magnitude = scaled.magnitude
    let unit = UInt(scale)
    guard digits > 0 else { return sign + String(magnitude) }
    let fraction = String(magnitude % unit)
    let padded = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
    return "\(sign)\(magnitude / unit).\(padded)"
  }

  /// A score rounded to a whole number: `87`.
  static func whole(_ value: Double) -> String { fixed(value, digits: 0) }

  /// A score with one decimal, or empty for none: `87.5`, rounded once to a tenth as
  /// ``ScoreFormat/tenths(_:)`` does for every command.
  static func score(_ value: Double?) -> String {
    value.map { fixed(ScoreFormat.tenths($0), digits: 1) } ?? ""
  }

  /// A discrimination index with its sign: `+0.67`, `-0.33`, `0.00`.
  static func signed(_ value: Double) -> String {
    let text = fixed(value, digits: 2)
    return text.hasPrefix("-") || text == "0.00" ? text : "+" + text
  }

  /// A share as a whole percentage: `58%`.
  static func percent(_ share: Double) -> String { fixed(share * 100, digits: 0) + "%" }
}
