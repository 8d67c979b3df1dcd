import SOSCore

/// Tokens of the live workshop: a facilitator's per room, a trainee's per session, and
/// the server's key. Made from the system's secure random source, kept on the server
/// only as their SHA-256, and compared in constant time.
public enum LiveSecret {
  /// A new token: 32 random bytes as 64 lower-case hex digits.
  public static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    return SHA256.hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
  }

  /// The SHA-256 of a token, as stored.
  public static func hash(_ token: String) -> String {
    SHA256.hex(SHA256.digest(Array(token.utf8)))
  }

  /// Whether `token` hashes to `expected`, compared in time that does not depend on
  /// where they differ.
  public static func matches(_ token: String, hash expected: String) -> Bool {
    let actual = Array(hash(token).utf8)
    let wanted = Array(expected.utf8)
    guard actual.count == wanted.count else { return false }
    var difference: UInt8 = 0
    for index in actual.indices { difference |= actual[index] ^ wanted[index] }
    return difference == 0
  }
}
