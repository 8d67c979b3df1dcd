/// Reads where a statement commits to an update ("next update", "we will let you know")
/// and which of its words a negation, a hedge, a condition or a past event covers, so
/// that `NextUpdateParser` keeps only the times that are promises.
///
/// - A **clause** ends at a comma, semicolon, colon, dash or bracket, before a
///   conjunction ("and", "but", "because", "when", "which", …) and before "we will" or
///   "I will" in the middle of a run of words ("do not worry we will …", but not "and we
///   will …").
/// - A **segment** is a larger part of a sentence: it ends only at a semicolon, colon,
///   dash or bracket, and before "but", "however", "although", "though" and "whereas".
/// - A **negation** ("not", "no", "never", "cannot", …) covers the rest of its clause.
///   "No later than", "no more than", "not only", "whether or not" and "if not sooner"
///   are not negations. "Not … until 5pm" ("no update until 5pm") is read as "at 5pm".
/// - A **hedge** ("may", "might", "could", "would", "perhaps", "possibly", "maybe") covers
///   the rest of its clause: "the next update may be at 5pm" is not a promise.
/// - A **condition** ("if", "unless", "provided that", "assuming", "in case", "should"
///   opening a clause) covers its whole segment, whichever side of it the promise is. "Even
///   if", "as if", "if not sooner" and a condition on an earlier update ("or sooner if
///   anything changes") are not conditions on the promise.
/// - A clause that tells of the **past** ("was", "began", "caused", "ago", …) or opens
///   with "after", "once", "when", "while", "as" or "since" holds no promised time unless
///   it also holds a firm cue ("we will update you", "next update"); a bare "update" is
///   not firm ("the update at 9am caused the outage").
/// - A clause about **opening hours** ("lines are open until 8pm") or that **reports** what
///   was said ("we said we would update you at 9am") holds no promised time.
/// - A clock time with no preposition that opens a sentence before a dash, colon or
///   bracket, or follows a bare "update", is a **timestamp** ("Update (10:30): …").
///
/// A class: the evaluation, the next-update parser and the criteria share one reading
/// instead of copying its many arrays.
final class CommitmentReader {
  /// A phrase that commits to an update.
  struct Cue: Hashable, Sendable {
    var words: Range<Int>
    /// "next update", "we will call you": firm even in a clause about the past.
    var firm: Bool
  }

  /// A clause's first negation, and whether "until" follows it in the clause. (A
  /// struct rather than a tuple: an array of it is made without looking up its type.)
  private struct Negation {
    var word: Int
    var until: Bool
  }

  let document: StatementDocument
  // The arrays below are written only while the reader is made, one access at a time,
  // and read thereafter: they go without the run-time exclusivity checks a class's
  // stored properties otherwise get at every access.
  /// Clause and segment of each word.
  @exclusivity(unchecked) private var clause: [Int] = []
  @exclusivity(unchecked) private var segment: [Int] = []
  /// The first word of each clause.
  @exclusivity(unchecked) private var clauseStart: [Int] = []
  /// The cues that stand: not negated, hedged or conditional; in order.
  @exclusivity(unchecked) private(set) var cues: [Cue] = []
  /// Sentences that hold a cue that stands.
  @exclusivity(unchecked) private(set) var cueSentences: Set<Int> = []

  // What is known of each clause and segment, by number (they are numbered from 0 in
  // order, so arrays hold them without hashing).
  /// What is known of each clause. (One array of them rather than an array for each:
  /// every array is made and freed through its type.)
  @exclusivity(unchecked) private var clauseStates: [ClauseState] = []
  /// What is known of each segment.
  @exclusivity(unchecked) private var segmentStates: [SegmentState] = []

  /// What is known of one clause.
  private struct ClauseState {
    /// The first negation in the clause, and whether "until" follows it in the clause.
    var negation: Negation?
    /// The first hedge in the clause.
    var hedge: Int?
    var past = false
    /// About opening hours or reporting what was said: it holds no promise.
    var closed = false
    var firm = false
    var cue = false
  }

  /// What is known of one segment.
  private struct SegmentState {
    var conditional = false
    var firstCue: Int?
  }

  /// Reads `document`; `matches`, when given, are the matches of every word list
  /// from `LexiconIndex` (so the cue lists are not matched again).
  init(_ document: StatementDocument, matches: LexiconMatches? = nil) {
    self.document = document
    divide()
    markScopes()
    findCues(matches)
  }

