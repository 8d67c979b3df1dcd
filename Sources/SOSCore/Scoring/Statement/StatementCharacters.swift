/// The characters of a statement, by offset, with the ASCII code of each.
///
/// Most statements are ASCII without a carriage return: then each byte is one character
/// and its own code, and the characters are made from the codes only when asked for,
/// rather than kept (and freed) one by one.
struct StatementCharacters: RandomAccessCollection, Sendable {
  /// The ASCII code of each character, or 0 when it is not ASCII ("\r\n" is 10).
  let codes: [UInt8]
  /// Every character, unless the text is plain ASCII (then empty).
  private let stored: [Character]
  /// ASCII without a carriage return: each code is its character.
  let isPlainASCII: Bool

  /// The characters of `text`.
  init(_ text: String) {
    let bytes = Array(text.utf8)
    if !bytes.contains(where: { $0 >= 128 || $0 == 13 }) {
      // ASCII without a carriage return (so no "\r\n"): each byte is one character, and
      // its own code. Cutting into grapheme clusters would give the same, more slowly.
      codes = bytes
      stored = []
      isPlainASCII = true
    } else {
      stored = Array(text)
      codes = stored.map { $0.asciiValue ?? 0 }
      isPlainASCII = false
    }
  }

  var startIndex: Int { 0 }
  var endIndex: Int { codes.count }

  subscript(offset: Int) -> Character {
    isPlainASCII ? Self.asciiCharacters[Int(codes[offset])] : stored[offset]
  }

  /// The character of each ASCII code, made once: copying one is quicker than making it.
  private static let asciiCharacters: [Character] = (0..<128).map {
    Character(Unicode.Scalar(UInt8($0)))
  }
}
