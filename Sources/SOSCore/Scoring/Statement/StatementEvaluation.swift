/// The judging of one statement, criterion by criterion (see `StatementRubric` for the
/// points and `StatementLexicon` for the words).
///
/// A class, so that the many criteria and caps that read it share one instance instead of
/// copying (and retaining) its fields, and so that what is worked out once (the matches
/// of each word list, the promised update) can be kept on it.
final class StatementEvaluation {
  /// What one criterion found.
  struct Finding {
    var result: StatementCriterion.Result
    var evidence: [String] = []
    /// Replaces the table's advice when set.
    var advice: String?
  }

  let document: StatementDocument
  let readability: Readability
  let profile: StatementProfile
  let channel: Channel
  let length: MessageLength
  let limit: Int?
  /// Clauses, and which words a negation or a condition covers.
  let reader: CommitmentReader
  /// Facts, stock phrases and repeats.
  let substance: StatementSubstance
  /// Whether each sentence says "we", "our", "us" or "I", by number.
  private let firstPersonSentences: [Bool]
  /// Words quoted as something not to say ("Do not say it was a system error").
  private let avoidQuoted: [Bool]

  // What has been worked out once for this statement: many criteria and caps read the
  // same lists.
  /// The matches of every indexed word list, by the list's position in `LexiconIndex`.
  private let all: LexiconMatches
  // The caches below are each read or written in one access at a time: they go without
  // the run-time exclusivity checks a class's stored properties otherwise get.
  /// The merged spans of each indexed word list, by position, once asked for.
  @exclusivity(unchecked) private var indexedSpans: [[Range<Int>]]
  /// Whether each of `indexedSpans` has been worked out. (Two arrays rather than one
  /// of optionals, which is made and freed element by element through its type.)
  @exclusivity(unchecked) private var indexedSpansKnown: [Bool]
  /// The merged spans of word lists outside the index, by identity.
  @exclusivity(unchecked) private var otherSpans: [ObjectIdentifier: [Range<Int>]] = [:]
  @exclusivity(unchecked) private var knownPromisedUpdate: NextUpdateTime??
  @exclusivity(unchecked) private var knownInstructions: [Range<Int>]?
  @exclusivity(unchecked) private var knownHelp:
    (offered: [Range<Int>], vague: [Range<Int>], refused: [Range<Int>])?

  /// The matches of `set`, from the one pass over the words that matches every list.
  func matches(_ set: PatternSet) -> ArraySlice<PatternSet.Match> {
    guard let position = LexiconIndex.shared.index(of: set) else {
      return set.matches(in: words)[...]
    }
    return all[position]
  }

  init(
    document: StatementDocument, readability: Readability, profile: StatementProfile,
    channel: Channel, length: MessageLength, limit: Int?
  ) {
    self.document = document
    self.readability = readability
    self.profile = profile
    self.channel = channel
    self.length = length
    self.limit = limit
    let all = LexiconIndex.shared.matches(in: document.words)
    let reader = CommitmentReader(document, matches: all)
    self.reader = reader
    self.all = all
    indexedSpans = [[Range<Int>]](repeating: [], count: all.count)
    indexedSpansKnown = [Bool](repeating: false, count: all.count)
    substance = StatementSubstance(document, updateSentences: reader.cueSentences, matches: all)
    // By sentence number rather than in a set: no hashing, and the words are read in
    // place.
    let words = document.words
    var sentences = [Bool](repeating: false, count: document.sentences.count)
    for index in words.indices where words[index].sets.contains(.firstPerson) {
      let sentence = words[index].sentence
      if sentence >= sentences.count {
        sentences += [Bool](repeating: false, count: sentence - sentences.count + 1)
      }
      sentences[sentence] = true
    }
    firstPersonSentences = sentences
    avoidQuoted = Self.avoidQuoted(document, reader: reader)
  }

  /// "Do not say it was a system error", "never tell them …", "avoid saying …": the
  /// rest of the sentence after a forbidden verb of speech is quoted to be avoided.
  static func avoidQuoted(_ document: StatementDocument, reader: CommitmentReader) -> [Bool] {
    let words = document.words
    var quoted = [Bool](repeating: false, count: words.count)
    var index = 0
    while index < words.count {
      guard words[index].sets.contains(.speechVerb) else {
        index += 1
        continue
      }
      let previous =
        index > 0 && words[index - 1].sentence == words[index].sentence
        ? words[index - 1].folded : ""
      let forbidden =
        reader.isNegated(index) || previous == "avoid" || previous == "avoiding"
        || previous == "stop"
      guard forbidden else {
        index += 1
        continue
      }
      let sentence = words[index].sentence
      var next = index + 1
      while next < words.count, words[next].sentence == sentence {
        quoted[next] = true
        next += 1
      }
      index = next
    }
    return quoted
  }

  /// Whether the words of `span` are said as the organisation's own: not negated and
  /// not quoted as something to avoid. (A condition matters to an apology and a
  /// promise, not to an instruction: "if you bought one, stop using it".)
  func asserted(_ span: Range<Int>) -> Bool {
    let start = span.lowerBound
    return !reader.isNegated(start) && !avoidQuoted[start]
  }

  /// Whether the word at `index` is quoted as something not to say.
  func isAvoidQuoted(_ index: Int) -> Bool { avoidQuoted[index] }

  var words: [StatementDocument.Word] { document.words }

  // MARK: - Criteria