  private var words: [StatementDocument.Word] { document.words }

  private func folded(_ index: Int, sameSentenceAs anchor: Int) -> String? {
    guard index >= 0, index < words.count, words[index].sentence == words[anchor].sentence
    else { return nil }
    return words[index].folded
  }

  // MARK: - Clauses and segments

  private func divide() {
    // Built in locals and stored once: appending to the stored arrays of a class checks
    // exclusive access at every word.
    let words = self.words
    var clause: [Int] = []
    var segment: [Int] = []
    var clauseStart: [Int] = []
    clause.reserveCapacity(words.count)
    segment.reserveCapacity(words.count)
    var clauseNumber = -1
    var segmentNumber = -1
    for index in words.indices {
      let sets = words[index].sets
      let sentence = words[index].sentence
      let token = words[index].token
      let newSentence = index == 0 || words[index - 1].sentence != sentence
      let newToken = index == 0 || words[index - 1].token != token
      let strongBreak =
        newSentence || (newToken && strongPunctuation(before: token))
        || sets.contains(.segmentWord)
      var newClause = strongBreak || words[index].startsClause || sets.contains(.conjunction)
      // "and we will …" stays one clause: the conjunction has just opened it.
      // (The next word's bit is asked before the spelling is compared: most words fail it.)
      if !newClause, index + 1 < words.count, words[index + 1].sets.contains(.subjectVerb),
        words[index].folded == "we" || words[index].folded == "i",
        clauseStart.last != index - 1, words[index + 1].sentence == sentence
      {
        newClause = true
      }
      if strongBreak { segmentNumber += 1 }
      if newClause || strongBreak {
        clauseNumber += 1
        clauseStart.append(index)
      }
      clause.append(clauseNumber)
      segment.append(segmentNumber)
    }
    self.clause = clause
    self.segment = segment
    self.clauseStart = clauseStart
    let clauses = clauseNumber + 1
    let segments = segmentNumber + 1
    clauseStates = Array(repeating: ClauseState(), count: clauses)
    segmentStates = Array(repeating: SegmentState(), count: segments)
  }

  /// A semicolon, colon, dash or bracket between this token and the one before.
  private func strongPunctuation(before token: Int) -> Bool {
    guard token > 0 else { return false }
    let tokens = document.tokens
    let gap = tokens[token - 1].range.upperBound..<tokens[token].range.lowerBound
    guard !gap.isEmpty else { return false }
    let codes = document.codes
    for offset in gap {
      // Most gaps are ASCII: a byte answers without reading the character. (Code 10
      // may be "\r\n", which is no mark either way.)
      let ascii = codes[offset]
      if ascii != 0 {
        if Self.strongASCII.contains(ascii) { return true }
        if ascii == 45 && !tokens[token].joinedByHyphen { return true }
        continue
      }
      let character = document.characters[offset]
      if Self.strongMarks.contains(character) { return true }
      if character == "-" && !tokens[token].joinedByHyphen { return true }
    }
    return false
  }

  // MARK: - Negations, hedges, conditions, the past

  private func markScopes() {
    // Words read in place, not copied out; the states built in locals and stored once.
    let words = self.words
    let clause = self.clause
    var clauseStates = self.clauseStates
    var segmentStates = self.segmentStates
    self.clauseStates = []
    self.segmentStates = []
    for index in words.indices {
      let sets = words[index].sets
      let here = clause[index]
      if clauseStates[here].negation == nil, sets.contains(.negator), !isExemptNegation(index) {
        clauseStates[here].negation = Negation(word: index, until: false)
      } else if let open = clauseStates[here].negation, !open.until, sets.contains(.until) {
        clauseStates[here].negation = Negation(word: open.word, until: true)
      }
      if clauseStates[here].hedge == nil, sets.contains(.hedge), !words[index].isName {
        clauseStates[here].hedge = index
      }
      if sets.contains(.conditionWord), isCondition(index) {
        segmentStates[segment[index]].conditional = true
      }
      let opensClause = index == 0 || clause[index - 1] != here
      if opensClause && sets.contains(.subordinator) {
        clauseStates[here].past = true
      }
      if sets.contains(.pastMarker),
        !(index > 0 && words[index - 1].sentence == words[index].sentence
          && words[index - 1].sets.contains(.futureLead))
      {
        clauseStates[here].past = true
      }
      if sets.contains(.openingHours) || sets.contains(.reportedSpeech)
        || (words[index].folded == "opening"
          && folded(index + 1, sameSentenceAs: index) == "hours")
      {
        clauseStates[here].closed = true
      }
    }
    self.clauseStates = clauseStates
    self.segmentStates = segmentStates
  }

