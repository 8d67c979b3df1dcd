/// One token of the expression language, with where it was written.
struct ExpressionToken: Hashable {
  enum Kind: Hashable {
    case integer(Int)
    case duration(ClockDuration)
    case text(String)
    /// A name: a keyword, a variable or a function.
    case word(String)
    case comparison(ComparisonOperator)
    case openParenthesis
    case closeParenthesis
    case comma
    case end

    /// The token in words, for "found …" in messages.
    var phrase: String {
      switch self {
      case .integer(let number): return "the number \(number)"
      case .duration(let duration): return "the duration \(duration)"
      case .text(let text): return "the text \"\(text)\""
      case .word(let word): return "'\(word)'"
      case .comparison(let comparison): return "'\(comparison.rawValue)'"
      case .openParenthesis: return "'('"
      case .closeParenthesis: return "')'"
      case .comma: return "','"
      case .end: return "the end of the expression"
      }
    }
  }

  var kind: Kind
  /// Offset of the first character, in Unicode scalars.
  var offset: Int
  var length: Int
}
