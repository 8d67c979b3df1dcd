/// Finds the times one sentence names, as `SpokenTime`s, in one pass over its words.
///
/// What it reads (words are the document's folded words, so "5 P.M." is "5" "p.m"):
/// - spans: "in 2 hours", "within the hour", "in the next 30 minutes", "in half an hour",
///   "within 24 hours", "in 90 mins", "in 2h", "every hour", "hourly", "2 hours from now";
/// - clock times: "17:00", "5pm", "5 p.m.", "11.30", "2.30pm", "14h00", "noon", "midday",
///   "midnight", "3 o'clock", "half past two", "quarter to three", "at 9", "at nine";
/// - days and parts of days: "today", "tonight", "tomorrow", "Monday", "next Monday",
///   "tomorrow morning", "this afternoon", "later today", "end of the day", "close of
///   business", "first thing tomorrow", "in the morning", "lunchtime";
/// - a clock time next to a day, merged: "tomorrow at 9", "9am on Monday", "Monday 10:00".
///
/// A bare number ("9") or a dotted one ("11.30") is a time only after "at", "by",
/// "before", "until", "around" and the like, and only when the clause ends there or a
/// time word follows, so "at 9 stores" is not a time. Every reader looks a bounded
/// number of words ahead, so the scan is linear.
struct SpokenTimeScanner {
  let document: StatementDocument
  /// The sentence's words, as indices into the document's word stream.
  let bounds: Range<Int>

  private var words: [StatementDocument.Word] { document.words }

  /// The times in the sentence, in order.
  func times() -> [SpokenTime] {
    var found: [SpokenTime] = []
    var index = bounds.lowerBound
    var floor = bounds.lowerBound
    while index < bounds.upperBound {
      // Most words can open no time: `read` would find none there.
      guard Self.mayOpen(words[index]), var time = read(at: index, floor: floor) else {
        index += 1
        continue
      }
      if let last = found.last, let merged = Self.merge(last, time) {
        found[found.count - 1] = merged
      } else {
        if let last = found.last, isRange(from: last, to: time) {
          found[found.count - 1].isRangeStart = true
          time.leads.append("to")
        }
        found.append(time)
      }
      index = time.body.upperBound
      floor = index
    }
    return found
  }

  /// Whether a time might be read from `word`: a number, or a word of `openers` or a
  /// weekday's name (`WordSets.timeOpener`). Every phrase `read` finds opens with one.
  static func mayOpen(_ word: StatementDocument.Word) -> Bool {
    word.kind == .number || word.sets.contains(.timeOpener)
  }

  /// "9am to 5pm", "9am until 5pm", "9am-5pm": hours something is open or runs, not a
  /// deadline at either end.
  private func isRange(from first: SpokenTime, to second: SpokenTime) -> Bool {
    guard !first.readings.isEmpty, !second.readings.isEmpty,
      first.words.upperBound == second.words.lowerBound
    else { return false }
    if second.leads.contains(where: { $0 == "to" || $0 == "until" || $0 == "till" }) {
      return true
    }
    return second.leads.isEmpty
      && document.tokens[words[second.body.lowerBound].token].joinedByHyphen
  }

  /// "tomorrow" + "at 9", "9am" + "on Monday": a clock time and a day side by side.
  static func merge(_ first: SpokenTime, _ second: SpokenTime) -> SpokenTime? {
    guard first.span == nil, second.span == nil,
      first.words.upperBound == second.words.lowerBound,
      first.readings.isEmpty || second.readings.isEmpty,
      first.day == .unspecified || second.day == .unspecified,
      first.part == nil || second.part == nil
    else { return nil }
    var merged = first
    if merged.readings.isEmpty {
      merged.readings = second.readings
      merged.twelveHour = second.twelveHour
    }
    if merged.day == .unspecified { merged.day = second.day }
    if merged.part == nil { merged.part = second.part }
    merged.words = first.words.lowerBound..<second.words.upperBound
    merged.body = first.body.lowerBound..<second.body.upperBound
    merged.leads = first.leads + second.leads
    return merged
  }

  // MARK: - One phrase