  /// "no later than", "not more than", "not only", "whether or not", "if not sooner".
  private func isExemptNegation(_ index: Int) -> Bool {
    let next = folded(index + 1, sameSentenceAs: index)
    let afterNext = folded(index + 2, sameSentenceAs: index)
    let previous = folded(index - 1, sameSentenceAs: index)
    let word = words[index].folded
    if word == "no" || word == "not" {
      if let next, Self.comparatives.contains(next), afterNext == "than" { return true }
      if word == "not" && next == "only" { return true }
      // "Do not hesitate to call us" invites; it refuses nothing.
      if word == "not" && next == "hesitate" { return true }
      if word == "not" && previous == "or" { return true }
      if word == "not" && previous == "if", let next, Self.earlierWords.contains(next) {
        return true
      }
    }
    return false
  }

  private func isCondition(_ index: Int) -> Bool {
    let word = words[index].folded
    let previous = folded(index - 1, sameSentenceAs: index)
    let next = folded(index + 1, sameSentenceAs: index)
    switch word {
    case "if":
      if previous == "even" || previous == "as" { return false }
      if next == "not", let after = folded(index + 2, sameSentenceAs: index),
        Self.earlierWords.contains(after)
      {
        return false
      }
    case "unless":
      break
    case "provided", "providing", "assuming":
      guard next == "that" || words[index].startsClause else { return false }
    case "in":
      guard next == "case" || (next == "the" && folded(index + 2, sameSentenceAs: index) == "event")
      else { return false }
    case "should":
      // "Should any customers have …": a condition, also inside a clause.
      let inverted = next.map { Self.invertedSubjects.contains($0) } ?? false
      guard words[index].startsClause || (inverted && !Self.quotedSubjects.contains(previous ?? ""))
      else { return false }
    case "extent":
      // "To the extent that anyone was inconvenienced".
      guard previous == "the", folded(index - 2, sameSentenceAs: index) == "to" else {
        return false
      }
    case "insofar":
      break
    default:
      return false
    }
    // "by 5pm, or sooner if anything changes": the condition is on the earlier update.
    for offset in 1...3 {
      let before = index - offset
      guard before >= 0, segment[before] == segment[index] else { break }
      if words[before].sets.contains(.earlier) { return false }
    }
    return true
  }

  // MARK: - Cues

  private func findCues(_ matches: LexiconMatches?) {
    func of(_ set: PatternSet) -> ArraySlice<PatternSet.Match> {
      if let matches, let position = LexiconIndex.shared.index(of: set) {
        return matches[position]
      }
      return set.matches(in: words)[...]
    }
    var found: [Cue] = []
    for match in of(Self.firmCueSet) {
      found.append(Cue(words: match.words, firm: true))
    }
    for match in of(Self.plainCueSet) where !isInstruction(match.words) {
      found.append(Cue(words: match.words, firm: false))
    }
    found.sort { ($0.words.lowerBound, $0.firm ? 0 : 1) < ($1.words.lowerBound, $1.firm ? 0 : 1) }
    var kept: [Cue] = []
    for cue in found {
      if let last = kept.last, cue.words.lowerBound < last.words.upperBound {
        let upper = max(last.words.upperBound, cue.words.upperBound)
        kept[kept.count - 1].words = last.words.lowerBound..<upper
        kept[kept.count - 1].firm = last.firm || cue.firm
        continue
      }
      kept.append(cue)
    }
    for var cue in kept where stands(cue) {
      let start = cue.words.lowerBound
      // Quote "we will be in touch", not "be in touch".
      var quoted = start
      while quoted > start - 2, let previous = folded(quoted - 1, sameSentenceAs: start),
        Self.quotedSubjects.contains(previous)
      {
        quoted -= 1
      }
      cue.words = quoted..<cue.words.upperBound
      cues.append(cue)
      cueSentences.insert(words[start].sentence)
      clauseStates[clause[start]].cue = true
      if cue.firm { clauseStates[clause[start]].firm = true }
      if segmentStates[segment[start]].firstCue == nil {
        segmentStates[segment[start]].firstCue = start
      }
    }
  }

