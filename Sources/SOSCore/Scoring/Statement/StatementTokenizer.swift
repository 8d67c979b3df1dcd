/// Cuts a statement into tokens and the punctuation that separates sentences and clauses.
///
/// - Words keep inner apostrophes ("don't", "customer’s") and are folded to lower case
///   with straight apostrophes.
/// - A hyphen between two word characters joins them ("follow-up" is "follow" and a
///   token marked `joinedByHyphen`); a dash or a spaced hyphen breaks a clause.
/// - Digits keep inner `.`, `,`, `:` and `/` between digits: "3.5", "10,000", "17:00", "24/7".
/// - Web addresses, e-mail addresses, handles and phone numbers are single tokens, so
///   their dots never end a sentence.
/// - Dotted abbreviations ("e.g.", "a.m.", "U.S.") and the listed ones ("Mr.", "etc.")
///   keep their dots.
/// - Control and format characters count as spaces; anything else that is not a letter
///   or digit (emoji, symbols, quotes) separates words.
///
/// The tokenizer looks at each character a bounded number of times, so its time is
/// linear in the length of the text.
enum StatementTokenizer {
  /// The tokens of `chars`, grouped into sentences by `SentenceSplitter` as they are
  /// cut.
  static func split(_ chars: StatementCharacters) -> (
    tokens: [StatementToken], sentences: [StatementSentence]
  ) {
    var scanner = Scanner(chars: chars)
    scanner.run()
    return scanner.output.finish()
  }

  /// Lower case with straight apostrophes.
  static func fold(_ text: String) -> String {
    // Plain ASCII needs no apostrophes straightened.
    if text.utf8.allSatisfy({ $0 < 128 }) { return text.lowercased() }
    var folded = ""
    folded.reserveCapacity(text.utf8.count)
    for character in text.lowercased() {
      folded.append(isApostrophe(character) ? "'" : character)
    }
    return folded
  }

  static func isApostrophe(_ character: Character) -> Bool {
    character == "'" || character == "\u{2019}" || character == "\u{2018}"
      || character == "\u{02BC}" || character == "\u{2032}"
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
      return (ascii >= 97 && ascii <= 122) || (ascii >= 65 && ascii <= 90)
        || (ascii >= 48 && ascii <= 57)
    }
    if character.isLetter || character.isNumber { return true }
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  static func isDigit(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return false }
    return ascii >= 48 && ascii <= 57
  }

  /// A letter, with a fast answer for ASCII.
  static func isLetter(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
      return (ascii >= 97 && ascii <= 122) || (ascii >= 65 && ascii <= 90)
    }
    return character.isLetter
  }

  /// A space or tab (not a line break), with a fast answer for ASCII.
  static func isSpace(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
      return ascii == 32 || ascii == 9 || ascii == 11 || ascii == 12
    }
    return character.isWhitespace && !character.isNewline
  }

  /// A line break, with a fast answer for ASCII ("\r\n" is one character).
  static func isLineBreak(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ascii == 10 || ascii == 13 }
    return character.isNewline
  }

  static func isIgnorable(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ascii < 32 || ascii == 127 }
    guard let scalar = character.unicodeScalars.first else { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .unassigned, .privateUse, .surrogate: return true
    default: return false
    }
  }

  static let terminators: Set<Character> = [
    ".", "!", "?", "\u{2026}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}", "\u{3002}",
    "\u{FF01}", "\u{FF1F}", "\u{061F}",
  ]
  static let clauseBreaks: Set<Character> = [
    ",", ";", ":", "-", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2012}", "\u{2022}", "\u{00B7}",
    "|", "(", ")", "[", "]", "\u{3001}", "\u{FF0C}", "\u{061B}", "\u{060C}",
  ]
  static let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}"]
  static let bullets: Set<Character> = [
    "-", "*", "\u{2022}", "\u{00B7}", "\u{2013}", "\u{2014}", "\u{2023}", "\u{25E6}", "\u{25AA}",
    ">",
  ]
  /// Characters trimmed from the end of a link or address: sentence punctuation and
  /// closing quotes or brackets.
  static let trailingPunctuation: Set<Character> = [
    ".", ",", ";", ":", "!", "?", ")", "]", "}", "\"", "'", "\u{2019}", "\u{201D}", "\u{00BB}",
    "\u{2026}", ">",
  ]

  /// Membership of the sets above for each ASCII code, so that an ASCII character (most
  /// of any statement) is looked up by its byte instead of hashing a `Character`.
  static let terminatorCodes = asciiTable(terminators)
  static let clauseBreakCodes = asciiTable(clauseBreaks)
  static let hyphenCodes = asciiTable(hyphens)
  static let bulletCodes = asciiTable(bullets)
  static let trailingPunctuationCodes = asciiTable(trailingPunctuation)

  /// For each of the 128 ASCII codes, whether the character is in `set`.
  private static func asciiTable(_ set: Set<Character>) -> [Bool] {
    (0..<128).map { set.contains(Character(Unicode.Scalar(UInt8($0)))) }
  }

  /// The most characters of an abbreviation `listedAbbreviation` knows (all are ASCII),
  /// and of "no".
  static let longestListedAbbreviation =
    StatementLexicon.abbreviations.union(
      StatementLexicon.sentenceEndingAbbreviations
    )
    .union(["no"]).map(\.utf8.count).max() ?? 0

  /// Whether `character` is the upper-case first letter of a word, with a fast answer for
  /// ASCII.
  static func isUppercase(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ascii >= 65 && ascii <= 90 }
    return character.isUppercase
  }
}