  private func read(at index: Int, floor: Int) -> SpokenTime? {
    if let (start, end, seconds) = span(at: index) {
      return SpokenTime(
        span: ClockDuration(seconds: seconds), words: start..<end, body: start..<end)
    }
    let (leads, leadStart) = leads(before: index, floor: floor)
    if let clock = clock(at: index) {
      if clock.needsLead {
        guard let nearest = leads.first, Self.barePrepositions.contains(nearest),
          !clock.needsAt || nearest == "at", endsPhrase(at: clock.end)
        else { return nil }
      }
      return SpokenTime(
        readings: clock.readings, twelveHour: clock.twelveHour, words: leadStart..<clock.end,
        body: index..<clock.end, leads: leads)
    }
    if let phrase = dayPhrase(at: index) {
      if phrase.needsLead && (leads.isEmpty || leads.contains("than")) { return nil }
      return SpokenTime(
        day: phrase.day, part: phrase.part, words: leadStart..<phrase.end,
        body: index..<phrase.end, leads: leads)
    }
    return nil
  }

  /// The prepositions just before `index`, nearest first, and where they start.
  private func leads(before index: Int, floor: Int) -> ([String], Int) {
    var leads: [String] = []
    var start = index
    while start - 1 >= max(floor, bounds.lowerBound), leads.count < 3 {
      let word = words[start - 1].folded
      if word == "than", start - 3 >= max(floor, bounds.lowerBound),
        words[start - 2].folded == "later",
        words[start - 3].folded == "no" || words[start - 3].folded == "not"
      {
        leads.append("no later than")
        start -= 3
      } else if Self.leadWords.contains(word) {
        leads.append(word)
        start -= 1
      } else {
        break
      }
    }
    return (leads, start)
  }

  /// After a bare hour: the end of the clause, or a word that goes with a time.
  private func endsPhrase(at index: Int) -> Bool {
    guard index < bounds.upperBound else { return true }
    let word = words[index]
    return word.startsClause || Self.followers.contains(word.folded)
      || Self.partWords[word.folded] != nil || Weekday(parsing: word.folded) != nil
  }

  private func folded(_ index: Int) -> String? {
    bounds.contains(index) ? words[index].folded : nil
  }

  private func isWord(_ index: Int, in set: Set<String>) -> Bool {
    folded(index).map(set.contains) ?? false
  }

  // MARK: - Spans

  /// "in 2 hours", "within the hour", "every 30 minutes", "hourly", "2 hours from now":
  /// the phrase and its length in seconds.
  private func span(at index: Int) -> (Int, Int, Int)? {
    guard let word = folded(index) else { return nil }
    switch word {
    case "hourly":
      if folded(index - 1) == "half" {
        return (index - 1, index + 1, 1800)
      }
      return (index, index + 1, 3600)
    case "daily":
      return (index, index + 1, 86_400)
    case "in", "within", "inside", "over", "during", "every":
      break
    default:
      // "2 hours from now".
      guard let (seconds, end) = amountWithUnit(at: index, definite: false),
        folded(end) == "from", folded(end + 1) == "now"
      else { return nil }
      return (index, end + 2, seconds)
    }
    var cursor = index + 1
    if word == "inside" && folded(cursor) == "of" { cursor += 1 }
    var definite = word == "every"
    if folded(cursor) == "the" {
      if isWord(cursor + 1, in: Self.nextWords) {
        cursor += 2
      } else if word == "within" && folded(cursor + 1) == "hour" {
        cursor += 1
      } else {
        return nil
      }
      definite = true
    } else if folded(cursor) == "next" {
      cursor += 1
      definite = true
    }
    // "lasted over 2 hours" is a length; "over the next 2 hours" a promise.
    if (word == "over" || word == "during") && !definite { return nil }
    cursor = afterQualifiers(cursor)
    guard let (seconds, end) = amountWithUnit(at: cursor, definite: definite) else { return nil }
    var finish = end
    if folded(finish) == "time" { finish += 1 }
    return (index, finish, seconds)
  }

  /// Skips "no more than", "less than", "about", "up to" and the like.
  private func afterQualifiers(_ start: Int) -> Int {
    var cursor = start
    for _ in 0..<3 {
      guard let word = folded(cursor) else { break }
      if word == "no" || word == "not", isWord(cursor + 1, in: Self.moreWords),
        folded(cursor + 2) == "than"
      {
        cursor += 3
      } else if word == "less" || word == "fewer", folded(cursor + 1) == "than" {
        cursor += 2
      } else if word == "up" || word == "at", isWord(cursor + 1, in: Self.upToWords) {
        cursor += 2
      } else if Self.spanQualifiers.contains(word) {
        cursor += 1
      } else {
        break
      }
    }
    return cursor
  }

