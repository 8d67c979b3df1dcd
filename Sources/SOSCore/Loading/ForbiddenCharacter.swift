/// A character a scenario file may not hold: a control character (YAML refuses every
/// one but tab and the line breaks), an invisible text-direction mark (it can make a
/// title or an option display in a different order from how it is stored), a line or
/// paragraph separator (editors show a line break, YAML counts another line), or a
/// noncharacter.
///
/// Each is refused at its line and column, named as `U+XXXX`, before any YAML parser
/// sees the file.
struct ForbiddenCharacter: Equatable {
  /// What kind of character it is, which decides the words used.
  enum Kind: Equatable {
    case control
    case direction
    case separator
    case noncharacter
  }

  let scalar: Unicode.Scalar
  let kind: Kind

  /// The character's kind, or `nil` for a character a scenario file may hold.
  init?(_ scalar: Unicode.Scalar) {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return nil
    case 0x00...0x1F, 0x7F...0x9F: kind = .control
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: kind = .direction
    case 0x2028, 0x2029: kind = .separator
    case 0xFFFE, 0xFFFF: kind = .noncharacter
    default: return nil
    }
    self.scalar = scalar
  }

  /// The first forbidden character of `text` and its position, if there is one.
  static func first(in text: String) -> (character: ForbiddenCharacter, position: SourcePosition)? {
    for (index, line) in SourceLines(text).lines.enumerated() {
      var column = 1
      for scalar in line.unicodeScalars {
        if let character = ForbiddenCharacter(scalar) {
          return (character, SourcePosition(line: index + 1, column: column))
        }
        column += 1
      }
    }
    return nil
  }

  /// `U+0007`: the code point, with at least four hexadecimal digits.
  static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `U+0007 (bell)`, or the code point alone when the character has no common name.
  var name: String {
    let code = Self.codePoint(scalar)
    return Self.names[scalar.value].map { "\(code) (\($0))" } ?? code
  }

  /// The diagnostic's message.
  var message: String {
    switch kind {
    case .control:
      return "control character \(name) is not allowed in a scenario file"
    case .direction:
      return "invisible text-direction character \(name) is not allowed in a scenario file"
    case .separator:
      return "\(name) is not allowed in a scenario file"
    case .noncharacter:
      return "\(name) is not a character and is not allowed in a scenario file"
    }
  }

  /// What the author can do about it.
  var note: String {
    switch kind {
    case .control, .noncharacter:
      return "most editors do not show it: delete the text around the caret and type it again"
    case .direction:
      return "it can make text display in a different order from how it is stored; delete it"
    case .separator:
      return "editors may show it as a line break, but it is not one: use an ordinary line break"
    }
  }

  private static let names: [UInt32: String] = [
    0x00: "null", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
    0x1B: "escape", 0x7F: "delete", 0x85: "next line",
    0x061C: "Arabic letter mark", 0x200E: "left-to-right mark", 0x200F: "right-to-left mark",
    0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding",
    0x202C: "pop directional formatting", 0x202D: "left-to-right override",
    0x202E: "right-to-left override", 0x2066: "left-to-right isolate",
    0x2067: "right-to-left isolate", 0x2068: "first strong isolate",
    0x2069: "pop directional isolate", 0x2028: "line separator",
    0x2029: "paragraph separator",
  ]
}
