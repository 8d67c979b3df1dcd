/// What a statement holds beyond its stock phrases: whether it is a statement at all,
/// how many concrete facts it gives, how much of it is stock phrasing and whether it
/// repeats itself (facilitator-guide/scoring.md §14.4: count facts, not phrases).
struct StatementSubstance {
  /// Why the text is not yet a statement, or `nil` when it is one.
  let nonsense: String?
  /// Concrete facts about this crisis: numbers, times and dates, names, and the
  /// specific who and what, each counted once (not the numbers to call or the time of
  /// the next update, which any statement can have).
  let facts: [String]
  /// The stock phrases found, as written.
  let stock: [String]
  /// The share of the words inside stock phrases, 0–1.
  let stockShare: Double
  /// Phrases that said the same thing again, as written.
  let repeats: [String]

  /// Reads `document`; `updateSentences` are the sentences that promise an update,
  /// whose times are the promise, not facts about the crisis.
  init(
    _ document: StatementDocument, updateSentences: Set<Int>, matches: LexiconMatches
  ) {
    let words = document.words
    func of(_ set: PatternSet) -> ArraySlice<PatternSet.Match> {
      LexiconIndex.shared.index(of: set).map { matches[$0] } ?? set.matches(in: words)[...]
    }
    nonsense = Self.nonsense(
      document, hasImperative: !of(StatementLexicon.imperativeSet).isEmpty)
    var facts: [String] = []
    // The facts lowered, in a list while they are few (quicker than hashing), in a set
    // once they are many.
    var seenList: [String] = []
    var seen: Set<String> = []
    func add(_ text: String) {
      let lowered = text.lowercased()
      // Room for a few from the first, rather than growing one by one.
      if facts.isEmpty {
        facts.reserveCapacity(8)
        seenList.reserveCapacity(16)
      }
      if seenList.count < 16 {
        guard !seenList.contains(lowered) else { return }
        seenList.append(lowered)
        if seenList.count == 16 { seen = Set(seenList) }
        facts.append(text)
      } else if seen.insert(lowered).inserted {
        facts.append(text)
      }
    }
    // Numbers to call and addresses are where to get help, not facts about the crisis;
    // nor is the time of the next update.
    let tokens = document.tokens
    for index in tokens.indices where tokens[index].kind == .number {
      if !updateSentences.contains(tokens[index].sentence) { add(tokens[index].text) }
    }
    for index in words.indices where words[index].isName && words[index].kind == .word {
      if !words[index].sets.contains(.firstPerson), words[index].folded.count > 1 {
        add(document.tokens[words[index].token].text)
      }
    }
    // "Updates soon, later today or tomorrow": no time is a fact in a vague sentence.
    // The sentences with a vague time are marked by number, once a match asks.
    var vagueSentences: [Bool] = []
    func isVague(_ sentence: Int) -> Bool {
      if updateSentences.contains(sentence) { return true }
      if vagueSentences.isEmpty {
        vagueSentences = [Bool](repeating: false, count: document.sentences.count + 1)
        for word in words where word.sets.contains(.vagueTime) && word.sentence >= 0 {
          if word.sentence >= vagueSentences.count {
            vagueSentences += Array(
              repeating: false, count: word.sentence - vagueSentences.count + 1)
          }
          vagueSentences[word.sentence] = true
        }
      }
      return sentence >= 0 && sentence < vagueSentences.count && vagueSentences[sentence]
    }
    for set in Self.factSets {
      for match in of(set)
      where !isVague(words[match.words.lowerBound].sentence) {
        add(document.text(words: match.words))
      }
    }
    self.facts = facts

    let stockMatches = StatementEvaluation.merge(
      of(StatementLexicon.stockPhraseSet).map(\.words))
    stock = stockMatches.map { document.text(words: $0) }
    let covered = stockMatches.reduce(0) { $0 + $1.count }
    stockShare = words.isEmpty ? 0 : Double(covered) / Double(words.count)

    // The same stock phrase twice, three or more apologies, or a sentence said twice.
    var repeats: [String] = []
    var phrases: [String: Int] = [:]
    for (index, match) in stockMatches.enumerated() {
      let key = match.map { words[$0].stem }.joined(separator: " ")
      phrases[key, default: 0] += 1
      if phrases[key] == 2 { repeats.append(stock[index]) }
    }
    let apologies = of(StatementLexicon.apologySet).count
    if apologies >= 3 {
      repeats.append("\(apologies) apologies")
    }
    // A sentence said twice: the same word forms in the same order, three or more. The
    // words of a sentence stand together in the stream, so each is a range of it.
    var sentenceRanges = [Range<Int>](repeating: 0..<0, count: document.sentences.count)
    var start = 0
    for index in words.indices
    where index + 1 == words.count || words[index + 1].sentence != words[index].sentence {
      let sentence = words[index].sentence
      if sentence >= sentenceRanges.count {
        sentenceRanges += Array(repeating: 0..<0, count: sentence - sentenceRanges.count + 1)
      }
      sentenceRanges[sentence] = start..<(index + 1)
      start = index + 1
    }
    // Earlier sentences of three or more words by a hash of their forms: in a list
    // while they are few (most statements have a handful), in a table once many.
    var earlierList: [(key: Int, range: Range<Int>)] = []
    var earlier: [Int: [Range<Int>]] = [:]
    for (index, range) in sentenceRanges.enumerated() where range.count >= 3 {
      var hasher = Hasher()
      for position in range { hasher.combine(words[position].formKey) }
      let key = hasher.finalize()
      func isSame(_ other: Range<Int>) -> Bool {
        other.count == range.count
          && zip(other, range).allSatisfy { words[$0].formKey == words[$1].formKey }
      }
      let same =
        earlierList.count < 16
        ? earlierList.contains { $0.key == key && isSame($0.range) }
        : earlier[key]?.contains(where: isSame) == true
      if same {
        repeats.append(document.text(sentence: document.sentences[index]))
      } else if earlierList.count < 16 {
        if earlierList.isEmpty { earlierList.reserveCapacity(min(sentenceRanges.count, 16)) }
        earlierList.append((key: key, range: range))
        if earlierList.count == 16 {
          for item in earlierList { earlier[item.key, default: []].append(item.range) }
        }
      } else {
        earlier[key, default: []].append(range)
      }
    }
    self.repeats = repeats
  }

