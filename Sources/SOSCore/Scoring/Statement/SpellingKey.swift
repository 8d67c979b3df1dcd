/// The number a spelling is looked up by in the analyser's word lists (a word's
/// `formKey` and `stemKey`, and the keys of `LexiconIndex`, `PatternSet`, `WordSets`).
///
/// Equal spellings, as `String` compares them, have equal keys; two different spellings
/// almost never share one, and wherever a key finds a word list's entry the spellings
/// are compared too. A spelling in ASCII (nearly every word) is keyed by a quick mix of
/// its bytes, unseeded, so the same in every run; any other by its `hashValue`.
///
/// `String` compares by canonical equivalence, so a spelling that is not ASCII can equal
/// one that is: exactly when each of its characters is ASCII or one of the three whose
/// canonical decomposition is an ASCII character (the Kelvin sign, the Greek question
/// mark and the Greek varia). Such a spelling is keyed as the ASCII one it equals.
enum SpellingKey {
  /// The key of `spelling`.
  static func of(_ spelling: String) -> Int {
    let ascii = spelling.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      for byte in bytes where byte >= 128 { return nil }
      return key(ascii: bytes)
    }
    if let ascii, let ascii { return ascii }
    return keyNotASCII(spelling)
  }

  /// The key of a spelling with a byte that is not ASCII (or not stored contiguously).
  private static func keyNotASCII(_ spelling: String) -> Int {
    var bytes: [UInt8] = []
    for scalar in spelling.unicodeScalars {
      switch scalar.value {
      case 0..<128: bytes.append(UInt8(scalar.value))
      case 0x212A: bytes.append(UInt8(ascii: "K"))
      case 0x037E: bytes.append(UInt8(ascii: ";"))
      case 0x1FEF: bytes.append(UInt8(ascii: "`"))
      default: return spelling.hashValue
      }
    }
    return bytes.withUnsafeBufferPointer { key(ascii: $0) }
  }

  /// The mix of ASCII bytes: eight at a time, then the rest with the count.
  private static func key(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: bytes.count)
    var word: UInt64 = 0
    var filled: UInt64 = 0
    for byte in bytes {
      word |= UInt64(byte) << (8 * filled)
      filled += 1
      if filled == 8 {
        state = mix(state ^ word)
        word = 0
        filled = 0
      }
    }
    return Int(truncatingIfNeeded: mix(state ^ word ^ (filled << 59)))
  }

  /// A 64-bit finaliser (MurmurHash3's): every input bit moves about half the output
  /// bits, the low ones (which pick a table's slot) included.
  @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
    var value = value
    value ^= value >> 33
    value &*= 0xFF51_AFD7_ED55_8CCD
    value ^= value >> 33
    value &*= 0xC4CE_B9FE_1A85_EC53
    value ^= value >> 33
    return value
  }
}
