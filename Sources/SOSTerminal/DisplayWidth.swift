/// How many terminal columns text takes: escape sequences and control characters
/// take none, East Asian wide and full-width characters and emoji take two, every
/// other grapheme cluster (a letter with its combining accents, say) takes one.
///
/// The table of wide characters is a compact approximation of Unicode's East Asian
/// Width property (the W and F classes), enough for the CJK scripts, Hangul,
/// full-width forms and emoji; ambiguous-width characters count as one column.
enum DisplayWidth {
  /// The columns one grapheme cluster takes.
  static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if Sanitizer.isControl(first) { return 0 }
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if first.properties.isEmojiPresentation || isWide(first.value) { return 2 }
    if character.unicodeScalars.contains("\u{FE0F}") { return 2 }  // emoji presentation selector
    return 1
  }

  /// The columns a text takes on one line, not counting escape sequences.
  static func of(_ text: String) -> Int {
    var width = 0
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    var runStart = index
    while index < scalars.endIndex {
      if scalars[index] == "\u{1B}" {
        width += visibleWidth(scalars[runStart..<index])
        index = Sanitizer.endOfEscapeSequence(in: scalars, at: index)
        runStart = index
      } else {
        index = scalars.index(after: index)
      }
    }
    return width + visibleWidth(scalars[runStart..<index])
  }

  private static func visibleWidth(_ scalars: Substring.UnicodeScalarView) -> Int {
    String(scalars).reduce(0) { $0 + of($1) }
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E,
      0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
