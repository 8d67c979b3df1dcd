/// The fixed word lists a word of a statement belongs to, as bits, worked out with one
/// look-up per distinct word when the statement is read.
///
/// The analyser asks of nearly every word whether it is a negation, a hedge, a
/// conjunction, a past marker and so on. Each of those lists is a `Set<String>`, and
/// asking one hashes the word again; asking the bits of `StatementDocument.Word.sets`
/// costs nothing. The lists themselves stay where they are documented
/// (`CommitmentReader`, `StatementLexicon`); this only indexes them.
struct WordSets: OptionSet, Hashable, Sendable {
  let rawValue: UInt64

  // `CommitmentReader`
  static let negator = WordSets(rawValue: 1 << 0)
  static let hedge = WordSets(rawValue: 1 << 1)
  static let until = WordSets(rawValue: 1 << 2)
  static let earlier = WordSets(rawValue: 1 << 3)
  static let conjunction = WordSets(rawValue: 1 << 4)
  static let coordinator = WordSets(rawValue: 1 << 5)
  static let listWord = WordSets(rawValue: 1 << 6)
  static let segmentWord = WordSets(rawValue: 1 << 7)
  static let subjectVerb = WordSets(rawValue: 1 << 8)
  static let subordinator = WordSets(rawValue: 1 << 9)
  static let pastMarker = WordSets(rawValue: 1 << 10)
  static let reportedSpeech = WordSets(rawValue: 1 << 11)
  static let futureLead = WordSets(rawValue: 1 << 12)
  static let openingHours = WordSets(rawValue: 1 << 13)
  static let bareDay = WordSets(rawValue: 1 << 14)
  /// A word `CommitmentReader.isCondition` looks at further: "if", "unless", "should", ….
  static let conditionWord = WordSets(rawValue: 1 << 15)
  // `StatementLexicon`
  static let firstPerson = WordSets(rawValue: 1 << 16)
  static let numberWord = WordSets(rawValue: 1 << 17)
  static let clockWord = WordSets(rawValue: 1 << 18)
  static let negation = WordSets(rawValue: 1 << 19)
  static let irregularParticiple = WordSets(rawValue: 1 << 20)
  static let speechVerb = WordSets(rawValue: 1 << 21)
  static let causalWord = WordSets(rawValue: 1 << 22)
  static let vagueTime = WordSets(rawValue: 1 << 23)
  static let loremWord = WordSets(rawValue: 1 << 24)
  static let mashWord = WordSets(rawValue: 1 << 25)
  static let finiteVerb = WordSets(rawValue: 1 << 26)
  static let monthName = WordSets(rawValue: 1 << 27)
  static let imperativeAdverb = WordSets(rawValue: 1 << 28)
  // `SpokenTimeScanner`
  /// A word a time can be read from (`SpokenTimeScanner.openers`), or a weekday's name.
  static let timeOpener = WordSets(rawValue: 1 << 29)

  /// The words `CommitmentReader.isCondition` reads on.
  static let conditionWords: Set<String> = [
    "if", "unless", "provided", "providing", "assuming", "in", "should", "extent", "insofar",
  ]

  /// Every listed word with the bits of the lists that hold it.
  static let vocabulary: [String: WordSets] = {
    let lists: [(Set<String>, WordSets)] = [
      (CommitmentReader.negators, .negator),
      (CommitmentReader.hedges, .hedge),
      (CommitmentReader.untilWords, .until),
      (CommitmentReader.earlierWords, .earlier),
      (CommitmentReader.conjunctions, .conjunction),
      (CommitmentReader.coordinators, .coordinator),
      (CommitmentReader.listWords, .listWord),
      (CommitmentReader.segmentWords, .segmentWord),
      (CommitmentReader.subjectVerbs, .subjectVerb),
      (CommitmentReader.subordinators, .subordinator),
      (CommitmentReader.pastMarkers, .pastMarker),
      (CommitmentReader.reportedSpeech, .reportedSpeech),
      (CommitmentReader.futureLeads, .futureLead),
      (CommitmentReader.openingHours, .openingHours),
      (CommitmentReader.bareDayWords, .bareDay),
      (conditionWords, .conditionWord),
      (StatementLexicon.firstPerson, .firstPerson),
      (StatementLexicon.numberWords, .numberWord),
      (StatementLexicon.clockWords, .clockWord),
      (StatementLexicon.negations, .negation),
      (StatementLexicon.irregularParticiples, .irregularParticiple),
      (StatementLexicon.speechVerbs, .speechVerb),
      (StatementLexicon.causalWords, .causalWord),
      (StatementLexicon.vagueTimes, .vagueTime),
      (StatementLexicon.loremWords, .loremWord),
      (StatementLexicon.mashWords, .mashWord),
      (StatementLexicon.finiteVerbs, .finiteVerb),
      (StatementLexicon.monthNames, .monthName),
      (StatementLexicon.imperativeAdverbs, .imperativeAdverb),
      (SpokenTimeScanner.openers, .timeOpener),
    ]
    var vocabulary: [String: WordSets] = [:]
    for (words, bit) in lists {
      for word in words { vocabulary[word, default: []].insert(bit) }
    }
    return vocabulary
  }()

  /// The lists that hold `folded`, a lower-cased word.
  static func of(_ folded: String) -> WordSets {
    vocabulary[folded] ?? []
  }

  /// `vocabulary` by the words' `SpellingKey`s, for a look-up that does not hash
  /// again: the words ordered by key, and the first of each key's run found by the key
  /// (a plain number, so a look-up retains and releases nothing).
  private static let keyed: [(key: Int, word: String, sets: WordSets)] = vocabulary.map {
    (key: SpellingKey.of($0.key), word: $0.key, sets: $0.value)
  }
  .sorted { ($0.key, $0.word) < ($1.key, $1.word) }
  private static let firstOfKey: HashKeyTable<Int> = {
    var first: [Int: Int] = [:]
    for (index, entry) in keyed.enumerated() where first[entry.key] == nil {
      first[entry.key] = index
    }
    return HashKeyTable(first)
  }()

  /// The lists that hold `folded`, whose `SpellingKey` is `hash`.
  static func of(_ folded: String, hash: Int) -> WordSets {
    guard var index = firstOfKey[hash] else { return [] }
    while index < keyed.count, keyed[index].key == hash {
      if keyed[index].word == folded { return keyed[index].sets }
      index += 1
    }
    return []
  }
}
