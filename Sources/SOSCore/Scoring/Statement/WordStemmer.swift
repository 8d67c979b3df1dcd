/// A small suffix-stripping stemmer, so that inflections of a lexicon entry match it:
/// "apologise", "apologize", "apologised", "apologising", "apology" and "apologies" all
/// become "apolog"; "worried" and "worrying" become "wor" like "worry".
///
/// The stems are not words; they only need to be the same for the forms of one word and
/// are computed the same way for the text and for the lexicon. Steps, on lower-case
/// ASCII words of four letters or more (shorter words and words with other characters
/// are left as they are):
/// 1. American "-iz-"/"-yz-" become British "-is-"/"-ys-".
/// 2. One inflection comes off: "-ies"/"-ied" → "-y"; "-sses" → "-ss"; "-ing"; "-eed" →
///    "-ee"; "-ed"; "-es" after s, x, z, ch or sh; "-s" (not after s, u or i). "-ing" and
///    "-ed" come off only when a vowel is left; when fewer than three letters would be
///    left, "-ed" loses only its "d" and "-ing" becomes "-e" ("used", "using" → "use").
/// 3. A final "e" goes, then a final "y" after a consonant, then a final "is" when four
///    letters are left ("apologis" → "apolog", "analysis" → "analys"), then one of a
///    final doubled consonant ("stopp" → "stop", "call" → "cal").
enum WordStemmer {
  static func stem(_ word: String) -> String {
    // The bytes are read where they are stored (a small string is copied out once, not
    // at every byte); `nil` is a word left as it is.
    if let stemmed = word.utf8.withContiguousStorageIfAvailable(stem(bytes:)) {
      return stemmed ?? word
    }
    return Array(word.utf8).withUnsafeBufferPointer(stem(bytes:)) ?? word
  }

  /// The stem of the word spelt by `utf8`, or `nil` when the word is its own stem
  /// because it is short or not lower-case ASCII letters.
  private static func stem(bytes utf8: UnsafeBufferPointer<UInt8>) -> String? {
    guard utf8.count >= 4,
      utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 39 })
    else { return nil }
    // The letters are worked on in a buffer on the stack: a stem needs no array.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 1) { buffer in
      var letters = Letters(buffer)
      for byte in utf8 where byte != 39 { letters.append(byte) }
      if letters.count >= 4 {
        britishSpelling(&letters)
        inflection(&letters)
        normalise(&letters)
      }
      return String(decoding: letters.bytes, as: UTF8.self)
    }
  }

  /// The letters of a word being stemmed, in a buffer with room for them all.
  private struct Letters {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    var bytes: UnsafeMutableBufferPointer<UInt8> {
      UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
    }
    var last: UInt8? { count > 0 ? buffer[count - 1] : nil }

    subscript(position: Int) -> UInt8 {
      get { buffer[position] }
      nonmutating set { buffer[position] = newValue }
    }

    mutating func append(_ letter: UInt8) {
      buffer[count] = letter
      count += 1
    }

    mutating func removeLast(_ letters: Int = 1) { count -= letters }

    /// Whether the letters end with `suffix` (ASCII).
    func ends(_ suffix: StaticString) -> Bool {
      let length = suffix.utf8CodeUnitCount
      guard count >= length else { return false }
      return suffix.withUTF8Buffer { tail in
        var offset = 0
        while offset < length {
          if buffer[count - length + offset] != tail[offset] { return false }
          offset += 1
        }
        return true
      }
    }

    /// Whether any of the first `end` letters is a vowel.
    func hasVowel(before end: Int) -> Bool {
      var position = 0
      while position < end {
        if isVowel(buffer[position]) { return true }
        position += 1
      }
      return false
    }
  }

  private static func isVowel(_ letter: UInt8) -> Bool {
    switch letter {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
      UInt8(ascii: "u"), UInt8(ascii: "y"):
      return true
    default:
      return false
    }
  }

  private static func britishSpelling(_ letters: inout Letters) {
    let z = UInt8(ascii: "z")
    for position in 1..<letters.count where letters[position] == z {
      let before = letters[position - 1]
      if before == UInt8(ascii: "i") || before == UInt8(ascii: "y") {
        letters[position] = UInt8(ascii: "s")
      }
    }
  }

  private static func inflection(_ letters: inout Letters) {
    let count = letters.count
    if count > 4, letters.ends("ies") || letters.ends("ied") {
      letters.removeLast(3)
      letters.append(UInt8(ascii: "y"))
    } else if letters.ends("sses") {
      letters.removeLast(2)
    } else if count > 4, letters.ends("ing"), letters.hasVowel(before: count - 3) {
      letters.removeLast(3)
      if letters.count < 3 { letters.append(UInt8(ascii: "e")) }
    } else if count > 4, letters.ends("eed") {
      letters.removeLast(1)
    } else if letters.ends("ed"), letters.hasVowel(before: count - 2) {
      letters.removeLast(count - 2 < 3 ? 1 : 2)
    } else if count > 4, letters.ends("es"), sibilantBeforeES(letters) {
      letters.removeLast(2)
    } else if letters.ends("s"), !letters.ends("ss"), !letters.ends("us"), !letters.ends("is") {
      letters.removeLast(1)
    }
  }

  private static func sibilantBeforeES(_ letters: Letters) -> Bool {
    let end = letters.count - 2
    guard end >= 1 else { return false }
    let last = letters[end - 1]
    if last == UInt8(ascii: "s") || last == UInt8(ascii: "x") || last == UInt8(ascii: "z") {
      return true
    }
    return end >= 2 && last == UInt8(ascii: "h")
      && (letters[end - 2] == UInt8(ascii: "c") || letters[end - 2] == UInt8(ascii: "s"))
  }

  private static func normalise(_ letters: inout Letters) {
    if letters.count >= 4, letters.last == UInt8(ascii: "e") {
      letters.removeLast()
    }
    if letters.count >= 4, letters.last == UInt8(ascii: "y"),
      !isVowel(letters[letters.count - 2])
    {
      letters.removeLast()
    }
    if letters.count >= 6, letters.ends("is") {
      letters.removeLast(2)
    }
    if letters.count >= 4, let last = letters.last, last == letters[letters.count - 2],
      !isVowel(last)
    {
      letters.removeLast()
    }
  }
}
