import Yams

/// Turns Yams' errors into diagnostics an author can act on: placed at the cause (the
/// quote or bracket that was never closed, not the end of the file where the parser
/// noticed) and worded in the author's terms, never the parser's.
///
/// The parser's own wording ("while scanning a simple key", "found unexpected end of
/// stream") never reaches a message: ``explain(_:in:)`` recognises the common mistakes
/// behind each problem, and ``glossary`` words every other problem libyaml can report.
enum YAMLErrorTranslator {
  /// One syntax error as libyaml reports it: the problem, where it noticed it, and what
  /// it was reading then (with where that began).
  struct Problem: Equatable {
    var problem: String
    var position: SourcePosition
    var context: String?
    var contextPosition: SourcePosition?
  }

  /// What a diagnostic says and where.
  struct Explanation: Equatable {
    var code: DiagnosticCode = .yamlSyntax
    var message: String
    var position: SourcePosition?
    var notes: [String] = []
  }

  static func diagnostic(for error: any Error, file: String, text: String) -> Diagnostic {
    let explanation = explain(error, in: text)
    let location = explanation.position.map { $0.location(in: file) } ?? SourceLocation(file: file)
    return Diagnostic(
      .error, explanation.code, explanation.message, at: location, notes: explanation.notes)
  }

  static func explain(_ error: any Error, in text: String) -> Explanation {
    guard let yamlError = error as? YamlError else {
      return Explanation(message: "the file cannot be read as YAML")
    }
    let source = SourceLines(text)
    switch yamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      return explain(
        Problem(
          problem: problem, position: position(mark), context: context?.text,
          contextPosition: context.map { position($0.mark) }),
        in: source)
    case .composer(let context, let problem, let mark, _):
      return explainComposer(
        Problem(
          problem: problem, position: position(mark), context: context?.text,
          contextPosition: context.map { position($0.mark) }),
        in: source)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? "?"
      let first = position(context.mark)
      let second = secondOccurrence(ofKey: key, after: first, in: source)
      return Explanation(
        message: "duplicate key '\(key)' in one mapping", position: second ?? first,
        notes: ["'\(key)' is first used at line \(first.line), column \(first.column)"])
    case .reader(let problem, let offset, let value, _):
      return explainReader(
        problem: problem, position: offset.flatMap { position(ofCharacter: $0, in: text) },
        value: value)
    default:
      return Explanation(message: "the file cannot be read as YAML")
    }
  }

  // MARK: - Positions

  static func position(_ mark: Mark) -> SourcePosition {
    SourcePosition(line: max(mark.line, 1), column: max(mark.column, 1))
  }

  /// The position of the character `offset` Characters into `text` (Yams counts a
  /// reader error's offset in Characters).
  static func position(ofCharacter offset: Int, in text: String) -> SourcePosition? {
    guard offset >= 0,
      let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex)
    else { return nil }
    let lines = SourceLines(String(text[..<index])).lines
    return SourcePosition(
      line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
  }

  /// Yams reports a duplicate key at its first use; the author needs the second. Looks
  /// for the next line where the same key starts at the same column.
  static func secondOccurrence(
    ofKey key: String, after first: SourcePosition, in source: SourceLines
  ) -> SourcePosition? {
    guard first.line >= 1 else { return nil }
    for index in first.line..<source.lines.count {
      let scalars = Array(source.lines[index].unicodeScalars)
      let start = first.column - 1
      guard start >= 0, start < scalars.count else { continue }
      let rest = String(String.UnicodeScalarView(scalars[start...]))
      let prefixOK = scalars[..<start].allSatisfy { $0 == " " || $0 == "-" }
      if prefixOK,
        rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":")
          || rest.hasPrefix("'\(key)':")
      {
        return SourcePosition(line: index + 1, column: first.column)
      }
    }
    return nil
  }

  // MARK: - Composer and reader

  static func explainComposer(_ problem: Problem, in source: SourceLines) -> Explanation {
    switch problem.problem {
    case "but found another document":
      return Explanation(
        code: .notAMapping,
        message: "a scenario file holds one YAML document, but a second one starts here",
        position: problem.position,
        notes: ["remove the '---' line, or move the second scenario to a file of its own"])
    case "found undefined alias":
      let name = source.rest(of: problem.position.advanced(by: 1))
        .prefix { isAnchorCharacter($0) }
      guard !name.isEmpty else { break }
      let alias = String(String.UnicodeScalarView(name))
      return Explanation(
        message: "'*\(alias)' refers to '&\(alias)', which is not defined before it",
        position: problem.position,
        notes: ["to write a text that starts with '*', put it in quotes"])
    default:
      break
    }
    return Explanation(
      message: words(for: problem.problem), position: problem.position)
  }

  /// A character libyaml accepts in an anchor's or an alias' name.
  static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "0"..."9", "A"..."Z", "a"..."z", "-", "_": return true
    default: return false
    }
  }

  static func explainReader(problem: String, position: SourcePosition?, value: Int32)
    -> Explanation
  {
    if problem == "control characters are not allowed",
      let scalar = Unicode.Scalar(UInt32(bitPattern: value)),
      let character = ForbiddenCharacter(scalar)
    {
      return Explanation(
        code: .controlCharacter, message: character.message, position: position,
        notes: [character.note])
    }
    let code: DiagnosticCode
    switch problem {
    case "control characters are not allowed": code = .controlCharacter
    case "input is too long": code = .tooLarge
    case "input error": code = .unreadable
    default: code = .notUTF8
    }
    return Explanation(
      code: code, message: glossary[problem] ?? "the file cannot be read as text",
      position: position)
  }
}
