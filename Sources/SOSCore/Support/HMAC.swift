/// HMAC-SHA-256 (RFC 2104), used to derive stable pseudonyms from a per-cohort secret
/// so that reports can name trainees without their names.
///
/// ```swift
/// let code = HMACSHA256.authenticationCode(key: secret, message: Array("Ada".utf8))
/// ```
public enum HMACSHA256 {
  /// The 32-byte message authentication code of `message` under `key`.
  ///
  /// Keys longer than a SHA-256 block (64 bytes) are hashed first, as RFC 2104 says.
  public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var blockKey = key.count > SHA256.blockByteCount ? SHA256.digest(key) : key
    blockKey += [UInt8](repeating: 0, count: SHA256.blockByteCount - blockKey.count)
    let inner = SHA256.digest(blockKey.map { $0 ^ 0x36 } + message)
    return SHA256.digest(blockKey.map { $0 ^ 0x5c } + inner)
  }
}