  /// Every criterion of the profile, then the scenario's `must` and `avoid` phrases.
  /// The criteria that pass by the absence of a fault earn their points only in a
  /// statement that says something concrete (see ``substanceLevel``).
  func criteria(must: [Phrase], avoid: [Phrase]) -> [StatementCriterion] {
    let rows = StatementRubric.rows
    let checks = StatementRubric.checks
    // By row: findings are kept by position, not by id, to spare hashing the ids.
    var findings = [Finding?](repeating: nil, count: rows.count)
    let maxima = rows.map { $0.max(for: profile) }
    for index in rows.indices where maxima[index] > 0 && !Self.isAbsenceRow[index] {
      findings[index] = evaluate(checks[index])
    }
    let level = substanceLevel(findings)
    for index in rows.indices where maxima[index] > 0 && Self.isAbsenceRow[index] {
      findings[index] = substantial(evaluate(checks[index]), level: level)
    }
    var criteria: [StatementCriterion] = []
    criteria.reserveCapacity(rows.count + must.count + avoid.count)
    for (index, row) in rows.enumerated() {
      let max = maxima[index]
      guard max > 0, let finding = findings[index] else { continue }
      criteria.append(
        criterion(
          id: row.id, label: row.label, dimension: row.dimension, max: max, finding: finding,
          advice: row.advice))
    }
    for phrase in must {
      criteria.append(
        criterion(
          id: "must:\(phrase.id)", label: phrase.label ?? "Says \(phrase.id)",
          dimension: .transparency, max: StatementRubric.mustPoints, finding: mustFinding(phrase),
          advice: ""))
    }
    for phrase in avoid {
      criteria.append(
        criterion(
          id: "avoid:\(phrase.id)", label: "Avoids: " + (phrase.label ?? phrase.id),
          dimension: .accountability, max: StatementRubric.avoidPoints,
          finding: substantial(avoidFinding(phrase), level: level), advice: ""))
    }
    return criteria
  }

  /// Criteria passed by the absence of a fault: saying nothing avoids every fault, so
  /// they earn full points only in a statement of some substance.
  static let absenceCriteria: Set<String> = [
    "blame", "speculation", "over-promising", "jargon", "readability", "sentence-length",
    "channel-length", "repetition",
  ]

  /// Whether each row of `StatementRubric.rows` is one of `absenceCriteria`.
  private static let isAbsenceRow: [Bool] = StatementRubric.rows.map {
    absenceCriteria.contains($0.id)
  }

  /// How much the statement says, 0–6: one for each of what happened, who is affected,
  /// what we are doing, and what the reader should do (or where to get help), and one
  /// for each of its first two concrete facts. `findings` are by row of the rubric.
  func substanceLevel(_ findings: [Finding?]) -> Int {
    func result(_ check: StatementRubric.Check) -> StatementCriterion.Result? {
      guard let row = StatementRubric.rowOfCheck[check.rawValue] else { return nil }
      return findings[row]?.result
    }
    func met(_ check: StatementRubric.Check) -> Bool { result(check) == .pass }
    var level = 0
    if met(.whatHappened) || result(.whatHappened) == .partial { level += 1 }
    if met(.whoAffected) { level += 1 }
    if met(.whatWeAreDoing) { level += 1 }
    if met(.whatToDo) || met(.whereHelp) || met(.contactPoint) { level += 1 }
    level += min(substance.facts.count, 2)
    return level
  }

  /// A pass by absence is a partial in a statement that says little (substance 1),
  /// and a fail in one that says nothing concrete (substance 0).
  private func substantial(_ finding: Finding, level: Int) -> Finding {
    guard finding.result == .pass, level < 2 else { return finding }
    return Finding(
      result: level == 1 ? .partial : .fail, evidence: finding.evidence,
      advice: Self.insubstantialAdvice)
  }

  private static let insubstantialAdvice =
    "Avoiding a fault earns its points only in a statement that says something concrete:"
    + " what happened, who is affected, what you are doing and what to do."

  private func criterion(
    id: String, label: String, dimension: QualityDimension, max: Int, finding: Finding,
    advice: String
  ) -> StatementCriterion {
    let points: Int
    switch finding.result {
    case .pass: points = max
    case .partial: points = max / 2
    case .fail: points = 0
    }
    return StatementCriterion(
      id: id, label: label, result: finding.result, points: points, max: max,
      evidence: Self.unique(finding.evidence),
      dimension: dimension, advice: finding.result == .pass ? "" : (finding.advice ?? advice))
  }

  private func evaluate(_ check: StatementRubric.Check) -> Finding {
    switch check {
    case .apology: return apology()
    case .empathy: return empathy()
    case .ownership: return ownership()
    case .blame: return blame()
    case .whatHappened: return whatHappened()
    case .whoAffected: return whoAffected()
    case .whatToDo: return whatToDo()
    case .whatWeAreDoing: return whatWeAreDoing()
    case .nextUpdate: return nextUpdate()
    case .whereHelp: return whereHelp()
    case .knownUnknown: return knownUnknown()
    case .speculation: return countedAbsence(StatementLexicon.speculationSet)
    case .overPromising: return countedAbsence(StatementLexicon.overPromisingSet)
    case .jargon: return jargon()
    case .readability: return readabilityFinding()
    case .sentenceLength: return sentenceLength()
    case .channelLength: return channelLength()
    case .repetition: return repetition()
    case .greeting: return greeting()
    case .sender: return sender()
    case .contactPoint: return contactPoint()
    case .consequences: return consequences()
    case .unknown: return Finding(result: .fail)
    }
  }

  // MARK: - Apology, empathy, ownership, blame

  /// Apologies said as the organisation's own, in any words.
  func apologySpans() -> [Range<Int>] {
    Self.merge(
      (spans(StatementLexicon.apologySet) + spans(StatementLexicon.apologyParaphraseSet))
        .filter {
          asserted($0) && (!reader.isConditional($0.lowerBound) || isInstructedApology($0))
        })
  }

  /// Conditional and deflecting apologies ("sorry if", "sorry you feel").
  func conditionalApologySpans() -> [Range<Int>] {
    var found = spans(StatementLexicon.conditionalApologySet)
    // "If anyone was upset, we apologise": an apology under a condition.
    found += spans(StatementLexicon.apologySet).filter {
      reader.isConditional($0.lowerBound) && !avoidQuoted[$0.lowerBound]
    }
    // "If a guest asks, say sorry": an instruction to apologise, not an apology on a
    // condition.
    return Self.merge(found).filter { !isInstructedApology($0) }
  }