  /// An amount and a unit ("2 hours", "half an hour", "an hour and a half", "90mins"),
  /// in seconds, and where it ends. With `definite` ("the next hour", "every hour") a
  /// singular unit alone means one.
  private func amountWithUnit(at index: Int, definite: Bool) -> (Int, Int)? {
    if let compact = compactSpan(at: index) { return (compact, index + 1) }
    var hundredths = 100
    var cursor = index
    if let (amount, end) = amount(at: index) {
      hundredths = amount
      cursor = end
    } else if !definite {
      return nil
    } else if !isWord(index, in: Self.singularUnits) {
      return nil
    }
    guard let word = folded(cursor), let unit = Self.units[word] else { return nil }
    cursor += 1
    if folded(cursor) == "and", folded(cursor + 1) == "a", folded(cursor + 2) == "half" {
      hundredths += 50
      cursor += 3
    }
    let seconds = hundredths * unit / 100
    guard seconds > 0, seconds <= ClockDuration.maximum.seconds else { return nil }
    return (seconds, cursor)
  }

  /// How many of a unit, in hundredths: "2" is 200, "1.5" 150, "half an" 50, "a couple
  /// of" 200, "two to three" 300 (the later end of a range).
  private func amount(at index: Int) -> (Int, Int)? {
    guard let (value, end) = singleAmount(at: index) else { return nil }
    // "2-3 hours", "two to three hours", "2 or 3 hours": the later end.
    if end < bounds.upperBound, document.tokens[words[end].token].joinedByHyphen,
      let upper = singleAmount(at: end)
    {
      return upper
    }
    if isWord(end, in: Self.rangeWords), let upper = singleAmount(at: end + 1) {
      return upper
    }
    return (value, end)
  }

  private func singleAmount(at index: Int) -> (Int, Int)? {
    guard let word = folded(index) else { return nil }
    var value: Int
    var end: Int
    switch word {
    case "a", "an":
      if folded(index + 1) == "half" { return (50, index + 2) }
      if folded(index + 1) == "quarter" { return quarter(after: index + 2) }
      if folded(index + 1) == "couple", folded(index + 2) == "of" { return (200, index + 3) }
      return (100, index + 1)
    case "half":
      return (50, isWord(index + 1, in: Self.articles) ? index + 2 : index + 1)
    case "quarter":
      return quarter(after: index + 1)
    case "couple":
      guard folded(index + 1) == "of" else { return nil }
      return (200, index + 2)
    default:
      if words[index].kind == .number, let decimal = Self.decimal(word) {
        value = decimal
        end = index + 1
      } else if let (whole, next) = cardinal(at: index) {
        value = whole * 100
        end = next
      } else {
        return nil
      }
    }
    if folded(end) == "and", folded(end + 1) == "a", folded(end + 2) == "half" {
      value += 50
      end += 3
    }
    return (value, end)
  }

  private func quarter(after index: Int) -> (Int, Int) {
    var end = index
    if folded(end) == "of" { end += 1 }
    if isWord(end, in: Self.articles) { end += 1 }
    return (25, end)
  }

  /// A whole number in words or digits: "two", "twenty four", "twenty-four", "90".
  private func cardinal(at index: Int) -> (Int, Int)? {
    guard let word = folded(index) else { return nil }
    if words[index].kind == .number {
      guard word.count <= 4, word.allSatisfy(StatementTokenizer.isDigit), let value = Int(word)
      else { return nil }
      return (value, index + 1)
    }
    guard let value = Self.cardinals[word] else { return nil }
    if value >= 20, value % 10 == 0, let next = folded(index + 1),
      let ones = Self.cardinals[next], ones < 10
    {
      return (value + ones, index + 2)
    }
    return (value, index + 1)
  }

  /// "2h", "30m", "90mins", "1h30", "1h30m", "2hrs", "3d": seconds.
  private func compactSpan(at index: Int) -> Int? {
    guard let word = folded(index), words[index].kind == .number else { return nil }
    if let ascii = Self.asciiBytes(word) { return Self.compactSpan(ascii: ascii) }
    guard word.count <= 12 else { return nil }
    var total = 0
    var characters = word[...]
    var sawUnit = false
    while !characters.isEmpty {
      let digits = characters.prefix { StatementTokenizer.isDigit($0) }
      guard !digits.isEmpty, let number = Int(digits) else { return nil }
      characters = characters.dropFirst(digits.count)
      let letters = characters.prefix { $0.isLetter }
      characters = characters.dropFirst(letters.count)
      // "1h30": minutes may follow hours without their unit.
      let unit: Int?
      if letters.isEmpty && sawUnit && characters.isEmpty {
        unit = 60
      } else {
        unit = Self.compactUnits[String(letters)]
      }
      guard let unit else { return nil }
      total += number * unit
      sawUnit = true
    }
    guard sawUnit, total > 0, total <= ClockDuration.maximum.seconds else { return nil }
    return total
  }

