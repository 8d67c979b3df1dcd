import SOSCore

/// Renders diagnostics the way compilers do: `path:line:col: error: message [CODE]`,
/// then the source line (at most 120 columns, control characters made visible) and a
/// caret under the column, then any notes.
public struct DiagnosticRenderer: Sendable {
  /// Whether to use ANSI colour.
  public var colour: Bool
  /// The widest source excerpt shown.
  public static let excerptWidth = 120

  /// Creates a renderer.
  public init(colour: Bool) {
    self.colour = colour
  }

  /// The full text for one diagnostic, ending in a newline.
  public func render(_ diagnostic: Diagnostic, source: String?) -> String {
    render(diagnostic, lines: source.map(SourceLines.init))
  }

  /// One diagnostic against its file's lines, cut once per file (a file with many
  /// warnings is not cut into lines again for each).
  func render(_ diagnostic: Diagnostic, lines: SourceLines?) -> String {
    var text = style(diagnostic.location.text + ":", .bold) + " "
    switch diagnostic.severity {
    case .error: text += style("error:", .red)
    case .warning: text += style("warning:", .yellow)
    }
    text += " " + Sanitizer.singleLine(diagnostic.message) + " "
    text += style("[\(diagnostic.code.rawValue)]", .dim) + "\n"
    if let lines, let line = diagnostic.location.line,
      let excerpt = excerpt(of: lines, line: line, column: diagnostic.location.column ?? 1)
    {
      text += excerpt
    }
    for note in diagnostic.notes {
      text += "  " + style("note:", .cyan) + " " + Sanitizer.singleLine(note) + "\n"
    }
    return text
  }

  /// Every diagnostic of a file, in order.
  public func render(_ diagnostics: [Diagnostic], source: String?) -> String {
    let lines = source.map(SourceLines.init)
    return diagnostics.map { render($0, lines: lines) }.joined()
  }

  /// The source line and a caret line, or `nil` if the line does not exist. Lines are
  /// cut as ``SourceLines`` cuts them (a CR alone ends a line too), as the locations
  /// count them.
  func excerpt(of lines: SourceLines, line: Int, column: Int) -> String? {
    guard let found = lines.line(line) else { return nil }
    let width = Self.excerptWidth
    var caretColumn = max(column, 1) - 1
    // Most lines are short and print as they are: shown without taking them apart
    // scalar by scalar (lint may show thousands of excerpts of one file).
    let plain = found.unicodeScalars
    if plain.count <= width, plain.allSatisfy({ Sanitizer.visible($0) == $0 }) {
      return excerpt(String(found), line: line, caretColumn: caretColumn)
    }
    var scalars = Array(found.unicodeScalars.map(Sanitizer.visible))
    var prefix = ""
    if scalars.count > width {
      if caretColumn >= width - 10 {
        let start = min(caretColumn - width / 2, scalars.count - width + 1)
        scalars = Array(scalars[start...])
        caretColumn -= start - 1
        prefix = "…"
      }
      if scalars.count + prefix.count > width {
        scalars = Array(scalars.prefix(width - prefix.count - 1)) + ["…"]
      }
    }
    return excerpt(
      prefix + String(String.UnicodeScalarView(scalars)), line: line, caretColumn: caretColumn)
  }

  /// The excerpt of a line already made fit to show.
  private func excerpt(_ lineText: String, line: Int, caretColumn: Int) -> String {
    let gutter = String(line)
    let pad = String(repeating: " ", count: gutter.count)
    let caretPad = String(repeating: " ", count: min(caretColumn, Self.excerptWidth))
    return " \(style(gutter, .dim)) | \(lineText)\n"
      + " \(pad) | \(caretPad)\(style("^", .green))\n"
  }

  enum Style: String {
    case bold = "1"
    case dim = "2"
    case red = "1;31"
    case yellow = "1;33"
    case green = "32"
    case cyan = "36"
  }

  func style(_ text: String, _ style: Style) -> String {
    colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}
