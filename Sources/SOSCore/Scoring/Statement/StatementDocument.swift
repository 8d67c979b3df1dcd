/// A statement cut into tokens, sentences and the word stream that lexicon patterns and
/// scenario phrasings are matched against.
///
/// In the word stream contractions are spelt out ("we're" is "we" "are", "don't" is "do"
/// "not"), a possessive "'s" is dropped, and every word carries its stem. Each word
/// remembers its token, so a match can be quoted exactly as written.
struct StatementDocument: Sendable {
  /// A word of the matching stream.
  struct Word: Hashable, Sendable {
    /// Lower-cased with straight apostrophes.
    var folded: String
    var stem: String
    /// The `SpellingKey`s of `folded` and `stem`, so that word lists look words up by a
    /// number.
    var formKey: Int
    var stemKey: Int
    /// Index into `tokens`.
    var token: Int
    var sentence: Int
    var startsClause: Bool
    var kind: StatementToken.Kind
    /// Written with a capital letter and not at the start of a clause: likely a name.
    var isName: Bool
    /// The word classes of lexicon patterns this word belongs to, worked out once.
    var classes: WordClasses = []
    /// The fixed word lists that hold `folded`, worked out once.
    var sets: WordSets = []
    /// Whether `folded` reads as a word (`StatementSubstance.isWordlike`), worked out
    /// once per spelling.
    var isWordlike = true
    /// The number of `folded` among the document's distinct spellings (see
    /// `StatementDocument.spellings`): two words have the same number exactly when they
    /// are spelt the same.
    var spelling = 0

    /// A word spelt as `entry`, of its kind, not a name and not opening a clause; its
    /// classes are left to work out.
    init(_ entry: SpellingTable.Entry, token: Int, sentence: Int) {
      folded = entry.folded
      stem = entry.stem
      formKey = entry.formKey
      stemKey = entry.stemKey
      self.token = token
      self.sentence = sentence
      startsClause = false
      kind = entry.kind
      isName = false
      sets = entry.sets
      isWordlike = entry.isWordlike
    }
  }

  /// Word classes a lexicon pattern can ask for (`<num>`, `<clock>`, `<ing>`, `<ed>`)
  /// and whether a word is a negation (which `<act>` refuses).
  struct WordClasses: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let number = WordClasses(rawValue: 1)
    static let clock = WordClasses(rawValue: 2)
    static let ing = WordClasses(rawValue: 4)
    static let participle = WordClasses(rawValue: 8)
    static let negation = WordClasses(rawValue: 16)
    static let name = WordClasses(rawValue: 32)