  /// The lists whose matches are facts, in the order they are counted.
  private static let factSets = [
    StatementLexicon.affectedSpecificSet, StatementLexicon.whenSet,
    StatementLexicon.dataCategorySet,
  ]

  /// Whether the words say something: at least five, mostly real words, not filler,
  /// and at least one clause with a verb.
  static func nonsense(_ document: StatementDocument, hasImperative: Bool) -> String? {
    // The words and numbers, by position (read in place rather than copied out).
    let all = document.words
    // The words and numbers are those of these kinds; they are counted in place rather
    // than gathered in an array.
    func counts(_ index: Int) -> Bool { all[index].kind == .word || all[index].kind == .number }
    var count = 0
    for index in all.indices where counts(index) { count += 1 }
    if count < ScoringDefaults.statementMinimumWords {
      return "it has \(count) word\(count == 1 ? "" : "s"): a statement needs at least"
        + " \(ScoringDefaults.statementMinimumWords) to tell anyone anything"
    }
    var filler = 0
    for index in all.indices
    where counts(index)
      && (all[index].sets.contains(.loremWord) || all[index].sets.contains(.mashWord)
        || !all[index].isWordlike)
    {
      filler += 1
    }
    if Double(filler) >= 0.5 * Double(count) {
      return "most of it is not words (placeholder, test words or keyboard runs)"
    }
    // Distinct spellings, counted by their numbers rather than by hashing each word, in
    // a buffer on the stack.
    let distinct = withUnsafeTemporaryAllocation(of: Bool.self, capacity: document.spellings) {
      seen in
      seen.initialize(repeating: false)
      var distinct = 0
      for index in all.indices where counts(index) && !seen[all[index].spelling] {
        seen[all[index].spelling] = true
        distinct += 1
      }
      return distinct
    }
    if count >= 5, Double(distinct) < 0.4 * Double(count) {
      return "it repeats the same few words"
    }
    // Read in place; the suffix is asked before the characters are counted.
    let hasVerb = all.indices.contains { index in
      all[index].sets.contains(.finiteVerb)
        || (all[index].kind == .word && all[index].folded.hasSuffix("ed")
          && all[index].folded.count > 4)
    }
    if !hasVerb && !hasImperative {
      return "no sentence in it has a verb: it is a list of words, not a message"
    }
    return nil
  }

  /// A word a reader could read: letters with a vowel, no long run of consonants.
  static func isWordlike(_ folded: String) -> Bool {
    // ASCII, read in one pass. On a folded word (no capitals) both readings below
    // agree up to a byte that is not ASCII, so the first can stop there (answering
    // `nil`) and leave the word to the second.
    let ascii = folded.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      var run = 0
      var vowels = 0
      var letters = 0
      for byte in bytes {
        if byte >= 128 { return nil }
        if byte >= 48 && byte <= 57 { return true }
        guard byte >= 97 && byte <= 122 else { continue }
        letters += 1
        switch byte {
        case 97, 101, 105, 111, 117, 121:
          vowels += 1
          run = 0
        default:
          run += 1
          if run >= 5 { return false }
        }
      }
      return letters == 0 || vowels > 0
    }
    if let ascii, let ascii { return ascii }
    var run = 0
    var vowels = 0
    var letters = 0
    for scalar in folded.unicodeScalars {
      guard scalar.properties.isAlphabetic else {
        if scalar.properties.numericType != nil { return true }
        continue
      }
      letters += 1
      if "aeiouy".unicodeScalars.contains(scalar) || scalar.value > 127 {
        vowels += 1
        run = 0
      } else {
        run += 1
        if run >= 5 { return false }
      }
    }
    return letters == 0 || vowels > 0
  }
}
