/// Every word list of the statement analyser indexed together, so that one pass over a
/// statement's words finds the matches of all of them: each word is looked up once by
/// its stem and once by its form, and only the patterns that can start there are
/// tried. (Matching each list on its own looked every word up once per list.)
final class LexiconIndex: Sendable {
  /// The analyser's word lists, in a fixed order.
  static let shared = LexiconIndex(StatementLexicon.indexedSets)

  private struct Entry: Sendable {
    var set: Int32
    var pattern: Int32
    /// The pattern's place in `patterns`, every list's patterns in one array.
    var flat: Int32
  }

  /// The patterns that start with one word: those whose second element is a plain
  /// word are kept by that word too, so that a common first word ("we") leads only
  /// to the patterns its next word can continue.
  private struct Bucket: Sendable {
    var direct: [Entry] = []
    var byNextStem: [Int: [Entry]] = [:]
    var byNextForm: [Int: [Entry]] = [:]

    mutating func add(_ entry: Entry, pattern: StatementPattern) {
      guard pattern.steps.count >= 2, !pattern.steps[1].optional,
        case .word(let next) = pattern.steps[1].element
      else {
        direct.append(entry)
        return
      }
      for key in Set(next.stemKeys) { byNextStem[key, default: []].append(entry) }
      for key in Set(next.formKeys) { byNextForm[key, default: []].append(entry) }
    }
  }

  /// A run of `entries` (or of `unindexedLists`): plain numbers, so that finding one
  /// in a table retains and releases nothing.
  private struct Span: Sendable {
    var start: Int32
    var count: Int32

    var range: Range<Int> { Int(start)..<Int(start) + Int(count) }

    /// Appends `items` to `flat`, and spans them there.
    static func appending<Item>(_ items: [Item], to flat: inout [Item]) -> Span {
      let span = Span(start: Int32(flat.count), count: Int32(items.count))
      flat.append(contentsOf: items)
      return span
    }
  }

  /// A bucket as looked up while matching: its entries spanned in `entries`, and tables
  /// of spans keyed by hash values. A class, so that finding one copies a reference,
  /// not three tables (and it is found unretained, see `unretainedLookups`).
  private final class Lookup: Sendable {
    let direct: Span
    let byNextStem: HashKeyTable<Span>
    let byNextForm: HashKeyTable<Span>

    /// The lookup of `bucket`, whose entries go at the end of `entries`.
    init(_ bucket: Bucket, entries: inout [Entry]) {
      direct = Span.appending(bucket.direct, to: &entries)
      byNextStem = HashKeyTable(bucket.byNextStem.mapValues { Span.appending($0, to: &entries) })
      byNextForm = HashKeyTable(bucket.byNextForm.mapValues { Span.appending($0, to: &entries) })
    }
  }

  let sets: [PatternSet]
  /// The patterns of every list, list after list: one look-up finds a pattern to try.
  private let patterns: [StatementPattern]
  /// `patterns`, unretained (`patterns` keeps them): trying one at every word need not
  /// retain and release it.
  private let unretainedPatterns: [Unmanaged<StatementPattern>]
  /// Each list's identity with its position, in slots picked by the identity's bits
  /// (quicker than hashing or a search, and asked for at every criterion); a slot
  /// holds position -1 when empty.
  private let positions: [(set: ObjectIdentifier, position: Int)]
  private let positionMask: Int
  /// The lookups of the first words' stems and forms, by their number in `lookups`.
  private let byStem: HashKeyTable<Int32>
  private let byForm: HashKeyTable<Int32>
  private let lookups: [Lookup]
  /// `lookups`, unretained (`lookups` keeps them).
  private let unretainedLookups: [Unmanaged<Lookup>]
  /// The entries of every lookup and word class, each run spanned by a `Span`.
  private let entries: [Entry]
  /// Patterns that start with a word class, by the class; and those that start with
  /// any word or an optional element, tried everywhere.
  private let byClass: [(StatementDocument.WordClasses, Span)]
  private let unindexed: [Entry]
  /// Which of `unindexed` can start on a word, by the word's stem and form keys, and
  /// those that can start on any: a pattern that opens with optional words and then a
  /// word ("a|an? error|issue …") starts on one of those words or on none, so it is
  /// tried only where one stands. Each list is in the order of `unindexed`, the order
  /// they are tried in.
  private let unindexedByStem: HashKeyTable<Span>
  private let unindexedByForm: HashKeyTable<Span>
  private let unindexedAnywhere: [Int32]
  /// The lists spanned by `unindexedByStem` and `unindexedByForm`, one after another.
  private let unindexedLists: [Int32]