  /// "say sorry", "apologise to them" told to staff: the apology is the instruction.
  func isInstructedApology(_ span: Range<Int>) -> Bool {
    let start = span.lowerBound
    if start > 0, words[start - 1].sentence == words[start].sentence,
      Self.apologyInstructionLeads.contains(words[start - 1].folded)
    {
      return true
    }
    return profile == .staff && words[start].startsClause
  }

  /// Words before "sorry" that make it an instruction to apologise ("say sorry").
  private static let apologyInstructionLeads: Set<String> = ["say", "saying", "offer", "to", "and"]

  private func apology() -> Finding {
    let conditional = conditionalApologySpans()
    let regret = spans(StatementLexicon.regretOnlySet).filter(asserted)
    let real = apologySpans().filter { span in
      !(conditional + regret).contains { $0.overlaps(span) }
    }
    let refused = refusedApologies()
    if !real.isEmpty && conditional.isEmpty {
      return Finding(result: .pass, evidence: texts(real))
    }
    if !conditional.isEmpty {
      return Finding(
        result: .partial, evidence: texts(conditional + real),
        advice:
          "Drop the condition: say what you are sorry for, without \"if\", \"any\" or \"but\".")
    }
    if !refused.isEmpty {
      return Finding(
        result: .fail, evidence: negatedTexts(refused),
        advice: "This refuses the apology: a negated \"sorry\" is no apology.")
    }
    if !regret.isEmpty {
      return Finding(
        result: .partial, evidence: texts(regret),
        advice: "Regret is not an apology: say \"we are sorry\" and what for.")
    }
    return Finding(result: .fail)
  }

  /// "We're not sorry", "we will not apologise".
  func refusedApologies() -> [Range<Int>] {
    spans(StatementLexicon.apologySet).filter {
      reader.isNegated($0.lowerBound) && !avoidQuoted[$0.lowerBound]
    }
  }

  /// Polite hostility said as our own, and thanks in place of an apology.
  func hostilitySpans() -> [Range<Int>] {
    var found = spans(StatementLexicon.politeHostilitySet).filter { !avoidQuoted[$0.lowerBound] }
    if apologySpans().isEmpty {
      found += spans(StatementLexicon.gratitudeInsteadSet)
    }
    return Self.merge(found)
  }

  private func empathy() -> Finding {
    let hostile = spans(StatementLexicon.politeHostilitySet).filter {
      !avoidQuoted[$0.lowerBound]
    }
    if !hostile.isEmpty {
      return Finding(
        result: .fail, evidence: texts(hostile),
        advice: "Polite words that question the reader's experience are not empathy: drop them.")
    }
    let phrases = spans(StatementLexicon.empathySet).filter(asserted)
    if !phrases.isEmpty { return Finding(result: .pass, evidence: texts(phrases)) }
    // The reader's sentences are looked for only when a feeling is named.
    var feelings = spans(StatementLexicon.feelingSet)
    if !feelings.isEmpty {
      let readerSentences = Set(
        words.filter { $0.folded == "you" || $0.folded == "your" }.map(\.sentence))
      feelings = feelings.filter {
        readerSentences.contains(words[$0.lowerBound].sentence) && asserted($0)
      }
    }
    if !feelings.isEmpty {
      return Finding(
        result: .partial, evidence: texts(feelings),
        advice:
          "Name the reader's feelings as yours to hear: \"We understand how worrying this is.\""
      )
    }
    return Finding(result: .fail)
  }

  /// Explicit ownership phrases, asserted.
  private func ownershipSpans() -> [Range<Int>] {
    spans(StatementLexicon.ownershipSet).filter(asserted)
  }

  private func agentlessSpans() -> [Range<Int>] {
    let always = spans(StatementLexicon.agentlessAlwaysSet).filter {
      !avoidQuoted[$0.lowerBound]
    }
    let passives = spans(StatementLexicon.passiveHarmSet).filter { span in
      let sentence = words[span.lowerBound].sentence
      let byFollows =
        span.upperBound < words.count && words[span.upperBound].folded == "by"
        && words[span.upperBound].sentence == sentence
      let firstPerson =
        sentence >= 0 && sentence < firstPersonSentences.count && firstPersonSentences[sentence]
      return !firstPerson && !byFollows
        && !avoidQuoted[span.lowerBound]
    }
    return Self.merge(always + passives)
  }

  private func ownership() -> Finding {
    let owned = ownershipSpans() + spans(StatementLexicon.apologyParaphraseSet).filter(asserted)
    let agentless = agentlessSpans()
    switch (owned.isEmpty, agentless.isEmpty) {
    case (false, true):
      return Finding(result: .pass, evidence: texts(Self.merge(owned)))
    case (false, false):
      return Finding(
        result: .partial, evidence: texts(Self.merge(owned) + agentless),
        advice: "Say who did it: write \"we exposed\" rather than \"was exposed\".")
    case (true, true):
      return Finding(result: .partial)
    case (true, false):
      return Finding(
        result: .fail, evidence: texts(agentless),
        advice: "Replace the agentless passive (\"mistakes were made\") with \"we made a mistake\"."
      )
    }
  }

  /// Blame said as our own: at a supplier or third party, at the people harmed, or
  /// labelling them.
  func blameSpans() -> (others: [Range<Int>], customers: [Range<Int>]) {
    // Naming a supplier is a fact; it is blame when the sentence makes them the cause
    // ("caused by a supplier's equipment", "our contractor's error").
    let blamed = spans(StatementLexicon.blameSet)
    let causal =
      blamed.isEmpty ? [] : Set(words.filter { $0.sets.contains(.causalWord) }.map(\.sentence))
    let others = blamed.filter { span in
      guard !avoidQuoted[span.lowerBound] else { return false }
      let named = words[span].map(\.folded).joined(separator: " ")
      return !StatementLexicon.namedParties.contains(named)
        || causal.contains(words[span.lowerBound].sentence)
    }
    let customers = spans(StatementLexicon.customerBlameSet).filter {
      !avoidQuoted[$0.lowerBound] && !reader.isConditional($0.lowerBound)
    }
    return (others, customers)
  }

