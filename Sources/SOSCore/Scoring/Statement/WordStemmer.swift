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
    guard word.utf8.count >= 4,
      word.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 39 })
    else { return word }
    var letters = Array(word.utf8.filter { $0 != 39 })
    guard letters.count >= 4 else { return String(decoding: letters, as: UTF8.self) }
    britishSpelling(&letters)
    inflection(&letters)
    normalise(&letters)
    return String(decoding: letters, as: UTF8.self)
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

  /// Whether `letters` ends with `suffix` (ASCII), compared in place.
  private static func ends(_ letters: [UInt8], _ suffix: StaticString) -> Bool {
    let count = suffix.utf8CodeUnitCount
    guard letters.count >= count else { return false }
    return suffix.withUTF8Buffer { tail in
      var offset = 0
      while offset < count {
        if letters[letters.count - count + offset] != tail[offset] { return false }
        offset += 1
      }
      return true
    }
  }

  private static func britishSpelling(_ letters: inout [UInt8]) {
    let z = UInt8(ascii: "z")
    for position in 1..<letters.count where letters[position] == z {
      let before = letters[position - 1]
      if before == UInt8(ascii: "i") || before == UInt8(ascii: "y") {
        letters[position] = UInt8(ascii: "s")
      }
    }
  }

  private static func hasVowel(_ letters: ArraySlice<UInt8>) -> Bool {
    letters.contains(where: isVowel)
  }

  private static func inflection(_ letters: inout [UInt8]) {
    let count = letters.count
    if count > 4, ends(letters, "ies") || ends(letters, "ied") {
      letters.removeLast(3)
      letters.append(UInt8(ascii: "y"))
    } else if ends(letters, "sses") {
      letters.removeLast(2)
    } else if count > 4, ends(letters, "ing"), hasVowel(letters[..<(count - 3)]) {
      letters.removeLast(3)
      if letters.count < 3 { letters.append(UInt8(ascii: "e")) }
    } else if count > 4, ends(letters, "eed") {
      letters.removeLast(1)
    } else if ends(letters, "ed"), hasVowel(letters[..<(count - 2)]) {
      letters.removeLast(count - 2 < 3 ? 1 : 2)
    } else if count > 4, ends(letters, "es"), sibilantBeforeES(letters) {
      letters.removeLast(2)
    } else if ends(letters, "s"), !ends(letters, "ss"), !ends(letters, "us"), !ends(letters, "is") {
      letters.removeLast(1)
    }
  }

  private static func sibilantBeforeES(_ letters: [UInt8]) -> Bool {
    let end = letters.count - 2
    guard end >= 1 else { return false }
    let last = letters[end - 1]
    if last == UInt8(ascii: "s") || last == UInt8(ascii: "x") || last == UInt8(ascii: "z") {
      return true
    }
    return end >= 2 && last == UInt8(ascii: "h")
      && (letters[end - 2] == UInt8(ascii: "c") || letters[end - 2] == UInt8(ascii: "s"))
  }

  private static func normalise(_ letters: inout [UInt8]) {
    if letters.count >= 4, letters.last == UInt8(ascii: "e") {
      letters.removeLast()
    }
    if letters.count >= 4, letters.last == UInt8(ascii: "y"),
      !isVowel(letters[letters.count - 2])
    {
      letters.removeLast()
    }
    if letters.count >= 6, ends(letters, "is") {
      letters.removeLast(2)
    }
    if letters.count >= 4, let last = letters.last, last == letters[letters.count - 2],
      !isVowel(last)
    {
      letters.removeLast()
    }
  }
}
