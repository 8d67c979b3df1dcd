/// A read-only table from hash values to values, for keys that are already hashes
/// (the `SpellingKey` of a word or a stem): the key's low bits pick the slot, so a
/// look-up neither hashes the key again nor allocates.
///
/// Built once from a dictionary; answers exactly as the dictionary would. Collisions of
/// slots are resolved by probing the following slots in turn.
struct HashKeyTable<Value: Sendable>: Sendable {
  /// The slot count less one; the slot count is a power of two.
  private let mask: Int
  /// The key in each slot, meaningful where `slots` holds a value.
  private let keys: [Int]
  /// The index into `values` of each slot's value, or -1 for an empty slot.
  private let slots: [Int]
  private let values: [Value]

  /// A table holding what `dictionary` holds.
  init(_ dictionary: [Int: Value]) {
    // At most half the slots are used, so a miss soon meets an empty slot.
    var count = 1
    while count < dictionary.count * 2 { count *= 2 }
    var keys = [Int](repeating: 0, count: count)
    var slots = [Int](repeating: -1, count: count)
    var values: [Value] = []
    values.reserveCapacity(dictionary.count)
    for (key, value) in dictionary {
      var slot = key & (count - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (count - 1) }
      keys[slot] = key
      slots[slot] = values.count
      values.append(value)
    }
    mask = count - 1
    self.keys = keys
    self.slots = slots
    self.values = values
  }

  /// The value for `key`, if the table has one.
  subscript(key: Int) -> Value? {
    var slot = key & mask
    while true {
      let index = slots[slot]
      if index < 0 { return nil }
      if keys[slot] == key { return values[index] }
      slot = (slot + 1) & mask
    }
  }
}
