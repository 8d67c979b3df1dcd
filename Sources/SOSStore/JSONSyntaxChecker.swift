import SOSCore

/// Finds the first syntax error in JSON text and where it is, because Foundation's
/// `JSONDecoder` on Linux says only that the data "was not valid JSON".
///
/// It is iterative (no recursion), so hostile nesting cannot overflow the stack, and
/// it refuses nesting deeper than ``maximumDepth``, as the decoder would.
enum JSONSyntaxChecker {
  /// The deepest nesting of arrays and objects accepted.
  static let maximumDepth = 512

  /// A syntax error: its byte offset in the text and what is wrong there.
  struct Failure: Equatable {
    var offset: Int
    var reason: String
  }

  /// The first syntax error in `bytes`, or `nil` when they are one valid JSON value
  /// (RFC 8259, with an optional UTF-8 byte order mark).
  static func firstError(in bytes: [UInt8]) -> Failure? {
    var scanner = Scanner(bytes: bytes)
    return scanner.run()
  }

  /// The 1-based line and column (counted in Unicode scalars) of byte `offset`.
  static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let end = min(offset, bytes.count)
    for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    var column = 1
    if lineStart < end {
      for byte in bytes[lineStart..<end] where byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    /// What the grammar allows next.
    enum State {
      case value
      case firstArrayValue
      case key
      case firstKey
      case afterValue
    }

    mutating func run() -> Failure? {
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
      var stack: [UInt8] = []  // "[" or "{"
      // The keys seen in each open object, as written: a duplicate is refused, because
      // readers disagree about which one counts (Foundation keeps the first, Python and
      // jq the last), so an edited file could mean one thing to a person and another to
      // sos.
      var keys: [Set<ArraySlice<UInt8>>] = []
      var state = State.value
      while true {
        skipWhitespace()
        switch state {
        case .value, .firstArrayValue:
          guard index < bytes.count else {
            return Failure(offset: index, reason: "unexpected end of file; expected a value")
          }
          let byte = bytes[index]
          if state == .firstArrayValue, byte == UInt8(ascii: "]") {
            stack.removeLast()
            index += 1
            state = .afterValue
            continue
          }
          switch byte {
          case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < JSONSyntaxChecker.maximumDepth else {
              return Failure(
                offset: index,
                reason: "nesting is deeper than \(JSONSyntaxChecker.maximumDepth) levels")
            }
            stack.append(byte)
            if byte == UInt8(ascii: "{") { keys.append([]) }
            index += 1
            state = byte == UInt8(ascii: "{") ? .firstKey : .firstArrayValue
          case UInt8(ascii: "\""):
            if let failure = string() { return failure }
            state = .afterValue
          case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let failure = number() { return failure }
            state = .afterValue
          case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            if let failure = literal() { return failure }
            state = .afterValue
          default:
            return Failure(offset: index, reason: "\(describe(byte)); expected a value")
          }
        case .key, .firstKey:
          guard index < bytes.count else {
            return Failure(offset: index, reason: "unexpected end of file; expected a key")
          }
          let byte = bytes[index]
          if state == .firstKey, byte == UInt8(ascii: "}") {
            stack.removeLast()
            keys.removeLast()
            index += 1
            state = .afterValue
            continue
          }
          guard byte == UInt8(ascii: "\"") else {
            return Failure(
              offset: index, reason: "\(describe(byte)); expected a key in double quotes")
          }
          let keyStart = index
          if let failure = string() { return failure }
          let key = bytes[keyStart..<index]
          if keys[keys.count - 1].contains(key) {
            return Failure(
              offset: keyStart,
              reason: "the key \(String(decoding: key, as: UTF8.self)) appears twice in one object")
          }
          keys[keys.count - 1].insert(key)
          skipWhitespace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            let found = index < bytes.count ? describe(bytes[index]) : "unexpected end of file"
            return Failure(offset: index, reason: "\(found); expected ':' after the key")
          }
          index += 1
          state = .value
        case .afterValue:
          guard let open = stack.last else {
            guard index == bytes.count else {
              return Failure(
                offset: index, reason: "\(describe(bytes[index])) after the end of the JSON")
            }
            return nil
          }
          let close = open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
          guard index < bytes.count else {
            return Failure(
              offset: index,
              reason:
                "unexpected end of file; expected ',' or '\(Character(Unicode.Scalar(close)))'")
          }
          let byte = bytes[index]
          if byte == UInt8(ascii: ",") {
            index += 1
            state = open == UInt8(ascii: "[") ? .value : .key
          } else if byte == close {
            if stack.removeLast() == UInt8(ascii: "{") { keys.removeLast() }
            index += 1
          } else {
            return Failure(
              offset: index,
              reason: "\(describe(byte)); expected ',' or '\(Character(Unicode.Scalar(close)))'")
          }
        }
      }
    }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
          index += 1
        default:
          return
        }
      }
    }

    /// Reads a string starting at its opening quote.
    mutating func string() -> Failure? {
      let start = index
      index += 1
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""):
          index += 1
          return nil
        case UInt8(ascii: "\\"):
          index += 1
          guard index < bytes.count else { break }
          switch bytes[index] {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
          case UInt8(ascii: "u"):
            for digit in 1...4 {
              guard index + digit < bytes.count, isHexDigit(bytes[index + digit]) else {
                return Failure(
                  offset: index - 1, reason: "invalid \\u escape: it needs 4 hex digits")
              }
            }
            index += 5
          default:
            return Failure(offset: index - 1, reason: "invalid escape in a string")
          }
        case 0x00..<0x20:
          return Failure(
            offset: index, reason: "control character in a string (write a newline as \\n)")
        case 0x80...0xFF:
          guard let length = utf8SequenceLength(at: index) else {
            return Failure(offset: index, reason: "invalid UTF-8 in a string")
          }
          index += length
        default:
          index += 1
        }
      }
      return Failure(offset: start, reason: "string is not closed (it starts here)")
    }

    mutating func number() -> Failure? {
      let start = index
      func digits() -> Int {
        let first = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index - first
      }
      if bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else {
        return Failure(offset: start, reason: "invalid number")
      }
      if bytes[index] == UInt8(ascii: "0") {
        index += 1
        if index < bytes.count, isDigit(bytes[index]) {
          return Failure(offset: start, reason: "invalid number: no leading zeros")
        }
      } else {
        _ = digits()
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else {
          return Failure(offset: start, reason: "invalid number: digits must follow '.'")
        }
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
      {
        index += 1
        if index < bytes.count,
          bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
        {
          index += 1
        }
        guard digits() > 0 else {
          return Failure(offset: start, reason: "invalid number: digits must follow the exponent")
        }
      }
      return nil
    }

    mutating func literal() -> Failure? {
      for word in ["true", "false", "null"] {
        let expected = Array(word.utf8)
        if bytes[index...].starts(with: expected) {
          index += expected.count
          return nil
        }
      }
      return Failure(offset: index, reason: "\(describe(bytes[index])); expected a value")
    }
    /// The length of the well-formed UTF-8 sequence at `start`, or `nil`.
    func utf8SequenceLength(at start: Int) -> Int? {
      UTF8Sequence.length(in: bytes, at: start)
    }

    func describe(_ byte: UInt8) -> String {
      if (0x21...0x7E).contains(byte) {
        return "unexpected character '\(Character(Unicode.Scalar(byte)))'"
      }
      let digits = Array("0123456789abcdef")
      return "unexpected byte 0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }

    func isDigit(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    func isHexDigit(_ byte: UInt8) -> Bool {
      isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
  }
}