  /// `compactSpan(at:)` for a word in ASCII: the same reading on its bytes (where a
  /// letter is a to z or A to Z, and a character one byte).
  private static func compactSpan(ascii: [UInt8]) -> Int? {
    guard ascii.count <= 12 else { return nil }
    var total = 0
    var cursor = 0
    var sawUnit = false
    while cursor < ascii.count {
      var number = 0
      let digitsStart = cursor
      while cursor < ascii.count, isDigit(ascii[cursor]) {
        number = number * 10 + Int(ascii[cursor] - 48)
        cursor += 1
      }
      guard cursor > digitsStart else { return nil }
      let lettersStart = cursor
      while cursor < ascii.count, isLetter(ascii[cursor]) { cursor += 1 }
      let unit: Int?
      if cursor == lettersStart && sawUnit && cursor == ascii.count {
        unit = 60
      } else {
        unit = compactUnits[String(decoding: ascii[lettersStart..<cursor], as: UTF8.self)]
      }
      guard let unit else { return nil }
      total += number * unit
      sawUnit = true
    }
    guard sawUnit, total > 0, total <= ClockDuration.maximum.seconds else { return nil }
    return total
  }

  /// The bytes of `text` when it is all ASCII, else `nil`.
  static func asciiBytes(_ text: String) -> [UInt8]? {
    let bytes = Array(text.utf8)
    return bytes.contains(where: { $0 >= 128 }) ? nil : bytes
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
  }

  /// "1.5" → 150, "2" → 200: digits with at most two decimals, in hundredths.
  static func decimal(_ text: String) -> Int? {
    if let ascii = asciiBytes(text) { return decimal(ascii: ascii) }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, (1...4).contains(whole.count),
      whole.allSatisfy(StatementTokenizer.isDigit), let units = Int(whole)
    else { return nil }
    guard parts.count == 2 else { return units * 100 }
    let fraction = parts[1]
    guard (1...2).contains(fraction.count), fraction.allSatisfy(StatementTokenizer.isDigit),
      let hundredths = Int(fraction.count == 1 ? fraction + "0" : fraction)
    else { return nil }
    return units * 100 + hundredths
  }

  /// `decimal(_:)` for a text in ASCII, on its bytes.
  private static func decimal(ascii: [UInt8]) -> Int? {
    let dot = ascii.firstIndex(of: 46) ?? ascii.count
    let wholeCount = dot
    guard (1...4).contains(wholeCount) else { return nil }
    var units = 0
    for byte in ascii[..<dot] {
      guard isDigit(byte) else { return nil }
      units = units * 10 + Int(byte - 48)
    }
    guard dot < ascii.count else { return units * 100 }
    let fraction = ascii[(dot + 1)...]
    guard (1...2).contains(fraction.count), !fraction.contains(46) else { return nil }
    var hundredths = 0
    for byte in fraction {
      guard isDigit(byte) else { return nil }
      hundredths = hundredths * 10 + Int(byte - 48)
    }
    return units * 100 + (fraction.count == 1 ? hundredths * 10 : hundredths)
  }

  // MARK: - Clock times

  /// A clock time found at a word: its readings, where it ends, and whether it is a bare
  /// number that needs a preposition before it.
  private struct Clock {
    var end: Int
    var readings: [Int]
    var twelveHour: Bool
    var needsLead = false
    /// Only "at" will do: "at 1400".
    var needsAt = false
  }

  private func clock(at index: Int) -> Clock? {
    guard let word = folded(index) else { return nil }
    switch word {
    case "noon", "midday": return Clock(end: index + 1, readings: [720], twelveHour: false)
    case "midnight": return Clock(end: index + 1, readings: [1440], twelveHour: false)
    default: break
    }
    if let clock = pastOrTo(at: index) { return clock }
    if word == "half", let hour = hour(at: index + 1), !isWord(hour.end, in: Self.unitWords) {
      // British "half two" is 2:30.
      return Self.twelveHourClock(hour.value, minute: 30, end: hour.end, needsLead: true)
    }
    if words[index].kind == .number, let written = WrittenClock(word) {
      return clock(written, at: index)
    }
    if let hour = Self.hourWords[word] {
      return clock(WrittenClock(hour: hour), at: index)
    }
    return nil
  }