// MARK: - Scanner

extension StatementTokenizer {
  private struct Scanner {
    let chars: StatementCharacters
    /// Where tokens and the marks between them go as they are cut.
    var output: SentenceSplitter
    var index = 0
    var atLineStart = true
    var hyphenPending = false
    /// Links are looked for once per space-separated chunk, which keeps the scan linear.
    var linksCheckedUntil = 0

    /// Each character's ASCII code, or 0 when it is not ASCII: most statements are
    /// ASCII, and a byte is quicker to ask than a `Character`.
    let codes: [UInt8]

    init(chars: StatementCharacters) {
      self.chars = chars
      self.codes = chars.codes
      output = SentenceSplitter(capacity: chars.count / 4)
    }

    @inline(__always) func isWord(_ index: Int) -> Bool {
      let code = codes[index]
      if code != 0 {
        return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
          || (code >= 48 && code <= 57)
      }
      return StatementTokenizer.isWordCharacter(chars[index])
    }

    @inline(__always) func isDigit(_ index: Int) -> Bool {
      let code = codes[index]
      return code >= 48 && code <= 57
    }

    @inline(__always) func isLetter(_ index: Int) -> Bool {
      let code = codes[index]
      if code != 0 { return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) }
      return chars[index].isLetter
    }

    @inline(__always) func isSpace(_ index: Int) -> Bool {
      let code = codes[index]
      if code != 0 { return code == 32 || code == 9 || code == 11 || code == 12 }
      return StatementTokenizer.isSpace(chars[index])
    }

    @inline(__always) func isLineBreak(_ index: Int) -> Bool {
      let code = codes[index]
      if code != 0 { return code == 10 || code == 13 }
      return chars[index].isNewline
    }

    /// Whether the character at `index` is in `set`, whose ASCII members `table` holds.
    /// (A character with an ASCII code is that one scalar, or "\r\n", which none of the
    /// sets holds and whose code, 10, no table marks.)
    @inline(__always) func isIn(_ set: Set<Character>, _ table: [Bool], _ index: Int) -> Bool {
      let code = codes[index]
      if code != 0 { return table[Int(code)] }
      return set.contains(chars[index])
    }

    mutating func run() {
      while index < chars.count {
        step()
      }
    }

    private mutating func step() {
      if isLineBreak(index) {
        output.endSentence()
        atLineStart = true
        hyphenPending = false
        index += 1
        return
      }
      let code = codes[index]
      let ignorable =
        code != 0 ? code < 32 || code == 127 : StatementTokenizer.isIgnorable(chars[index])
      if isSpace(index) || ignorable {
        hyphenPending = false
        index += 1
        return
      }
      if atLineStart, listMarker() { return }
      atLineStart = false
      if phone() || link() || handle() { return }
      if isWord(index) {
        word()
        return
      }
      hyphenPending = false
      if isIn(StatementTokenizer.hyphens, StatementTokenizer.hyphenCodes, index), index > 0,
        index + 1 < chars.count,
        isWord(index - 1),
        isWord(index + 1)
      {
        hyphenPending = true
        index += 1
        return
      }
      if isIn(StatementTokenizer.terminators, StatementTokenizer.terminatorCodes, index) {
        while index < chars.count,
          isIn(StatementTokenizer.terminators, StatementTokenizer.terminatorCodes, index)
        {
          index += 1
        }
        output.endSentence()
        return
      }
      if isIn(StatementTokenizer.clauseBreaks, StatementTokenizer.clauseBreakCodes, index) {
        output.breakClause()
      }
      index += 1
    }