  private func blame() -> Finding {
    let blamed = blameSpans()
    if !blamed.customers.isEmpty {
      return Finding(
        result: .fail, evidence: texts(blamed.customers + blamed.others),
        advice: "Do not blame the people who were harmed, however politely.")
    }
    let hostile = hostilitySpans()
    if !hostile.isEmpty {
      return Finding(
        result: .fail, evidence: texts(hostile),
        advice: "Polite hostility (\"we trust this clarifies\") reads as blame: drop it.")
    }
    if blamed.others.isEmpty { return Finding(result: .pass) }
    return Finding(
      result: ownershipSpans().isEmpty ? .fail : .partial, evidence: texts(blamed.others))
  }

  // MARK: - Facts

  private func whatHappened() -> Finding {
    let events = spans(StatementLexicon.eventSet).filter(asserted)
    let when = spans(StatementLexicon.whenSet).filter(asserted)
    if let event = events.first, let time = when.first {
      return Finding(result: .pass, evidence: texts([event, time]))
    }
    if !events.isEmpty || !when.isEmpty {
      return Finding(
        result: .partial, evidence: texts(Array((events + when).prefix(3))),
        advice: events.isEmpty
          ? "Say what happened, not only when." : "Add when it happened (\"since 9am today\").")
    }
    return Finding(result: .fail)
  }

  private func whoAffected() -> Finding {
    let specific = spans(StatementLexicon.affectedSpecificSet).filter(asserted)
    if profile == .regulator {
      // A regulator needs the scope in numbers, or when the numbers will follow: a
      // sentence with a count and the people or things counted.
      let counted = Set(
        spans(StatementLexicon.affectedGenericSet).map { words[$0.lowerBound].sentence })
      var numbered = specific.filter { span in
        words[span].contains {
          $0.kind == .number || $0.sets.contains(.numberWord)
        }
      }
      // A count, not the day of a date ("On 4 March", "May 12").
      func isDay(_ index: Int) -> Bool {
        [index - 1, index + 1].contains { other in
          other >= 0 && other < words.count
            && words[other].sets.contains(.monthName)
        }
      }
      for index in words.indices
      where words[index].kind == .number && !StatementPattern.isClock(words[index])
        && counted.contains(words[index].sentence) && !isDay(index)
      {
        numbered.append(index..<(index + 1))
      }
      if !numbered.isEmpty { return Finding(result: .pass, evidence: texts(numbered)) }
      let phased = spans(StatementLexicon.phasingSet)
      if !specific.isEmpty || !phased.isEmpty {
        return Finding(
          result: .partial, evidence: texts(Array((specific + phased).prefix(3))),
          advice:
            "Give the scope in numbers (people, records, units, areas), or say when the numbers"
            + " will follow.")
      }
      return Finding(result: .fail)
    }
    // A model, batch or area code ("AF-580", "LS6") names what and where is affected.
    let codes = words.indices.filter { index in
      words[index].kind == .number && StatementDocument.startsWithLetter(words[index].folded)
        && !StatementPattern.isClock(words[index])
    }.map { $0..<($0 + 1) }
    if !specific.isEmpty || !codes.isEmpty {
      return Finding(result: .pass, evidence: texts(Self.merge(specific + codes)))
    }
    let generic = spans(StatementLexicon.affectedGenericSet)
    if !generic.isEmpty {
      return Finding(result: .partial, evidence: texts(Array(generic.prefix(3))))
    }
    return Finding(result: .fail)
  }

  /// Instructions that work against the reader ("keep retrying", "do not contact us").
  func counterproductiveSpans() -> [Range<Int>] {
    spans(StatementLexicon.counterproductiveSet).filter {
      !avoidQuoted[$0.lowerBound] && !reader.isConditional($0.lowerBound)
        && (words[$0.lowerBound].folded == "you" || words[$0.lowerBound].folded == "there"
          || isImperative($0))
    }
  }

  /// Instructions to the reader, in any form, not under a condition or quoted.
  func instructionSpans() -> [Range<Int>] {
    if let known = knownInstructions { return known }
    let found = findInstructions()
    knownInstructions = found
    return found
  }

  private func findInstructions() -> [Range<Int>] {
    let against = counterproductiveSpans()
    let direct = spans(StatementLexicon.imperativeSet).filter(isImperative)
    let paraphrased = spans(StatementLexicon.instructionParaphraseSet)
    // "Please be assured" and "please be advised" tell the reader nothing to do, nor
    // does "please bear with us".
    let reassurance = Self.reassurance
    return Self.merge(direct + paraphrased).filter { span in
      !avoidQuoted[span.lowerBound] && !against.contains { $0.overlaps(span) }
        && !(span.upperBound < words.count && reassurance.contains(words[span.upperBound].folded))
        && !words[span].contains { reassurance.contains($0.folded) }
        && !informs(span)
    }
  }

  /// "Please be assured", "please be advised", "please bear with us": no instruction.
  private static let reassurance: Set<String> = [
    "assured", "advised", "informed", "reassured", "bear",
  ]

  /// "Please be aware that call volumes may be higher": a notice, not an instruction.
  private func informs(_ span: Range<Int>) -> Bool {
    var end = span.upperBound
    while end < words.count, end < span.upperBound + 2, words[end].folded == "aware" {
      end += 1
    }
    let last = words[min(end, words.count) - 1].folded
    return last == "aware" && end < words.count && words[end].folded == "that"
  }

