/// A quoted text in a file: where its opening quote is and where it closes.
struct QuotedSpan: Equatable {
  /// `"` or `'`.
  var quote: Unicode.Scalar
  /// The opening quote.
  var open: SourcePosition
  /// The closing quote, or `nil` when the file ends first.
  var close: SourcePosition?

  /// "double quote" or "single quote".
  var quoteName: String { quote == "'" ? "single quote" : "double quote" }
}

/// A light scan of a file's quoted texts and brackets, following YAML's rules for
/// where a value can start (after indentation, `- `, `? `, `: `, `[`, `{` or `,`),
/// skipping comments, plain texts and block texts (`|`, `>`), and honouring the escapes
/// inside quotes (`\"` in double quotes, `''` in single quotes).
///
/// It runs only after the parser has failed, to find the quote or bracket an author
/// forgot to close: the parser notices that only where the text or the list finally
/// ends, often at the end of the file.
struct SourceScan {
  /// The quoted texts that open before the scan's end, in file order; the last one may
  /// be unclosed.
  private(set) var quotes: [QuotedSpan] = []
  /// The `[` and `{` still open where the scan stopped, innermost last.
  private(set) var openBrackets: [SourcePosition] = []

  /// Scans `source` up to the line of `end` (the whole file when `end` is past it).
  init(_ source: SourceLines, until end: SourcePosition) {
    let lines = source.lines.map { Array($0.unicodeScalars) }
    var blockTextIndent: Int? = nil
    var flowDepth = 0
    var lineIndex = 0
    while lineIndex < lines.count, lineIndex < end.line {
      let scalars = lines[lineIndex]
      let indent = scalars.prefix { $0 == " " }.count
      let isBlank = scalars.dropFirst(indent).allSatisfy { $0 == " " || $0 == "\t" }
      if let textIndent = blockTextIndent {
        if isBlank || indent > textIndent {
          lineIndex += 1
          continue
        }
        blockTextIndent = nil
      }
      var line = lineIndex
      var column = indent
      var valueMayStart = true
      var current = scalars
      scan: while column < current.count {
        let scalar = current[column]
        let next: Unicode.Scalar? = column + 1 < current.count ? current[column + 1] : nil
        let nextIsBlank = next.map { $0 == " " || $0 == "\t" } ?? true
        let previousIsBlank =
          column == 0 || current[column - 1] == " " || current[column - 1] == "\t"
        if scalar == " " || scalar == "\t" {
          column += 1
        } else if scalar == "#", previousIsBlank {
          break scan
        } else if scalar == "\"" || scalar == "'", valueMayStart {
          let open = SourcePosition(line: line + 1, column: column + 1)
          guard let close = Self.closingQuote(scalar, in: lines, from: (line, column + 1)) else {
            quotes.append(QuotedSpan(quote: scalar, open: open, close: nil))
            quotes.removeAll { $0.open >= end }
            return
          }
          quotes.append(
            QuotedSpan(
              quote: scalar, open: open,
              close: SourcePosition(line: close.line + 1, column: close.column + 1)))
          line = close.line
          current = lines[line]
          column = close.column + 1
          valueMayStart = false
        } else if scalar == "-" || scalar == "?" || scalar == ":", nextIsBlank {
          column += 1
          valueMayStart = true
        } else if scalar == ":", flowDepth > 0,
          let next, ",[]{}".unicodeScalars.contains(next)
        {
          column += 1
          valueMayStart = true
        } else if scalar == "[" || scalar == "{" {
          openBrackets.append(SourcePosition(line: line + 1, column: column + 1))
          flowDepth += 1
          column += 1
          valueMayStart = true
        } else if scalar == "]" || scalar == "}" {
          flowDepth = max(0, flowDepth - 1)
          openBrackets = openBrackets.dropLast()
          column += 1
          valueMayStart = false
        } else if scalar == ",", flowDepth > 0 {
          column += 1
          valueMayStart = true
        } else if scalar == "&" || scalar == "!" || scalar == "*", valueMayStart {
          // An anchor, a tag or an alias: a value may still follow an anchor or a tag.
          while column < current.count, current[column] != " ", current[column] != "\t" {
            column += 1
          }
          valueMayStart = scalar != "*"
        } else if scalar == "|" || scalar == ">", valueMayStart, flowDepth == 0,
          Self.isBlockTextHeader(current[column...])
        {
          blockTextIndent = current.prefix { $0 == " " }.count
          break scan
        } else {
          column = Self.endOfPlainText(in: current, from: column + 1, flowDepth: flowDepth)
          valueMayStart = false
        }
      }
      lineIndex = line + 1
    }
    quotes.removeAll { $0.open >= end }
  }

  /// The 0-based line and column of the quote that closes a quoted text, or `nil`.
  private static func closingQuote(
    _ quote: Unicode.Scalar, in lines: [[Unicode.Scalar]], from start: (line: Int, column: Int)
  ) -> (line: Int, column: Int)? {
    var line = start.line
    var column = start.column
    while line < lines.count {
      let scalars = lines[line]
      while column < scalars.count {
        let scalar = scalars[column]
        if quote == "\"", scalar == "\\" {
          column += 2  // an escape, or an escaped line break at the end of the line
          continue
        }
        if scalar == quote {
          if quote == "'", column + 1 < scalars.count, scalars[column + 1] == "'" {
            column += 2
            continue
          }
          return (line, column)
        }
        column += 1
      }
      line += 1
      column = 0
    }
    return nil
  }

  /// The index where a plain text ends: at `: ` (or `:` at the end of the line), at a
  /// comment, or inside `[ … ]` and `{ … }` at a flow indicator.
  private static func endOfPlainText(
    in scalars: [Unicode.Scalar], from start: Int, flowDepth: Int
  ) -> Int {
    var column = start
    while column < scalars.count {
      let scalar = scalars[column]
      let next: Unicode.Scalar? = column + 1 < scalars.count ? scalars[column + 1] : nil
      if scalar == ":", next == nil || next == " " || next == "\t" { return column }
      if scalar == "#", scalars[column - 1] == " " || scalars[column - 1] == "\t" {
        return column
      }
      if flowDepth > 0, ",[]{}".unicodeScalars.contains(scalar) { return column }
      column += 1
    }
    return column
  }

  /// Whether the rest of a line is a block text header: `|` or `>`, optional chomping
  /// and indentation indicators, then nothing but a comment.
  static func isBlockTextHeader(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
    var tail = rest.dropFirst().drop { "+-0123456789".unicodeScalars.contains($0) }
    tail = tail.drop { $0 == " " || $0 == "\t" }
    return tail.isEmpty || tail.first == "#"
  }
}
