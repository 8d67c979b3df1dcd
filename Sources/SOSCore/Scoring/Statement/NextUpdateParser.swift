/// Finds when a typed statement promises its next update, as a time on the crisis clock.
///
/// A time counts only in a sentence that commits to an update ("next update", "we will
/// let you know", "more information", "check back"; see `CommitmentReader`), and only
/// when no negation, hedge or condition covers it: "The outage began at 9am." and "If we
/// know more by 5pm we will update you." promise nothing. When several times are
/// promised, the earliest one at or after the moment the statement goes out wins.
///
/// Spans ("within the hour", "in 2 hours", "hourly") count from the statement. Times of
/// day need the scenario's `starts_at`; weekdays need its weekday as well. Times of day
/// said alone mean their next occurrence ("at 9" at 10:00 is 21:00; "at 9am" at 10:00 is
/// 09:00 tomorrow); an hour without am or pm said with "tomorrow" or a weekday is a
/// working hour (07:00 to 18:59); "today" with a time already past promises nothing.
/// Parts of a day stand at fixed times (see `SpokenTime.Part`):
///
/// | said | time |
/// |---|---|
/// | "tomorrow morning", "first thing tomorrow", "in the morning" | 09:00 |
/// | "lunchtime" | 12:00 |
/// | "this afternoon" | 15:00 (18:00 once 15:00 has passed) |
/// | "end of the day", "close of business", "today" | 17:00 (midnight once 17:00 has passed) |
/// | "tomorrow", "by Friday", "on Monday" (a day with no time) | 17:00 that day |
/// | "end of the week" | Friday 17:00 |
/// | "this evening", "tonight", "tomorrow night" | 19:00 (midnight once 19:00 has passed) |
///
/// A weekday that is today means today while its time is ahead, else the same day next
/// week; "next Monday" is never today. "Not … until 5pm" ("we won't update you until
/// 5pm") promises 5pm; "not … before 5pm" promises nothing.
///
/// The parse is pure and deterministic, and linear in the length of the text; only the
/// first 100,000 characters are read (the longest statement a scenario may ask for).
public enum NextUpdateParser {
  /// The most characters of a statement that are read.
  static let characterLimit = 100_000

  /// The next update `text` promises, for a statement sent at `clock` (time since T+0).
  ///
  /// - Parameters:
  ///   - startsAt: minutes after midnight at T+0, or `nil` when the scenario has no time
  ///     of day (then only spans such as "within 2 hours" count).
  ///   - startsOn: the weekday of T+0, or `nil` when unknown (then weekdays do not count).
  /// - Returns: the promised time and the words that said it, or `nil` when the statement
  ///   promises no update at a time this scenario can place.
  public static func find(
    in text: String, sentAt clock: ClockDuration, startsAt: Int?, startsOn: Weekday?
  ) -> NextUpdateTime? {
    // Far beyond any crisis clock; keeps the day arithmetic clear of overflow.
    guard clock.seconds.magnitude <= UInt(ClockDuration.maximum.seconds) * 100 else {
      return nil
    }
    let document = StatementDocument(String(text.prefix(characterLimit)))
    return find(
      in: document, reader: CommitmentReader(document), sentAt: clock, startsAt: startsAt,
      startsOn: startsOn)
  }

  /// The next update a statement already read promises (see the method above).
  static func find(
    in document: StatementDocument, reader: CommitmentReader, sentAt clock: ClockDuration,
    startsAt: Int?, startsOn: Weekday?
  ) -> NextUpdateTime? {
    guard !reader.cueSentences.isEmpty else { return nil }
    var best: (due: ClockDuration, time: SpokenTime)?
    let cueSentences = sentenceBounds(document).filter {
      reader.cueSentences.contains(document.words[$0.lowerBound].sentence)
    }
    for bounds in cueSentences {
      var accepted: [SpokenTime] = []
      for time in SpokenTimeScanner(document: document, bounds: bounds).times()
      where reader.accepts(time) {
        accepted.append(time)
      }
      // "We are restoring service by 3pm and will update you at 5pm": a time in a clause
      // with the cue is the promise, as are the times listed after it ("at 11:00, 13:00
      // and 15:00"); the others are about something else.
      let listStart =
        accepted.first { reader.hasCue(inClauseOf: $0.body.lowerBound) }?.body.upperBound
        ?? Int.max
      let withCue = accepted.filter { time in
        reader.hasCue(inClauseOf: time.body.lowerBound)
          || (time.body.lowerBound >= listStart && reader.isListItem(time))
      }
      // Without one, a time elsewhere in the sentence may still be the update's ("Next
      // update: 16:00", "Tomorrow, we will publish an update"), unless it sits in a clause
      // of its own joined by "and" or "but".
      let kept =
        withCue.isEmpty
        ? accepted.filter { !reader.isCoordinated($0) || reader.isListItem($0) } : withCue
      for time in kept {
        guard let due = time.due(sentAt: clock, startsAt: startsAt, startsOn: startsOn),
          due >= clock
        else { continue }
        if best.map({ due < $0.due }) ?? true { best = (due, time) }
      }
    }
    guard let best else { return nil }
    return NextUpdateTime(
      due: best.due, evidence: evidence(for: best.time, reader: reader, document: document))
  }

  /// The word range of each sentence.
  private static func sentenceBounds(_ document: StatementDocument) -> [Range<Int>] {
    var bounds: [Range<Int>] = []
    var start = 0
    let words = document.words
    for index in words.indices where index > 0 && words[index].sentence != words[start].sentence {
      bounds.append(start..<index)
      start = index
    }
    if start < words.count { bounds.append(start..<words.count) }
    return bounds
  }

  /// "next update at 12:00": the cue and the time with what lies between, or both joined
  /// by an ellipsis when they stand far apart.
  private static func evidence(
    for time: SpokenTime, reader: CommitmentReader, document: StatementDocument
  ) -> String {
    let timeText = document.text(words: time.words)
    guard let cue = reader.nearestCue(to: time) else { return timeText }
    let lower = min(cue.words.lowerBound, time.words.lowerBound)
    let upper = max(cue.words.upperBound, time.words.upperBound)
    if upper - lower <= 12 { return document.text(words: lower..<upper) }
    let cueText = document.text(words: cue.words)
    return cue.words.lowerBound < time.words.lowerBound
      ? "\(cueText) … \(timeText)" : "\(timeText) … \(cueText)"
  }
}