  /// The stem and form keys of the words a pattern can start on.
  private struct Starts {
    let stemKeys: Set<Int>
    let formKeys: Set<Int>

    /// The words `pattern` can start on, or `nil` when it can start on any word (it
    /// opens with `*`, a word class or only optional elements).
    init?(_ pattern: StatementPattern) {
      var stems: Set<Int> = []
      var forms: Set<Int> = []
      for step in pattern.steps {
        guard case .word(let words) = step.element else { return nil }
        stems.formUnion(words.stemKeys)
        forms.formUnion(words.formKeys)
        if !step.optional {
          stemKeys = stems
          formKeys = forms
          return
        }
      }
      return nil
    }
  }

  init(_ sets: [PatternSet]) {
    self.sets = sets
    var position: [ObjectIdentifier: Int] = [:]
    var byStem: [Int: Bucket] = [:]
    var byForm: [Int: Bucket] = [:]
    var unindexed: [Entry] = []
    var byClass: [UInt8: [Entry]] = [:]
    var patterns: [StatementPattern] = []
    for (setIndex, set) in sets.enumerated() {
      position[ObjectIdentifier(set)] = setIndex
      for (patternIndex, pattern) in set.patterns.enumerated() {
        let entry = Entry(
          set: Int32(setIndex), pattern: Int32(patternIndex), flat: Int32(patterns.count))
        patterns.append(pattern)
        guard let first = pattern.steps.first, !first.optional,
          case .word(let words) = first.element
        else {
          if let wordClass = pattern.firstClass {
            byClass[wordClass.rawValue, default: []].append(entry)
          } else {
            unindexed.append(entry)
          }
          continue
        }
        for key in Set(words.stemKeys) {
          byStem[key, default: Bucket()].add(entry, pattern: pattern)
        }
        for key in Set(words.formKeys) {
          byForm[key, default: Bucket()].add(entry, pattern: pattern)
        }
      }
    }
    self.patterns = patterns
    unretainedPatterns = patterns.map { Unmanaged.passUnretained($0) }
    var slotCount = 1
    while slotCount < position.count * 4 { slotCount *= 2 }
    var positions = [(set: ObjectIdentifier, position: Int)](
      repeating: (set: ObjectIdentifier(PatternSet.self), position: -1), count: slotCount)
    for (set, index) in position {
      var slot = Self.slot(of: set, mask: slotCount - 1)
      while positions[slot].position >= 0 { slot = (slot + 1) & (slotCount - 1) }
      positions[slot] = (set: set, position: index)
    }
    self.positions = positions
    positionMask = slotCount - 1
    var entries: [Entry] = []
    var lookups: [Lookup] = []
    func numbered(_ buckets: [Int: Bucket]) -> [Int: Int32] {
      buckets.mapValues { bucket in
        lookups.append(Lookup(bucket, entries: &entries))
        return Int32(lookups.count - 1)
      }
    }
    self.byStem = HashKeyTable(numbered(byStem))
    self.byForm = HashKeyTable(numbered(byForm))
    self.unindexed = unindexed
    var unindexedByStem: [Int: [Int32]] = [:]
    var unindexedByForm: [Int: [Int32]] = [:]
    var unindexedAnywhere: [Int32] = []
    for (index, entry) in unindexed.enumerated() {
      guard let starts = Starts(patterns[Int(entry.flat)]) else {
        unindexedAnywhere.append(Int32(index))
        continue
      }
      for key in starts.stemKeys { unindexedByStem[key, default: []].append(Int32(index)) }
      for key in starts.formKeys { unindexedByForm[key, default: []].append(Int32(index)) }
    }
    var unindexedLists: [Int32] = []
    self.unindexedByStem = HashKeyTable(
      unindexedByStem.mapValues { Span.appending($0, to: &unindexedLists) })
    self.unindexedByForm = HashKeyTable(
      unindexedByForm.mapValues { Span.appending($0, to: &unindexedLists) })
    self.unindexedLists = unindexedLists
    self.unindexedAnywhere = unindexedAnywhere
    self.byClass = byClass.sorted { $0.key < $1.key }.map {
      (StatementDocument.WordClasses(rawValue: $0.key), Span.appending($0.value, to: &entries))
    }
    self.entries = entries
    self.lookups = lookups
    unretainedLookups = lookups.map { Unmanaged.passUnretained($0) }
  }

  /// The position of `set` among the indexed lists, if it is one of them.
  func index(of set: PatternSet) -> Int? {
    let identity = ObjectIdentifier(set)
    var slot = Self.slot(of: identity, mask: positionMask)
    while positions[slot].position >= 0 {
      if positions[slot].set == identity { return positions[slot].position }
      slot = (slot + 1) & positionMask
    }
    return nil
  }