  private func clock(_ written: WrittenClock, at index: Int) -> Clock? {
    var written = written
    var end = index + 1
    if written.suffix == nil, written.separator != "h", let next = folded(end) {
      switch next {
      case "am", "a.m", "pm", "p.m":
        written.suffix = next.hasPrefix("a") ? "am" : "pm"
        end += 1
      case "hrs", "hours":
        guard written.fourDigits || written.separator == ":" else { break }
        written.military = true
        end += 1
      case "o'clock", "oclock":
        guard written.separator == nil, !written.fourDigits else { return nil }
        written.oClock = true
        end += 1
      case "noon", "midday", "midnight":
        guard written.hour == 12, written.separator == nil else { break }
        return Clock(end: end + 1, readings: [next == "midnight" ? 1440 : 720], twelveHour: false)
      default: break
      }
    }
    let hour = written.hour
    let minute = written.minute
    guard (0..<60).contains(minute) else { return nil }
    if let suffix = written.suffix {
      guard (1...12).contains(hour) else { return nil }
      var minutes = (hour % 12 + (suffix == "pm" ? 12 : 0)) * 60 + minute
      // "12am" is the midnight that ends the day, as "by midnight" is.
      if minutes == 0 { minutes = 1440 }
      return Clock(end: end, readings: [minutes], twelveHour: false)
    }
    if written.oClock {
      guard (1...12).contains(hour) else { return nil }
      return Self.twelveHourClock(hour, minute: 0, end: end, needsLead: false)
    }
    guard hour <= 24, hour < 24 || minute == 0 else { return nil }
    if written.fourDigits || written.military {
      // Four digits alone may be a count or a year ("by 2026"): "1400" is a time only
      // after "at", "0900" after any preposition.
      var clock = Clock(
        end: end, readings: [hour * 60 + minute], twelveHour: false,
        needsLead: !written.military)
      clock.needsAt = clock.needsLead && hour >= 10
      return clock
    }
    let needsLead = written.separator == nil || written.separator == "."
    if (1...12).contains(hour) && !written.leadingZero && written.separator != "h" {
      return Self.twelveHourClock(hour, minute: minute, end: end, needsLead: needsLead)
    }
    return Clock(end: end, readings: [hour * 60 + minute], twelveHour: false, needsLead: needsLead)
  }

  /// "half past two", "quarter to three", "ten past four", "20 to 5".
  private func pastOrTo(at index: Int) -> Clock? {
    var start = index
    if folded(start) == "a", folded(start + 1) == "quarter" { start += 1 }
    guard let word = folded(start) else { return nil }
    let minutes: Int
    var cursor = start + 1
    switch word {
    case "half": minutes = 30
    case "quarter": minutes = 15
    default:
      guard let (value, end) = cardinal(at: start), (1..<60).contains(value) else { return nil }
      minutes = value
      cursor = end
    }
    guard let direction = folded(cursor), direction == "past" || direction == "to",
      let hour = hour(at: cursor + 1)
    else { return nil }
    var end = hour.end
    var clockHour = hour.value
    var clockMinute = minutes
    if direction == "to" {
      clockHour = hour.value == 1 ? 12 : hour.value - 1
      clockMinute = 60 - minutes
    }
    if let next = folded(end), Self.meridiems.contains(next) {
      let minute = (clockHour % 12 + (next.hasPrefix("p") ? 12 : 0)) * 60 + clockMinute
      return Clock(end: end + 1, readings: [minute], twelveHour: false)
    }
    if folded(end) == "o'clock" { end += 1 }
    return Self.twelveHourClock(clockHour, minute: clockMinute, end: end, needsLead: false)
  }

  /// An hour from 1 to 12, in digits or words.
  private func hour(at index: Int) -> (value: Int, end: Int)? {
    guard let word = folded(index) else { return nil }
    if let value = Self.hourWords[word] { return (value, index + 1) }
    guard words[index].kind == .number, word.count <= 2,
      word.allSatisfy(StatementTokenizer.isDigit),
      let value = Int(word), (1...12).contains(value)
    else { return nil }
    return (value, index + 1)
  }

  /// The am and pm readings of an hour said without them.
  private static func twelveHourClock(_ hour: Int, minute: Int, end: Int, needsLead: Bool)
    -> Clock
  {
    let morning = (hour % 12) * 60 + minute
    return Clock(
      end: end, readings: [morning, morning + 720], twelveHour: true, needsLead: needsLead)
  }

  /// A clock time as written in one token: "17:00", "9.30pm", "5pm", "14h00", "9".
  private struct WrittenClock {
    var hour: Int
    var minute = 0
    /// ":", "." or "h" between hours and minutes.
    var separator: Character?
    /// "am" or "pm".
    var suffix: String?
    /// "09:00": a 24-hour clock.
    var leadingZero = false
    var oClock = false
    /// "0900": four digits.
    var fourDigits = false
    /// "14:00 hrs", "1400hrs": said to be a 24-hour time.
    var military = false

