/// A daily span of the clock, such as 22:00–07:00, when a cadence rule rests.
public struct QuietHours: Hashable, Sendable {
  /// Minutes after midnight when the quiet begins.
  public var from: Int
  /// Minutes after midnight when it ends (earlier than `from` when it spans midnight).
  public var to: Int

  /// Creates quiet hours.
  public init(from: Int, to: Int) {
    self.from = from
    self.to = to
  }

  /// The seconds between clock times `start` and `end` (since T+0) that fall inside the
  /// quiet hours, for a scenario whose T+0 is `startsAt` minutes after midnight.
  public func overlap(from start: ClockDuration, to end: ClockDuration, startsAt: Int) -> Int {
    guard end > start, from != to else { return 0 }
    let day = 24 * 60 * 60
    let origin = startsAt * 60
    let low = origin + start.seconds
    let high = origin + end.seconds
    let length = ((to - from) * 60 + day) % day
    var total = 0
    // Every quiet span that can touch [low, high): one starting each day from the day
    // before `low` to the day of `high`.
    var dayStart = (low / day - 1) * day
    while dayStart <= high {
      let quietStart = dayStart + from * 60
      let quietEnd = quietStart + length
      total += max(0, min(high, quietEnd) - max(low, quietStart))
      dayStart += day
    }
    return total
  }
}
