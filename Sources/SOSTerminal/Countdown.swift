/// The countdown shown before a timed prompt on a terminal: `[0:42] `.
enum Countdown {
  /// Whole seconds left, rounded up: the label reads `0:00` only when time is up.
  static func seconds(_ left: Duration) -> Int64 {
    guard left > .zero else { return 0 }
    let (seconds, attoseconds) = left.components
    return attoseconds > 0 ? seconds + 1 : seconds
  }

  /// `m:ss` below an hour, `h:mm:ss` from an hour.
  static func label(_ left: Duration) -> String {
    let total = seconds(left)
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
    func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0
      ? "\(hours):\(twoDigits(minutes)):\(twoDigits(seconds))"
      : "\(total / 60):\(twoDigits(seconds))"
  }

  /// How long until the label changes.
  static func untilNextTick(_ left: Duration) -> Duration {
    let whole = seconds(left)
    return whole > 0 ? left - .seconds(whole - 1) : .zero
  }

  /// The prefix before the prompt: in the clock's colour, and as a warning in the
  /// last ten seconds.
  static func prefix(_ left: Duration, palette: Palette) -> String {
    let text = "[\(label(left))]"
    return (seconds(left) <= 10 ? palette.warning(text) : palette.clock(text)) + " "
  }
}