    init(hour: Int) { self.hour = hour }

    init?(_ text: String) {
      if let ascii = SpokenTimeScanner.asciiBytes(text) {
        self.init(ascii: ascii)
      } else {
        self.init(unicode: text)
      }
    }

    /// Reads any text, character by character.
    private init?(unicode text: String) {
      var rest = text[...]
      for mark in ["hrs", "am", "pm"] where rest.hasSuffix(mark) {
        if mark == "hrs" { military = true } else { suffix = mark }
        rest = rest.dropLast(mark.count)
        break
      }
      let digits = rest.prefix { StatementTokenizer.isDigit($0) }
      // "0900", "1400hrs": hours and minutes run together, on a 24-hour clock.
      if digits.count == 4, digits.count == rest.count, suffix == nil,
        let hour = Int(digits.prefix(2)), let minute = Int(digits.suffix(2))
      {
        self.hour = hour
        self.minute = minute
        fourDigits = true
        return
      }
      guard (1...2).contains(digits.count), let hour = Int(digits) else { return nil }
      self.hour = hour
      leadingZero = digits.count == 2 && digits.first == "0"
      rest = rest.dropFirst(digits.count)
      guard let mark = rest.first else { return }
      guard mark == ":" || mark == "." || mark == "h" else { return nil }
      let minuteDigits = rest.dropFirst()
      guard minuteDigits.count == 2, minuteDigits.allSatisfy(StatementTokenizer.isDigit),
        let minute = Int(minuteDigits)
      else { return nil }
      separator = mark
      self.minute = minute
    }

    /// `init?(_:)` for a text in ASCII, on its bytes.
    private init?(ascii: [UInt8]) {
      hour = 0
      var end = ascii.count
      if ascii.count >= 3, ascii[(end - 3)...].elementsEqual("hrs".utf8) {
        military = true
        end -= 3
      } else if ascii.count >= 2, ascii[end - 1] == 109,
        ascii[end - 2] == 97 || ascii[end - 2] == 112
      {
        suffix = ascii[end - 2] == 97 ? "am" : "pm"
        end -= 2
      }
      var digitsEnd = 0
      while digitsEnd < end, ascii[digitsEnd] >= 48 && ascii[digitsEnd] <= 57 { digitsEnd += 1 }
      func number(_ range: Range<Int>) -> Int {
        ascii[range].reduce(0) { $0 * 10 + Int($1 - 48) }
      }
      // "0900", "1400hrs": hours and minutes run together, on a 24-hour clock.
      if digitsEnd == 4, end == 4, suffix == nil {
        hour = number(0..<2)
        minute = number(2..<4)
        fourDigits = true
        return
      }
      guard (1...2).contains(digitsEnd) else { return nil }
      hour = number(0..<digitsEnd)
      leadingZero = digitsEnd == 2 && ascii[0] == 48
      guard digitsEnd < end else { return }
      let mark = ascii[digitsEnd]
      guard mark == 58 || mark == 46 || mark == 104 else { return nil }
      guard end - digitsEnd - 1 == 2, ascii[digitsEnd + 1] >= 48 && ascii[digitsEnd + 1] <= 57,
        ascii[digitsEnd + 2] >= 48 && ascii[digitsEnd + 2] <= 57
      else { return nil }
      separator = Character(Unicode.Scalar(mark))
      minute = number((digitsEnd + 1)..<end)
    }
  }

  // MARK: - Days

  private struct DayPhrase {
    var end: Int
    var day: SpokenTime.Day
    var part: SpokenTime.Part?
    /// "lunch" alone is a time only after a preposition ("by lunch").
    var needsLead = false
  }

