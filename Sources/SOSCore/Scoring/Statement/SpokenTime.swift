/// A time as a statement names it — a span from now, a clock time, a day, a part of a day
/// or a mix ("tomorrow at 9") — and where it falls on the crisis clock.
///
/// Days count from the day of T+0 (day 0). A time of day needs the scenario's
/// `starts_at`; a weekday needs its weekday too.
struct SpokenTime: Hashable, Sendable {
  /// The day a time falls on.
  enum Day: Hashable, Sendable {
    /// Not said: a clock time means its next occurrence.
    case unspecified
    case today
    case tomorrow
    /// A weekday; `next` ("next Monday") never means today.
    case weekday(Weekday, next: Bool)
  }

  /// A part of a day said in words, placed at an anchor time.
  enum Part: Hashable, Sendable {
    /// 09:00: "tomorrow morning", "first thing".
    case morning
    /// 12:00.
    case lunchtime
    /// 15:00, the middle of the working afternoon.
    case afternoon
    /// 19:00: "this evening", "tonight".
    case evening
    /// 17:00: "end of the day", "close of business", and a day said alone ("by Friday").
    case endOfDay

    /// Minutes after midnight.
    var anchor: Int {
      switch self {
      case .morning: return 9 * 60
      case .lunchtime: return 12 * 60
      case .afternoon: return 15 * 60
      case .evening: return 19 * 60
      case .endOfDay: return 17 * 60
      }
    }

    /// When the part is over: named for today after its anchor, it still holds until then
    /// ("this afternoon" said at 16:00 is 18:00).
    var latest: Int {
      switch self {
      case .morning: return 12 * 60
      case .lunchtime: return 14 * 60
      case .afternoon: return 18 * 60
      case .evening, .endOfDay: return 24 * 60
      }
    }

    /// Whether an hour without am or pm said with this part is after noon ("3 this
    /// afternoon", "9 in the morning").
    var isAfternoon: Bool { self != .morning }
  }

  /// A span from when the statement goes out: "within 2 hours", "hourly".
  var span: ClockDuration?
  /// Minutes after midnight the clock time may mean: two (am and pm) for an hour written
  /// without them, one otherwise; 1440 is midnight at the end of the day.
  var readings: [Int] = []
  /// `readings` are the am and pm readings of one hour.
  var twelveHour = false
  var day = Day.unspecified
  var part: Part?
  /// The phrase, with the prepositions before it.
  var words: Range<Int>
  /// The phrase without those prepositions.
  var body: Range<Int>
  /// The prepositions before it, folded: "by", "at around", "no later than".
  var leads: [String] = []
  /// The start of a range of hours: "9am" in "9am to 5pm".
  var isRangeStart = false

  /// Only a day or a part of a day, no clock time: "tomorrow", "this afternoon".
  var isDayOnly: Bool { span == nil && readings.isEmpty }

  /// "until 5pm": a time that a negation does not cancel ("no update until 5pm").
  var isUntil: Bool { leads.contains { $0 == "until" || $0 == "till" || $0 == "til" } }

  /// "since 9am", "from 9am", "after 5pm", "between 4 …", "to 5pm", "9am to 5pm": a start
  /// of something else, hours something runs, or no deadline at all; never a time to
  /// update by.
  var isExcluded: Bool {
    isRangeStart || leads.contains { SpokenTime.excludingLeads.contains($0) }
  }

  static let excludingLeads: Set<String> = ["since", "from", "after", "between", "to", "than"]

  // MARK: - On the crisis clock

  /// Where the time falls on the crisis clock for a statement sent at `clock`; `nil`
  /// when it needs a time of day or weekday the scenario does not give, or when it has
  /// passed ("by 9am today" at 10:00).
  func due(sentAt clock: ClockDuration, startsAt: Int?, startsOn: Weekday?) -> ClockDuration? {
    if let span {
      return span.seconds > 0 ? clock + span : nil
    }
    guard let startsAt, (0..<Self.dayMinutes).contains(startsAt) else { return nil }
    let origin = startsAt * 60
    let now = origin + clock.seconds
    let today = Self.floorDivide(now, Self.daySeconds)
    var dayIndex: Int?
    var rollsOver = false
    switch day {
    case .unspecified: dayIndex = nil
    case .today: dayIndex = today
    case .tomorrow: dayIndex = today + 1
    case .weekday(let weekday, let next):
      guard let startsOn else { return nil }
      var ahead = startsOn.advanced(by: today).days(until: weekday)
      if ahead == 0 && next { ahead = 7 }
      // A weekday that is today means next week once its time has passed.
      rollsOver = ahead == 0
      dayIndex = today + ahead
    }
    let moment: Int?
    if readings.isEmpty {
      moment = partMoment(
        part ?? .endOfDay, day: dayIndex, today: today, now: now, rollsOver: rollsOver)
    } else {
      moment = clockMoment(day: dayIndex, today: today, now: now, rollsOver: rollsOver)
    }
    guard let moment, moment >= now else { return nil }
    return ClockDuration(seconds: moment - origin)
  }

  /// The earliest reading that is still ahead, in seconds since midnight of day 0.
  private func clockMoment(day: Int?, today: Int, now: Int, rollsOver: Bool) -> Int? {
    var candidates = readings
    if twelveHour, readings.count == 2 {
      if let part {
        candidates = [part.isAfternoon ? readings[1] : readings[0]]
      } else if day != nil && (day != today || rollsOver) {
        // A named day, said without am or pm: read as a working hour, 07:00 to 18:59.
        candidates = [readings[0] >= 7 * 60 ? readings[0] : readings[1]]
      }
    }
    var best: Int?
    for minute in candidates {
      var moment = (day ?? today) * Self.daySeconds + minute * 60
      if moment < now {
        if day == nil {
          moment += Self.daySeconds
        } else if rollsOver {
          moment += 7 * Self.daySeconds
        } else {
          continue
        }
      }
      if best.map({ moment < $0 }) ?? true { best = moment }
    }
    return best
  }

  /// A part of a day: its anchor, or for today its end once the anchor has passed.
  private func partMoment(_ part: Part, day: Int?, today: Int, now: Int, rollsOver: Bool)
    -> Int?
  {
    let moment = (day ?? today) * Self.daySeconds + part.anchor * 60
    guard moment < now else { return moment }
    guard let day else { return moment + Self.daySeconds }
    if rollsOver { return moment + 7 * Self.daySeconds }
    let latest = day * Self.daySeconds + part.latest * 60
    return latest > now ? latest : nil
  }

  static let dayMinutes = 24 * 60
  static let daySeconds = 24 * 3600

  static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
  }
}
