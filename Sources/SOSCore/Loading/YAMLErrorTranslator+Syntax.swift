extension YAMLErrorTranslator {
  /// A syntax error in words, placed at its cause.
  ///
  /// libyaml notices a forgotten closing quote or bracket only where the text or the
  /// list finally ends, often at the end of the file; the author needs the place where
  /// it opened. Its wording names its own machinery; the author needs to know what to
  /// change. Each case below recognises one common mistake; anything else is worded
  /// by ``glossary``.
  static func explain(_ problem: Problem, in source: SourceLines) -> Explanation {
    if problem.problem.hasPrefix("Maximum nesting level") {
      return Explanation(
        code: .tooDeep, message: "nesting is too deep", position: problem.position)
    }
    if let explanation = unclosedQuote(problem, in: source) ?? runOnQuote(problem, in: source) {
      return explanation
    }
    if isAtEnd(problem.position, in: source),
      let open = SourceScan(source, until: problem.position).openBrackets.last,
      let explanation = unclosedBracket(at: open, reached: problem.position, in: source)
    {
      return explanation
    }
    let context = problem.context ?? ""
    let explanation: Explanation?
    switch problem.problem {
    case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
      explanation = flowCollection(problem, in: source)
    case "mapping values are not allowed in this context":
      explanation = colonInValue(problem, in: source)
    case "could not find expected ':'":
      explanation = Explanation(
        message: words(for: problem.problem),
        position: problem.contextPosition ?? problem.position,
        notes: [
          "if this line continues the text on the line above, indent it further than that"
            + " text's field"
        ])
    case "did not find expected key":
      explanation = expectedField(problem, in: source)
    case "did not find expected '-' indicator":
      explanation = expectedListItem(problem, in: source)
    case "found character that cannot start any token":
      explanation = cannotStartValue(problem, in: source)
    case "found a tab character that violates indentation",
      "found a tab character where an indentation space is expected":
      explanation = tabIndentation(at: problem.position)
    case "found unknown escape character":
      explanation = unknownEscape(problem, in: source)
    case "did not find expected hexdecimal number", "found invalid Unicode character escape code":
      explanation = shortEscape(problem, in: source)
    case "did not find expected <document start>":
      explanation = afterTheEnd(problem, in: source)
    case "did not find expected comment or line break" where context.contains("block scalar"):
      explanation = Explanation(
        message: "after '|' or '>', the text starts on the next line",
        position: problem.position,
        notes: ["only '+', '-', a digit from 1 to 9 or a comment may follow '|' or '>'"])
    case "did not find expected alphabetic or numeric character":
      let marker = context.contains("anchor") ? "&" : "*"
      explanation = Explanation(
        message: "a value that starts with '\(marker)' must be in quotes",
        position: problem.contextPosition ?? problem.position,
        notes: [
          marker == "&"
            ? "a '&' at the start of a value names a YAML anchor"
            : "a '*' at the start of a value refers to a YAML anchor ('&name')"
        ])
    default:
      explanation = nil
    }
    if let explanation { return explanation }
    if context.contains("directive") || problem.problem.contains("directive")
      || problem.problem == "found incompatible YAML document"
    {
      return Explanation(
        message: glossary[problem.problem] ?? "scenario files do not use YAML directives",
        position: problem.contextPosition ?? problem.position,
        notes: ["scenario files do not use YAML directives (lines that start with '%')"])
    }
    if context.contains("tag") || problem.problem == "found undefined tag handle" {
      return Explanation(
        message: "a value that starts with '!' must be in quotes",
        position: problem.contextPosition ?? problem.position,
        notes: ["a '!' at the start of a value marks a YAML tag, which scenario files do not use"])
    }
    return Explanation(
      message: words(for: problem.problem), position: problem.position)
  }

  // MARK: - Quotes

  /// The file ends (or a `---` line comes) inside a quoted text: the quote that opened
  /// it is the place to fix.
  static func unclosedQuote(_ problem: Problem, in source: SourceLines) -> Explanation? {
    guard problem.context == "while scanning a quoted scalar",
      problem.problem == "found unexpected end of stream"
        || problem.problem == "found unexpected document indicator",
      let open = problem.contextPosition
    else { return nil }
    let span = QuotedSpan(
      quote: source.scalar(at: open) == "'" ? "'" : "\"", open: open, close: nil)
    var notes: [String] = []
    if let line = fieldInside(span, upTo: problem.position.line, in: source) {
      notes.append(
        "line \(line), \(excerpt(ofLine: line, in: source)), is read as part of the quoted text")
    }
    if problem.problem == "found unexpected document indicator" {
      let marker = String(String.UnicodeScalarView(source.rest(of: problem.position).prefix(3)))
      notes.append(
        "line \(problem.position.line) starts with '\(marker)', which ends the document while"
          + " the quotes are still open")
    } else {
      notes.append("reading reached the end of the file still inside the quotes")
    }
    notes.append(closingAdvice(for: span.quote))
    return Explanation(
      message: "unclosed \(span.quoteName) opened here", position: open, notes: notes)
  }

  /// A quoted text whose closing quote is missing runs on until the next quote in the
  /// file, swallowing the fields between, and the parser fails just after that quote.
  static func runOnQuote(_ problem: Problem, in source: SourceLines) -> Explanation? {
    for span in SourceScan(source, until: problem.position).quotes {
      guard let close = span.close, close.line > span.open.line, close < problem.position,
        problem.position.line <= close.line + 1,
        let line = fieldInside(span, upTo: close.line, in: source)
      else { continue }
      return Explanation(
        message: "unclosed \(span.quoteName) opened here", position: span.open,
        notes: [
          "line \(line), \(excerpt(ofLine: line, in: source)), is read as part of the quoted"
            + " text, which runs on to the \(span.quote) at line \(close.line), column"
            + " \(close.column)",
          "reading stopped at \(describe(problem.position, in: source))",
          closingAdvice(for: span.quote),
        ])
    }
    return nil
  }

  /// The first line inside a quoted text, up to `lastLine`, that looks like a field or
  /// a list item at or left of the field holding the quote: a sign that the author
  /// meant the text to end before it.
  static func fieldInside(_ span: QuotedSpan, upTo lastLine: Int, in source: SourceLines)
    -> Int?
  {
    guard let openLine = source.line(span.open.line) else { return nil }
    let fieldColumn = Self.fieldColumn(of: openLine)
    let last = min(lastLine, source.lines.count)
    guard span.open.line < last else { return nil }
    for number in (span.open.line + 1)...last {
      guard let line = source.line(number), let start = fieldStart(of: line),
        start.indent <= fieldColumn
      else { continue }
      if let close = span.close, close.line == number, close.column <= start.end { continue }
      return number
    }
    return nil
  }

  /// The 0-based column where a line's field starts, after its indentation and any
  /// `- ` list markers.
  static func fieldColumn(of line: Substring) -> Int {
    let scalars = Array(line.unicodeScalars)
    var column = scalars.prefix { $0 == " " }.count
    while column < scalars.count, scalars[column] == "-",
      column + 1 == scalars.count || scalars[column + 1] == " "
    {
      column += 1
      while column < scalars.count, scalars[column] == " " { column += 1 }
    }
    return column
  }

  /// Where a line that looks like `name: value` or `- item` starts (its indentation)
  /// and the 1-based column where that marker ends, or `nil` for any other line.
  static func fieldStart(of line: Substring) -> (indent: Int, end: Int)? {
    let scalars = Array(line.unicodeScalars)
    let indent = scalars.prefix { $0 == " " }.count
    let rest = scalars[indent...]
    if rest.first == "-", rest.count == 1 || rest.dropFirst().first == " " {
      return (indent, indent + 1)
    }
    let name = rest.prefix { isAnchorCharacter($0) }
    guard !name.isEmpty else { return nil }
    let after = rest.dropFirst(name.count)
    guard after.first == ":", after.count == 1 || after.dropFirst().first == " " else {
      return nil
    }
    return (indent, indent + name.count + 1)
  }

  static func closingAdvice(for quote: Unicode.Scalar) -> String {
    quote == "'"
      ? "add the closing ' where the text ends; inside single quotes, write an apostrophe"
        + " twice ('')"
      : "add the closing \" where the text ends; inside double quotes, write a double quote"
        + " as \\\""
  }

  /// The quoted text that ends just before `position` on the same line, with only
  /// blanks between.
  static func spanClosing(before position: SourcePosition, in source: SourceLines)
    -> QuotedSpan?
  {
    SourceScan(source, until: position).quotes.last { span in
      guard let close = span.close, close.line == position.line, close.column < position.column,
        let line = source.line(position.line)
      else { return false }
      let between = line.unicodeScalars.dropFirst(close.column).prefix(
        position.column - close.column - 1)
      return between.allSatisfy { $0 == " " || $0 == "\t" }
    }
  }

  /// Notes for text that follows a closing quote: usually an apostrophe or a quote
  /// inside the text ended it early.
  static func textAfterQuoteNotes(_ span: QuotedSpan) -> [String] {
    guard let close = span.close else { return [] }
    let inside =
      span.quote == "'"
      ? "inside single quotes, write an apostrophe twice: 'Don''t panic'"
      : "inside double quotes, write a double quote as \\\": \"He said \\\"no\\\"\""
    return [
      "the quoted text opened at line \(span.open.line), column \(span.open.column) ends at the"
        + " \(span.quote) in column \(close.column)",
      inside,
    ]
  }

  // MARK: - Lists and braces

  /// `[ … ]` or `{ … }` that is still open where the next field starts, or at the end
  /// of the file: the bracket is the place to fix. Otherwise an item inside is
  /// malformed, and the place where reading stopped is right.
  static func flowCollection(_ problem: Problem, in source: SourceLines) -> Explanation? {
    guard let open = problem.contextPosition,
      let bracket = source.scalar(at: open), bracket == "[" || bracket == "{",
      let openLine = source.line(open.line)
    else { return nil }
    let isList = bracket == "["
    let nextField =
      problem.position.line > open.line
      && (source.indentation(ofLine: problem.position.line) ?? Int.max) <= fieldColumn(of: openLine)
    if isAtEnd(problem.position, in: source) || nextField,
      let explanation = unclosedBracket(at: open, reached: problem.position, in: source)
    {
      return explanation
    }
    var notes = [
      isList
        ? "the list '[ … ]' opens at line \(open.line), column \(open.column)"
        : "the braces '{ … }' open at line \(open.line), column \(open.column)"
    ]
    if let span = spanClosing(before: problem.position, in: source), let close = span.close {
      notes.append(
        "the quoted text ends at the \(span.quote) in column \(close.column); put a ',' after it"
          + " if another \(isList ? "item" : "field") follows")
    } else {
      notes.append("a text that contains ',' or another special character must be in quotes")
    }
    return Explanation(
      message: words(for: problem.problem), position: problem.position, notes: notes)
  }

  /// A `[` or `{` that is still open where reading stopped.
  static func unclosedBracket(
    at open: SourcePosition, reached end: SourcePosition, in source: SourceLines
  ) -> Explanation? {
    guard let bracket = source.scalar(at: open), bracket == "[" || bracket == "{" else {
      return nil
    }
    let isList = bracket == "["
    return Explanation(
      message: "unclosed '\(bracket)' opened here", position: open,
      notes: [
        "reading reached \(describe(end, in: source)) still inside \(isList ? "'[ … ]'" : "'{ … }'")",
        isList
          ? "add the closing ']' after the last item" : "add the closing '}' after the last field",
      ])
  }

  // MARK: - Fields

  /// A `:` where no field can start: inside a value that should be quoted, or on a line
  /// indented under a field that already has a value.
  static func colonInValue(_ problem: Problem, in source: SourceLines) -> Explanation {
    let position = problem.position
    guard let line = source.line(position.line) else {
      return Explanation(message: words(for: problem.problem), position: position)
    }
    let scalars = Array(line.unicodeScalars)
    let before = scalars.prefix(max(0, position.column - 1))
    let hasField = before.indices.contains { index in
      before[index] == ":"
        && (index + 1 == before.endIndex || before[index + 1] == " " || before[index + 1] == "\t")
    }
    if hasField {
      return Explanation(
        message: "a value that contains ': ' must be in quotes", position: position,
        notes: [quotedSuggestion(for: scalars) ?? "put the whole value in quotes"])
    }
    let indent = scalars.prefix { $0 == " " }.count
    if let above = previousContentLine(before: position.line, in: source),
      let aboveIndent = source.indentation(ofLine: above), indent > aboveIndent
    {
      return Explanation(
        message: "this field is indented more than the line above it",
        position: SourcePosition(line: position.line, column: indent + 1),
        notes: [
          "so it is read as more of the value on line \(above), where no field can start",
          "line it up with the fields around it",
        ])
    }
    return Explanation(message: words(for: problem.problem), position: position)
  }

  /// `title: "Outage: day 2"` for the line `title: Outage: day 2`, or `nil` when the
  /// value cannot simply be wrapped in quotes.
  static func quotedSuggestion(for scalars: [Unicode.Scalar]) -> String? {
    guard
      let colon = scalars.indices.first(where: { index in
        scalars[index] == ":" && index + 1 < scalars.count && scalars[index + 1] == " "
      })
    else { return nil }
    let key = String(String.UnicodeScalarView(scalars[..<colon])).drop { $0 == " " }
    let value = String(String.UnicodeScalarView(scalars[(colon + 1)...]))
      .trimmingSpaces()
    guard !value.isEmpty, !value.contains(" #"), !key.isEmpty, value.count <= 60 else {
      return nil
    }
    if !value.contains("\"") && !value.contains("\\") {
      return "write it as: \(key): \"\(value)\""
    }
    if !value.contains("'") { return "write it as: \(key): '\(value)'" }
    return nil
  }

  /// After a mapping's fields, something that is not a field: text after a closing
  /// quote, a list item, or a line out of line with the fields around it.
  static func expectedField(_ problem: Problem, in source: SourceLines) -> Explanation {
    let position = problem.position
    if let span = spanClosing(before: position, in: source) {
      return Explanation(
        message: "more text after the closing \(span.quoteName)", position: position,
        notes: textAfterQuoteNotes(span))
    }
    let rest = source.rest(of: position)
    if rest.first == "-", rest.count == 1 || rest.dropFirst().first == " " {
      return Explanation(
        message: "a list item where a field is expected", position: position,
        notes: ["a list belongs under a field: write 'name:' and indent the items below it"])
    }
    if source.indentation(ofLine: position.line) == position.column - 1 {
      var notes: [String] = []
      if let mapping = problem.contextPosition, mapping.line < position.line {
        notes.append(
          "the fields of the mapping that starts at line \(mapping.line) are at column"
            + " \(mapping.column)")
      }
      return Explanation(
        message: "this line is not lined up with the fields above it", position: position,
        notes: notes)
    }
    return Explanation(
      message: "unexpected text after the value", position: position,
      notes: ["a value ends where its quotes or brackets close; anything after it belongs inside"])
  }

  /// A line at a list's indentation that does not start with `- `.
  static func expectedListItem(_ problem: Problem, in source: SourceLines) -> Explanation {
    let position = problem.position
    guard let list = problem.contextPosition,
      source.indentation(ofLine: position.line) == position.column - 1
    else { return Explanation(message: words(for: problem.problem), position: position) }
    return Explanation(
      message: "this line is lined up with the list items above it but does not start with '- '",
      position: position,
      notes: [
        "the list starts at line \(list.line), column \(list.column); a field of an item is"
          + " indented under the item's first field"
      ])
  }

  // MARK: - Characters

  static func cannotStartValue(_ problem: Problem, in source: SourceLines) -> Explanation {
    guard let scalar = source.scalar(at: problem.position) else {
      return Explanation(message: words(for: problem.problem), position: problem.position)
    }
    if scalar == "\t" { return tabIndentation(at: problem.position) }
    return Explanation(
      message: "a value cannot start with '\(scalar)'", position: problem.position,
      notes: ["put the text in quotes"])
  }

  static func tabIndentation(at position: SourcePosition) -> Explanation {
    Explanation(
      message: "a tab is used for indentation here; YAML indents with spaces only",
      position: position, notes: ["replace the tab with spaces"])
  }

  static func unknownEscape(_ problem: Problem, in source: SourceLines) -> Explanation {
    let rest = source.rest(of: problem.position)
    guard rest.first == "\\", let escaped = rest.dropFirst().first else {
      return Explanation(message: words(for: problem.problem), position: problem.position)
    }
    return Explanation(
      message: "'\\\(escaped)' is not an escape that double quotes know",
      position: problem.position,
      notes: ["write '\\\\' for a backslash, or put the text in single quotes instead"])
  }

  /// `\x`, `\u` or `\U` without its digits, or with digits that name no character.
  /// libyaml points at the digits; the escape starts two columns before.
  static func shortEscape(_ problem: Problem, in source: SourceLines) -> Explanation? {
    let start = problem.position.advanced(by: -2)
    let escape = source.rest(of: start)
    guard escape.first == "\\", let letter = escape.dropFirst().first else { return nil }
    let digits: Int
    switch letter {
    case "x": digits = 2
    case "u": digits = 4
    case "U": digits = 8
    default: return nil
    }
    let written = String(String.UnicodeScalarView(escape.prefix(2 + digits)))
    let message =
      problem.problem == "found invalid Unicode character escape code"
      ? "'\(written)' in double quotes does not name a character"
      : "'\\\(letter)' in double quotes must be followed by \(digits) hexadecimal digits"
    return Explanation(
      message: message, position: start,
      notes: ["write '\\\\' for a backslash, or put the text in single quotes instead"])
  }

  // MARK: - The document

  /// Text after the document ended: after `...`, after a directive with no `---`, or
  /// left of the first field.
  static func afterTheEnd(_ problem: Problem, in source: SourceLines) -> Explanation {
    let position = problem.position
    if let above = previousContentLine(before: position.line, in: source),
      source.line(above)?.trimmingSpaces() == "..."
    {
      return Explanation(
        message: "text after '...', which ends the scenario", position: position,
        notes: ["remove the '...' line on line \(above)"])
    }
    let first = previousContentLine(before: source.lines.count + 1, in: source, first: true)
    if let first, source.line(first)?.unicodeScalars.first == "%" {
      return Explanation(
        message: "after a '%' line, the scenario must start with a '---' line",
        position: position,
        notes: ["scenario files do not use YAML directives (lines that start with '%')"])
    }
    if let first, let indent = source.indentation(ofLine: first), position.column - 1 < indent {
      return Explanation(
        message: "this line starts left of the scenario's first field", position: position,
        notes: [
          "the first field, on line \(first), starts at column \(indent + 1); start every"
            + " top-level field at the same column"
        ])
    }
    return Explanation(message: words(for: problem.problem), position: position)
  }

  // MARK: - Reading the source

  /// The nearest line before `line` that holds more than blanks and a comment (or,
  /// with `first`, the first such line of the file).
  static func previousContentLine(before line: Int, in source: SourceLines, first: Bool = false)
    -> Int?
  {
    let candidates = Array(1..<max(1, min(line, source.lines.count + 1)))
    let isContent = { (number: Int) in source.indentation(ofLine: number) != nil }
    return first ? candidates.first(where: isContent) : candidates.last(where: isContent)
  }

  /// Whether nothing but blanks follows `position`.
  static func isAtEnd(_ position: SourcePosition, in source: SourceLines) -> Bool {
    let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" }
    guard source.rest(of: position).allSatisfy(isBlank) else { return false }
    return source.lines.dropFirst(max(0, position.line)).allSatisfy {
      $0.unicodeScalars.allSatisfy(isBlank)
    }
  }

  /// "line 4, column 1", or "the end of the file".
  static func describe(_ position: SourcePosition, in source: SourceLines) -> String {
    isAtEnd(position, in: source)
      ? "the end of the file" : "line \(position.line), column \(position.column)"
  }

  /// A line as a note quotes it: without its indentation, cut at 40 characters.
  static func excerpt(ofLine number: Int, in source: SourceLines) -> String {
    let text = (source.line(number) ?? "").trimmingSpaces()
    return "'" + (text.count > 40 ? String(text.prefix(39)) + "…" : text) + "'"
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    let scalars = unicodeScalars.drop { $0 == " " || $0 == "\t" }
    let trailing = scalars.reversed().prefix { $0 == " " || $0 == "\t" }.count
    return String(String.UnicodeScalarView(scalars.dropLast(trailing)))
  }
}
