/// Makes untrusted text safe to print on a terminal: scenario files and session files
/// are not trusted, so escape sequences and control characters never reach the screen.
public enum Sanitizer {
  /// Removes escape sequences and control characters, keeping newlines and turning
  /// tabs into spaces.
  public static func text(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      switch scalar {
      case "\n": output.append(scalar)
      case "\t": output.append(" ")
      case "\u{1B}":
        index = endOfEscapeSequence(in: scalars, at: index)
        continue
      default:
        if !isControl(scalar) { output.append(scalar) }
      }
      index = scalars.index(after: index)
    }
    return String(output)
  }

  /// Like ``text(_:)``, with newlines turned into spaces.
  public static func singleLine(_ text: String) -> String {
    Self.text(text).replacingNewlines()
  }

  /// A scalar that prints as itself in a one-line excerpt: controls become `?`,
  /// tabs a space.
  static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar == "\t" || scalar == "\r" { return " " }
    return isControl(scalar) ? "?" : scalar
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi overrides
    default: return false
    }
  }

  /// The index just past the escape sequence that starts with the ESC at `start`: a
  /// CSI sequence, an OSC (or other string) sequence, or a two-byte escape. An
  /// unterminated sequence runs to the end of the text.
  static func endOfEscapeSequence<Scalars: Collection<Unicode.Scalar>>(
    in scalars: Scalars, at start: Scalars.Index
  ) -> Scalars.Index {
    var index = scalars.index(after: start)
    guard index < scalars.endIndex else { return index }
    let introducer = scalars[index]
    index = scalars.index(after: index)
    switch introducer {
    case "[":
      // CSI: parameters and intermediates, then one final byte in 0x40...0x7E.
      while index < scalars.endIndex {
        let scalar = scalars[index]
        index = scalars.index(after: index)
        if (0x40...0x7E).contains(scalar.value) { return index }
      }
    case "]", "P", "X", "^", "_":
      // OSC and other strings: until BEL or ST (ESC \).
      var previousWasEscape = false
      while index < scalars.endIndex {
        let scalar = scalars[index]
        index = scalars.index(after: index)
        if scalar == "\u{07}" { return index }
        if previousWasEscape, scalar == "\\" { return index }
        previousWasEscape = scalar == "\u{1B}"
      }
    default:
      break
    }
    return index
  }
}

extension String {
  fileprivate func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" ? " " : $0 }))
  }
}
