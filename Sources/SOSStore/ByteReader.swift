import Foundation

/// Reads what ``ByteWriter`` wrote; every read returns `nil` on bytes that are cut
/// short or malformed, so a damaged payload is refused, never trusted.
struct ByteReader {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Whether every byte was read.
  var atEnd: Bool { position == bytes.count }

  /// How many bytes are left: a count read from the bytes is never more.
  var remaining: Int { bytes.count - position }

  mutating func int() -> Int? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while position < bytes.count, shift < 64 {
      let byte = bytes[position]
      position += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 {
        let decoded = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
        return Int(exactly: decoded)
      }
      shift += 7
    }
    return nil
  }

  /// A count of things to follow, each at least one byte long.
  mutating func count() -> Int? {
    guard let value = int(), value >= 0, value <= remaining else { return nil }
    return value
  }

  mutating func bool() -> Bool? {
    guard position < bytes.count, bytes[position] <= 1 else { return nil }
    position += 1
    return bytes[position - 1] == 1
  }

  mutating func double() -> Double? {
    guard remaining >= 8 else { return nil }
    var bits: UInt64 = 0
    for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[position + index]) }
    position += 8
    return Double(bitPattern: bits)
  }

  mutating func string() -> String? {
    string(reusing: nil)
  }

  /// A string; when its bytes are those of `known`, `known` itself, so that many
  /// copies share one storage.
  mutating func string(reusing known: String?) -> String? {
    guard let length = count() else { return nil }
    let slice = bytes[position..<position + length]
    position += length
    if var known, known.utf8.count == length {
      let same = known.withUTF8 { knownBytes in
        slice.withUnsafeBufferPointer { $0.elementsEqual(knownBytes) }
      }
      if same { return known }
    }
    if #available(macOS 15, *) {
      return String(validating: slice, as: UTF8.self)
    } else {
      return String(bytes: slice, encoding: .utf8)
    }
  }

  /// A flag, then the value when the flag says there is one: `.some(nil)` for none,
  /// `nil` for malformed bytes.
  mutating func optional<Value>(_ read: (inout ByteReader) -> Value?) -> Value?? {
    guard let present = bool() else { return nil }
    guard present else { return .some(nil) }
    guard let value = read(&self) else { return nil }
    return .some(value)
  }

  /// `count` values read by `read`, or `nil` if any is malformed.
  mutating func list<Value>(_ read: (inout ByteReader) -> Value?) -> [Value]? {
    guard let count = count() else { return nil }
    var values: [Value] = []
    values.reserveCapacity(count)
    for _ in 0..<count {
      guard let value = read(&self) else { return nil }
      values.append(value)
    }
    return values
  }
}
