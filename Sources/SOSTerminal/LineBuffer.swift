/// Bytes read from a pipe that have not yet been handed out as lines.
///
/// Lines end with `"\n"` (a `"\r"` before it is dropped) and are decoded as UTF-8,
/// with each invalid byte becoming U+FFFD. A line longer than
/// ``LineEvent/maximumLineBytes`` is never handed out, whole or in pieces: its bytes
/// are dropped as they arrive, so a stream without line breaks cannot exhaust memory,
/// and once it ends it comes out as ``LineEvent/tooLong(bytes:)``.
struct LineBuffer {
  private var bytes: [UInt8] = []
  /// Where the unconsumed bytes begin.
  private var start = 0
  /// How far the unconsumed bytes have been searched for a line break.
  private var searched = 0
  /// The bytes already dropped of a line found too long, while its end is awaited.
  private var dropped: Int?

  /// Whether any unconsumed bytes remain.
  var isEmpty: Bool { start == bytes.count && dropped == nil }

  /// Adds bytes read from the input.
  mutating func append(_ chunk: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: chunk)
  }

  /// The next complete line (or a too-long one that has ended), if one is buffered.
  mutating func nextLine() -> LineEvent? {
    if let newline = bytes[max(start, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
      let event = finish(upTo: newline)
      consume(upTo: newline + 1)
      return event
    }
    searched = bytes.count
    if dropped != nil || bytes.count - start > LineEvent.maximumLineBytes {
      dropped = (dropped ?? 0) + bytes.count - start
      consume(upTo: bytes.count)
    }
    return nil
  }

  /// The last line of the input when it did not end with a line break; call at the
  /// end of the input, after ``nextLine()`` returned `nil`.
  mutating func remainder() -> LineEvent? {
    guard !isEmpty else { return nil }
    let event = finish(upTo: bytes.count)
    consume(upTo: bytes.count)
    return event
  }

  /// The line from the unconsumed bytes to `end` (a line break or the end of input).
  private mutating func finish(upTo end: Int) -> LineEvent {
    var line = bytes[start..<end]
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    let length = (dropped ?? 0) + line.count
    dropped = nil
    guard length <= LineEvent.maximumLineBytes else { return .tooLong(bytes: length) }
    return .line(String(decoding: line, as: UTF8.self))
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
}
