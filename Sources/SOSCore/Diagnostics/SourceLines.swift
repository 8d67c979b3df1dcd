/// A file's text cut into lines the way YAML cuts it: a line ends at a line feed, at a
/// carriage return followed by a line feed, or at a carriage return alone (old Mac
/// files). Line and column numbers of diagnostics count this way, and so must every
/// excerpt shown under them.
///
/// ```swift
/// let lines = SourceLines("a: 1\rb: 2\r\nc: 3")
/// lines.line(2)  // "b: 2"
/// lines.scalar(at: SourcePosition(line: 3, column: 1))  // "c"
/// ```
public struct SourceLines: Sendable {
  /// Every line, without its line break. A text ending in a line break has an empty
  /// last line, as an editor shows it.
  public let lines: [Substring]

  /// Cuts `text` into lines.
  public init(_ text: String) {
    var lines: [Substring] = []
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      guard scalar == "\n" || scalar == "\r" else {
        index = scalars.index(after: index)
        continue
      }
      lines.append(Substring(scalars[start..<index]))
      index = scalars.index(after: index)
      if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
        index = scalars.index(after: index)
      }
      start = index
    }
    lines.append(Substring(scalars[start..<scalars.endIndex]))
    self.lines = lines
  }

  /// The 1-based line `number`, or `nil` when the text has no such line.
  public func line(_ number: Int) -> Substring? {
    guard number >= 1, number <= lines.count else { return nil }
    return lines[number - 1]
  }

  /// The Unicode scalar at a 1-based line and column, or `nil` past the end of the
  /// line (where a line break or the end of the file is).
  public func scalar(at position: SourcePosition) -> Unicode.Scalar? {
    guard let line = line(position.line), position.column >= 1 else { return nil }
    return line.unicodeScalars.dropFirst(position.column - 1).first
  }

  /// The same position moved onto the text: a position past the last line (where
  /// YAML puts the end of a file whose last line has no line break) becomes the end of
  /// the last line, and a column past the end of its line the end of that line.
  public func clamped(_ position: SourcePosition) -> SourcePosition {
    guard let last = lines.last else { return position }
    if position.line > lines.count {
      return SourcePosition(line: lines.count, column: last.unicodeScalars.count + 1)
    }
    guard let line = line(position.line) else { return position }
    return SourcePosition(
      line: position.line, column: min(position.column, line.unicodeScalars.count + 1))
  }

  /// The scalars of a line from a 1-based column to its end; empty past the end.
  func rest(of position: SourcePosition) -> Substring.UnicodeScalarView.SubSequence {
    guard let line = line(position.line), position.column >= 1 else {
      return Substring().unicodeScalars[...]
    }
    return line.unicodeScalars.dropFirst(position.column - 1)
  }

  /// The number of spaces a line starts with, or `nil` for a line that is blank or
  /// holds only a comment.
  func indentation(ofLine number: Int) -> Int? {
    guard let line = line(number) else { return nil }
    let indent = line.unicodeScalars.prefix { $0 == " " }.count
    let first = line.unicodeScalars.dropFirst(indent).first
    guard let first, first != "#", first != "\t" else { return nil }
    return indent
  }

  /// The first top-level `id:` line of a scenario file: its 1-based line number and
  /// the id it declares, read without parsing the YAML (for finding a scenario by id
  /// in a folder, and for pointing at the id of a duplicate).
  public func declaredID() -> (line: Int, id: String)? {
    for (index, line) in lines.enumerated() where line.hasPrefix("id:") {
      return (index + 1, Self.declaredValue(ofIDLine: line))
    }
    return nil
  }

  /// The first top-level `id:` line of `text`, as ``declaredID()`` finds it, without
  /// cutting the whole text into lines: `sos play ID` glances at every file in a
  /// folder, and the id is near the top of each.
  public static func declaredID(in text: String) -> (line: Int, id: String)? {
    let bytes = text.utf8
    var start = bytes.startIndex
    var index = start
    var number = 1
    while true {
      let atEnd = index == bytes.endIndex
      let byte = atEnd ? 0 : bytes[index]
      guard atEnd || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
        index = bytes.index(after: index)
        continue
      }
      let line = text[start..<index]
      if line.hasPrefix("id:") { return (number, declaredValue(ofIDLine: line)) }
      if atEnd { return nil }
      index = bytes.index(after: index)
      if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") {
        index = bytes.index(after: index)
      }
      start = index
      number += 1
    }
  }

  /// The id an `id:` line declares: the text after the colon, without a comment, the
  /// spaces around it, and one pair of quotes.
  private static func declaredValue(ofIDLine line: Substring) -> String {
    let value = line.dropFirst(3).split(separator: "#").first ?? ""
    let id = String(value).trimmingCharacters(in: .whitespaces)
    let unquoted = id.count >= 2 && (id.first == "\"" || id.first == "'") && id.last == id.first
    return unquoted ? String(id.dropFirst().dropLast()) : id
  }
}
