/// Splits an expression's text into tokens on demand. Offsets count Unicode scalars,
/// as file columns do, so an error maps to the exact column in the scenario file.
struct ExpressionLexer {
  private let scalars: [Unicode.Scalar]
  /// The offset of the next unread scalar.
  private(set) var offset = 0

  init(source: String) {
    scalars = Array(source.unicodeScalars)
  }

  /// The length of the source in scalars.
  var count: Int { scalars.count }

  private func syntax(_ message: String, at offset: Int) -> ExpressionError {
    ExpressionError(kind: .syntax, message: message, offset: offset)
  }

  private mutating func skipSpace() {
    while offset < scalars.count, scalars[offset].properties.isWhitespace { offset += 1 }
  }

  static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || scalar == "_")
  }

  static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
  }

  /// An id that can name a node, choice, tag, stakeholder or deadline: letters,
  /// digits, `-`, `_` and `.`.
  static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
    isNameCharacter(scalar) || scalar == "-" || scalar == "."
  }

  /// The next token.
  mutating func next() throws -> ExpressionToken {
    skipSpace()
    let start = offset
    guard offset < scalars.count else {
      return ExpressionToken(kind: .end, offset: start, length: 0)
    }
    let scalar = scalars[offset]
    func token(_ kind: ExpressionToken.Kind, length: Int) -> ExpressionToken {
      offset = start + length
      return ExpressionToken(kind: kind, offset: start, length: length)
    }
    let following: Unicode.Scalar? = offset + 1 < scalars.count ? scalars[offset + 1] : nil
    switch scalar {
    case "(": return token(.openParenthesis, length: 1)
    case ")": return token(.closeParenthesis, length: 1)
    case ",": return token(.comma, length: 1)
    case "=":
      if following == "=" { return token(.comparison(.equal), length: 2) }
      if following == ">" { throw syntax("write '>=' for 'at least'", at: start) }
      if following == "<" { throw syntax("write '<=' for 'at most'", at: start) }
      throw syntax("use '==' to compare; '=' alone is not an operator", at: start)
    case "!":
      if following == "=" { return token(.comparison(.notEqual), length: 2) }
      throw syntax("use 'not' to negate a condition, as in 'not tagged(apology)'", at: start)
    case "<":
      if following == "=" { return token(.comparison(.lessThanOrEqual), length: 2) }
      if following == ">" { throw syntax("write '!=' for 'not equal'", at: start) }
      return token(.comparison(.lessThan), length: 1)
    case ">":
      if following == "=" { return token(.comparison(.greaterThanOrEqual), length: 2) }
      return token(.comparison(.greaterThan), length: 1)
    case "&":
      throw syntax("use 'and' to join conditions", at: start)
    case "|":
      throw syntax("use 'or' to join alternatives", at: start)
    case "\"", "'":
      return try text(quote: scalar, start: start)
    case "-":
      if let following, ("0"..."9").contains(following) {
        offset += 1
        let magnitude = try number(start: offset, reportAt: start)
        switch magnitude.kind {
        case .integer(let value):
          return ExpressionToken(kind: .integer(-value), offset: start, length: offset - start)
        default:
          throw syntax("a duration cannot be negative", at: start)
        }
      }
      throw syntax("unexpected '-'; the expression language has no arithmetic", at: start)
    default:
      if ("0"..."9").contains(scalar) { return try number(start: start, reportAt: start) }
      if Self.isNameStart(scalar) {
        while offset < scalars.count, Self.isNameCharacter(scalars[offset]) { offset += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<offset]))
        return ExpressionToken(kind: .word(word), offset: start, length: offset - start)
      }
      throw syntax("unexpected character '\(scalar.escaped(asASCII: false))'", at: start)
    }
  }

  /// A whole number (`42`) or a duration (`2h30m`).
  private mutating func number(start: Int, reportAt: Int) throws -> ExpressionToken {
    offset = start
    while offset < scalars.count, Self.isNameCharacter(scalars[offset]) { offset += 1 }
    let text = String(String.UnicodeScalarView(scalars[start..<offset]))
    if text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
      guard let value = Int(text), value <= 1_000_000_000 else {
        throw syntax("the number \(text) is too large", at: reportAt)
      }
      return ExpressionToken(kind: .integer(value), offset: reportAt, length: offset - reportAt)
    }
    switch ClockDuration.parse(text) {
    case .success(let duration):
      return ExpressionToken(
        kind: .duration(duration), offset: reportAt, length: offset - reportAt)
    case .failure(let problem):
      throw syntax(problem.message, at: start + problem.offset)
    }
  }

  /// A quoted text; the quote character cannot appear inside it.
  private mutating func text(quote: Unicode.Scalar, start: Int) throws -> ExpressionToken {
    offset = start + 1
    while offset < scalars.count, scalars[offset] != quote { offset += 1 }
    guard offset < scalars.count else {
      throw syntax("this text has no closing \(quote)", at: start)
    }
    let text = String(String.UnicodeScalarView(scalars[(start + 1)..<offset]))
    offset += 1
    return ExpressionToken(kind: .text(text), offset: start, length: offset - start)
  }

  /// The id inside a function's parentheses, read raw so that ids such as
  /// `first-hour` or `discovery.1` stay whole; `nil` if there is none.
  mutating func argument() -> (text: String, offset: Int)? {
    skipSpace()
    let start = offset
    while offset < scalars.count, Self.isIDCharacter(scalars[offset]) { offset += 1 }
    guard offset > start else { return nil }
    return (String(String.UnicodeScalarView(scalars[start..<offset])), start)
  }

  /// Reads `.name` right after a call, as in `statement(post).met(…)`: the member's
  /// name and offset, or `nil` (consuming nothing) when no `.` follows.
  mutating func member() -> (name: String, offset: Int)? {
    guard offset < scalars.count, scalars[offset] == "." else { return nil }
    var end = offset + 1
    while end < scalars.count, Self.isNameCharacter(scalars[end]) { end += 1 }
    let name = String(String.UnicodeScalarView(scalars[(offset + 1)..<end]))
    defer { offset = end }
    return (name, offset + 1)
  }

  /// A criterion's id inside `met(…)`: an id, optionally `must:` or `avoid:` first.
  mutating func criterionArgument() -> (text: String, offset: Int)? {
    skipSpace()
    let start = offset
    while offset < scalars.count, Self.isIDCharacter(scalars[offset]) || scalars[offset] == ":" {
      offset += 1
    }
    guard offset > start else { return nil }
    return (String(String.UnicodeScalarView(scalars[start..<offset])), start)
  }

  /// What comes next, in words, without consuming it.
  func peekPhrase() throws -> String {
    var copy = self
    return try copy.next().kind.phrase
  }
}