  /// "please update your app": an instruction to the reader, not our update.
  private func isInstruction(_ span: Range<Int>) -> Bool {
    let start = span.lowerBound
    return folded(start - 1, sameSentenceAs: start) == "please"
      || folded(span.upperBound, sameSentenceAs: start) == "your"
  }

  private func stands(_ cue: Cue) -> Bool {
    let start = cue.words.lowerBound
    if segmentStates[segment[start]].conditional || isHedged(start) { return false }
    if let open = clauseStates[clause[start]].negation, open.word <= start, !open.until {
      return false
    }
    return true
  }

  /// Whether a negation earlier in its clause covers the word at `index` ("we are
  /// **not** sorry", "there will be **no** next update").
  func isNegated(_ index: Int) -> Bool {
    guard clause.indices.contains(index), let open = clauseStates[clause[index]].negation else {
      return false
    }
    return open.word < index
  }

  /// The negation that covers the word at `index`, if one does: where "not" stands in
  /// "we are not sorry".
  func negator(of index: Int) -> Int? {
    guard clause.indices.contains(index), let open = clauseStates[clause[index]].negation,
      open.word < index
    else { return nil }
    return open.word
  }

  /// Whether a condition covers the segment of the word at `index` ("**if** anyone was
  /// upset, sorry").
  func isConditional(_ index: Int) -> Bool {
    segment.indices.contains(index) && segmentStates[segment[index]].conditional
  }

  /// The clause of the word at `index`.
  func clause(of index: Int) -> Int { clause[index] }

  func isHedged(_ index: Int) -> Bool {
    clauseStates[clause[index]].hedge.map { $0 <= index } ?? false
  }

  // MARK: - Times

  /// Whether a time in a sentence with a cue is a promised update time.
  func accepts(_ time: SpokenTime) -> Bool {
    let start = time.words.lowerBound
    let body = time.body.lowerBound
    let here = clause[body]
    if time.isExcluded || segmentStates[segment[body]].conditional || isHedged(start) {
      return false
    }
    if let open = clauseStates[here].negation, open.word <= start, !(open.until && time.isUntil) {
      return false
    }
    if clauseStates[here].closed || isTimestamp(time) { return false }
    if clauseStates[here].past && !clauseStates[here].firm { return false }
    // "Following the disruption today, …": a day said in passing, not when we update.
    if time.isDayOnly, time.leads.isEmpty,
      words[body].sets.contains(.bareDay)
        || Weekday(parsing: words[body].folded) != nil
    {
      let cueBefore = segmentStates[segment[body]].firstCue.map { $0 < body } ?? false
      return words[body].startsClause || cueBefore
    }
    return true
  }

  /// "Updates at 11:00, 13:00 and 15:00": a clause that holds nothing but the time, and
  /// perhaps "and", "or" or "again", continues a list. Only eight words either side are
  /// looked at, so a long run of times costs no more than a short one.
  func isListItem(_ time: SpokenTime) -> Bool {
    let here = clause[time.body.lowerBound]
    var index = time.words.lowerBound - 1
    while index >= 0, index >= time.words.lowerBound - 8, clause[index] == here {
      guard words[index].sets.contains(.listWord) else { return false }
      index -= 1
    }
    guard index < 0 || clause[index] != here else { return false }
    index = time.words.upperBound
    while index < words.count, index < time.words.upperBound + 8, clause[index] == here {
      guard words[index].sets.contains(.listWord) else { return false }
      index += 1
    }
    return index >= words.count || clause[index] != here
  }

  /// Whether a clause holds a cue that stands.
  func hasCue(inClauseOf index: Int) -> Bool {
    clauseStates[clause[index]].cue
  }

