/// Reads the text of an expression into an ``Expression``, reporting the first
/// problem at its exact offset. Recursive descent, one token of look-ahead:
///
/// ```
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
/// primary    := literal | "elapsed" | name | name "(" argument ")"
///             | "statement" "(" argument ")" "." "met" "(" criterion ")" | "(" or ")"
/// ```
struct ExpressionParser {
  /// The longest expression accepted, in Unicode scalars. Real conditions are a line
  /// long; the cap keeps the tree shallow enough to walk recursively.
  static let maximumLength = 2_000
  /// The deepest nesting of parentheses and `not` accepted.
  static let maximumDepth = 64

  private var lexer: ExpressionLexer
  private var current: ExpressionToken
  private var depth = 0

  init(source: String) {
    lexer = ExpressionLexer(source: source)
    current = ExpressionToken(kind: .end, offset: 0, length: 0)
  }

  mutating func parseWhole() -> Result<Expression, ExpressionError> {
    if lexer.count > Self.maximumLength {
      return .failure(
        syntax(
          "an expression cannot be longer than \(Self.maximumLength) characters; split the logic with state variables",
          at: 0))
    }
    do {
      try advance()
      if case .end = current.kind {
        return .failure(
          syntax("the expression is empty; write a condition such as tagged(apology)", at: 0))
      }
      let expression = try parseOr()
      guard case .end = current.kind else {
        throw syntax(
          "unexpected \(current.kind.phrase) after a complete expression; join conditions with 'and' or 'or'",
          at: current.offset)
      }
      return .success(expression)
    } catch let error as ExpressionError {
      return .failure(error)
    } catch {
      return .failure(syntax("the expression cannot be read", at: 0))
    }
  }

  // MARK: - Tokens

  private mutating func advance() throws {
    current = try lexer.next()
  }

  private func syntax(_ message: String, at offset: Int, notes: [String] = []) -> ExpressionError {
    ExpressionError(kind: .syntax, message: message, offset: offset, notes: notes)
  }

  private func isWord(_ word: String) -> Bool {
    if case .word(let text) = current.kind { return text == word }
    return false
  }

  // MARK: - Grammar

  private mutating func parseOr() throws -> Expression {
    var left = try parseAnd()
    while isWord("or") {
      try advance()
      let right = try parseAnd()
      left = Expression(
        .or(left, right), offset: left.offset, length: right.offset + right.length - left.offset)
    }
    return left
  }

  private mutating func parseAnd() throws -> Expression {
    var left = try parseNot()
    while isWord("and") {
      try advance()
      let right = try parseNot()
      left = Expression(
        .and(left, right), offset: left.offset, length: right.offset + right.length - left.offset)
    }
    return left
  }

  private mutating func parseNot() throws -> Expression {
    guard isWord("not") else { return try parseComparison() }
    let start = current.offset
    try enterNesting(at: start)
    defer { depth -= 1 }
    try advance()
    let operand = try parseNot()
    return Expression(.not(operand), offset: start, length: operand.offset + operand.length - start)
  }

  private mutating func parseComparison() throws -> Expression {
    let left = try parsePrimary()
    guard case .comparison(let comparison) = current.kind else { return left }
    try advance()
    let right = try parsePrimary()
    if case .comparison = current.kind {
      throw syntax(
        "comparisons cannot be chained; join them with 'and', as in 'trust > 10 and trust < 50'",
        at: current.offset)
    }
    return Expression(
      .compare(comparison, left, right), offset: left.offset,
      length: right.offset + right.length - left.offset)
  }

  private mutating func parsePrimary() throws -> Expression {
    let token = current
    switch token.kind {
    case .integer(let number):
      try advance()
      return Expression(.literal(.integer(number)), offset: token.offset, length: token.length)
    case .duration(let duration):
      try advance()
      return Expression(.literal(.duration(duration)), offset: token.offset, length: token.length)
    case .text(let text):
      try advance()
      return Expression(.literal(.text(text)), offset: token.offset, length: token.length)
    case .openParenthesis:
      try enterNesting(at: token.offset)
      defer { depth -= 1 }
      try advance()
      let inner = try parseOr()
      guard case .closeParenthesis = current.kind else {
        throw syntax(
          "expected ')' to close the '(' at column \(token.offset + 1) of the expression, found \(current.kind.phrase)",
          at: current.offset)
      }
      let end = current.offset + current.length
      try advance()
      return Expression(inner.kind, offset: token.offset, length: end - token.offset)
    case .word(let word):
      return try parseWord(word, token: token)
    case .closeParenthesis, .comparison, .comma, .end:
      throw syntax("expected a value or a condition, found \(token.kind.phrase)", at: token.offset)
    }
  }

