/// A set of small non-negative integers (indices into a compiled scenario's tables),
/// one bit each: inserting and testing cost a shift and a mask, and a set of 2,000
/// node indices is 32 words.
struct BitSet: Hashable, Sendable {
  /// The bits, 64 to a word, lowest index in the lowest bit.
  private(set) var words: [UInt64]

  /// An empty set that can hold the indices `0..<capacity`.
  init(capacity: Int) {
    words = [UInt64](repeating: 0, count: (max(capacity, 0) + 63) / 64)
  }

  /// A set that can hold the indices `0..<capacity`, of these words.
  init(capacity: Int, words: [UInt64]) {
    self.words = words
    let count = (max(capacity, 0) + 63) / 64
    if self.words.count != count {
      self.words = Array(self.words.prefix(count))
      self.words += [UInt64](repeating: 0, count: count - self.words.count)
    }
  }

  /// Whether `index` is in the set (an index beyond the capacity is not).
  func contains(_ index: Int) -> Bool {
    let word = index >> 6
    guard index >= 0, word < words.count else { return false }
    return words[word] & (1 << UInt64(index & 63)) != 0
  }

  /// Adds `index`, which must be below the capacity.
  mutating func insert(_ index: Int) {
    words[index >> 6] |= 1 << UInt64(index & 63)
  }

  /// Adds every index of `other`, a set of the same capacity.
  mutating func formUnion(_ other: BitSet) {
    for word in other.words.indices { words[word] |= other.words[word] }
  }

  /// How many indices the set holds.
  var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// The indices in the set, in increasing order.
  var indices: [Int] {
    var result: [Int] = []
    for (position, word) in words.enumerated() where word != 0 {
      var rest = word
      while rest != 0 {
        result.append(position * 64 + rest.trailingZeroBitCount)
        rest &= rest - 1
      }
    }
    return result
  }
}
