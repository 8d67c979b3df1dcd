/// The states the score-bounds search has found: their numbers, by their
/// ``SearchKey``.
///
/// A dictionary of keys kept one list of words per state, and hashed every key again
/// each time it grew. Here the situations' words are kept end to end in one list, and
/// the table holds entries placed by the situation's digest (worked out once, with
/// the key) mixed with the clock: no key is hashed again, and a state costs no
/// allocation of its own. A slot holds the high half of its entry's hash beside the
/// entry, so that a look-up that finds nothing reads the table alone. The past, kept
/// only when states are told apart by it, is held beside.
struct StateIndex {
  /// By slot: 0 for an empty slot, else the high half of the entry's hash and, in
  /// the low half, the entry + 1; a power of two long.
  private var slots: [UInt64] = Array(repeating: 0, count: 1 << 12)
  /// By entry, what a look-up compares, together.
  private var entries: [Entry] = []
  /// By entry, the past; empty while no entry has one.
  private var pasts: [SearchKey.Past?] = []
  private var words: [UInt64] = []

  /// An entry: its hash, where its words end in `words` (they start where the last
  /// entry's ended), its clock and the state's number.
  private struct Entry {
    var hash: UInt64
    var end: Int
    var clock: Int
    var number: Int32
  }

  /// How many states it holds.
  var count: Int { entries.count }

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
    let high = hash & Self.highHalf
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let held = slots[slot]
      if held == 0 { return nil }
      if held & Self.highHalf == high {
        let entry = Int(held & ~Self.highHalf) - 1
        if matches(entry, situation, clock: clock, past: past) { return entries[entry].number }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Adds the state numbered `number` with `key`; the caller has found it is not
  /// held yet.
  mutating func add(_ key: SearchKey, number: Int32) {
    if 2 * (count + 1) > slots.count { grow() }
    let hash = Self.hash(digest: key.situation.digest, clock: key.clock, past: key.past)
    words += key.situation.words
    entries.append(Entry(hash: hash, end: words.count, clock: key.clock, number: number))
    if key.past != nil, pasts.isEmpty {
      pasts = Array(repeating: nil, count: entries.count - 1)
    }
    if !pasts.isEmpty { pasts.append(key.past) }
    place(entries.count - 1, hash: hash)
  }

  /// Empties it, keeping nothing.
  mutating func removeAll() {
    self = StateIndex()
  }

  private static let highHalf: UInt64 = 0xFFFF_FFFF_0000_0000

  /// Whether `entry` has a situation of `situation`, `clock` and `past`.
  private func matches(
    _ entry: Int, _ situation: [UInt64], clock: Int, past: SearchKey.Past?
  ) -> Bool {
    let held = entries[entry]
    guard held.clock == clock else { return false }
    let heldPast = pasts.isEmpty ? nil : pasts[entry]
    guard heldPast == past else { return false }
    let start = entry == 0 ? 0 : entries[entry - 1].end
    guard held.end - start == situation.count else { return false }
    for offset in situation.indices where words[start + offset] != situation[offset] {
      return false
    }
    return true
  }

  private mutating func place(_ entry: Int, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = hash & Self.highHalf | UInt64(entry + 1)
  }

  /// Doubles the table, placing every entry again by its kept hash.
  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    for entry in entries.indices { place(entry, hash: entries[entry].hash) }
  }

  /// The situation's digest mixed with the clock (and the past, when kept): spread
  /// over the low bits, which pick the slot, and the high ones, kept in the slot.
  private static func hash(digest: UInt64, clock: Int, past: SearchKey.Past?) -> UInt64 {
    var hash = digest ^ UInt64(bitPattern: Int64(clock)) &* 0xD6E8_FEB8_6659_FD93
    if let past { hash ^= UInt64(bitPattern: Int64(past.hashValue)) }
    hash = (hash ^ hash >> 32) &* 0x9E37_79B9_7F4A_7C15
    return hash ^ hash >> 29
  }
}
