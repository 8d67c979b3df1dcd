import Yams

/// Turns Yams' errors into diagnostics at the line and column libyaml reported.
enum YAMLErrorTranslator {
  static func diagnostic(for error: any Error, file: String, text: String) -> Diagnostic {
    guard let yamlError = error as? YamlError else {
      return Diagnostic(
        .error, .yamlSyntax, "YAML could not be read", at: SourceLocation(file: file))
    }
    switch yamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      var notes: [String] = []
      if let context {
        notes.append("\(context.text) at line \(context.mark.line), column \(context.mark.column)")
      }
      return Diagnostic(
        .error, .yamlSyntax, "YAML syntax error: \(problem)",
        at: SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)),
        notes: notes)
    case .composer(_, let problem, let mark, _):
      let isSecondDocument = problem.contains("another document")
      return Diagnostic(
        .error, isSecondDocument ? .notAMapping : .yamlSyntax,
        isSecondDocument
          ? "a scenario file holds one YAML document, but a second one starts here"
          : "YAML error: \(problem)",
        at: SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? "?"
      let first = context.mark
      let second = secondOccurrence(ofKey: key, after: first, in: text)
      return Diagnostic(
        .error, .yamlSyntax, "duplicate key '\(key)' in one mapping",
        at: SourceLocation(
          file: file, line: second?.line ?? max(first.line, 1),
          column: second?.column ?? max(first.column, 1)),
        notes: ["'\(key)' is first used at line \(first.line), column \(first.column)"])
    case .reader(let problem, _, _, _):
      return Diagnostic(
        .error, .notUTF8, "file cannot be read as text: \(problem)",
        at: SourceLocation(file: file))
    default:
      return Diagnostic(
        .error, .yamlSyntax, "YAML could not be read: \(yamlError)",
        at: SourceLocation(file: file))
    }
  }

  /// Yams reports a duplicate key at its first use; the author needs the second. Looks
  /// for the next line where the same key starts at the same column.
  static func secondOccurrence(ofKey key: String, after mark: Mark, in text: String)
    -> SourcePosition?
  {
    let lines = SourceLines(text).lines
    guard mark.line >= 1 else { return nil }
    for index in mark.line..<lines.count {
      let scalars = Array(lines[index].unicodeScalars)
      let start = mark.column - 1
      guard start >= 0, start < scalars.count else { continue }
      let rest = String(String.UnicodeScalarView(scalars[start...]))
      let prefixOK = scalars[..<start].allSatisfy { $0 == " " || $0 == "-" }
      if prefixOK,
        rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":")
          || rest.hasPrefix("'\(key)':")
      {
        return SourcePosition(line: index + 1, column: mark.column)
      }
    }
    return nil
  }
}