  private func whatToDo() -> Finding {
    let instructions = instructionSpans()
    let against = counterproductiveSpans()
    let nothingNeeded = spans(StatementLexicon.noActionSet).filter { span in
      !reader.isConditional(span.lowerBound) && !against.contains { $0.overlaps(span) }
    }
    if !instructions.isEmpty {
      return Finding(
        result: .pass,
        evidence: instructions.map { text(extending: $0, by: 2) } + texts(nothingNeeded))
    }
    // "You do not need to do anything" is a complete answer for a customer; staff in a
    // crisis always need an instruction.
    if !nothingNeeded.isEmpty {
      return Finding(
        result: profile == .staff ? .partial : .pass, evidence: texts(nothingNeeded),
        advice: "Tell staff what to do, and what to say when a customer raises it.")
    }
    if !against.isEmpty {
      return Finding(
        result: .fail, evidence: against.map { text(extending: $0, by: 2) },
        advice: "That instruction works against the reader: tell them what will help.")
    }
    let soft = spans(StatementLexicon.softSuggestionSet)
    if !soft.isEmpty {
      return Finding(
        result: .partial, evidence: soft.map { text(extending: $0, by: 2) },
        advice:
          "Make the action an instruction: \"Check …\" rather than \"you may wish to check …\"."
      )
    }
    return Finding(result: .fail)
  }

  /// An imperative counts at the start of a clause or after a lead-in ("please", "you
  /// should", "we ask you to"); a lone word before a colon ("Update:") is a heading.
  private func isImperative(_ span: Range<Int>) -> Bool {
    let start = span.lowerBound
    let sentence = words[start].sentence
    // Lead-ins are looked for before any adverbs: "you can still pay".
    var lead = start
    while lead > 0, words[lead - 1].sentence == sentence,
      words[lead - 1].sets.contains(.imperativeAdverb)
    {
      lead -= 1
    }
    func word(_ offset: Int) -> String? {
      let index = lead + offset
      guard index >= 0, index < words.count, words[index].sentence == sentence else {
        return nil
      }
      return words[index].folded
    }
    if span.count == 1 {
      let next = span.upperBound
      guard next < words.count, words[next].sentence == sentence, !words[next].startsClause
      else { return false }
    }
    if words[start].startsClause { return true }
    guard let previous = word(-1) else { return false }
    if previous == "please" || previous == "just" { return true }
    // "we should check", "we will continue to check": our own action, not the reader's;
    // "there is no need to take any action": not an instruction.
    let ownSubjectBefore = (-5 ... -2).contains { offset in
      word(offset).map(StatementLexicon.ownSubjects.contains) ?? false
    }
    let negatedBefore = (-3 ... -2).contains { offset in
      word(offset).map(StatementLexicon.negations.contains) ?? false
    }
    if StatementLexicon.imperativeLeads.contains(previous) {
      return !ownSubjectBefore
    }
    if negatedBefore { return false }
    if previous == "to", let lead = word(-2) {
      if lead == "you", let verb = word(-3) {
        return StatementLexicon.imperativeToLeads.contains(verb)
      }
      if StatementLexicon.imperativeToLeads.contains(lead) { return !ownSubjectBefore }
    }
    if previous == "you", let lead = word(-2) {
      let verb = lead == "that" ? (word(-3) ?? "") : lead
      return Self.adviceVerbs.contains(verb)
    }
    return false
  }

  /// "We recommend you …": verbs that make "you" and a verb an instruction.
  private static let adviceVerbs: Set<String> = ["recommend", "suggest", "advise", "ask", "urge"]

  private func whatWeAreDoing() -> Finding {
    var doing = spans(StatementLexicon.doingSet).filter(asserted)
    if profile == .regulator {
      // A notice reports measures in shorthand: "Action: sales stopped at 10:00".
      doing += spans(StatementLexicon.reportedMeasuresSet).filter(asserted)
    }
    let vague = spans(StatementLexicon.vagueDoingSet).filter(asserted)
    // "Our team is working around the clock": a stock phrase just after the action
    // makes it stock too.
    let concrete = doing.filter { span in
      !vague.contains { other in
        other.overlaps(span)
          || (other.lowerBound >= span.upperBound && other.lowerBound <= span.upperBound + 1
            && words[other.lowerBound].sentence == words[span.lowerBound].sentence)
      }
    }
    if !concrete.isEmpty {
      return Finding(result: .pass, evidence: concrete.map { text(extending: $0, by: 2) })
    }
    if !vague.isEmpty || !doing.isEmpty {
      return Finding(
        result: .partial, evidence: texts(vague + doing),
        advice: "Say what you are actually doing, not that you are \"looking into it\".")
    }
    return Finding(result: .fail)
  }

  /// The promised next update, read as the engine reads it (sent at T+0, which is
  /// taken as midnight on a Monday so that any time of day or weekday can be placed).
  var promisedUpdate: NextUpdateTime? {
    if let known = knownPromisedUpdate { return known }
    let found = NextUpdateParser.find(
      in: document, reader: reader, sentAt: .zero, startsAt: 0, startsOn: .monday)
    knownPromisedUpdate = .some(found)
    return found
  }

  /// "No further updates", "we will not be posting an update": update words negated.
  func refusedUpdates() -> [Range<Int>] {
    spans(StatementLexicon.updateSet).filter {
      reader.isNegated($0.lowerBound) && !avoidQuoted[$0.lowerBound]
    }
  }

