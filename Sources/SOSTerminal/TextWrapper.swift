/// Wraps text to a width at word boundaries, for a terminal.
///
/// Every line of the input (explicit newlines and blank lines between paragraphs are
/// kept) is filled greedily with the words that fit; the spacing between words that
/// stay on one line is kept, and spaces where a line breaks are dropped. Lines the
/// wrapper breaks continue with ``indent``; a line's own leading spaces are kept on
/// its first row. A word wider than a whole row starts on a row of its own and is
/// broken hard.
///
/// Width is counted in terminal columns: ANSI escape sequences (colour, say) count
/// for nothing and are never split, East Asian wide characters and emoji count two
/// (see `DisplayWidth`), and a tab counts one column, so pass text through
/// ``Sanitizer`` first when it may hold tabs.
///
/// ```swift
/// TextWrapper(width: 20, indent: "   ").wrap("1) Convene the crisis team at once")
/// // "1) Convene the crisis\n   team at once"
/// ```
public struct TextWrapper: Sendable, Equatable {
  /// The widest row, in columns (at least 1).
  public var width: Int
  /// The prefix of every row the wrapper starts after breaking a line.
  public var indent: String

  /// Creates a wrapper.
  public init(width: Int, indent: String = "") {
    self.width = max(width, 1)
    self.indent = indent
  }

  /// The text, wrapped.
  public func wrap(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { wrapLine(String($0)).joined(separator: "\n") }
      .joined(separator: "\n")
  }

  /// A word with the spaces before it, split into visible text and escape sequences.
  private struct Word {
    var gap = ""
    var pieces: [Piece] = []
    var width = 0
  }

  private enum Piece {
    case text(String)
    case escape(String)
  }

  /// The rows of one line of input (which holds no newline).
  func wrapLine(_ line: String) -> [String] {
    let indentWidth = DisplayWidth.of(indent)
    var rows: [String] = []
    var row = ""
    var rowWidth = 0
    // The width of the row before its first word: its indent or leading spaces.
    var rowStartWidth = 0
    var rowHasWord = false

    func breakRow() {
      rows.append(row)
      row = indent
      rowWidth = indentWidth
      rowStartWidth = indentWidth
      rowHasWord = false
    }

    for word in Self.words(of: line) {
      if rowHasWord {
        let gapWidth = DisplayWidth.of(word.gap)
        if rowWidth + gapWidth + word.width <= width {
          row += word.gap
          rowWidth += gapWidth
        } else {
          breakRow()
        }
      } else if rows.isEmpty {
        row += word.gap
        rowWidth += DisplayWidth.of(word.gap)
        rowStartWidth = rowWidth
      }
      rowHasWord = true
      if rowWidth + word.width <= width {
        for piece in word.pieces {
          switch piece {
          case .text(let text), .escape(let text): row += text
          }
        }
        rowWidth += word.width
        continue
      }
      // Too wide for any row: break it by character, at least one per row.
      for piece in word.pieces {
        switch piece {
        case .escape(let text):
          row += text
        case .text(let text):
          for character in text {
            let characterWidth = DisplayWidth.of(character)
            if rowWidth + characterWidth > width, rowWidth > rowStartWidth {
              breakRow()
              rowHasWord = true
            }
            row.append(character)
            rowWidth += characterWidth
          }
        }
      }
    }
    rows.append(row)
    return rows
  }

  /// The words of a line, each with the spaces before it; spaces at the end are dropped.
  private static func words(of line: String) -> [Word] {
    var words: [Word] = []
    var current = Word()
    var inWord = false
    var text = String.UnicodeScalarView()

    func endText() {
      guard !text.isEmpty else { return }
      let string = String(text)
      current.pieces.append(.text(string))
      current.width += DisplayWidth.of(string)
      text = String.UnicodeScalarView()
    }

    let scalars = line.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == " " || scalar == "\t" {
        if inWord {
          endText()
          words.append(current)
          current = Word()
          inWord = false
        }
        current.gap.unicodeScalars.append(scalar)
        index = scalars.index(after: index)
      } else if scalar == "\u{1B}" {
        endText()
        inWord = true
        let end = Sanitizer.endOfEscapeSequence(in: scalars, at: index)
        current.pieces.append(.escape(String(scalars[index..<end])))
        index = end
      } else {
        inWord = true
        text.append(scalar)
        index = scalars.index(after: index)
      }
    }
    if inWord {
      endText()
      words.append(current)
    }
    return words
  }
}
