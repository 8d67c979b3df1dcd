/// Well-formed UTF-8, as RFC 3629 defines it: no overlong forms, no surrogates, nothing
/// above U+10FFFF. The scenario source guard, the strict JSON check and the
/// session-file reader share this rule.
package enum UTF8Sequence {
  /// The length of the well-formed sequence at `start` in `bytes`, or `nil`.
  package static func length<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at start: Int)
    -> Int?
  where Bytes.Index == Int {
    let lead = bytes[start]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return nil
    }
    guard start + length <= bytes.endIndex, (low...high).contains(bytes[start + 1]) else {
      return nil
    }
    for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) {
      return nil
    }
    return length
  }
}