  /// "Update (10:30): …", "10:30 – our app is down": a clock time that dates a heading
  /// rather than promising anything. A clock time with no preposition counts as one when
  /// it opens the sentence before a dash, colon or bracket, or comes right after a bare
  /// "update".
  private func isTimestamp(_ time: SpokenTime) -> Bool {
    guard time.leads.isEmpty, !time.readings.isEmpty, time.day == .unspecified else {
      return false
    }
    let body = time.body
    let opensSentence =
      body.lowerBound == 0
      || words[body.lowerBound - 1].sentence != words[body.lowerBound].sentence
    if opensSentence, body.upperBound < words.count,
      words[body.upperBound].sentence == words[body.lowerBound].sentence,
      segment[body.upperBound] != segment[body.lowerBound]
    {
      return true
    }
    guard let cue = lastCue(endingBy: body.lowerBound), !cue.firm,
      words[cue.words.lowerBound].sentence == words[body.lowerBound].sentence
    else { return false }
    return body.lowerBound - cue.words.upperBound <= 1
  }

  /// The last cue that ends at or before `index`; cues do not overlap, so their ends are
  /// in order and a binary search finds it.
  private func lastCue(endingBy index: Int) -> Cue? {
    var low = 0
    var high = cues.count
    while low < high {
      let middle = (low + high) / 2
      if cues[middle].words.upperBound <= index { low = middle + 1 } else { high = middle }
    }
    return low > 0 ? cues[low - 1] : nil
  }

  /// The cue in the time's sentence nearest to it, found by binary search.
  func nearestCue(to time: SpokenTime) -> Cue? {
    let sentence = words[time.body.lowerBound].sentence
    var candidates: [(cue: Cue, distance: Int)] = []
    if let before = lastCue(endingBy: time.words.lowerBound) {
      candidates.append((before, time.words.lowerBound - before.words.upperBound))
    }
    if let after = firstCue(startingAfter: time.words.lowerBound) {
      candidates.append((after, max(0, after.words.lowerBound - time.words.upperBound)))
    }
    return
      candidates
      .filter { words[$0.cue.words.lowerBound].sentence == sentence }
      .min { $0.distance < $1.distance }?.cue
  }

  /// The first cue that ends after `index` (it may start before it, around the time).
  private func firstCue(startingAfter index: Int) -> Cue? {
    var low = 0
    var high = cues.count
    while low < high {
      let middle = (low + high) / 2
      if cues[middle].words.upperBound <= index { low = middle + 1 } else { high = middle }
    }
    return low < cues.count ? cues[low] : nil
  }

  /// "Train services will resume at 6am tomorrow and we will update you": a time in
  /// another clause joined to the cue's by "and", "but", "so" and the like belongs to
  /// that clause's own news, not to the update.
  func isCoordinated(_ time: SpokenTime) -> Bool {
    guard let cue = nearestCue(to: time) else { return true }
    let timeClause = clause[time.body.lowerBound]
    let cueClause = clause[cue.words.upperBound - 1]
    guard timeClause != cueClause else { return false }
    return opensWithCoordinator(timeClause) || opensWithCoordinator(cueClause)
  }

  private func opensWithCoordinator(_ clause: Int) -> Bool {
    words[clauseStart[clause]].sets.contains(.coordinator)
  }

  // MARK: - Word lists

  /// Firm commitments: a verb of telling with "will" or "going to", "next update",
  /// "keep you posted", "be in touch", "let you know", "more information".
  static let firmCues = [
    "next|further|another|regular|hourly|daily|fuller|full|new =update|=updates",
    "next|further|another|regular =briefing|=briefings|=bulletin|=bulletins|=statement|=call|=report",
    "=update|=updating|=brief|=briefing you|everyone|customers|staff|all|them|parents|passengers|residents|members|colleagues|people|families|patients|clients|users|guests",
    "will|shall also|then|again|personally|directly|continue? to? be? =update|=updating|post|publish|write|call|phone|ring|email|text|message|contact|brief|tell|inform|notify|advise|report|share|announce|confirm|respond|reply|issue|release",
    "=going|=plan|=plans|=planning|=aim|=aims|=aiming|=expect|=expecting|=intend|=intends|=hope|=hoping|=promise|=commit|=committed|=want|=try|=able to be? =update|post|publish|write|call|phone|ring|email|text|message|contact|brief|tell|inform|notify|report|share|announce|confirm|provide|issue",
    "=post|=posting|=publish|=publishing|=share|=sharing|=send|=sending|=issue|=issuing|=release|=releasing|=provide|=providing|=give|=giving|=expect|=receive|=get an|a|the|our|more|further|fuller|another|full? =update|=updates|details|information|news|statement|briefing|report|bulletin",
    "=receive|=get|=expect a|an|another|our? call|email|text|message|letter",
    "=put out an|a|another|our? =update|statement",
    "be|=get|=stay|=keep|back in touch", "=get|=come back to you|everyone|all|customers|staff",
    "=report|=reporting back", "back with an|a|more|further", "let * know", "let * * know",
    "=keep * =updated|informed|posted", "=keep * * =updated|informed|posted",
    "=check back|again", "hear from us|me|our", "=tell|=share|=say more",
    "another|more|details|information|news|=update|=updates will follow",
    "more to say|share|tell", "=follow|=following up", "watch this space",
  ]
  /// A bare "update", "more information" or "press conference": a promise in "Update at
  /// 5pm", an event in "the update at 9am caused the outage".
  static let plainCues = [
    "=update|=updates|=updating", "more|further|additional|fuller|new information|details|news",
    "press conference|briefing|call", "=statement|=statements|=briefing|=bulletin",
  ]

