import Foundation

/// Name-based UUIDs, version 5 (RFC 9562 §5.5): the same namespace and name always give
/// the same UUID, so a re-exported xAPI statement keeps its id.
enum NameBasedUUID {
  /// The namespace of SOS's xAPI statement ids.
  static let statements = UUID(uuidString: "8892572c-c5cd-4ed6-bcc7-b0d2cc71c159") ?? UUID()

  /// The version 5 UUID of `name` in `namespace`, in lower case.
  static func make(namespace: UUID, name: String) -> String {
    let space = namespace.uuid
    let spaceBytes: [UInt8] = [
      space.0, space.1, space.2, space.3, space.4, space.5, space.6, space.7, space.8, space.9,
      space.10, space.11, space.12, space.13, space.14, space.15,
    ]
    var bytes = Array(SHA1.digest(spaceBytes + Array(name.utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { byte in
      let digits = Array("0123456789abcdef")
      return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
    return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
  }
}
