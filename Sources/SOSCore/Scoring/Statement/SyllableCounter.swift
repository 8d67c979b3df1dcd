/// Counts syllables with the heuristic of DOMAIN.md, the one behind the common
/// readability calculators.
///
/// On the letters of the word (apostrophes and other marks dropped), lower-cased:
/// 1. Three letters or fewer: one syllable.
/// 2. Drop a final "-es" or silent "-e" after a consonant other than "l" (so "-le" is
///    kept: "table" is two), or a final "-ed".
/// 3. Drop a leading "y".
/// 4. Count groups of one or two vowels (a, e, i, o, u, y), left to right: "beautiful"
///    is "ea", "u", "i", "u", four.
/// 5. At least one.
///
/// Decisions the heuristic leaves open: a number ("24", "10,000") is one syllable; a
/// token with digits and letters ("5pm", "24h") counts its letters; letters outside
/// a–z count as consonants; a hyphenated word is counted part by part and summed (the
/// readability counts treat it as one word).
enum SyllableCounter {
  static func count(_ word: String) -> Int {
    // ASCII read where it is stored (a small string is copied out once, not at every
    // byte).
    let ascii = word.utf8.withContiguousStorageIfAvailable { utf8 -> Int? in
      guard !utf8.contains(where: { $0 >= 128 }) else { return nil }
      return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: utf8.count) { buffer in
        var length = 0
        for byte in utf8 {
          let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
          if lower >= 97 && lower <= 122 {
            buffer[length] = UInt32(lower)
            length += 1
          }
        }
        return Self.count(UnsafeBufferPointer(rebasing: buffer[0..<length]))
      }
    }
    if let ascii, let ascii { return ascii }
    let utf8 = word.utf8
    if !utf8.contains(where: { $0 >= 128 }) {
      // ASCII: the letters lowered, in a buffer on the stack.
      return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: utf8.count) { buffer in
        var length = 0
        for byte in utf8 {
          let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
          if lower >= 97 && lower <= 122 {
            buffer[length] = UInt32(lower)
            length += 1
          }
        }
        return Self.count(UnsafeBufferPointer(rebasing: buffer[0..<length]))
      }
    }
    // The letters' scalar values.
    let letters = word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(
      \.value)
    return letters.withUnsafeBufferPointer { Self.count($0) }
  }

  /// The syllables of a word's lower-case letters, given as scalar values.
  private static func count(_ letters: UnsafeBufferPointer<UInt32>) -> Int {
    guard letters.count > 3 else { return 1 }
    var end = letters.count
    let last = letters[end - 1]
    let beforeLast = letters[end - 2]
    if last == Self.s, beforeLast == Self.e, end >= 3, !isVowelOrL(letters[end - 3]) {
      end -= 3
    } else if last == Self.d, beforeLast == Self.e {
      end -= 2
    } else if last == Self.e, !isVowelOrL(beforeLast) {
      end -= 2
    }
    var start = 0
    if end > 0, letters[0] == Self.y { start = 1 }
    var groups = 0
    var position = start
    while position < end {
      if isVowel(letters[position]) {
        groups += 1
        position += (position + 1 < end && isVowel(letters[position + 1])) ? 2 : 1
      } else {
        position += 1
      }
    }
    return max(groups, 1)
  }

  private static let s = UInt32(UInt8(ascii: "s"))
  private static let e = UInt32(UInt8(ascii: "e"))
  private static let d = UInt32(UInt8(ascii: "d"))
  private static let y = UInt32(UInt8(ascii: "y"))

  /// Whether a scalar value is "a", "e", "i", "o", "u" or "y".
  private static func isVowel(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 97, 101, 105, 111, 117, 121: return true
    default: return false
    }
  }

  /// A vowel or "l" (108).
  private static func isVowelOrL(_ scalar: UInt32) -> Bool {
    isVowel(scalar) || scalar == 108
  }
}
