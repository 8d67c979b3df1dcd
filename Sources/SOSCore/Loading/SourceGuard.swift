/// Checks a file's bytes before any YAML parser sees them, so that hostile or broken
/// input is refused quickly with one clear diagnostic instead of hanging or
/// overflowing the stack.
struct SourceGuard {
  /// The largest scenario file accepted: 1 MiB, far above any real scenario.
  static let maximumBytes = 1 << 20
  /// The deepest nesting of YAML collections accepted.
  static let maximumDepth = 100

  /// A reason to refuse the file.
  struct Refusal: Error, Equatable {
    var code: DiagnosticCode
    var message: String
    var position: SourcePosition?
    var notes: [String] = []
    /// The file's text, when it is text, so that the line can be shown.
    var text: String? = nil
  }

  /// Returns the file's text, or why it cannot be used.
  ///
  /// `fileSize` is the size on disk when the caller read only the first bytes.
  static func text(from bytes: [UInt8], fileSize: Int? = nil) -> Result<String, Refusal> {
    let size = max(fileSize ?? bytes.count, bytes.count)
    if size > maximumBytes {
      return .failure(
        Refusal(
          code: .tooLarge,
          message:
            "file is \(sizeDescription(size)); scenario files are limited to 1 MiB",
          position: nil))
    }
    if let nul = bytes.firstIndex(of: 0) {
      return .failure(
        Refusal(
          code: .binary, message: "file holds binary data (a NUL byte), not YAML text",
          position: position(ofByte: nul, in: bytes),
          notes: ["U+0000 (null) is never part of a text file; save the scenario as plain text"]))
    }
    if let bad = firstInvalidUTF8(in: bytes) {
      return .failure(
        Refusal(
          code: .notUTF8, message: "file is not valid UTF-8 text (byte 0x\(hex(bytes[bad])))",
          position: position(ofByte: bad, in: bytes)))
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.unicodeScalars.first == "\u{FEFF}" {
      text.unicodeScalars.removeFirst()
    }
    if let (character, position) = ForbiddenCharacter.first(in: text) {
      return .failure(
        Refusal(
          code: .controlCharacter, message: character.message, position: position,
          notes: [character.note], text: text))
    }
    if text.allSatisfy({ $0.isWhitespace }) {
      return .failure(Refusal(code: .empty, message: "file is empty", position: nil))
    }
    if let deep = firstTooDeep(in: text) {
      return .failure(
        Refusal(
          code: .tooDeep,
          message: "nesting is deeper than \(maximumDepth) levels",
          position: deep, text: text))
    }
    return .success(text)
  }

  // MARK: - Bytes

  private static func sizeDescription(_ count: Int) -> String {
    let mebibytes = Double(count) / Double(1 << 20)
    let tenths = (mebibytes * 10).rounded() / 10
    return "\(tenths) MiB"
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
  }

  /// The line and column of a byte offset, counting columns in scalars decoded so far
  /// and lines as ``SourceLines`` does (LF, CR LF, or CR alone). A byte order mark,
  /// which is dropped from the text, takes no column.
  private static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
    let offset = min(max(offset, 0), bytes.count)
    var line = 1
    var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, offset) : 0
    var index = lineStart
    while index < offset {
      let byte = bytes[index]
      index += 1
      guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
      if byte == UInt8(ascii: "\r"), index < offset, bytes[index] == UInt8(ascii: "\n") {
        index += 1
      }
      line += 1
      lineStart = index
    }
    // Count scalars on the line up to the offset: every byte that is not a UTF-8
    // continuation byte starts one.
    let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
    return SourcePosition(line: line, column: column)
  }

  /// The offset of the first byte that is not part of a valid UTF-8 sequence.
  static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      guard let length = UTF8Sequence.length(in: bytes, at: index) else { return index }
      index += length
    }
    return nil
  }

  // MARK: - Nesting

  /// The position where collection nesting first exceeds ``maximumDepth``, or `nil`.
  ///
  /// Yams builds its node tree recursively, so a file nested 100,000 levels deep would
  /// overflow the stack. This scan over-approximates YAML's nesting: flow brackets
  /// outside quotes and comments, block indentation levels, and compact `- ` entries.
  /// Block scalar content (after `|` or `>`) is skipped.
  static func firstTooDeep(in text: String) -> SourcePosition? {
    var indentStack: [Int] = []
    var flowDepth = 0
    var blockScalarIndent: Int? = nil
    var lineNumber = 0
    for line in SourceLines(text).lines {
      lineNumber += 1
      let scalars = Array(line.unicodeScalars)
      let indent = scalars.prefix { $0 == " " }.count
      let isBlank = scalars.dropFirst(indent).allSatisfy { $0 == " " || $0 == "\r" || $0 == "\t" }
      if let scalarIndent = blockScalarIndent {
        if isBlank || indent > scalarIndent { continue }
        blockScalarIndent = nil
      }
      if isBlank || scalars.dropFirst(indent).first == "#" { continue }
      var column = indent
      if flowDepth == 0 {
        while let last = indentStack.last, last > indent { indentStack.removeLast() }
        if indentStack.last != indent { indentStack.append(indent) }
        // Compact sequence entries: "- - - x" opens one level per dash.
        while column < scalars.count, scalars[column] == "-",
          column + 1 == scalars.count || scalars[column + 1] == " "
        {
          column += 2
          indentStack.append(column)
          if indentStack.count > maximumDepth {
            return SourcePosition(line: lineNumber, column: column - 1)
          }
        }
        if indentStack.count > maximumDepth {
          return SourcePosition(line: lineNumber, column: indent + 1)
        }
      }
      var quote: Unicode.Scalar? = nil
      var previous: Unicode.Scalar = " "
      while column < scalars.count {
        let scalar = scalars[column]
        if let open = quote {
          if scalar == open { quote = nil }
        } else {
          switch scalar {
          case "\"", "'":
            if previous == " " || previous == "[" || previous == "{" || previous == ","
              || previous == ":"
            {
              quote = scalar
            }
          case "#" where previous == " ":
            column = scalars.count
            continue
          case "[", "{":
            flowDepth += 1
            if indentStack.count + flowDepth > maximumDepth {
              return SourcePosition(line: lineNumber, column: column + 1)
            }
          case "]", "}":
            flowDepth = max(0, flowDepth - 1)
          case "|", ">":
            if flowDepth == 0, previous == " " || column == indent,
              SourceScan.isBlockTextHeader(scalars[column...])
            {
              blockScalarIndent = indent
            }
          default:
            break
          }
        }
        previous = scalar
        column += 1
      }
    }
    return nil
  }
}