  private func dayPhrase(at index: Int) -> DayPhrase? {
    guard let word = folded(index) else { return nil }
    switch word {
    case "today", "tonight":
      guard !isPossessive(index) else { return nil }
      return DayPhrase(end: index + 1, day: .today, part: word == "tonight" ? .evening : nil)
    case "tomorrow", "tmrw", "tmw":
      return withPart(DayPhrase(end: index + 1, day: .tomorrow))
    case "this":
      if let part = folded(index + 1).flatMap({ Self.partWords[$0] }) {
        return DayPhrase(end: index + 2, day: .today, part: part)
      }
      guard let weekday = weekday(at: index + 1) else { return nil }
      return withPart(DayPhrase(end: index + 2, day: .weekday(weekday, next: false)))
    case "next":
      guard let weekday = weekday(at: index + 1) else { return nil }
      return withPart(DayPhrase(end: index + 2, day: .weekday(weekday, next: true)))
    case "later":
      if folded(index + 1) == "today" { return DayPhrase(end: index + 2, day: .today) }
      if folded(index + 1) == "on", folded(index + 2) == "today" {
        return DayPhrase(end: index + 3, day: .today)
      }
      guard folded(index + 1) == "this",
        let part = folded(index + 2).flatMap({ Self.partWords[$0] })
      else { return nil }
      return DayPhrase(end: index + 3, day: .today, part: part)
    case "the":
      guard isWord(index + 1, in: Self.endWords) else { return nil }
      return endOf(at: index + 1)
    case "end", "close":
      return endOf(at: index)
    case "eod", "cob", "eob":
      return DayPhrase(end: index + 1, day: .today, part: .endOfDay)
    case "first":
      guard folded(index + 1) == "thing" else { return nil }
      return firstThing(after: index + 2)
    case "in":
      guard folded(index + 1) == "the", let next = folded(index + 2), next != "night",
        let part = Self.partWords[next]
      else { return nil }
      return DayPhrase(end: index + 3, day: .unspecified, part: part)
    case "at":
      guard folded(index + 1) == "night" else { return nil }
      return DayPhrase(end: index + 2, day: .unspecified, part: .evening)
    case "lunchtime":
      return DayPhrase(end: index + 1, day: .unspecified, part: .lunchtime)
    case "lunch":
      let end = folded(index + 1) == "time" ? index + 2 : index + 1
      return DayPhrase(end: end, day: .unspecified, part: .lunchtime, needsLead: end == index + 1)
    default:
      guard let weekday = weekday(at: index), !isPossessive(index) else { return nil }
      return withPart(DayPhrase(end: index + 1, day: .weekday(weekday, next: false)))
    }
  }

  /// "tomorrow" → "tomorrow morning", "Monday" → "Monday afternoon".
  private func withPart(_ phrase: DayPhrase) -> DayPhrase {
    guard let next = folded(phrase.end), let part = Self.partWords[next] else { return phrase }
    var longer = phrase
    longer.end += 1
    longer.part = part
    return longer
  }

  /// "end of the day", "close of business", "end of the working day", "end of today",
  /// "end of tomorrow", "end of Monday", "end of the week" (Friday): 17:00.
  private func endOf(at index: Int) -> DayPhrase? {
    guard folded(index + 1) == "of" else { return nil }
    var cursor = index + 2
    if folded(cursor) == "the" { cursor += 1 }
    if isWord(cursor, in: Self.workingWords), folded(cursor + 1) == "day" { cursor += 1 }
    guard let word = folded(cursor) else { return nil }
    switch word {
    case "day", "play", "business", "today":
      if word != "today", let next = folded(cursor + 1), next == "today" || next == "tomorrow" {
        return DayPhrase(
          end: cursor + 2, day: next == "today" ? .today : .tomorrow, part: .endOfDay)
      }
      return DayPhrase(end: cursor + 1, day: .today, part: .endOfDay)
    case "tomorrow":
      return DayPhrase(end: cursor + 1, day: .tomorrow, part: .endOfDay)
    case "week":
      return DayPhrase(end: cursor + 1, day: .weekday(.friday, next: false), part: .endOfDay)
    default:
      guard let weekday = weekday(at: cursor) else { return nil }
      return DayPhrase(end: cursor + 1, day: .weekday(weekday, next: false), part: .endOfDay)
    }
  }

  /// After "first thing": "tomorrow", "on Monday", "Monday", "in the morning" or nothing,
  /// all at 09:00.
  private func firstThing(after index: Int) -> DayPhrase {
    var cursor = index
    var day = SpokenTime.Day.unspecified
    if isWord(cursor, in: Self.tomorrowWords) {
      day = .tomorrow
      cursor += 1
    } else if folded(cursor) == "this", folded(cursor + 1) == "morning" {
      return DayPhrase(end: cursor + 2, day: .today, part: .morning)
    } else {
      let start = folded(cursor) == "on" ? cursor + 1 : cursor
      if let weekday = weekday(at: start) {
        day = .weekday(weekday, next: false)
        cursor = start + 1
      }
    }
    if folded(cursor) == "morning" {
      cursor += 1
    } else if folded(cursor) == "in", folded(cursor + 1) == "the", folded(cursor + 2) == "morning" {
      cursor += 3
    }
    return DayPhrase(end: cursor, day: day, part: .morning)
  }

