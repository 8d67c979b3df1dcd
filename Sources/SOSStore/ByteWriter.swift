/// Writes values as compact bytes for ``ByteReader`` to read back exactly: integers as
/// zigzag varints, doubles as their IEEE 754 bits, strings as a length and UTF-8.
struct ByteWriter {
  private(set) var bytes: [UInt8] = []

  mutating func int(_ value: Int) {
    var zigzag = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
    while zigzag >= 0x80 {
      bytes.append(UInt8(zigzag & 0x7F) | 0x80)
      zigzag >>= 7
    }
    bytes.append(UInt8(zigzag))
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func double(_ value: Double) {
    var bits = value.bitPattern
    for _ in 0..<8 {
      bytes.append(UInt8(bits & 0xFF))
      bits >>= 8
    }
  }

  mutating func string(_ value: String) {
    let utf8 = value.utf8
    int(utf8.count)
    bytes.append(contentsOf: utf8)
  }

  /// A flag, then the value when there is one.
  mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }
}