  /// The first slot to look in for a list: bits of its address, mixed.
  private static func slot(of identity: ObjectIdentifier, mask: Int) -> Int {
    let bits = UInt(bitPattern: identity) >> 4
    return Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The matches of every list in the word stream, by list, each in order of position.
  func matches(in words: [StatementDocument.Word]) -> LexiconMatches {
    // For each pattern, the word it was last tried at, plus one: a pattern reached two
    // ways at one word is tried once. (In a buffer on the stack, not an array made and
    // freed at every statement.)
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: patterns.count) { triedAt in
      triedAt.initialize(repeating: 0)
      return matches(in: words, triedAt: triedAt)
    }
  }

  private func matches(
    in words: [StatementDocument.Word], triedAt: UnsafeMutableBufferPointer<Int32>
  ) -> LexiconMatches {
    // Every match with its list, as found; sorted into lists at the end.
    var found: [(list: Int32, match: PatternSet.Match)] = []
    func attempt(_ entry: Entry, at start: Int) {
      let flat = Int(entry.flat)
      // Word positions are counted in 32 bits, as a statement has far fewer words.
      let mark = Int32(truncatingIfNeeded: start + 1)
      guard triedAt[flat] != mark else { return }
      triedAt[flat] = mark
      let set = Int(entry.set)
      let pattern = Int(entry.pattern)
      let end = unretainedPatterns[Int(entry.flat)]._withUnsafeGuaranteedRef {
        $0.match(words, at: start)
      }
      if let end {
        // Room for several matches at the first, rather than growing one by one.
        if found.isEmpty { found.reserveCapacity(32) }
        found.append(
          (list: Int32(set), match: PatternSet.Match(pattern: pattern, words: start..<end)))
      }
    }
    func attempt(_ span: Span, at start: Int) {
      for index in span.range { attempt(entries[index], at: start) }
    }
    func attempt(lookup: Int32, at start: Int) {
      let next = start + 1
      let hasNext = next < words.count && words[next].sentence == words[start].sentence
      let nextStem = hasNext ? words[next].stemKey : 0
      let nextForm = hasNext ? words[next].formKey : 0
      // The spans are read from the lookup unretained, by a closure that captures no
      // variable (so `found` is not boxed and checked at every access).
      let (direct, byNextStem, byNextForm) = unretainedLookups[Int(lookup)]
        ._withUnsafeGuaranteedRef { bucket -> (Span, Span?, Span?) in
          guard hasNext else { return (bucket.direct, nil, nil) }
          return (bucket.direct, bucket.byNextStem[nextStem], bucket.byNextForm[nextForm])
        }
      attempt(direct, at: start)
      if let byNextStem { attempt(byNextStem, at: start) }
      if let byNextForm { attempt(byNextForm, at: start) }
    }
    for start in words.indices {
      // The word's keys and classes, read in place rather than copying the word.
      let stemKey = words[start].stemKey
      let formKey = words[start].formKey
      let classes = words[start].classes
      // The patterns without a first word that may start here (one of whose first
      // words has the word's stem or form, or that may start anywhere), in their order:
      // three ordered lists merged.
      let byStemHere = unindexedByStem[stemKey]?.range ?? 0..<0
      let byFormHere = unindexedByForm[formKey]?.range ?? 0..<0
      var (anywhere, stem, form) = (0, byStemHere.lowerBound, byFormHere.lowerBound)
      while true {
        let next = min(
          anywhere < unindexedAnywhere.count ? unindexedAnywhere[anywhere] : Int32.max,
          stem < byStemHere.upperBound ? unindexedLists[stem] : Int32.max,
          form < byFormHere.upperBound ? unindexedLists[form] : Int32.max)
        guard next != Int32.max else { break }
        if anywhere < unindexedAnywhere.count, unindexedAnywhere[anywhere] == next { anywhere += 1 }
        if stem < byStemHere.upperBound, unindexedLists[stem] == next { stem += 1 }
        if form < byFormHere.upperBound, unindexedLists[form] == next { form += 1 }
        attempt(unindexed[Int(next)], at: start)
      }
      if !classes.isEmpty {
        for index in byClass.indices where classes.contains(byClass[index].0) {
          attempt(byClass[index].1, at: start)
        }
      }
      if let lookup = byStem[stemKey] { attempt(lookup: lookup, at: start) }
      if let lookup = byForm[formKey] { attempt(lookup: lookup, at: start) }
    }
    return LexiconMatches(found, lists: sets.count)
  }
}
