/// One piece of a statement as the tokenizer cuts it: a token or a mark that matters to
/// sentences and clauses.
enum StatementLexeme: Hashable, Sendable {
  case token(StatementToken)
  /// `.`, `!`, `?` or `…`, alone or repeated.
  case terminator
  /// A comma, semicolon, colon, dash, bracket or list bullet: the next word starts a clause.
  case clauseBreak
  /// A line break.
  case lineBreak
}
