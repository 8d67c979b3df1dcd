/// Makes untrusted text safe to print on a terminal: scenario files and session files
/// are not trusted, so escape sequences and control characters never reach the screen.
public enum Sanitizer {
  /// Removes escape sequences and control characters, keeping newlines and turning
  /// tabs into spaces.
  public static func text(_ text: String) -> String {
    clean(text, forOutput: false)
  }

  /// The one check every byte passes on its way out to a terminal or a file, whatever
  /// produced it and whatever its format:
  /// - every escape sequence goes, except SOS's own colours (SGR sequences with the few
  ///   attributes ``Palette`` uses: bold, dim, underline, red, green, yellow, magenta,
  ///   cyan, reset), so OSC 52 (the clipboard), OSC 0 (the window title) or `ESC [2K`
  ///   and a carriage return (drawing over a line) print as nothing;
  /// - every other C0 control goes, keeping newlines (and CR LF) and turning tabs into
  ///   spaces;
  /// - DEL, C1 controls, bidi controls and line and paragraph separators are made
  ///   visible as `\uXXXX`: in JSON that is the same string escaped, and in text it
  ///   shows what was there without letting it reorder or break what is printed.
  public static func output(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 != "\n" && needsCare($0) }) else {
      return text
    }
    return clean(text, forOutput: true)
  }

  /// The walk both share: ``text(_:)`` drops every escape sequence and control;
  /// ``output(_:)`` (`forOutput`) keeps the palette's colours and CR LF, and makes
  /// the controls above C0 visible.
  private static func clean(_ text: String, forOutput: Bool) -> String {
    var output = String.UnicodeScalarView()
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      switch scalar {
      case "\n": output.append(scalar)
      case "\t": output.append(" ")
      case "\r" where forOutput:
        // A CSV line ends in CR LF; a CR alone draws over the line.
        let next = scalars.index(after: index)
        if next < scalars.endIndex, scalars[next] == "\n" { output.append(scalar) }
      case "\u{1B}":
        let end = endOfEscapeSequence(in: scalars, at: index)
        let sequence = scalars[index..<end]
        if forOutput, isPaletteColour(sequence) { output.append(contentsOf: sequence) }
        index = end
        continue
      default:
        if forOutput, scalar.value >= 0x20, needsCare(scalar) {
          let hex = String(scalar.value, radix: 16)
          let escape = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
          output.append(contentsOf: escape.unicodeScalars)
        } else if !isControl(scalar) {
          output.append(scalar)
        }
      }
      index = scalars.index(after: index)
    }
    return String(output)
  }

  static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
    isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
  }

  /// Whether `sequence` is `ESC [ … m` with only the attributes ``Palette`` writes.
  static func isPaletteColour(_ sequence: Substring.UnicodeScalarView) -> Bool {
    guard sequence.count >= 3, sequence.last == "m",
      sequence.dropFirst().first == "["
    else { return false }
    let parameters = String(String.UnicodeScalarView(sequence.dropFirst(2).dropLast()))
    return parameters.split(separator: ";", omittingEmptySubsequences: false).allSatisfy {
      ["", "0", "1", "2", "4", "31", "32", "33", "35", "36"].contains($0)
    }
  }

  /// Like ``text(_:)``, with newlines turned into spaces.
  public static func singleLine(_ text: String) -> String {
    // Nearly every message has no control at all, and then nothing changes.
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    return Self.text(text).replacingNewlines()
  }

  /// A scalar that prints as itself in a one-line excerpt: controls become `?`,
  /// tabs a space.
  static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar == "\t" || scalar == "\r" { return " " }
    return isControl(scalar) ? "?" : scalar
  }

  /// A C0 or C1 control, DEL, or a bidi control (which can make a name or a score read
  /// backwards).
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi controls
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
