/// The caps of facilitator-guide/scoring.md §14.4, read from the same words the
/// criteria read: each names the fault, the grade it caps the statement at and the
/// words that show it.
extension StatementEvaluation {
  /// Every cap that applies, lowest ceiling first.
  func caps(criteria: [StatementCriterion], must: [Phrase]) -> [StatementCap] {
    var caps: [StatementCap] = []
    func result(_ id: String) -> StatementCriterion.Result? {
      criteria.first { $0.id == id }?.result
    }
    if let cap = stuffing(result) { caps.append(cap) }
    if let cap = reversal() { caps.append(cap) }
    if let cap = hostility() { caps.append(cap) }
    caps += channelMisuse(result)
    if let cap = guessesAndGuarantees() { caps.append(cap) }
    if let cap = deflection() { caps.append(cap) }
    if !must.isEmpty,
      !criteria.contains(where: { $0.id.hasPrefix("must:") && $0.result == .pass })
    {
      caps.append(
        StatementCap(
          id: "no-facts", grade: 4,
          reason:
            "none of the facts this moment needs is said (\(must.map { $0.label ?? $0.id }.joined(separator: ", "))),"
            + " so it cannot be Strong however well it reads"))
    }
    return caps.sorted { ($0.ceiling, $0.id) < ($1.ceiling, $1.id) }
  }

  /// Stock phrases with no fact about this crisis, or nothing concrete at all.
  private func stuffing(_ result: (String) -> StatementCriterion.Result?) -> StatementCap? {
    let facts = substance.facts.count
    let stock = substance.stock
    let concreteAct =
      result("who-affected") == .pass || result("what-we-are-doing") == .pass
      || !concreteInstructions().isEmpty
    if !concreteAct && (facts == 0 && stock.count >= 2 || facts <= 1 && stock.count >= 3) {
      return StatementCap(
        id: "stuffing", grade: 2,
        reason:
          "stock phrases with no fact about this crisis: \(stock.count) stock phrases,"
          + " \(facts) concrete fact\(facts == 1 ? "" : "s")",
        evidence: Array(stock.prefix(4)))
    }
    if facts == 0 && !concreteAct && result("what-to-do") != .pass
      && result("where-help") != .pass
    {
      return StatementCap(
        id: "nothing-concrete", grade: 2,
        reason: "it says nothing concrete: no what, who, when or where, and nothing to do")
    }
    return nil
  }

  /// Denial and refusal: the acts of a statement turned against the reader.
  private func reversal() -> StatementCap? {
    var kinds: [String: [String]] = [:]
    let denied = faults(StatementLexicon.denialSet)
    if !denied.isEmpty { kinds["denies", default: []] += texts(denied) }
    let refusedApology = refusedApologies()
    if !refusedApology.isEmpty, apologySpans().isEmpty {
      kinds["refuses an apology", default: []] += negatedTexts(refusedApology)
    }
    let refusals = spans(StatementLexicon.refusalSet).filter { !isAvoidQuoted($0.lowerBound) }
    let refusedUpdates = refusedUpdates()
    if promisedUpdate == nil, !(refusals + refusedUpdates).isEmpty {
      kinds["refuses updates", default: []] += negatedTexts(Self.merge(refusals + refusedUpdates))
    }
    let help = helpSpans()
    let against = counterproductiveSpans()
    if help.offered.isEmpty, !(help.refused + against).isEmpty {
      kinds["turns the reader away", default: []] += negatedTexts(
        Self.merge(help.refused + against))
    } else if !against.isEmpty, instructionSpans().isEmpty {
      kinds["tells the reader to do the wrong thing", default: []] += texts(against)
    }
    guard !kinds.isEmpty else { return nil }
    let names = kinds.keys.sorted()
    let evidence = names.flatMap { kinds[$0] ?? [] }
    let whole =
      kinds.count >= 3
      || kinds.count >= 2 && apologySpans().isEmpty
        && instructionSpans().isEmpty
    return StatementCap(
      id: "reversal", grade: whole ? 1 : 2,
      reason:
        "it \(StatementRubric.list(names)): negated words (\"not sorry\", \"no update\","
        + " \"do not contact\") are not the acts",
      evidence: Array(Self.unique(evidence).prefix(6)))
  }

  /// Polite hostility, blame and the non-apology.
  private func hostility() -> StatementCap? {
    let blamed = blameSpans()
    let hostile = hostilitySpans()
    let conditional = conditionalApologySpans().filter { span in
      // "Sorry for any inconvenience" is a tone fault (jargon), not a condition.
      !words[span].contains { $0.folded == "any" } || words[span].contains { $0.folded == "if" }
    }
    var evidence = texts(blamed.customers + hostile + conditional)
    // Naming a supplier to staff is a fact they need; to the public, without owning it,
    // it is blame.
    if !blamed.others.isEmpty, profile != .staff, profile != .regulator,
      spans(StatementLexicon.ownershipSet).filter(asserted).isEmpty, apologySpans().isEmpty
    {
      evidence += texts(blamed.others)
    }
    guard !evidence.isEmpty else { return nil }
    return StatementCap(
      id: "hostility", grade: 2,
      reason:
        "it blames, dismisses or apologises on a condition: readers hear the polite form as"
        + " an attack",
      evidence: Array(evidence.prefix(6)))
  }

