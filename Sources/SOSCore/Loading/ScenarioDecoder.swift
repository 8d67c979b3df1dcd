/// Turns a composed YAML tree into a ``Scenario``, reporting every schema problem
/// (missing, unknown and mistyped fields, bad values, durations and expressions) at
/// its exact line and column. Decoding carries on past errors so that one run shows
/// the author as many problems as possible.
struct ScenarioDecoder {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) {
    self.file = file
  }

  // MARK: - Reporting

  mutating func error(
    _ code: DiagnosticCode, _ message: String, at position: SourcePosition,
    notes: [String] = []
  ) {
    diagnostics.append(
      Diagnostic(.error, code, message, at: position.location(in: file), notes: notes))
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  // MARK: - Nodes

  static func position(of node: YAMLNode) -> SourcePosition {
    node.position
  }

  /// What a YAML node is, in words, for "expected …, found …" messages.
  static func describe(_ node: YAMLNode) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let scalar):
      switch PlainKind(scalar) {
      case .null: return "nothing"
      case .boolean: return "a boolean"
      case .integer: return "a number"
      case .decimal: return "a decimal number"
      case .text: return "a text"
      }
    }
  }

  /// What a scalar is under YAML's core schema (only plain scalars can be other than
  /// text). Resolved here: the file is composed with no resolver rules.
  enum PlainKind {
    case null, boolean, integer, decimal, text

    init(_ scalar: YAMLNode.Scalar) {
      guard scalar.style == .plain else {
        self = .text
        return
      }
      let text = scalar.string
      switch text {
      case "", "~", "null", "Null", "NULL": self = .null
      case "true", "True", "TRUE", "false", "False", "FALSE": self = .boolean
      default:
        if Int(text) != nil {
          self = .integer
        } else if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
          Double(text) != nil
        {
          self = .decimal
        } else {
          self = .text
        }
      }
    }
  }

  static func isNull(_ node: YAMLNode) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return PlainKind(scalar) == .null
  }

  /// The fields of a mapping, after reporting unknown and non-text keys.
  mutating func fields(
    of node: YAMLNode, as object: ScenarioSchema.Object, field name: String? = nil
  ) -> Fields? {
    guard case .mapping(let mapping, _) = node else {
      let what = name.map { "'\($0)'" } ?? object.phrase
      error(
        .wrongType, "expected a mapping for \(what), found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    let known = ScenarioSchema.fields[object] ?? []
    var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]
    var suggested: Set<String> = []
    var previous: (key: YAMLNode, value: YAMLNode)?
    for (key, value) in mapping {
      defer { previous = (key, value) }
      guard case .scalar(let scalar) = key else {
        error(
          .wrongType, "a field name must be a text, found \(Self.describe(key))",
          at: Self.position(of: key))
        continue
      }
      let fieldName = scalar.string
      guard known.contains(fieldName) else {
        let guess = suggestion(for: fieldName, among: known)
        if let guess { suggested.insert(guess) }
        let hint = guess.map { "; did you mean '\($0)'?" } ?? ""
        // A misspelt field is likelier than a stray comma when there is a guess.
        let notes =
          guess == nil
          ? Self.commaNote(key: key, value: value, after: previous).map { [$0] } ?? [] : []
        error(
          .unknownField, "unknown field '\(fieldName)' in \(object.phrase)\(hint)",
          at: Self.position(of: key), notes: notes)
        continue
      }
      entries[fieldName] = (key, value)
    }
    return Fields(
      object: object, position: Self.position(of: node), entries: entries, suggested: suggested)
  }

  /// In a flow mapping (`{ text: Sorry, we are late }`) a comma ends an unquoted
  /// value, and the words after it become a field of their own: when an unknown field
  /// follows an unquoted value on the same line, a note says so and shows the value
  /// quoted. (Only a flow mapping has a key on the line of the value before it; the
  /// composed tree does not keep a mapping's style.)
  static func commaNote(
    key: YAMLNode, value: YAMLNode, after previous: (key: YAMLNode, value: YAMLNode)?
  ) -> String? {
    guard let previous, case .scalar(let previousKey) = previous.key,
      case .scalar(let previousValue) = previous.value, previousValue.style == .plain,
      !isNull(previous.value), case .scalar(let unknown) = key, unknown.style == .plain,
      position(of: key).line == position(of: previous.value).line
    else { return nil }
    // Words after a comma read as a field without a value, or (with a colon in the
    // text) as a field whose name has a space in it.
    var rest = unknown.string
    if case .scalar(let value) = value, !isNull(.scalar(value)) {
      guard rest.contains(" ") else { return nil }
      rest += ": " + value.string
    }
    let quoted = (previousValue.string + ", " + rest)
      .replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    return "a comma inside { … } ends a value, so '\(previousKey.string)' is only"
      + " '\(previousValue.string)'; if the comma belongs to the text, put the value in quotes:"
      + " \(previousKey.string): \"\(quoted)\""
  }

  /// The known fields of one mapping, looked up by name.
  struct Fields {
    let object: ScenarioSchema.Object
    let position: SourcePosition
    let entries: [String: (key: YAMLNode, value: YAMLNode)]
    /// Field names offered as "did you mean" for a misspelt field; a missing required
    /// field among them is not reported again.
    let suggested: Set<String>

    subscript(_ name: String) -> YAMLNode? { entries[name]?.value }

    func keyPosition(_ name: String) -> SourcePosition? {
      entries[name].map { ScenarioDecoder.position(of: $0.key) }
    }
  }

  /// The value of a required field, or an error at the mapping when it is missing.
  mutating func required(_ name: String, in fields: Fields) -> YAMLNode? {
    guard let value = fields[name] else {
      if fields.suggested.contains(name) { return nil }
      error(
        .missingField, "missing required field '\(name)' in \(fields.object.phrase)",
        at: fields.position)
      return nil
    }
    if let tag = Self.localTag(value) {
      error(
        .expressionSyntax,
        "YAML reads '\(tag)' as a tag, not as text; to negate a condition write 'not \(tag.dropFirst())'",
        at: Self.position(of: value))
      return nil
    }
    if Self.isNull(value) {
      error(
        .wrongType, "field '\(name)' has no value",
        at: fields.keyPosition(name) ?? Self.position(of: value))
      return nil
    }
    return value
  }

  // MARK: - Scalars

  /// Any scalar as text (numbers and booleans are accepted as their written form).
  mutating func string(_ node: YAMLNode, field: String) -> String? {
    guard case .scalar(let scalar) = node, !Self.isNull(node) else {
      error(
        .wrongType, "expected a text for '\(field)', found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    return scalar.string
  }

  mutating func integer(_ node: YAMLNode, field: String, in range: ClosedRange<Int>) -> Int? {
    guard case .scalar(let scalar) = node, PlainKind(scalar) == .integer,
      let number = Int(scalar.string)
    else {
      error(
        .wrongType, "expected a whole number for '\(field)', found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    guard range.contains(number) else {
      error(
        .invalidValue,
        "'\(field)' must be between \(range.lowerBound) and \(range.upperBound), not \(number)",
        at: Self.position(of: node))
      return nil
    }
    return number
  }

  static func booleanValue(_ node: YAMLNode) -> Bool? {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
    switch scalar.string {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  mutating func boolean(_ node: YAMLNode, field: String) -> Bool? {
    guard let value = Self.booleanValue(node) else {
      error(
        .wrongType, "expected true or false for '\(field)', found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    return value
  }

  /// Where the text of a scalar starts: after the opening quote of a quoted scalar.
  static func textStart(of node: YAMLNode) -> SourcePosition {
    let position = position(of: node)
    guard case .scalar(let scalar) = node else { return position }
    switch scalar.style {
    case .singleQuoted, .doubleQuoted: return position.advanced(by: 1)
    default: return position
    }
  }

  mutating func duration(_ node: YAMLNode, field: String) -> ClockDuration? {
    guard case .scalar(let scalar) = node, !Self.isNull(node) else {
      error(
        .wrongType,
        "expected a duration for '\(field)', such as 45m or 2h30m, found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    let text = scalar.string
    switch ClockDuration.parse(text) {
    case .success(let duration):
      return duration
    case .failure(let problem):
      let code: DiagnosticCode = problem == .negative ? .negativeDuration : .badDuration
      let position = Self.textStart(of: node).advanced(by: problem.offset)
      error(code, "'\(field)': \(problem.message)", at: position)
      return nil
    }
  }

  /// A text that must be a valid id: lower-case letters, digits, `-` and `_`
  /// (and `.` where `allowDots`), starting with a letter or digit.
  mutating func identifier(_ node: YAMLNode, field: String, allowDots: Bool = false) -> String? {
    guard let text = string(node, field: field) else { return nil }
    guard Self.isIdentifier(text, allowDots: allowDots) else {
      error(
        .invalidValue,
        "'\(text)' is not a valid id for '\(field)'; use lower-case letters, digits, '-' and '_'"
          + (allowDots ? " and '.'" : "")
          + ", starting with a letter or digit, at most 64 characters",
        at: Self.position(of: node))
      return nil
    }
    return text
  }

  static func isIdentifier(_ text: String, allowDots: Bool = false) -> Bool {
    guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64,
      first.properties.isLowercase || ("0"..."9").contains(first)
    else { return false }
    return text.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        || scalar == "_" || (allowDots && scalar == ".")
    } && first.isASCII
  }

  /// A reference to something declared elsewhere (a node, a stakeholder, ...), kept with
  /// its position so the validator can report an unknown name where it was written.
  mutating func reference(_ node: YAMLNode, field: String) -> Located<String>? {
    guard let text = string(node, field: field) else { return nil }
    return Located(text, at: Self.position(of: node))
  }

  mutating func enumeration<E: RawRepresentable & CaseIterable>(
    _ node: YAMLNode, field: String, as type: E.Type
  ) -> E? where E.RawValue == String {
    guard let text = string(node, field: field) else { return nil }
    if let value = E(rawValue: text) { return value }
    let allowed = E.allCases.map(\.rawValue)
    var message =
      "'\(text)' is not a valid \(field); expected one of \(allowed.joined(separator: ", "))"
    if let guess = suggestion(for: text, among: allowed) {
      message += "; did you mean '\(guess)'?"
    }
    error(.invalidValue, message, at: Self.position(of: node))
    return nil
  }

  /// A local YAML tag such as `!told`: a condition written with `!` for "not", which
  /// YAML takes as a tag and drops.
  static func localTag(_ node: YAMLNode) -> String? {
    guard case .scalar(let scalar) = node else { return nil }
    let name = scalar.tag
    return name.count > 1 && name.hasPrefix("!") && !name.hasPrefix("!!") ? name : nil
  }

  mutating func expression(_ node: YAMLNode, field: String) -> ScenarioExpression? {
    if let tag = Self.localTag(node) {
      error(
        .expressionSyntax,
        "YAML reads '\(tag)' as a tag, not as text; to negate a condition write 'not \(tag.dropFirst())'",
        at: Self.position(of: node))
      return nil
    }
    guard case .scalar(let scalar) = node, !Self.isNull(node) else {
      error(
        .wrongType, "expected an expression for '\(field)', found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    let source = scalar.string
    let start = Self.textStart(of: node)
    switch Expression.parse(source) {
    case .success(let expression):
      return ScenarioExpression(source: source, expression: expression, position: start)
    case .failure(let problem):
      error(
        .expressionSyntax, "in '\(field)': \(problem.message)",
        at: Self.expressionPosition(start: start, node: node, offset: problem.offset),
        notes: problem.notes)
      return nil
    }
  }

  /// The file position of a character offset inside an expression scalar. Plain and
  /// quoted scalars on one line map exactly; block scalars point at their first line.
  static func expressionPosition(start: SourcePosition, node: YAMLNode, offset: Int)
    -> SourcePosition
  {
    guard case .scalar(let scalar) = node else { return start }
    switch scalar.style {
    case .literal, .folded: return start
    default: return start.advanced(by: offset)
    }
  }

  /// A list, or an error naming the field.
  mutating func list(_ node: YAMLNode, field: String) -> [YAMLNode]? {
    if Self.isNull(node) { return [] }
    guard case .sequence(let sequence, _) = node else {
      error(
        .wrongType, "expected a list for '\(field)', found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    return Array(sequence)
  }

  /// A mapping whose keys are names (ids of nodes, stakeholders, variables, ...).
  mutating func namedEntries(_ node: YAMLNode, field: String) -> [(
    name: String, key: YAMLNode, value: YAMLNode
  )]? {
    guard case .mapping(let mapping, _) = node else {
      error(
        .wrongType, "expected a mapping for '\(field)', found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    var result: [(name: String, key: YAMLNode, value: YAMLNode)] = []
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        error(
          .wrongType, "a name in '\(field)' must be a text, found \(Self.describe(key))",
          at: Self.position(of: key))
        continue
      }
      result.append((scalar.string, key, value))
    }
    return result
  }

  /// A list of ids, such as tags or contacts.
  mutating func references(_ node: YAMLNode, field: String) -> [Located<String>] {
    guard let items = list(node, field: field) else { return [] }
    return items.compactMap { reference($0, field: field) }
  }

  /// Reports the second and later uses of an id.
  mutating func reportDuplicates(_ ids: [(String, SourcePosition)], what: String) {
    var seen: [String: SourcePosition] = [:]
    for (id, position) in ids {
      if let first = seen[id] {
        error(
          .duplicateID, "duplicate \(what) id '\(id)'", at: position,
          notes: ["'\(id)' is first defined at line \(first.line), column \(first.column)"])
      } else {
        seen[id] = position
      }
    }
  }
}