  /// A weekday's full name in any case, or a short form written with a capital ("Mon",
  /// "Weds"), so "sun", "sat" and "wed" in running text are not days.
  private func weekday(at index: Int) -> Weekday? {
    guard let word = folded(index), let weekday = Weekday(parsing: word) else { return nil }
    if word == weekday.rawValue { return weekday }
    let written = document.tokens[words[index].token].text
    return written.first?.isUppercase == true ? weekday : nil
  }

  /// "today's outage", "Monday's meeting": a day that qualifies something else.
  private func isPossessive(_ index: Int) -> Bool {
    let token = document.tokens[words[index].token]
    return token.folded != words[index].folded && token.folded.hasSuffix("'s")
  }

  // MARK: - Word lists

  /// The words other than numbers that a span, a clock time or a day can open with (see
  /// `span(at:)`, `clock(at:)`, `pastOrTo(at:)` and `dayPhrase(at:)`), with the cardinals
  /// and the weekdays' names.
  static let openers: Set<String> = Set([
    "hourly", "daily", "in", "within", "inside", "over", "during", "every", "a", "an", "half",
    "quarter", "couple", "noon", "midday", "midnight", "today", "tonight", "tomorrow", "tmrw",
    "tmw", "this", "next", "later", "the", "end", "close", "eod", "cob", "eob", "first", "at",
    "lunchtime", "lunch",
  ]).union(cardinals.keys).union(hourWords.keys).union(Weekday.names.keys)

  // Small word lists read in passing, built once rather than at every call.
  /// "The next", "the coming", "the following".
  static let nextWords: Set<String> = ["next", "coming", "following"]
  /// "No more than", "not longer than".
  static let moreWords: Set<String> = ["more", "longer"]
  /// "Up to", "at most".
  static let upToWords: Set<String> = ["to", "most"]
  /// Units that alone mean one of them after "the next" or "every".
  static let singularUnits: Set<String> = ["hour", "minute", "day", "week"]
  /// "Two to three", "2 or 3".
  static let rangeWords: Set<String> = ["to", "or"]
  /// "A", "an".
  static let articles: Set<String> = ["a", "an"]
  /// "am", "pm", as the word stream has them.
  static let meridiems: Set<String> = ["am", "a.m", "pm", "p.m"]
  /// "The end of", "the close of".
  static let endWords: Set<String> = ["end", "close"]
  /// "The working day", "the business day".
  static let workingWords: Set<String> = ["working", "business"]
  /// "Tomorrow" and its short forms.
  static let tomorrowWords: Set<String> = ["tomorrow", "tmrw", "tmw"]

  /// Prepositions kept with a time: they decide whether it is a deadline.
  static let leadWords: Set<String> = [
    "at", "by", "before", "until", "till", "til", "around", "about", "approximately", "approx",
    "roughly", "circa", "on", "for", "from", "since", "after", "between", "to", "than",
  ]
  /// Prepositions after which a bare number is a clock time ("at 9").
  static let barePrepositions: Set<String> = [
    "at", "by", "before", "until", "till", "til", "around", "about", "approximately", "approx",
    "roughly", "circa", "no later than",
  ]
  /// Words that may follow a bare hour: "at 9 tomorrow", "by 5 at the latest".
  static let followers: Set<String> = [
    "today", "tomorrow", "tonight", "this", "next", "on", "in", "and", "or", "at", "sharp",
    "then", "when", "with", "please", "latest", "but", "so", "we", "i", "you", "our", "gmt",
    "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "local", "uk",
  ]
  static let partWords: [String: SpokenTime.Part] = [
    "morning": .morning, "afternoon": .afternoon, "evening": .evening, "night": .evening,
    "lunchtime": .lunchtime,
  ]
  static let hourWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
  ]
  static let cardinals: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
  ]
  static let units: [String: Int] = [
    "minute": 60, "minutes": 60, "min": 60, "mins": 60, "mn": 60, "hour": 3600, "hours": 3600,
    "hr": 3600, "hrs": 3600, "h": 3600, "day": 86_400, "days": 86_400, "week": 604_800,
    "weeks": 604_800,
  ]
  static let unitWords = Set(units.keys)
  static let compactUnits: [String: Int] = [
    "m": 60, "min": 60, "mins": 60, "h": 3600, "hr": 3600, "hrs": 3600, "d": 86_400,
  ]
  static let spanQualifiers: Set<String> = [
    "under", "about", "around", "approximately", "approx", "roughly", "just", "only",
    "maximum", "max",
  ]
}
