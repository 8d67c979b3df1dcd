/// The distinct spellings of a statement's words, with what depends only on the spelling
/// (stem, hash values, word lists, word classes), found by the spelling's `SpellingKey`: a word needs
/// that hash anyway (as its `formKey`), so finding its spelling hashes nothing more.
///
/// Spellings are told apart as `String` tells them apart (`==`), exactly as a
/// `[String: …]` dictionary would.
struct SpellingTable: Sendable {
  /// What one spelling gives every word spelt so.
  struct Entry: Sendable {
    var folded: String
    var stem: String
    var formKey: Int
    var stemKey: Int
    var sets: WordSets
    /// The kind of the first token spelt so, and the word classes of a word of that
    /// kind that is not a name.
    var kind: StatementToken.Kind
    var classes: StatementDocument.WordClasses = []
    /// Whether the spelling reads as a word (`StatementSubstance.isWordlike`).
    var isWordlike = true
  }

  /// The spellings in the order they were first met; a spelling's number is its index.
  private(set) var entries: [Entry] = []
  /// The index in `entries` of each slot's spelling, or -1 for an empty slot.
  private var slots: [Int]

  /// A table with room for about `capacity` spellings before it grows.
  init(capacity: Int) {
    var count = 8
    while count < capacity * 2 { count *= 2 }
    slots = [Int](repeating: -1, count: count)
    entries.reserveCapacity(capacity)
  }

  /// The number of the spelling `folded`, whose hash value is `hash`, if it is known.
  func find(_ folded: String, hash: Int) -> Int? {
    let mask = slots.count - 1
    var slot = hash & mask
    while slots[slot] >= 0 {
      let index = slots[slot]
      if entries[index].formKey == hash && entries[index].folded == folded { return index }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Adds a spelling not yet known, and returns its number.
  mutating func add(_ entry: Entry) -> Int {
    if (entries.count + 1) * 2 > slots.count { grow() }
    entries.append(entry)
    place(entries.count - 1)
    return entries.count - 1
  }

  private mutating func place(_ index: Int) {
    let mask = slots.count - 1
    var slot = entries[index].formKey & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = index
  }

  /// Doubles the slots, so that at most half are used.
  private mutating func grow() {
    slots = [Int](repeating: -1, count: slots.count * 2)
    for index in entries.indices { place(index) }
  }
}
