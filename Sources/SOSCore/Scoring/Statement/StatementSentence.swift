/// A sentence of a statement: a run of tokens.
struct StatementSentence: Hashable, Sendable {
  /// Indices into the document's tokens.
  var tokens: Range<Int>
}
