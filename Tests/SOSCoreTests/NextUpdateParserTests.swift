import Testing

@testable import SOSCore

/// T+0 is Monday 09:00 unless a case says otherwise; clocks and dues are minutes since T+0.
@Suite struct NextUpdateParserTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    /// When the statement goes out, in minutes since T+0.
    var clock = 0
    /// The promised update, in minutes since T+0; `nil` when nothing is promised.
    var due: Int?
    var startsAt: Int? = 9 * 60
    var startsOn: Weekday? = .monday

    var testDescription: String { "\"\(text)\" at T+\(clock)m" }
  }

  static func find(_ test: Case) -> NextUpdateTime? {
    NextUpdateParser.find(
      in: test.text, sentAt: .minutes(test.clock), startsAt: test.startsAt,
      startsOn: test.startsOn)
  }

  static let day = 24 * 60

  // MARK: - Times of day

  static let timeOfDayCases: [Case] = [
    Case(text: "Next update at 12:00.", due: 180),
    Case(text: "Since 09:00 our app has been down. Next update at 12:00.", due: 180),
    Case(text: "We will post an update by 5pm.", due: 480),
    Case(text: "We will update you by 5 pm.", due: 480),
    Case(text: "We will update you by 5 p.m. today.", due: 480),
    Case(text: "Next update at 11.30.", due: 150),
    Case(text: "Next update 14:00", due: 300),
    Case(text: "Next update: 16:00.", due: 420),
    Case(text: "We'll be in touch at 9.", clock: 60, due: 720),
    Case(text: "Next update at noon.", due: 180),
    Case(text: "We will update you at midday.", clock: 60, due: 180),
    Case(text: "We will update you by midnight.", due: 900),
    Case(text: "Next update at 2.30pm.", due: 330),
    Case(text: "We will update you at 2:30 PM.", due: 330),
    Case(text: "We will update you at half past two.", due: 330),
    Case(text: "You will hear from us again at quarter to four.", due: 405),
    Case(text: "Update at 5pm.", due: 480),
    Case(text: "More information at 5pm.", due: 480),
    Case(text: "Check back here at 1pm for more information.", due: 240),
    Case(text: "Next update no later than 3pm.", due: 360),
    Case(text: "We will update you at 3pm and again at 6pm.", due: 360),
    Case(text: "Next update at 6pm. We will also call you by 4pm.", due: 420),
    Case(text: "We won't have an update until 3pm.", due: 360),
    Case(text: "We'll let you know more by 4pm, or sooner if anything changes.", due: 420),
    Case(text: "We will be back in touch by lunchtime.", due: 180),
    Case(text: "We will update you at 8 this evening.", due: 660),
    Case(text: "Tonight at 9 we will post an update.", due: 720),
    // A bare time means its next occurrence: in the evening, 5pm is tomorrow.
    Case(text: "We will update you at 5pm.", clock: 600, due: day + 480),
    Case(text: "Next update at 09:00.", clock: 600, due: day),
    // Without am or pm, the reading still ahead within 12 hours.
    Case(text: "Next update at 11.30.", clock: 180, due: 870),
    Case(text: "Next update at 12:00.", clock: 240, due: 900),
    Case(text: "We will update you at 9 p.m.", due: 720),
    Case(text: "We will update you at 12am.", due: 900),
    Case(text: "We will update you at 24:00.", due: 900),
    Case(text: "We will update you at four o'clock.", due: 420),
    Case(text: "We will update you at 12 noon.", due: 180),
    Case(text: "Next update 1400hrs.", due: 300),
    Case(text: "A full statement will be issued at 2pm.", due: 300),
    Case(text: "Updates at 11:00, 13:00 and 15:00.", clock: 150, due: 240),
    Case(text: "We are restoring service by 3pm and will update you at 5pm.", due: 480),
    Case(
      text: "By 3pm, engineers expect to restore service and we will update you at 5pm.", due: 480),
    Case(text: "The next update, originally planned for 12:00, will now be at 13:00.", due: 240),
    Case(text: "Our 9am update was delayed; the next update is at 3pm.", due: 360),
    Case(text: "UPDATE AT 5PM", due: 480),
    Case(text: "No one was hurt and we will update you at 5pm.", due: 480),
    Case(text: "Do not worry we will update you at 5pm.", due: 480),
    Case(text: "Don't worry, we'll update you at 5pm.", due: 480),
    Case(text: "We have no further information but will update you by 5pm.", due: 480),
  ]

  @Test(arguments: timeOfDayCases)
  func timesOfDay(_ test: Case) {
    #expect(Self.find(test)?.due == test.due.map(ClockDuration.minutes))
  }

  // MARK: - Days and parts of days

  static let dayCases: [Case] = [
    Case(text: "We will update you at 9am tomorrow.", due: day),
    Case(text: "We will update you tomorrow at 9.", due: day),
    Case(text: "We will update you at 9.30 tomorrow.", due: day + 30),
    Case(text: "We will update you at 7 tomorrow.", due: day - 120),
    Case(text: "We will update you at 5 tomorrow.", due: day + 480),
    Case(text: "We will update you tomorrow morning.", due: day),
    Case(text: "We will update you first thing tomorrow.", due: day),
    Case(text: "Tomorrow we will publish a full update.", due: day + 480),
    Case(text: "We will update you this afternoon.", due: 360),
    Case(text: "We will update you this afternoon.", clock: 420, due: 540),
    Case(text: "We will update you this evening.", due: 600),
    Case(text: "We will update you tonight.", due: 600),
    Case(text: "We will update you by the end of the day.", due: 480),
    Case(text: "We will update you by end of today.", due: 480),
    Case(text: "We will get back to you by close of business.", due: 480),
    Case(text: "We will update you later today.", due: 480),
    Case(text: "We will update you on Wednesday at 9am.", due: 2 * day),
    Case(text: "Next update Monday 10:00.", due: 60),
    Case(text: "Next update Monday 10:00.", clock: 120, due: 7 * day + 60),
    Case(text: "Next update at 10:00 on Monday.", clock: 120, due: 7 * day + 60),
    Case(text: "We will update you by Friday.", due: 4 * day + 480),
    Case(text: "We will brief you again at 10:00 on Tuesday.", due: day + 60),
    Case(text: "We will contact you again on Thursday morning.", due: 3 * day),
    Case(text: "Our next statement will be next Monday.", due: 7 * day + 480),
    Case(text: "Next update on Tues at 2pm.", due: day + 300, startsOn: .monday),
    Case(text: "We will update you on Monday at 9am.", due: 4 * day, startsOn: .thursday),
    Case(text: "Our next update is at 0900 tomorrow.", due: day),
    Case(text: "We'll update you by 6 tonight.", due: 540),
    Case(text: "We'll update you at 11 in the morning.", due: 120),
    Case(text: "We will update you tomorrow by 10.", due: day + 60),
    Case(text: "Next update: Tuesday, 10am.", due: day + 60),
    Case(text: "We will update you in the morning.", clock: 60, due: day),
    Case(text: "We will update you at 10:00 tomorrow morning.", due: day + 60),
    Case(text: "We will update you by the end of the week.", due: 4 * day + 480),
    Case(text: "We will update you tonight.", clock: 660, due: 900),
    Case(text: "We will update you tomorrow afternoon.", due: day + 360),
    Case(text: "We will update you on Thursday morning.", due: 3 * day),
    Case(text: "We will update you today.", clock: 540, due: 900),
    Case(text: "We'll update you between 4 and 5pm.", due: 480),
  ]

  @Test(arguments: dayCases)
  func days(_ test: Case) {
    #expect(Self.find(test)?.due == test.due.map(ClockDuration.minutes))
  }

  // MARK: - Spans

  static let spanCases: [Case] = [
    Case(text: "We will update you within the hour.", due: 60),
    Case(text: "We will update you within the hour.", clock: 30, due: 90),
    Case(text: "We will update you in the next hour.", due: 60),
    Case(text: "Next update in two hours.", due: 120),
    Case(text: "We will update you within 2 hours.", due: 120, startsAt: nil),
    Case(text: "We will post an update in 30 minutes.", due: 30),
    Case(text: "We will update you in half an hour.", clock: 45, due: 75, startsAt: nil),
    Case(text: "We will report back within 24 hours.", due: day, startsAt: nil),
    Case(text: "We will post updates every hour.", due: 60),
    Case(text: "Updates hourly on our website.", due: 60, startsAt: nil),
    Case(text: "We will update you in 90 mins.", due: 90),
    Case(text: "Our next update will be in 2h.", due: 120, startsAt: nil),
    Case(text: "We'll tell you more in 45 minutes.", due: 45),
    Case(text: "Expect our next update within 2-3 hours.", due: 180),
    Case(text: "We will update you in an hour and a half.", due: 90),
    Case(text: "We will update you again in no more than 20 minutes.", due: 20),
    Case(text: "Our team will contact you within 48 hours.", clock: 60, due: 60 + 2 * day),
    Case(text: "We will update you every two hours from now.", clock: 90, due: 210),
    Case(text: "Next update in 1.5 hours.", due: 90, startsAt: nil, startsOn: nil),
    Case(text: "We'll update you again in an hour's time.", due: 60),
    Case(text: "We will update you 2 hours from now.", clock: 5, due: 125, startsAt: nil),
    Case(text: "We will post updates every 30 minutes.", due: 30),
    Case(text: "We will update you every hour from 9am until 5pm.", due: 60),
  ]

  @Test(arguments: spanCases)
  func spans(_ test: Case) {
    #expect(Self.find(test)?.due == test.due.map(ClockDuration.minutes))
  }

  // MARK: - No promise

  static let refusalCases: [Case] = [
    Case(text: "The outage began at 9am."),
    Case(text: "Our engineers are working on a fix."),
    Case(text: "There will be no next update by 11am."),
    Case(text: "We will not be giving updates."),
    Case(text: "Do not expect an update at 5pm."),
    Case(text: "If we know more by 5pm we will update you."),
    Case(text: "We will update you at 5pm if we know more."),
    Case(text: "We will update you by 9am today.", clock: 60),
    Case(text: "Next update at 12:00.", startsAt: nil),
    Case(text: "Next update on Friday at 9am.", startsOn: nil),
    Case(text: ""),
    Case(text: "asdf qwerty 12:00 zzz"),
    Case(text: "The update at 9am caused the outage.", clock: 60),
    Case(text: "We may post another update at 5pm."),
    Case(text: "Our phone lines are open until 8pm for more information."),
    Case(text: "We updated customers at 9am."),
    Case(text: "Next update: not before 5pm."),
    Case(text: "Please update your app by 5pm."),
    Case(text: "Since 09:00 our app has been down. We will update you."),
    Case(text: "We will update staff at 9 branches."),
    Case(text: "We posted an update 2 hours ago."),
    Case(text: "Next update at 25:00."),
    Case(text: "Next update at 13pm."),
    Case(text: "We will update you this morning.", clock: 240),
    Case(text: "Update (10:30): our app is down.", clock: 90),
    Case(text: "10:30 – our app is down. We will update you.", clock: 90),
    Case(text: "We said we would update you at 9am.", clock: 60),
    Case(text: "We would like to update you at 5pm."),
    Case(text: "We will update you at 5pm, unless the fix is confirmed earlier."),
    Case(text: "We will let you know by 3pm if your flight is affected."),
    Case(text: "Should anything change, we will update you by 5pm."),
    Case(text: "We will update you as soon as possible."),
    Case(text: "We will publish a full report by 2026."),
    Case(text: "We will not update you before 5pm."),
    Case(text: "There will be no update today or tomorrow."),
    Case(text: "Service should be restored by 5pm. We will update you."),
    Case(text: "Following today's outage, we will update you.", clock: 60),
    Case(text: "We'll update you after lunch."),
    Case(text: "Next update in 2 hours.", clock: Int.max / 60),
    Case(text: "We will update you this afternoon.", clock: 600),
    Case(text: "We will update you in the coming hours."),
    Case(text: "We will update you shortly."),
    Case(text: "Call us on 0800 123 4567, 9am to 5pm, for more information."),
    Case(text: "Call us 9am-5pm for more information."),
    Case(text: "Train services will resume at 6am tomorrow and we will update you."),
  ]

  @Test(arguments: refusalCases)
  func refusals(_ test: Case) {
    #expect(Self.find(test) == nil)
  }

  // MARK: - Evidence

  @Test(arguments: [
    ("Since 09:00 our app has been down. Next update at 12:00.", "Next update at 12:00"),
    ("We will post an update by 5pm.", "We will post an update by 5pm"),
    ("We'll be in touch within the hour.", "We'll be in touch within the hour"),
    (
      "Tomorrow morning, after the engineers have checked every single affected system in "
        + "the building, we will publish an update.", "Tomorrow morning … we will publish an update"
    ),
  ])
  func evidenceQuotesTheWords(text: String, evidence: String) {
    let found = NextUpdateParser.find(in: text, sentAt: .zero, startsAt: 540, startsOn: nil)
    #expect(found?.evidence == evidence)
  }

  // MARK: - Weekday

  @Test(arguments: [
    ("Mon", Weekday.monday), ("monday", .monday), ("Monday", .monday), ("TUE", .tuesday),
    ("Tues.", .tuesday), ("weds", .wednesday), ("Thurs", .thursday), ("fri", .friday),
    ("Saturday", .saturday), ("sun", .sunday),
  ])
  func weekdayNames(name: String, weekday: Weekday) {
    #expect(Weekday(parsing: name) == weekday)
  }

  @Test func weekdayArithmetic() {
    #expect(Weekday(parsing: "Moonday") == nil)
    #expect(Weekday(parsing: "") == nil)
    #expect(Weekday.monday.days(until: .monday) == 0)
    #expect(Weekday.friday.days(until: .monday) == 3)
    #expect(Weekday.monday.days(until: .sunday) == 6)
    #expect(Weekday.sunday.advanced(by: 1) == .monday)
    #expect(Weekday.monday.advanced(by: -1) == .sunday)
    #expect(Weekday.wednesday.advanced(by: 7 * 1000 + 2) == .friday)
    #expect(Weekday.wednesday.advanced(by: Int.min) == Weekday.wednesday.advanced(by: Int.min % 7))
  }

  // MARK: - Robustness

  /// A megabyte is read to its end (its speed is measured in Benchmarks/, not here).
  @Test func aMegabyteIsReadWhole() {
    let filler = String(repeating: "The outage began at 9am and we are sorry. ", count: 25_000)
    let promise = "Next update at 12:00. " + filler
    #expect(
      NextUpdateParser.find(in: filler, sentAt: .zero, startsAt: 540, startsOn: .monday) == nil)
    #expect(
      NextUpdateParser.find(in: promise, sentAt: .zero, startsAt: 540, startsOn: .monday)?.due
        == .hours(3))
  }

  /// Words and marks the parser looks for, and some it must survive.
  static let fragments = [
    "update", "next", "we", "will", "not", "no", "if", "at", "by", "until", "within", "in",
    "every", "the", "hour", "hours", "half", "past", "to", "quarter", "9", "12:00", "5pm", "p.m.",
    "11.30", "0900", "24:00", "99999999999999999999", "2-3", "1.5", "1h30", "noon", "midnight",
    "tomorrow", "today", "tonight", "this", "afternoon", "morning", "Monday", "next", "Fri",
    "end", "of", "day", "first", "thing", "o'clock", "won't", "’", "a", "an", "and", "or", "-",
    ",", ";", ":", ".", "!", "(", ")", "\n", "😀", "é", "\u{0}", "\u{202E}", "لا", "一", "",
  ]

  /// A small deterministic generator, so a failure can be replayed from its seed.
  struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  @Test(arguments: 0..<8)
  func randomTextNeverCrashes(seed: Int) {
    var random = Generator(state: UInt64(seed) &+ 1)
    let starts: [Int?] = [nil, 0, 540, 1439, -5, 5000]
    let weekdays: [Weekday?] = [nil] + Weekday.allCases
    let clocks = [0, 1, 59, 600, -60, 100_000, Int.max / 2, Int.min / 2]
    for _ in 0..<150 {
      var text = ""
      for _ in 0..<random.next(40) {
        if random.next(6) == 0 {
          text.unicodeScalars.append(Unicode.Scalar(UInt32(random.next(0x3000))) ?? " ")
        } else {
          text += Self.fragments[random.next(Self.fragments.count)]
        }
        text += [" ", "", "  ", "\t"][random.next(4)]
      }
      let clock = ClockDuration(seconds: clocks[random.next(clocks.count)])
      let found = NextUpdateParser.find(
        in: text, sentAt: clock, startsAt: starts[random.next(starts.count)],
        startsOn: weekdays[random.next(weekdays.count)])
      if let found {
        #expect(found.due >= clock, "\(text)")
        #expect(!found.evidence.isEmpty, "\(text)")
      }
    }
  }
}
