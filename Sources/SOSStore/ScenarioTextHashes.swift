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
  /// Checked texts as a session file wrote them (the bytes between the JSON string's
  /// quotes, escapes and all), by their hash, with the text; guarded by `lock`.
  private var written: [String: (json: [UInt8], text: String)] = [:]
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

  /// Remembers how a session file wrote `text`, whose hash was checked to be `hash`:
  /// `json` is the bytes between the quotes of its JSON string. The first way a text
  /// is written is kept.
  func remember(_ text: String, hash: String, writtenAs json: [UInt8]) {
    lock.withLock {
      if written[hash] == nil { written[hash] = (json, text) }
    }
  }

  /// The text whose hash is `claimed` when `bytes` start with the very bytes a file
  /// wrote it as before (see ``remember(_:hash:writtenAs:)``), and how many bytes that
  /// is; `nil` otherwise. The same written bytes always stand for the same text.
  func text(
    claimed: String, writtenAtStartOf bytes: UnsafeBufferPointer<UInt8>
  ) -> (text: String, length: Int)? {
    guard let known = lock.withLock({ written[claimed.lowercased()] }),
      known.json.count <= bytes.count
    else { return nil }
    let same = known.json.withUnsafeBufferPointer { json in
      guard let left = json.baseAddress, let right = bytes.baseAddress else { return true }
      return memcmp(left, right, json.count) == 0
    }
    return same ? (known.text, known.json.count) : nil
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
