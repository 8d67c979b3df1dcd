import SOSCore

/// The key a facilitator gives a cohort's trainees so that their hand-ins carry a
/// seal (``HandInSeal``): `sos cohort key NAME` prints it, and `sos play --hand-in-key`
/// seals every session file exported from a session played with it.
///
/// A key is 120 bits derived from the cohort's secret, so the same cohort always
/// prints the same key and nothing new is stored. Its text is 24 Crockford base-32
/// digits in groups of four after `SOS-` (no I, L, O or U; when read back, `O` is
/// taken for `0` and `I` or `L` for `1`, and case, spaces and hyphens do not matter):
/// `SOS-7K3M-Q0ZD-…`.
public struct HandInKey: Hashable, Sendable {
  /// The key's 15 bytes.
  public let bytes: [UInt8]

  static let byteCount = 15
  private static let digits = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

  /// The key of a cohort whose secret is `cohortSecret`.
  public init(cohortSecret: [UInt8]) {
    bytes = Array(
      HMACSHA256.authenticationCode(key: cohortSecret, message: Array("sos hand-in key".utf8))
        .prefix(Self.byteCount))
  }

  /// The cohort's key (see ``init(cohortSecret:)``).
  public init(cohort: CohortRecord) {
    self.init(cohortSecret: cohort.secret)
  }

  /// Reads a key as ``text`` writes it; `nil` for anything that is not one.
  public init?(text: String) {
    var value = text.uppercased().filter { $0 != "-" && !$0.isWhitespace }
    if value.hasPrefix("SOS"), value.count == 27 { value.removeFirst(3) }
    guard value.count == 24 else { return nil }
    var bits: UInt64 = 0
    var held = 0
    var bytes: [UInt8] = []
    for character in value {
      let digit: Character
      switch character {
      case "O": digit = "0"
      case "I", "L": digit = "1"
      default: digit = character
      }
      guard let index = Self.digits.firstIndex(of: digit) else { return nil }
      bits = bits << 5 | UInt64(index)
      held += 5
      if held >= 8 {
        held -= 8
        bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(held)))
      }
    }
    self.bytes = bytes
  }

  /// The key as people copy it: `SOS-` and six groups of four digits.
  public var text: String {
    var digits: [Character] = []
    var bits: UInt64 = 0
    var held = 0
    for byte in bytes {
      bits = bits << 8 | UInt64(byte)
      held += 8
      while held >= 5 {
        held -= 5
        digits.append(Self.digits[Int(bits >> UInt64(held) & 31)])
      }
    }
    let groups = stride(from: 0, to: digits.count, by: 4).map {
      String(digits[$0..<min($0 + 4, digits.count)])
    }
    return "SOS-" + groups.joined(separator: "-")
  }

  /// A short public name of the key (8 hex digits), written in every seal so that an
  /// import knows which cohort's key to check it with; it does not reveal the key.
  public var id: String {
    SHA256.hex(
      Array(
        HMACSHA256.authenticationCode(key: bytes, message: Array("sos hand-in key id".utf8))
          .prefix(4)))
  }
}