    /// The classes of `word`.
    static func of(_ word: Word) -> WordClasses {
      // A word in ASCII is read on its bytes.
      let ascii = word.folded.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.contains(where: { $0 >= 128 }) ? nil : of(word, ascii: bytes)
      }
      if let ascii, let ascii { return ascii }
      var classes: WordClasses = []
      let folded = word.folded
      if word.kind == .number || word.sets.contains(.numberWord) {
        classes.insert(.number)
      }
      if StatementPattern.isClock(word) { classes.insert(.clock) }
      if word.kind == .word {
        let count = folded.utf8.count
        if count >= 5 && folded.hasSuffix("ing") { classes.insert(.ing) }
        if folded != "been",
          count >= 4 && folded.hasSuffix("ed")
            || word.sets.contains(.irregularParticiple)
        {
          classes.insert(.participle)
        }
        if word.sets.contains(.negation) { classes.insert(.negation) }
      }
      if word.isName { classes.insert(.name) }
      return classes
    }

    /// The classes of a word spelt as `entry`, of its kind and not a name: those of
    /// `Word(entry, …)`, read without making the word.
    static func of(_ entry: SpellingTable.Entry) -> WordClasses {
      let ascii = entry.folded.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.contains(where: { $0 >= 128 })
          ? nil : of(kind: entry.kind, sets: entry.sets, isName: false, ascii: bytes)
      }
      if let ascii, let ascii { return ascii }
      return of(Word(entry, token: 0, sentence: 0))
    }

    /// The classes of `word`, whose folded spelling is the ASCII `bytes`: the same
    /// reading as above (in ASCII a character is a byte, and a number a digit).
    private static func of(_ word: Word, ascii bytes: UnsafeBufferPointer<UInt8>)
      -> WordClasses
    {
      of(kind: word.kind, sets: word.sets, isName: word.isName, ascii: bytes)
    }

    /// The classes of a word of `kind`, in the lists `sets`, a name or not, whose folded
    /// spelling is the ASCII `bytes`.
    private static func of(
      kind: StatementToken.Kind, sets: WordSets, isName: Bool,
      ascii bytes: UnsafeBufferPointer<UInt8>
    ) -> WordClasses {
      var classes: WordClasses = []
      if kind == .number || sets.contains(.numberWord) {
        classes.insert(.number)
      }
      if sets.contains(.clockWord) || (kind == .number && isClock(ascii: bytes)) {
        classes.insert(.clock)
      }
      if kind == .word {
        let count = bytes.count
        if count >= 5 && ends(bytes, "ing") { classes.insert(.ing) }
        let isBeen = count == 4 && bytes.elementsEqual("been".utf8)
        if !isBeen, count >= 4 && ends(bytes, "ed") || sets.contains(.irregularParticiple) {
          classes.insert(.participle)
        }
        if sets.contains(.negation) { classes.insert(.negation) }
      }
      if isName { classes.insert(.name) }
      return classes
    }

    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString)
      -> Bool
    {
      let length = suffix.utf8CodeUnitCount
      guard bytes.count >= length else { return false }
      return suffix.withUTF8Buffer { tail in
        bytes[(bytes.count - length)...].elementsEqual(tail)
      }
    }

    /// `StatementPattern.isClock` for a number in ASCII, less the clock words: "5pm",
    /// "10.30am", "17:00".
    private static func isClock(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
      guard let first = bytes.first, isDigit(first) else { return false }
      if ends(bytes, "am") || ends(bytes, "pm") {
        return bytes.dropLast(2).allSatisfy { isDigit($0) || $0 == 58 || $0 == 46 }
      }
      // Two runs of one or two digits between colons (empty runs are not counted).
      var runs = 0
      var run = 0
      var shortRuns = true
      for byte in bytes {
        if byte == 58 {
          if run > 0 {
            runs += 1
            if run > 2 { shortRuns = false }
          }
          run = 0
        } else {
          guard isDigit(byte) else { return false }
          run += 1
        }
      }
      if run > 0 {
        runs += 1
        if run > 2 { shortRuns = false }
      }
      return runs == 2 && shortRuns
    }
  }

  let characters: StatementCharacters
  /// The ASCII code of each character, or 0 when it is not ASCII ("\r\n" is 10).
  var codes: [UInt8] { characters.codes }
  let tokens: [StatementToken]
  let sentences: [StatementSentence]
  let words: [Word]
  /// How many distinct spellings (`Word.folded`) the words have.
  let spellings: Int

  init(_ text: String) {
    characters = StatementCharacters(text)
    let split = StatementTokenizer.split(characters)
    tokens = split.tokens
    sentences = split.sentences
    (words, spellings) = Self.words(of: split.tokens)
  }

  /// The text between two character offsets, as written.
  func text(_ range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, characters.count))
    let upper = max(lower, min(range.upperBound, characters.count))
    // ASCII with no line break ("\r\n" has code 10): the codes are the UTF-8.
    if codes[lower..<upper].allSatisfy({ $0 != 0 && $0 != 10 }) {
      return String(decoding: codes[lower..<upper], as: UTF8.self)
    }
    return Self.string(characters[lower..<upper])
  }

  /// Characters made a string, quickly when they are all ASCII.
  static func string(_ characters: Slice<StatementCharacters>) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(characters.count)
    for character in characters {
      guard let ascii = character.asciiValue, ascii != 10 || character.utf8.count == 1 else {
        return String(characters)
      }
      bytes.append(ascii)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text of the words `range` of the word stream, as written.
  func text(words range: Range<Int>) -> String {
    guard !range.isEmpty, range.upperBound <= words.count else { return "" }
    let first = tokens[words[range.lowerBound].token].range.lowerBound
    let last = tokens[words[range.upperBound - 1].token].range.upperBound
    return text(first..<last)
  }

  /// The text of a sentence, as written.
  func text(sentence: StatementSentence) -> String {
    guard let first = tokens[sentence.tokens].first, let last = tokens[sentence.tokens].last
    else { return "" }
    return text(first.range.lowerBound..<last.range.upperBound)
  }

  /// The word stream of `text` when it is only ASCII letters and spaces (as an audience
  /// usually is), else `nil`: the words `StatementDocument(text).words` has, made
  /// without cutting characters and sentences. The tokenizer makes each run of letters
  /// a word token (no dot, digit, apostrophe, hyphen or mark is there to make it
  /// anything else) in the one sentence, the first opening its clause.
  static func plainWords(_ text: String) -> [Word]? {
    let tokens = text.utf8.withContiguousStorageIfAvailable { bytes -> [StatementToken]? in
      func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
      }
      guard bytes.allSatisfy({ $0 == 32 || isLetter($0) }) else { return nil }
      var tokens: [StatementToken] = []
      var start = 0
      while start < bytes.count {
        guard isLetter(bytes[start]) else {
          start += 1
          continue
        }
        var end = start
        while end < bytes.count, isLetter(bytes[end]) { end += 1 }
        let letters = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let text = String(decoding: letters, as: UTF8.self)
        let folded =
          letters.contains(where: { $0 >= 65 && $0 <= 90 })
          ? String(decoding: letters.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
          : text
        tokens.append(
          StatementToken(
            text: text, folded: folded, kind: .word, range: start..<end, sentence: 0,
            startsClause: tokens.isEmpty))
        start = end
      }
      return tokens
    }
    guard let tokens, let tokens else { return nil }
    return words(of: tokens).words
  }

  /// What a spelling gives every word spelt so, for a token of `kind`: `hash` is the
  /// spelling's `SpellingKey`, `sets` the fixed word lists that hold it.
  private static func entry(
    _ part: String, hash: Int, kind: StatementToken.Kind, sets listed: WordSets
  ) -> SpellingTable.Entry {
    // The first token with this spelling decides its stem, as it always has: a number
    // or a link is its own stem, a word is stemmed.
    let stem = kind == .word ? WordStemmer.stem(part) : part
    var sets = listed
    // A weekday is read from the word lowered and less a final dot: a plain lower-case
    // spelling is its own, any other is asked.
    if !sets.contains(.timeOpener), anyByte(of: part, { $0 >= 128 || $0 == 46 }),
      Weekday(parsing: part) != nil
    {
      sets.insert(.timeOpener)
    }
    var entry = SpellingTable.Entry(
      folded: part, stem: stem, formKey: hash,
      // A word spelt as its stem (a number, a link, most short words) has its hash.
      stemKey: kind != .word || stem == part ? hash : SpellingKey.of(stem), sets: sets,
      kind: kind)
    entry.classes = WordClasses.of(entry)
    entry.isWordlike = StatementSubstance.isWordlike(part)
    return entry
  }

  /// The entry of every word of the fixed word lists (`WordSets.vocabulary`) as a word
  /// token, worked out once: most statements are largely such words, and a word in no
  /// list needs no look-up of its lists.
  private static let listedWordEntries: SpellingTable = {
    var table = SpellingTable(capacity: WordSets.vocabulary.count)
    for (word, sets) in WordSets.vocabulary.sorted(by: { $0.key < $1.key }) {
      _ = table.add(entry(word, hash: SpellingKey.of(word), kind: .word, sets: sets))
    }
    return table
  }()

  private static func words(of tokens: [StatementToken]) -> (words: [Word], spellings: Int) {
    var words: [Word] = []
    words.reserveCapacity(tokens.count + tokens.count / 8)
    // What depends only on a word's spelling, worked out once per distinct word.
    var known = SpellingTable(capacity: tokens.count)
    for (index, token) in tokens.enumerated() {
      let capital = !token.startsClause && Self.startsUppercase(token.text)
      func add(_ part: String, offset: Int) {
        let hash = SpellingKey.of(part)
        let number: Int
        if let found = known.find(part, hash: hash) {
          number = found
        } else if token.kind == .word {
          // A listed word's entry was worked out at start-up; any other word is in no
          // list.
          if let listed = listedWordEntries.find(part, hash: hash) {
            // Spelt as written (equal to the listed spelling).
            var entry = listedWordEntries.entries[listed]
            entry.folded = part
            number = known.add(entry)
          } else {
            number = known.add(entry(part, hash: hash, kind: .word, sets: []))
          }
        } else {
          number = known.add(
            entry(part, hash: hash, kind: token.kind, sets: WordSets.of(part, hash: hash)))
        }
        let isName = capital && offset == 0
        // The entry is read in place, not copied out.
        var word = Word(known.entries[number], token: index, sentence: token.sentence)
        word.startsClause = token.startsClause && offset == 0
        word.kind = token.kind
        word.isName = isName
        word.spelling = number
        // The classes depend on the spelling and the kind, and on being a name.
        if token.kind == known.entries[number].kind {
          let classes = known.entries[number].classes
          word.classes = isName ? classes.union(.name) : classes
        } else {
          word.classes = WordClasses.of(word)
        }
        words.append(word)
      }
      switch token.kind {
      // Most words have no apostrophe and are one word of the stream.
      case .word where !anyByte(of: token.folded, { $0 == 39 }):
        add(token.folded, offset: 0)
      case .word:
        for (offset, part) in expand(token.folded).enumerated() { add(part, offset: offset) }
      // "Mr." and "a.m." match as "mr" and "a.m".
      case .abbreviation:
        add(String(token.folded.dropLast(token.folded.hasSuffix(".") ? 1 : 0)), offset: 0)
      default:
        add(token.folded, offset: 0)
      }
    }
    return (words, known.entries.count)
  }

  /// Whether any UTF-8 byte of `text` passes `test`, read where the bytes are stored when
  /// they are (a small string is copied out once, not at every byte).
  static func anyByte(of text: String, _ test: (UInt8) -> Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(where: test) }
      ?? text.utf8.contains(where: test)
  }

  /// Whether the first character of `text` is an upper-case letter. Two ASCII bytes
  /// (or one alone) open with a character that is the first byte alone, whose case its
  /// code says; anything else asks the character.
  static func startsUppercase(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    guard let first = bytes.next() else { return false }
    if first < 128, (bytes.next() ?? 0) < 128, first != 13 {
      return first >= 65 && first <= 90
    }
    return text.first.map(StatementTokenizer.isUppercase) == true
  }

  /// Whether the first character of `text` is a letter (read as `startsUppercase`
  /// reads its case).
  static func startsWithLetter(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    guard let first = bytes.next() else { return false }
    if first < 128, (bytes.next() ?? 0) < 128, first != 13 {
      return (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
    }
    return text.first?.isLetter == true
  }

  /// Spells out a contraction: "we're" → ["we", "are"], "customer's" → ["customer"].
  static func expand(_ folded: String) -> [String] {
    guard folded.utf8.contains(39) else { return [folded] }
    if let whole = StatementLexicon.contractions[folded] { return whole }
    for (suffix, replacement) in StatementLexicon.contractionSuffixes
    where folded.hasSuffix(suffix) && folded.count > suffix.count {
      let base = String(folded.dropLast(suffix.count))
      return replacement.isEmpty ? [base] : [base, replacement]
    }
    return [folded]
  }
}
