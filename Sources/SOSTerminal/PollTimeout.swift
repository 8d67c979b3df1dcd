/// Converts the time left before a deadline into a `poll()` timeout.
enum PollTimeout {
  /// The duration in whole milliseconds, rounded up so a wait never ends just before
  /// the deadline, and at most a day.
  static func milliseconds(_ duration: Duration) -> Int32 {
    guard duration > .zero else { return 0 }
    let (seconds, attoseconds) = duration.components
    if seconds >= 86_400 { return 86_400_000 }
    let rounded = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(rounded)
  }
}
