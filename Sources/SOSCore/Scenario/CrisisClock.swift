/// How the simulated clock reads on screen: `T+1h45` from discovery, and the time
/// of day when the scenario pins T+0 to one (`starts_at`).
public enum CrisisClock {
  /// `T+0`, `T+45m`, `T+1h45`, `T+26h05`: hours and minutes since T+0, counted in
  /// hours past a day because regulatory clocks are (72 hours, 24 hours).
  public static func elapsed(_ clock: ClockDuration) -> String {
    let minutes = max(clock.seconds, 0) / 60
    if minutes == 0 { return "T+0" }
    if minutes < 60 { return "T+\(minutes)m" }
    let hours = minutes / 60
    let rest = minutes % 60
    return rest == 0 ? "T+\(hours)h" : "T+\(hours)h" + (rest < 10 ? "0" : "") + "\(rest)"
  }

  /// The time of day at `clock`, as `10:45`, or `day 2 09:15` after the first day;
  /// `nil` when the scenario does not pin T+0 to a time of day.
  public static func timeOfDay(startsAt: Int?, clock: ClockDuration) -> String? {
    guard let startsAt else { return nil }
    let total = startsAt + max(clock.seconds, 0) / 60
    let day = total / (24 * 60) + 1
    let minutes = total % (24 * 60)
    let text = twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    return day == 1 ? text : "day \(day) \(text)"
  }

  /// `T+1h45 (10:45)`, or just `T+1h45`.
  public static func label(startsAt: Int?, clock: ClockDuration) -> String {
    let elapsed = elapsed(clock)
    guard let time = timeOfDay(startsAt: startsAt, clock: clock) else { return elapsed }
    return "\(elapsed) (\(time))"
  }

  /// A span in hours and minutes, for "45m left" or "70h15m left"; whole minutes,
  /// never negative.
  public static func span(_ duration: ClockDuration) -> String {
    let minutes = max(duration.seconds, 0) / 60
    if minutes < 60 { return "\(minutes)m" }
    let rest = minutes % 60
    return "\(minutes / 60)h" + (rest == 0 ? "" : "\(rest)m")
  }

  private static func twoDigits(_ number: Int) -> String {
    number < 10 ? "0\(number)" : "\(number)"
  }
}