  private mutating func parseWord(_ word: String, token: ExpressionToken) throws -> Expression {
    switch word {
    case "true", "false":
      try advance()
      return Expression(
        .literal(.boolean(word == "true")), offset: token.offset, length: token.length)
    case "elapsed":
      try advance()
      return Expression(.elapsed, offset: token.offset, length: token.length)
    case "and", "or":
      throw syntax(
        "'\(word)' needs a condition on its left, as in 'tagged(apology) \(word) contacted(media)'",
        at: token.offset)
    default:
      break
    }
    try advance()
    guard case .openParenthesis = current.kind else {
      return Expression(.variable(word), offset: token.offset, length: token.length)
    }
    guard let function = ExpressionFunction(rawValue: word) else {
      let known = ExpressionFunction.allCases.map(\.rawValue)
      var message = "unknown function '\(word)'"
      if let guess = suggestion(for: word, among: known) {
        message += "; did you mean '\(guess)'?"
      }
      throw syntax(
        message, at: token.offset,
        notes: ["the functions are " + known.map { "\($0)(…)" }.joined(separator: ", ")])
    }
    guard let argument = lexer.argument() else {
      let found = try lexer.peekPhrase()
      throw syntax(
        "\(word)() needs the id of a \(function.argumentPhrase) inside the parentheses, found \(found)",
        at: lexer.offset)
    }
    try advance()
    guard case .closeParenthesis = current.kind else {
      throw syntax(
        "expected ')' after the argument of \(word)(), found \(current.kind.phrase); a function takes exactly one id",
        at: current.offset)
    }
    if function == .statement, let member = lexer.member() {
      return try parseStatementMember(
        member, statement: argument, start: token.offset)
    }
    let end = current.offset + current.length
    try advance()
    return Expression(
      .call(function, argument: argument.text, argumentOffset: argument.offset),
      offset: token.offset, length: end - token.offset)
  }

  /// `.met(criterion)` after `statement(id)`.
  private mutating func parseStatementMember(
    _ member: (name: String, offset: Int), statement: (text: String, offset: Int), start: Int
  ) throws -> Expression {
    guard member.name == "met" else {
      var message = "a statement has no '\(member.name)'"
      if member.name.isEmpty {
        message = "expected 'met' after 'statement(\(statement.text)).'"
      } else if let guess = suggestion(for: member.name, among: ["met"]) {
        message += "; did you mean '\(guess)'?"
      }
      throw syntax(
        message, at: member.offset,
        notes: [
          "write statement(\(statement.text)) >= 70 or statement(\(statement.text)).met(next-update)"
        ])
    }
    try advance()
    guard case .openParenthesis = current.kind else {
      throw syntax(
        "expected '(' after 'met', found \(current.kind.phrase)", at: current.offset)
    }
    guard let criterion = lexer.criterionArgument() else {
      let found = try lexer.peekPhrase()
      throw syntax(
        "met() needs the id of a criterion inside the parentheses, found \(found)",
        at: lexer.offset)
    }
    try advance()
    guard case .closeParenthesis = current.kind else {
      throw syntax(
        "expected ')' after the criterion, found \(current.kind.phrase)", at: current.offset)
    }
    let end = current.offset + current.length
    try advance()
    return Expression(
      .statementMet(
        statement: statement.text, statementOffset: statement.offset,
        criterion: criterion.text, criterionOffset: criterion.offset),
      offset: start, length: end - start)
  }

  private mutating func enterNesting(at offset: Int) throws {
    depth += 1
    if depth > Self.maximumDepth {
      throw syntax("the expression nests more than \(Self.maximumDepth) levels deep", at: offset)
    }
  }
}
