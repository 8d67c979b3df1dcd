/// The states the score-bounds search has found: their numbers, by their
/// ``SearchKey``.
///
/// A dictionary of keys kept one list of words per state, and hashed every key again
/// each time it grew. Here the situations' words are kept end to end in one list, and
/// the table holds state numbers, placed by the situation's digest (worked out once,
/// with the key) mixed with the clock: no key is hashed again, and a state costs no
/// allocation of its own. The past, kept only when states are told apart by it, is
/// held beside.
struct StateIndex {
  /// By slot: the entry + 1, or 0 for an empty slot; a power of two long.
  private var slots: [Int32] = Array(repeating: 0, count: 1 << 12)
  /// By entry: the state's number, where its words end in `words` (they start where
  /// the last entry's ended), its place in the table (the mixed digest) and clock.
  private var numbers: [Int32] = []
  private var ends: [Int] = []
  private var hashes: [UInt64] = []
  private var clocks: [Int] = []
  private var pasts: [SearchKey.Past?] = []
  private var words: [UInt64] = []

  /// How many states it holds.
  var count: Int { numbers.count }

  /// The number of the state with `key`, if it holds one.
  func find(_ key: SearchKey) -> Int32? {
    find(
      words: key.situation.words, digest: key.situation.digest, clock: key.clock, past: key.past)
  }

  /// The number of the state whose key has a situation of `words` (whose digest is
  /// `digest`), `clock` and `past`, if it holds one.
  func find(words situation: [UInt64], digest: UInt64, clock: Int, past: SearchKey.Past?)
    -> Int32?
  {
    let hash = Self.hash(digest: digest, clock: clock, past: past)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let held = Int(entry - 1)
      if hashes[held] == hash, matches(held, situation, clock: clock, past: past) {
        return numbers[held]
      }
      slot = (slot + 1) & mask
    }
  }

  /// Adds the state numbered `number` with `key`; the caller has found it is not
  /// held yet.
  mutating func add(_ key: SearchKey, number: Int32) {
    if 2 * (count + 1) > slots.count { grow() }
    let entry = count
    let hash = Self.hash(digest: key.situation.digest, clock: key.clock, past: key.past)
    numbers.append(number)
    words += key.situation.words
    ends.append(words.count)
    hashes.append(hash)
    clocks.append(key.clock)
    pasts.append(key.past)
    place(entry, hash: hash)
  }

  /// Empties it, keeping nothing.
  mutating func removeAll() {
    self = StateIndex()
  }

  /// Whether `entry` has a situation of `situation`, `clock` and `past`.
  private func matches(
    _ entry: Int, _ situation: [UInt64], clock: Int, past: SearchKey.Past?
  ) -> Bool {
    guard clocks[entry] == clock, pasts[entry] == past else { return false }
    let start = entry == 0 ? 0 : ends[entry - 1]
    guard ends[entry] - start == situation.count else { return false }
    for offset in situation.indices where words[start + offset] != situation[offset] {
      return false
    }
    return true
  }

  private mutating func place(_ entry: Int, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(entry + 1)
  }

  /// Doubles the table, placing every entry again by its kept hash.
  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    for entry in hashes.indices { place(entry, hash: hashes[entry]) }
  }

  /// The situation's digest mixed with the clock (and the past, when kept): spread
  /// over the low bits, which pick the slot.
  private static func hash(digest: UInt64, clock: Int, past: SearchKey.Past?) -> UInt64 {
    var hash = digest ^ UInt64(bitPattern: Int64(clock)) &* 0xD6E8_FEB8_6659_FD93
    if let past { hash ^= UInt64(bitPattern: Int64(past.hashValue)) }
    hash = (hash ^ hash >> 32) &* 0x9E37_79B9_7F4A_7C15
    return hash ^ hash >> 29
  }
}
