/// Durations in the ISO 8601 form xAPI uses: `PT12M30.5S`, `PT1H2M3S`, `PT0S`, to the
/// hundredth of a second.
enum ISODuration {
  /// `milliseconds` (negative counts as 0) as an ISO 8601 duration.
  static func string(milliseconds: Int64) -> String {
    let hundredths = (max(milliseconds, 0) + 5) / 10
    let hours = hundredths / 360_000
    let minutes = hundredths / 6_000 % 60
    let seconds = hundredths / 100 % 60
    let fraction = hundredths % 100
    var text = "PT"
    if hours > 0 { text += "\(hours)H" }
    if minutes > 0 { text += "\(minutes)M" }
    if seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0) {
      text += "\(seconds)"
      if fraction > 0 {
        text +=
          fraction % 10 == 0
          ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
      }
      text += "S"
    }
    return text
  }
}