  /// A channel misused: too long to arrive whole, a tweet filed as a regulator notice,
  /// a notice or e-mail missing what its reader must receive.
  private func channelMisuse(_ result: (String) -> StatementCriterion.Result?) -> [StatementCap] {
    var caps: [StatementCap] = []
    if let limit, length.count > limit {
      let unit = length.unit == .characters ? "characters" : length.unit.rawValue
      let pieces = channel == .sms && length.count <= 2 * limit - 14
      caps.append(
        StatementCap(
          id: "channel", grade: pieces ? 3 : 2,
          reason:
            "\(length.count) \(unit) over a limit of \(limit): it "
            + (pieces ? "arrives split in two" : "will be cut off or arrive in pieces")))
    }
    if profile == .regulator {
      caps += regulatorDuties(result)
    }
    if channel == .email, profile == .email {
      let missing = ["greeting", "sender"].filter { result($0) == .fail }
      if !missing.isEmpty {
        caps.append(
          StatementCap(
            id: "email-duties", grade: missing.count == 2 ? 3 : 4,
            reason:
              "an e-mail to a customer with no \(missing.map { $0 == "sender" ? "named sender" : $0 }.joined(separator: " and no ")):"
              + " the reader cannot tell who is speaking to them"))
      }
    }
    if profile == .email || profile == .staff, result("what-to-do") == .fail,
      channel == .email || channel == .memo,
      profile == .staff || result("where-help") != .pass
    {
      caps.append(
        StatementCap(
          id: "nothing-to-do", grade: 3,
          reason: "it gives the reader nothing to do, and does not say that nothing is needed"))
    }
    return caps
  }

  /// Art. 33(3) for a personal-data breach; scope and measures for other regulators.
  private func regulatorDuties(_ result: (String) -> StatementCriterion.Result?)
    -> [StatementCap]
  {
    var caps: [StatementCap] = []
    let chatty =
      document.tokens.contains {
        $0.kind == .handle || StatementLexicon.informalWords.contains($0.folded)
      }
      || document.characters.contains {
        $0.unicodeScalars.contains { $0.properties.isEmojiPresentation }
      }
      || document.characters.contains("#")
    if document.characters.count < 80 || chatty && document.characters.count <= 280 {
      caps.append(
        StatementCap(
          id: "channel", grade: 1,
          reason:
            "a tweet-length note filed as a regulator notice: it cannot carry what the"
            + " regulator must receive"))
    }
    // Phasing names when the rest will follow: "in due course" does not.
    let timed = Set(spans(StatementLexicon.timeSet).map { words[$0.lowerBound].sentence })
    let phased =
      spans(StatementLexicon.phasingSet).contains { timed.contains(words[$0.lowerBound].sentence) }
      || (result("known-unknown") == .pass && result("next-update") == .pass)
    func present(_ id: String) -> Bool {
      result(id) == .pass || (result(id) == .partial && phased)
    }
    if isPersonalDataNotice {
      let categories = !spans(StatementLexicon.dataCategorySet).isEmpty
      var missing: [String] = []
      if !(present("who-affected") && (categories || phased)) {
        missing.append("the nature of the breach with categories and numbers")
      }
      // A contact with no direct line is vague, not missing (scoring.md §14.5).
      if result("contact-point") == .fail { missing.append("a contact point") }
      if !present("consequences") { missing.append("the likely consequences") }
      if !present("what-we-are-doing") { missing.append("the measures taken or proposed") }
      if !missing.isEmpty {
        caps.append(
          StatementCap(
            id: "art-33", grade: missing.count >= 3 ? 2 : 3,
            reason:
              "a personal-data breach notice without \(StatementRubric.list(missing)) (GDPR"
              + " Art. 33(3))"))
      }
    } else {
      var missing: [String] = []
      if !present("who-affected") { missing.append("the scope in numbers") }
      if !present("what-we-are-doing") { missing.append("the measures taken") }
      if !missing.isEmpty {
        caps.append(
          StatementCap(
            id: "notice-duties", grade: missing.count == 2 ? 2 : 3,
            reason: "a regulator notice without \(StatementRubric.list(missing))"))
      }
    }
    return caps
  }

  /// A staff memo with no facts whose only instruction is to pass questions on
  /// (scoring.md §14.6: "refer all questions to head office" and nothing else is a 2).
  private func deflection() -> StatementCap? {
    guard profile == .staff, substance.facts.isEmpty else { return nil }
    let deflections = spans(StatementLexicon.deflectionSet)
    let instructions = instructionSpans()
    guard !deflections.isEmpty, !instructions.isEmpty,
      instructions.allSatisfy({ span in deflections.contains { $0.overlaps(span) } })
    else { return nil }
    return StatementCap(
      id: "deflection", grade: 2,
      reason: "its only instruction is to pass questions on: staff need to know what to say",
      evidence: texts(deflections))
  }

  /// Guesses at the cause and promises nobody can keep.
  private func guessesAndGuarantees() -> StatementCap? {
    let found =
      faults(StatementLexicon.speculationSet) + faults(StatementLexicon.overPromisingSet)
    guard !found.isEmpty else { return nil }
    return StatementCap(
      id: "guesses", grade: found.count >= 2 ? 3 : 4,
      reason:
        found.count >= 2
        ? "\(found.count) guesses or guarantees that may have to be withdrawn"
        : "a guess or guarantee that may have to be withdrawn",
      evidence: texts(found))
  }
}