  private func nextUpdate() -> Finding {
    if let promised = promisedUpdate {
      let sentences = Set(reader.cues.map { words[$0.words.lowerBound].sentence })
      // The word's bit first: most words are no vague time, and need no hashing.
      let vague = words.filter {
        $0.sets.contains(.vagueTime) && sentences.contains($0.sentence)
      }
      if vague.count >= 1 {
        return Finding(
          result: .partial, evidence: [promised.evidence] + vague.map(\.folded),
          advice: "Name one time for the next update, not \"soon, later or tomorrow\".")
      }
      return Finding(result: .pass, evidence: [promised.evidence])
    }
    // A time the parser cannot place on the clock ("by 11 March") still names one.
    let times = spans(StatementLexicon.timeSet).filter(asserted)
    let commitments =
      reader.cues.map(\.words)
      + spans(StatementLexicon.updateSet).filter {
        asserted($0) && !reader.isConditional($0.lowerBound) && !reader.isHedged($0.lowerBound)
      }
    for cue in commitments {
      let sentence = words[cue.lowerBound].sentence
      if let time = times.first(where: { words[$0.lowerBound].sentence == sentence }) {
        return Finding(result: .pass, evidence: texts([cue, time]))
      }
    }
    if !reader.cues.isEmpty {
      return Finding(
        result: .partial, evidence: reader.cues.map { document.text(words: $0.words) },
        advice: "Give the next update a time: \"by 5pm today\", \"within 24 hours\".")
    }
    let refused = refusedUpdates()
    if !refused.isEmpty {
      return Finding(
        result: .fail, evidence: negatedTexts(refused),
        advice: "This refuses an update: promise the next one, with a time.")
    }
    return Finding(result: .fail)
  }

  /// Places to get help (numbers, addresses, named desks), with whether each is
  /// offered or refused ("do not contact …", "there is no helpline").
  func helpSpans() -> (offered: [Range<Int>], vague: [Range<Int>], refused: [Range<Int>]) {
    if let known = knownHelp { return known }
    let found = findHelp()
    knownHelp = found
    return found
  }

  private func findHelp() -> (offered: [Range<Int>], vague: [Range<Int>], refused: [Range<Int>]) {
    var all: [Range<Int>] = []
    for index in words.indices {
      switch words[index].kind {
      case .phone, .url, .email, .handle: all.append(index..<(index + 1))
      case .word, .number, .abbreviation: break
      }
    }
    all += spans(StatementLexicon.helpConcreteSet)
    let vague = spans(StatementLexicon.helpVagueSet)
    let against = counterproductiveSpans()
    func refused(_ span: Range<Int>) -> Bool {
      reader.isNegated(span.lowerBound)
        || against.contains {
          $0.lowerBound <= span.lowerBound && span.lowerBound < $0.upperBound + 6
            && words[$0.lowerBound].sentence == words[span.lowerBound].sentence
        }
    }
    let usable = { (span: Range<Int>) in !refused(span) && !self.avoidQuoted[span.lowerBound] }
    return (
      all.filter(usable), vague.filter(usable),
      (all + vague).filter { refused($0) && !avoidQuoted[$0.lowerBound] }
    )
  }

  private func whereHelp() -> Finding {
    let help = helpSpans()
    if !help.offered.isEmpty {
      return Finding(result: .pass, evidence: texts(help.offered))
    }
    if !help.vague.isEmpty {
      return Finding(
        result: .partial, evidence: texts(help.vague),
        advice: "Make help concrete: add the number, the web address or who to call.")
    }
    if !help.refused.isEmpty {
      return Finding(
        result: .fail, evidence: negatedTexts(help.refused),
        advice: "This turns the reader away: give them a number, an address or a person.")
    }
    return Finding(result: .fail)
  }

  private func knownUnknown() -> Finding {
    let unknowns = spans(StatementLexicon.unknownSet).filter {
      !reader.isConditional($0.lowerBound) && !avoidQuoted[$0.lowerBound]
    }
    return Finding(result: unknowns.isEmpty ? .fail : .pass, evidence: texts(unknowns))
  }

  /// Pass with none, partial with one, fail with two or more; words quoted to be
  /// avoided, negated or conditional do not count.
  private func countedAbsence(_ set: PatternSet) -> Finding {
    let found = faults(set)
    switch found.count {
    case 0: return Finding(result: .pass)
    case 1: return Finding(result: .partial, evidence: texts(found))
    default: return Finding(result: .fail, evidence: texts(found))
    }
  }

  /// The matches of a fault's word list said as our own. In a regulator notice,
  /// "likely" is the law's word ("likely consequences"), not a guess.
  func faults(_ set: PatternSet) -> [Range<Int>] {
    spans(set).filter {
      !avoidQuoted[$0.lowerBound] && !reader.isNegated($0.lowerBound)
        && !(profile == .regulator && words[$0.lowerBound].folded == "likely")
    }
  }

  /// Instructions that ask the reader to do something about the crisis, beyond
  /// calling or visiting us.
  func concreteInstructions() -> [Range<Int>] {
    instructionSpans().filter { span in
      let verb = words[span].first { !StatementLexicon.instructionLeads.contains($0.folded) }
      return verb.map { !StatementLexicon.contactVerbs.contains($0.folded) } ?? false
    }
  }

  private func repetition() -> Finding {
    guard !substance.repeats.isEmpty else { return Finding(result: .pass) }
    return Finding(
      result: .fail, evidence: substance.repeats,
      advice: "It repeats itself: say each thing once, and use the room for a fact.")
  }

  // MARK: - Channel duties

  private func greeting() -> Finding {
    // The greeting opens the e-mail, after a subject line if there is one.
    let greeted = spans(StatementLexicon.greetingSet).filter { words[$0.lowerBound].sentence <= 1 }
    return greeted.isEmpty
      ? Finding(result: .fail) : Finding(result: .pass, evidence: texts(greeted))
  }