    /// "1." or "2)" or a bullet at the start of a line: a list item, not a sentence.
    private mutating func listMarker() -> Bool {
      if isIn(StatementTokenizer.bullets, StatementTokenizer.bulletCodes, index),
        index + 1 < chars.count,
        isSpace(index + 1) || isLineBreak(index + 1)
      {
        output.breakClause()
        index += 1
        atLineStart = false
        return true
      }
      // A digit is ASCII: its code says it.
      guard isDigit(index) else { return false }
      var end = index
      while end < chars.count, end - index < 3, isDigit(end) {
        end += 1
      }
      guard end < chars.count, codes[end] == 46 || codes[end] == 41,
        end + 1 == chars.count || (isSpace(end + 1) || isLineBreak(end + 1))
      else { return false }
      output.breakClause()
      index = end + 1
      atLineStart = false
      return true
    }

    private mutating func emit(_ kind: StatementToken.Kind, _ range: Range<Int>) {
      // A token holds no line break; when all its characters are ASCII their codes are
      // its UTF-8.
      var ascii = true
      var upper = false
      for code in codes[range] {
        if code == 0 || code == 10 { ascii = false }
        if code >= 65 && code <= 90 { upper = true }
      }
      let text: String
      let folded: String
      if ascii {
        // ASCII: the codes are the UTF-8, and lowering A to Z is all that folding does.
        text = String(decoding: codes[range], as: UTF8.self)
        folded = upper ? Self.lowered(codes[range]) : text
      } else {
        text = StatementDocument.string(chars[range])
        folded = StatementTokenizer.fold(text)
      }
      let token = StatementToken(
        text: text, folded: folded, kind: kind, range: range, joinedByHyphen: hyphenPending)
      hyphenPending = false
      output.add(token)
      index = range.upperBound
    }

