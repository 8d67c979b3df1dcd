/// A word, number, link or address in a statement, with where it stands in the text.
///
/// Offsets count characters (extended grapheme clusters), so an emoji or a letter with
/// an accent is one character, as a person would count them.
struct StatementToken: Hashable, Sendable {
  /// What sort of token it is.
  enum Kind: String, Hashable, Sendable {
    /// Letters (with inner apostrophes, as in "don't").
    case word
    /// Anything with a digit: "24", "5pm", "17:00", "3.5", "10,000".
    case number
    /// A dotted or listed abbreviation, dots included: "e.g.", "a.m.", "Mr.".
    case abbreviation
    /// A web address: "https://…", "www.…" or "name.tld/…".
    case url
    /// An e-mail address.
    case email
    /// A social-media handle: "@NorthwindHelp".
    case handle
    /// A phone number: seven to fifteen digits in groups.
    case phone
  }

  /// The token as written.
  var text: String
  /// Lower-cased, with curly apostrophes made straight.
  var folded: String
  var kind: Kind
  /// Character offsets in the text.
  var range: Range<Int>
  /// Follows the previous token across a hyphen, as "up" in "follow-up".
  var joinedByHyphen = false
  /// The sentence that holds the token; set by the sentence splitter.
  var sentence = 0
  /// First word of a sentence, or the first after a comma, colon, semicolon, dash,
  /// bracket or list bullet; set by the sentence splitter.
  var startsClause = false

  /// Prose is what a reader reads as words: links, addresses and phone numbers are not.
  var isProse: Bool {
    switch kind {
    case .word, .number, .abbreviation: return true
    case .url, .email, .handle, .phone: return false
    }
  }
}