  /// Signed by a named person or team at the end (an e-mail), or opened with the
  /// organisation's name (a text).
  private func sender() -> Finding {
    let sentences = document.sentences
    guard let last = sentences.indices.last else { return Finding(result: .fail) }
    if channel == .sms {
      let first = words.prefix { $0.sentence == 0 }
      if let colon = first.firstIndex(where: { $0.startsClause && $0.token > 0 }), colon <= 3,
        first.prefix(colon).allSatisfy({ document.tokens[$0.token].text.first?.isUppercase == true }
        )
      {
        return Finding(result: .pass, evidence: [document.text(words: 0..<colon)])
      }
    }
    let tail = sentences.indices.suffix(3).filter { $0 > 0 || sentences.count == 1 }
    var named: [String] = []
    var signed = false
    for index in tail {
      let sentenceWords = words.filter { $0.sentence == index }
      if sentenceWords.contains(where: { StatementLexicon.signOffFirstWords.contains($0.folded) })
        && sentenceWords.count <= 4
      {
        signed = true
      }
      let capitalised = sentenceWords.filter {
        document.tokens[$0.token].text.first?.isUppercase == true
      }
      if sentenceWords.count <= 8, capitalised.count >= 1,
        capitalised.count * 2 >= sentenceWords.count,
        !sentenceWords.contains(where: { $0.sets.contains(.firstPerson) }),
        index == last || index == last - 1
      {
        named.append(document.text(sentence: sentences[index]))
      }
    }
    if !named.isEmpty && (signed || channel == .sms || sentences.count > 2) {
      return Finding(result: .pass, evidence: named)
    }
    if signed || !named.isEmpty {
      return Finding(
        result: .partial, evidence: named,
        advice: "Sign it with a name and a role, not only a sign-off.")
    }
    return Finding(result: .fail)
  }

  /// Whether a regulator notice is about personal data (GDPR Art. 33).
  var isPersonalDataNotice: Bool {
    profile == .regulator && !spans(StatementLexicon.personalDataSet).isEmpty
  }

  private func contactPoint() -> Finding {
    let named = spans(StatementLexicon.contactPointSet).filter(asserted)
    let addresses = words.indices.filter {
      (words[$0].kind == .phone || words[$0].kind == .email) && !reader.isNegated($0)
    }.map { $0..<($0 + 1) }
    if !named.isEmpty || !addresses.isEmpty {
      return Finding(result: .pass, evidence: texts(named + addresses))
    }
    let help = helpSpans()
    if !help.offered.isEmpty || !help.vague.isEmpty {
      return Finding(
        result: .partial, evidence: texts(help.offered + help.vague),
        advice: "Name the contact for this notice, with a direct line or address.")
    }
    return Finding(result: .fail)
  }

  private func consequences() -> Finding {
    let found = spans(StatementLexicon.consequenceSet).filter {
      !avoidQuoted[$0.lowerBound]
    }
    return found.isEmpty ? Finding(result: .fail) : Finding(result: .pass, evidence: texts(found))
  }

  // MARK: - Language

  private func jargon() -> Finding {
    var seen: Set<Int> = []
    var evidence: [String] = []
    var alternatives: [String] = []
    for match in matches(StatementLexicon.jargonSet)
    where !avoidQuoted[match.words.lowerBound] {
      let entry = StatementLexicon.jargon[match.pattern]
      if profile == .regulator && (entry.kind == .legal || entry.kind == .technical) { continue }
      let written = document.text(words: match.words)
      evidence.append(written)
      if seen.insert(match.pattern).inserted, alternatives.count < 3 {
        alternatives.append("\"\(entry.plain)\" for \"\(written)\"")
      }
    }
    guard !seen.isEmpty else { return Finding(result: .pass) }
    let advice = "Use plain words: " + alternatives.joined(separator: ", ") + "."
    return Finding(result: seen.count == 1 ? .partial : .fail, evidence: evidence, advice: advice)
  }

  private func readabilityFinding() -> Finding {
    let bands = StatementRubric.readabilityBands(profile)
    let grade = readability.fkgl
    let ease = readability.fre
    if grade <= bands.passGrade && ease >= bands.passEase { return Finding(result: .pass) }
    var long: [String] = []
    for token in document.tokens where token.isProse && long.count < 5 {
      if SyllableCounter.count(token.folded) >= 4 { long.append(token.text) }
    }
    let result: StatementCriterion.Result =
      grade <= bands.partialGrade && ease >= bands.partialEase ? .partial : .fail
    let target = profile == .regulator ? "grade 12 and ease 40" : "grade 8 and ease 60"
    return Finding(
      result: result, evidence: long,
      advice: "Aim for \(target) or better: use shorter words and sentences.")
  }

  private func sentenceLength() -> Finding {
    guard readability.sentences > 0 else { return Finding(result: .pass) }
    let average = Double(readability.words) / Double(readability.sentences)
    var long: [String] = []
    var longest = 0
    for sentence in document.sentences {
      let tokens = document.tokens
      var count = 0
      for index in sentence.tokens where tokens[index].isProse && !tokens[index].joinedByHyphen {
        count += 1
      }
      longest = max(longest, count)
      if count > 25 && long.count < 3 { long.append(opening(of: sentence)) }
    }
    if average <= StatementRubric.sentenceAveragePass && longest <= StatementRubric.sentenceLongest
    {
      return Finding(result: .pass)
    }
    let rounded = Readability.round(average)
    let result: StatementCriterion.Result =
      average <= StatementRubric.sentenceAveragePartial ? .partial : .fail
    return Finding(
      result: result, evidence: long,
      advice: "Sentences average \(rounded) words (longest \(longest)): keep them to 20 or fewer.")
  }

  private func channelLength() -> Finding {
    if let limit {
      guard length.count > limit else { return Finding(result: .pass) }
      var evidence: [String] = []
      if let offset = length.overflowOffset {
        let overflow = document.text(offset..<(offset + 40))
        evidence.append(document.characters.count > offset + 40 ? overflow + "…" : overflow)
      }
      evidence += length.nonGSM
      let unit = length.unit == .characters ? "characters" : length.unit.rawValue
      var advice = "Cut it to \(limit) \(unit) (it is \(length.count))."
      if length.unit == .ucs2 {
        advice =
          "Cut it to \(limit), or replace the characters outside the GSM alphabet "
          + "(curly quotes, emoji) so the limit is 160 again."
      }
      return Finding(result: .fail, evidence: evidence, advice: advice)
    }
    if channel == .email || channel == .memo, readability.words > StatementRubric.guidanceWords {
      return Finding(
        result: .partial,
        advice: "It runs to \(readability.words) words: keep an e-mail or memo under "
          + "\(StatementRubric.guidanceWords).")
    }
    return Finding(result: .pass)
  }

  // MARK: - Scenario phrases