  static let firmCueSet = PatternSet(firmCues)
  static let plainCueSet = PatternSet(plainCues)

  /// Words quoted with the cue that follows them: "we will" in "we will be in touch".
  static let quotedSubjects: Set<String> = ["we", "i", "will", "shall"]

  /// Words after which "should" opens a condition inside a clause ("should any …").
  static let invertedSubjects: Set<String> = [
    "any", "anyone", "anybody", "someone", "customers", "there", "this", "you", "your",
  ]
  static let negators: Set<String> = [
    "not", "no", "never", "cannot", "nor", "neither", "none", "nobody", "nothing",
  ]
  static let hedges: Set<String> = [
    "may", "might", "could", "would", "perhaps", "possibly", "maybe",
  ]
  static let untilWords: Set<String> = ["until", "till", "til"]
  static let comparatives: Set<String> = ["later", "more", "longer", "less"]
  static let earlierWords: Set<String> = ["sooner", "earlier", "before"]
  static let conjunctions: Set<String> = [
    "and", "but", "so", "because", "while", "when", "once", "although", "though", "whereas",
    "however", "what", "why", "how", "which", "who", "whom", "whose", "where", "whether",
  ]
  static let coordinators: Set<String> = [
    "and", "but", "so", "or", "because", "although", "though", "whereas", "while", "however",
  ]
  static let listWords: Set<String> = ["and", "or", "then", "again", "also", "finally"]
  static let segmentWords: Set<String> = ["but", "however", "although", "though", "whereas"]
  /// After "we" or "I" in the middle of a clause, these start a new one.
  static let subjectVerbs: Set<String> = [
    "will", "shall", "are", "am", "aim", "plan", "expect", "intend", "hope", "promise", "can",
  ]
  static let subordinators: Set<String> = ["after", "once", "when", "while", "as", "since"]
  static let pastMarkers: Set<String> = [
    "was", "were", "had", "did", "began", "begun", "started", "happened", "occurred", "went",
    "caused", "broke", "failed", "stopped", "crashed", "discovered", "detected", "noticed",
    "found", "identified", "fixed", "restored", "resolved", "released", "deployed", "launched",
    "ended", "finished", "completed", "cancelled", "canceled", "postponed", "delayed", "moved",
    "rescheduled", "scrapped", "ago", "yesterday", "last", "previous", "previously",
    "originally", "initially",
  ]
  /// Reported speech: "we said we would update you at 9am" is not a new promise, whatever
  /// the cue.
  static let reportedSpeech: Set<String> = [
    "said", "promised", "told", "announced", "stated", "pledged",
  ]
  /// "will be released at 5pm": a past form after these is about the future.
  static let futureLeads: Set<String> = ["be", "will", "to", "shall", "being"]
  static let openingHours: Set<String> = [
    "open", "opens", "reopen", "reopens", "closes", "staffed", "operates", "operating",
  ]
  static let bareDayWords: Set<String> = [
    "today", "tonight", "tomorrow", "tmrw", "tmw", "this", "next", "later",
  ]
  static let strongMarks: Set<Character> = [
    ";", ":", "\u{2014}", "\u{2013}", "(", ")", "[", "]", "\u{061B}",
  ]
  /// The ASCII ones among `strongMarks`, as bytes.
  static let strongASCII: [UInt8] = Array(";:()[]".utf8)
}