    /// ASCII codes with A to Z lowered, as a string.
    private static func lowered(_ codes: ArraySlice<UInt8>) -> String {
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: codes.count) { buffer in
        for (offset, code) in codes.enumerated() {
          buffer[offset] = code >= 65 && code <= 90 ? code + 32 : code
        }
        return String(decoding: buffer, as: UTF8.self)
      }
    }

    /// Seven to fifteen digits in groups separated by single spaces, hyphens or brackets,
    /// optionally after a "+": "0800 123 4567", "+44 (0)20 7946 0000".
    ///
    /// Every character it looks for is ASCII, so it reads the characters' codes (no other
    /// character equals an ASCII digit, space, "+", "-" or a bracket).
    private mutating func phone() -> Bool {
      let code = codes[index]
      let opensPhone =
        isDigit(index)
        || ((code == 43 || code == 40) && index + 1 < chars.count && isDigit(index + 1))
      guard opensPhone else { return false }
      if index > 0, isWord(index - 1) { return false }
      var cursor = index + (code == 43 ? 1 : 0)
      var digits = 0
      var lastDigit = -1
      while cursor < chars.count {
        let next = codes[cursor]
        if next >= 48 && next <= 57 {
          digits += 1
          if digits > 15 { return false }
          lastDigit = cursor
        } else if next == 32 {
          if cursor + 1 >= chars.count || codes[cursor + 1] == 32 { break }
        } else if next != 45 && next != 40 && next != 41 {
          break
        }
        cursor += 1
      }
      guard digits >= 7, lastDigit >= index else { return false }
      if lastDigit + 1 < chars.count, isWord(lastDigit + 1) {
        return false
      }
      emit(.phone, index..<(lastDigit + 1))
      return true
    }

    /// A web or e-mail address filling a space-separated chunk, less trailing punctuation.
    private mutating func link() -> Bool {
      guard index >= linksCheckedUntil, isWord(index) else {
        return false
      }
      var end = index
      var marked = false
      while end < chars.count, !isSpace(end),
        !isLineBreak(end)
      {
        // ".", "@" and ":" are ASCII: their codes say it.
        let code = codes[end]
        if code == 46 || code == 64 || code == 58 { marked = true }
        end += 1
      }
      linksCheckedUntil = end
      // Every address has a dot, an "@" or a scheme's colon.
      guard marked else { return false }
      while end > index,
        isIn(
          StatementTokenizer.trailingPunctuation, StatementTokenizer.trailingPunctuationCodes,
          end - 1)
      {
        end -= 1
      }
      // "sorry." is no address once its full stop is trimmed.
      guard end - index >= 4,
        codes[index..<end].contains(where: { $0 == 46 || $0 == 64 || $0 == 58 })
          // A character has no ASCII value only where its code is 0 (which "\0" has too).
          || (index..<end).contains(where: { codes[$0] == 0 && chars[$0].asciiValue == nil })
      else { return false }
      // Every address has a "." or an "@", or is "http://…" or "https://…" (see
      // `LinkClassifier`): a chunk with none, such as "4:50am", is no address.
      // (No character but "." and "@" themselves equals them, so their codes find them.)
      guard
        codes[index..<end].contains(where: { $0 == 46 || $0 == 64 })
          || codes[index] == 104 || codes[index] == 72
      else { return false }
      if codes[index..<end].allSatisfy({ $0 != 0 && $0 != 10 }) {
        // ASCII: the chunk is read lowered on its bytes, in a buffer on the stack.
        let start = index
        let kind = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) {
          buffer -> StatementToken.Kind? in
          for offset in start..<end {
            let code = codes[offset]
            buffer[offset - start] = code >= 65 && code <= 90 ? code + 32 : code
          }
          let chunk = UnsafeBufferPointer(buffer)
          if LinkClassifier.isEmail(ascii: chunk) { return .email }
          if LinkClassifier.isURL(ascii: chunk) { return .url }
          return nil
        }
        guard let kind else { return false }
        emit(kind, index..<end)
        return true
      }
      let core = String(chars[index..<end]).lowercased()
      if LinkClassifier.isEmail(core) {
        emit(.email, index..<end)
        return true
      }
      if LinkClassifier.isURL(core) {
        emit(.url, index..<end)
        return true
      }
      return false
    }

    /// "@Name" not preceded by a word character.
    private mutating func handle() -> Bool {
      guard codes[index] == 64, index + 1 < chars.count else { return false }
      if index > 0, isWord(index - 1) { return false }
      var end = index + 1
      while end < chars.count, chars[end].isASCII,
        isLetter(end) || chars[end].isNumber || chars[end] == "_"
      {
        end += 1
      }
      guard end > index + 1 else { return false }
      emit(.handle, index..<end)
      return true
    }

    private mutating func word() {
      let start = index
      var end = index
      var hasDigit = false
      while end < chars.count {
        if isWord(end) {
          if isDigit(end) || (codes[end] == 0 && chars[end].isNumber) { hasDigit = true }
          end += 1
          continue
        }
        if end > start, end + 1 < chars.count {
          let code = codes[end]
          if (code == 39 || (code == 0 && StatementTokenizer.isApostrophe(chars[end])))
            && isLetter(end - 1) && isLetter(end + 1)
          {
            end += 1
            continue
          }
          if code == 46 || code == 44 || code == 58 || code == 47, isDigit(end - 1),
            isDigit(end + 1)
          {
            end += 1
            continue
          }
        }
        break
      }
      if !hasDigit, let dotted = dottedAbbreviationEnd(from: start), dotted > end {
        emit(.abbreviation, start..<dotted)
        return
      }
      if !hasDigit, end < chars.count, codes[end] == 46, listedAbbreviation(start..<end, dot: end) {
        emit(.abbreviation, start..<(end + 1))
        return
      }
      emit(hasDigit ? .number : .word, start..<end)
    }

    /// The end of "e.g.", "a.m.", "U.S.A." (letter groups of one or two, each followed by
    /// a dot, at least two groups; the last dot may be missing after a single letter).
    private func dottedAbbreviationEnd(from start: Int) -> Int? {
      var cursor = start
      var groups = 0
      while cursor < chars.count {
        var letters = cursor
        while letters < chars.count, letters - cursor < 3, isLetter(letters) {
          letters += 1
        }
        let length = letters - cursor
        guard length >= 1, length <= 2 else { break }
        if letters < chars.count, codes[letters] == 46 {
          groups += 1
          cursor = letters + 1
          if cursor < chars.count, isLetter(cursor) { continue }
          break
        }
        let followedByWord =
          letters < chars.count && isWord(letters)
        if length == 1, groups >= 1, !followedByWord {
          groups += 1
          cursor = letters
        }
        break
      }
      return groups >= 2 ? cursor : nil
    }

    private func listedAbbreviation(_ range: Range<Int>, dot: Int) -> Bool {
      // Words are letters: ASCII ones fold from their codes.
      let ascii = codes[range].allSatisfy({ $0 != 0 })
      // An ASCII word longer than every listed abbreviation (and than "no") is none.
      if ascii, range.count > StatementTokenizer.longestListedAbbreviation { return false }
      let folded =
        ascii
        ? String(decoding: codes[range], as: UTF8.self).lowercased()
        : StatementTokenizer.fold(String(chars[range]))
      if folded == "no" {
        // "No. 5" is an abbreviation; "The answer is no." is not.
        var next = dot + 1
        while next < chars.count, codes[next] == 32 { next += 1 }
        return next < chars.count && isDigit(next)
      }
      return StatementLexicon.abbreviations.contains(folded)
        || StatementLexicon.sentenceEndingAbbreviations.contains(folded)
    }
  }
}
