/// Bytes read from a pipe that have not yet been handed out as lines.
///
/// Lines end with `"\n"` (a `"\r"` before it is dropped) and are decoded as UTF-8,
/// with each invalid byte becoming U+FFFD. A line longer than ``maximumLineBytes``
/// is handed out in pieces of that size, so a stream without line breaks cannot
/// exhaust memory.
struct LineBuffer {
  /// The longest line kept whole: 1 MiB.
  static let maximumLineBytes = 1 << 20

  private var bytes: [UInt8] = []
  /// Where the unconsumed bytes begin.
  private var start = 0
  /// How far the unconsumed bytes have been searched for a line break.
  private var searched = 0

  /// Whether any unconsumed bytes remain.
  var isEmpty: Bool { start == bytes.count }

  /// Adds bytes read from the input.
  mutating func append(_ chunk: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: chunk)
  }

  /// The next complete line, if a line break (or a full-length line) is buffered.
  mutating func nextLine() -> String? {
    if let newline = bytes[max(start, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
      let line = Self.decode(bytes[start..<newline])
      consume(upTo: newline + 1)
      return line
    }
    searched = bytes.count
    if bytes.count - start >= Self.maximumLineBytes {
      let end = start + Self.maximumLineBytes
      let line = Self.decode(bytes[start..<end])
      consume(upTo: end)
      return line
    }
    return nil
  }

  /// The last line of the input when it did not end with a line break; call at the
  /// end of the input, after ``nextLine()`` returned `nil`.
  mutating func remainder() -> String? {
    guard !isEmpty else { return nil }
    let line = Self.decode(bytes[start...])
    consume(upTo: bytes.count)
    return line
  }

  private mutating func consume(upTo end: Int) {
    start = end
    searched = end
    // Drop the consumed bytes once they are the larger part of the storage.
    if start > 4096, start * 2 > bytes.count {
      bytes.removeFirst(start)
      start = 0
      searched = 0
    }
  }

  private static func decode(_ line: ArraySlice<UInt8>) -> String {
    var line = line
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    return String(decoding: line, as: UTF8.self)
  }
}