  private func mustFinding(_ phrase: Phrase) -> Finding {
    let found = phraseSpans(phrase)
    if !found.isEmpty { return Finding(result: .pass, evidence: texts(found)) }
    let example = phrase.any.first.map { " such as \"\($0)\"" } ?? ""
    return Finding(result: .fail, advice: "Say it plainly, in words\(example).")
  }

  private func avoidFinding(_ phrase: Phrase) -> Finding {
    let all = phraseSpans(phrase)
    // "Do not say it is a system error" meets the check: the phrase is named to ban it.
    let banned = all.filter { avoidQuoted[$0.lowerBound] || reader.isNegated($0.lowerBound) }
    let found = all.filter { span in !banned.contains(span) }
    guard !found.isEmpty else { return Finding(result: .pass, evidence: texts(banned)) }
    return Finding(
      result: .fail, evidence: texts(found),
      advice: "Take out \"\(document.text(words: found[0]))\": the scenario asks you not to say it."
    )
  }

  /// Where any phrasing of a scenario phrase appears: the phrasing is cut into words
  /// like the statement and matched word by word on stems, within a sentence.
  private func phraseSpans(_ phrase: Phrase) -> [Range<Int>] {
    var found: [Range<Int>] = []
    for target in phrase.stems {
      guard let first = target.first else { continue }
      for start in words.indices where words[start].stem == first {
        let end = start + target.count
        guard end <= words.count, words[end - 1].sentence == words[start].sentence else {
          continue
        }
        if zip(words[start..<end], target).allSatisfy({ $0.stem == $1 }) {
          found.append(start..<end)
        }
      }
    }
    return Self.merge(found)
  }

  // MARK: - Helpers

  /// The matches of a pattern set, overlapping ones merged, in order.
  func spans(_ set: PatternSet) -> [Range<Int>] {
    guard let position = LexiconIndex.shared.index(of: set) else {
      let key = ObjectIdentifier(set)
      if let known = otherSpans[key] { return known }
      let found = Self.merge(set.matches(in: words).map(\.words))
      otherSpans[key] = found
      return found
    }
    if indexedSpansKnown[position] { return indexedSpans[position] }
    let matches = all[position]
    // Most lists match nowhere, and one match needs no sorting or merging.
    let found =
      matches.count <= 1 ? matches.map(\.words) : Self.merge(matches.map(\.words))
    indexedSpans[position] = found
    indexedSpansKnown[position] = true
    return found
  }

  static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
    // None or one: nothing to sort or merge.
    guard ranges.count > 1 else { return ranges }
    let sorted = ranges.sorted { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
    var merged: [Range<Int>] = []
    for range in sorted {
      if let last = merged.last, range.lowerBound < last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }

  /// The words of `spans`, each from the negation that covers it when one does ("not
  /// sorry", "do not contact bank.example/status"), so that the evidence shows why.
  func negatedTexts(_ spans: [Range<Int>]) -> [String] {
    let auxiliaries = Self.negationAuxiliaries
    let subjects = Self.negationSubjects
    return spans.map { span in
      guard var start = reader.negator(of: span.lowerBound).map({ min($0, span.lowerBound) })
      else { return document.text(words: span) }
      // "Do not contact", "won't": the auxiliary belongs to the negation.
      if start > 0, words[start - 1].sentence == words[start].sentence,
        auxiliaries.contains(words[start - 1].folded)
      {
        start -= 1
        // "There is no helpline", "we will not": the subject too.
        if start > 0, words[start - 1].sentence == words[start].sentence,
          subjects.contains(words[start - 1].folded)
        {
          start -= 1
        }
      }
      return document.text(words: start..<span.upperBound)
    }
  }

  /// "Do not contact", "won't": auxiliaries quoted with the negation after them.
  private static let negationAuxiliaries: Set<String> = [
    "do", "does", "did", "will", "would", "can", "could", "should", "must", "is", "are",
    "was", "were", "have", "has", "had",
  ]
  /// "There is no helpline", "we will not": subjects quoted with their auxiliary.
  private static let negationSubjects: Set<String> = [
    "there", "we", "i", "you", "they", "it", "this", "that",
  ]

  func texts(_ spans: [Range<Int>]) -> [String] {
    spans.map { document.text(words: $0) }
  }

  /// The span and up to `extra` more words of the same clause, as written.
  private func text(extending span: Range<Int>, by extra: Int) -> String {
    var end = span.upperBound
    let sentence = words[span.lowerBound].sentence
    while end < words.count, end - span.upperBound < extra, words[end].sentence == sentence,
      !words[end].startsClause
    {
      end += 1
    }
    // Never cut a spelt-out contraction in half.
    while end < words.count, end > 0, words[end].token == words[end - 1].token { end += 1 }
    return document.text(words: span.lowerBound..<end)
  }

  /// The first eight words of a sentence, as written, with an ellipsis.
  private func opening(of sentence: StatementSentence) -> String {
    let tokens = document.tokens[sentence.tokens]
    guard let first = tokens.first else { return "" }
    let cut = tokens.prefix(8)
    let last = cut.last ?? first
    return document.text(first.range.lowerBound..<last.range.upperBound) + "…"
  }

  /// Keeps the first of each piece of evidence (ignoring case), at most six.
  static func unique(_ evidence: [String]) -> [String] {
    // One piece or none needs no set, nor a new array.
    if evidence.isEmpty { return evidence }
    if evidence.count == 1 { return evidence[0].isEmpty ? [] : evidence }
    // At most six are kept: a list finds a repeat sooner than a set would be made.
    var seen: [String] = []
    var kept: [String] = []
    seen.reserveCapacity(min(evidence.count, 6))
    kept.reserveCapacity(min(evidence.count, 6))
    for item in evidence where !item.isEmpty && kept.count < 6 {
      let lowered = item.lowercased()
      if !seen.contains(lowered) {
        seen.append(lowered)
        kept.append(item)
      }
    }
    return kept
  }
}
