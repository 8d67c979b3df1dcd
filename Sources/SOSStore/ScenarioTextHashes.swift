import Foundation
import SOSCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 hashes of scenario texts, each text hashed once: a text with the same
/// bytes as one hashed before gets that hash without hashing it again. An import of
/// thousands of hand-ins of one scenario carries the same 60 KB text thousands of
/// times; pass one instance to every ``SessionFile/load(path:texts:)``.
///
/// Safe to share between threads.
public final class ScenarioTextHashes: @unchecked Sendable {
  /// Texts hashed so far, by the hash they gave; guarded by `lock`.
  private var texts: [String: [UInt8]] = [:]
  private let lock = NSLock()

  /// Creates an empty set of hashed texts.
  public init() {}

  /// The SHA-256 (lower-case hex) of `text`. `claimed` is the hash the text is said to
  /// have: when a text with that hash was hashed before and `text` has the same bytes,
  /// that is its hash; otherwise the text is hashed.
  public func hash(of text: String, claimed: String) -> String {
    let bytes = Array(text.utf8)
    let claimed = claimed.lowercased()
    let known = lock.withLock { texts[claimed] }
    if let known, Self.same(known, bytes) { return claimed }
    let hash = SHA256.hex(SHA256.digest(bytes))
    lock.withLock { texts[hash] = bytes }
    return hash
  }

  /// The key under which a decoder finds the hashes to use (see
  /// ``SessionFile/decode(_:file:texts:)``).
  static let userInfoKey = CodingUserInfoKey(rawValue: "sos.scenarioTextHashes")

  private static func same(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    return left.withUnsafeBytes { leftBytes in
      right.withUnsafeBytes { rightBytes in
        guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress
        else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
      }
    }
  }
}
