/// The judging of one statement, criterion by criterion (see `StatementRubric` for the
/// points and `StatementLexicon` for the words).
struct StatementEvaluation {
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
  /// Sentences that say "we", "our", "us" or "I".
  private let firstPersonSentences: Set<Int>

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
    var sentences: Set<Int> = []
    for word in document.words where StatementLexicon.firstPerson.contains(word.folded) {
      sentences.insert(word.sentence)
    }
    firstPersonSentences = sentences
  }

  var words: [StatementDocument.Word] { document.words }

  // MARK: - Criteria

  func criteria(must: [Phrase], avoid: [Phrase]) -> [StatementCriterion] {
    var criteria: [StatementCriterion] = []
    for row in StatementRubric.rows {
      let max = row.max(for: profile)
      guard max > 0 else { continue }
      let finding = substantial(evaluate(row.id), absence: Self.absenceCriteria.contains(row.id))
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
          finding: substantial(avoidFinding(phrase), absence: true), advice: ""))
    }
    return criteria
  }

  /// Criteria passed by the absence of a fault: a few words avoid every fault without
  /// saying anything, so they earn full points only in a statement of some substance.
  static let absenceCriteria: Set<String> = [
    "blame", "speculation", "over-promising", "jargon", "readability", "sentence-length",
    "channel-length",
  ]

  /// Below ``StatementRubric/substantialWords`` words, a pass by absence is a partial.
  private func substantial(_ finding: Finding, absence: Bool) -> Finding {
    guard absence, finding.result == .pass, words.count < StatementRubric.substantialWords
    else { return finding }
    return Finding(
      result: .partial, evidence: finding.evidence,
      advice:
        "Too short to judge: \(words.count) word\(words.count == 1 ? "" : "s") cannot tell"
        + " people what happened and what to do.")
  }

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

  private func evaluate(_ id: String) -> Finding {
    switch id {
    case "apology": return apology()
    case "empathy": return empathy()
    case "ownership": return ownership()
    case "blame": return blame()
    case "what-happened": return whatHappened()
    case "who-affected": return whoAffected()
    case "what-to-do": return whatToDo()
    case "what-we-are-doing": return whatWeAreDoing()
    case "next-update": return nextUpdate()
    case "where-help": return whereHelp()
    case "known-unknown": return knownUnknown()
    case "speculation": return countedAbsence(StatementLexicon.speculationSet)
    case "over-promising": return countedAbsence(StatementLexicon.overPromisingSet)
    case "jargon": return jargon()
    case "readability": return readabilityFinding()
    case "sentence-length": return sentenceLength()
    case "channel-length": return channelLength()
    default: return Finding(result: .fail)
    }
  }

  // MARK: - Apology, empathy, ownership, blame

  private func apology() -> Finding {
    let apologies = spans(StatementLexicon.apologySet).filter { !isNegated($0) }
    let conditional = spans(StatementLexicon.conditionalApologySet)
    let regret = spans(StatementLexicon.regretOnlySet)
    let real = apologies.filter { span in
      !(conditional + regret).contains { $0.overlaps(span) }
    }
    if !real.isEmpty && conditional.isEmpty {
      return Finding(result: .pass, evidence: texts(real))
    }
    if !conditional.isEmpty {
      return Finding(
        result: .partial, evidence: texts(conditional + real),
        advice:
          "Drop the condition: say what you are sorry for, without \"if\", \"any\" or \"but\".")
    }
    if !regret.isEmpty {
      return Finding(
        result: .partial, evidence: texts(regret),
        advice: "Regret is not an apology: say \"we are sorry\" and what for.")
    }
    return Finding(result: .fail)
  }

  private func empathy() -> Finding {
    let phrases = spans(StatementLexicon.empathySet)
    if !phrases.isEmpty { return Finding(result: .pass, evidence: texts(phrases)) }
    let readerSentences = Set(
      words.filter { $0.folded == "you" || $0.folded == "your" }.map(\.sentence))
    let feelings = spans(StatementLexicon.feelingSet).filter {
      readerSentences.contains(words[$0.lowerBound].sentence)
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

  /// Explicit ownership phrases, not negated.
  private func ownershipSpans() -> [Range<Int>] {
    spans(StatementLexicon.ownershipSet).filter { !isNegated($0) }
  }

  private func agentlessSpans() -> [Range<Int>] {
    let always = spans(StatementLexicon.agentlessAlwaysSet)
    let passives = spans(StatementLexicon.passiveHarmSet).filter { span in
      let sentence = words[span.lowerBound].sentence
      let byFollows =
        span.upperBound < words.count && words[span.upperBound].folded == "by"
        && words[span.upperBound].sentence == sentence
      return !firstPersonSentences.contains(sentence) && !byFollows
    }
    return Self.merge(always + passives)
  }

  private func ownership() -> Finding {
    let owned = ownershipSpans()
    let agentless = agentlessSpans()
    switch (owned.isEmpty, agentless.isEmpty) {
    case (false, true):
      return Finding(result: .pass, evidence: texts(owned))
    case (false, false):
      return Finding(
        result: .partial, evidence: texts(owned + agentless),
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

  private func blame() -> Finding {
    let blamed = spans(StatementLexicon.blameSet)
    if blamed.isEmpty { return Finding(result: .pass) }
    return Finding(result: ownershipSpans().isEmpty ? .fail : .partial, evidence: texts(blamed))
  }

  // MARK: - Facts

  private func whatHappened() -> Finding {
    let events = spans(StatementLexicon.eventSet)
    let when = spans(StatementLexicon.whenSet)
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
    let specific = spans(StatementLexicon.affectedSpecificSet)
    if !specific.isEmpty { return Finding(result: .pass, evidence: texts(specific)) }
    let generic = spans(StatementLexicon.affectedGenericSet)
    if !generic.isEmpty {
      return Finding(result: .partial, evidence: texts(Array(generic.prefix(3))))
    }
    return Finding(result: .fail)
  }

  private func whatToDo() -> Finding {
    let imperatives = spans(StatementLexicon.imperativeSet).filter(isImperative)
    let nothingNeeded = spans(StatementLexicon.noActionSet)
    if !imperatives.isEmpty {
      return Finding(
        result: .pass,
        evidence: imperatives.map { text(extending: $0, by: 2) } + texts(nothingNeeded))
    }
    // "You do not need to do anything" is a complete answer for a customer; staff in a
    // crisis always need an instruction.
    if !nothingNeeded.isEmpty {
      return Finding(
        result: profile == .staff ? .partial : .pass, evidence: texts(nothingNeeded),
        advice: "Tell staff what to do, and what to say when a customer raises it.")
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
      StatementLexicon.imperativeAdverbs.contains(words[lead - 1].folded)
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
      return ["recommend", "suggest", "advise", "ask", "urge"].contains(verb)
    }
    return false
  }

  private func whatWeAreDoing() -> Finding {
    let doing = spans(StatementLexicon.doingSet)
    let vague = spans(StatementLexicon.vagueDoingSet)
    let concrete = doing.filter { span in !vague.contains { $0.overlaps(span) } }
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

  private func nextUpdate() -> Finding {
    let updates = spans(StatementLexicon.updateSet)
    guard !updates.isEmpty else { return Finding(result: .fail) }
    let times = spans(StatementLexicon.timeSet)
    for update in updates {
      let sentence = words[update.lowerBound].sentence
      if let time = times.first(where: { words[$0.lowerBound].sentence == sentence }) {
        return Finding(result: .pass, evidence: texts([update, time]))
      }
    }
    return Finding(
      result: .partial, evidence: texts(updates),
      advice: "Give the next update a time: \"by 5pm today\", \"within 24 hours\".")
  }

  private func whereHelp() -> Finding {
    let addresses = document.tokens.filter {
      $0.kind == .phone || $0.kind == .url || $0.kind == .email || $0.kind == .handle
    }
    let concrete = spans(StatementLexicon.helpConcreteSet)
    if !addresses.isEmpty || !concrete.isEmpty {
      return Finding(result: .pass, evidence: addresses.map(\.text) + texts(concrete))
    }
    let vague = spans(StatementLexicon.helpVagueSet)
    if !vague.isEmpty {
      return Finding(
        result: .partial, evidence: texts(vague),
        advice: "Make help concrete: add the number, the web address or who to call.")
    }
    return Finding(result: .fail)
  }

  private func knownUnknown() -> Finding {
    let unknowns = spans(StatementLexicon.unknownSet)
    return Finding(result: unknowns.isEmpty ? .fail : .pass, evidence: texts(unknowns))
  }

  /// Pass with none, partial with one, fail with two or more.
  private func countedAbsence(_ set: PatternSet) -> Finding {
    let found = spans(set)
    switch found.count {
    case 0: return Finding(result: .pass)
    case 1: return Finding(result: .partial, evidence: texts(found))
    default: return Finding(result: .fail, evidence: texts(found))
    }
  }

  // MARK: - Language

  private func jargon() -> Finding {
    var seen: Set<Int> = []
    var evidence: [String] = []
    var alternatives: [String] = []
    for match in StatementLexicon.jargonSet.matches(in: words) {
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
      let count = document.tokens[sentence.tokens].filter { $0.isProse && !$0.joinedByHyphen }
        .count
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
    let found = phraseSpans(phrase)
    guard !found.isEmpty else { return Finding(result: .pass) }
    return Finding(
      result: .fail, evidence: texts(found),
      advice: "Take out \"\(document.text(words: found[0]))\": the scenario asks you not to say it."
    )
  }

  /// Where any phrasing of a scenario phrase appears: the phrasing is cut into words
  /// like the statement and matched word by word on stems, within a sentence.
  private func phraseSpans(_ phrase: Phrase) -> [Range<Int>] {
    var found: [Range<Int>] = []
    for phrasing in phrase.any {
      let target = StatementDocument(phrasing).words.map(\.stem)
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
  private func spans(_ set: PatternSet) -> [Range<Int>] {
    Self.merge(set.matches(in: words).map(\.words))
  }

  static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
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

  /// "not sorry", "never apologise": a negation just before the phrase.
  private func isNegated(_ span: Range<Int>) -> Bool {
    let sentence = words[span.lowerBound].sentence
    for offset in 1...2 {
      let index = span.lowerBound - offset
      guard index >= 0, words[index].sentence == sentence else { return false }
      if StatementLexicon.negations.contains(words[index].folded) { return true }
    }
    return false
  }

  private func texts(_ spans: [Range<Int>]) -> [String] {
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
    var seen: Set<String> = []
    var kept: [String] = []
    for item in evidence where !item.isEmpty && kept.count < 6 {
      if seen.insert(item.lowercased()).inserted { kept.append(item) }
    }
    return kept
  }
}
