/// Loads a scenario file: refuses hostile bytes, parses YAML with positions, decodes
/// the model, and validates its meaning. Pure: it takes bytes and returns values.
///
/// ```swift
/// let result = ScenarioLoader.load(bytes: Array(data), file: "scenarios/breach.yaml")
/// if let scenario = result.scenario { ... } else { print(result.diagnostics) }
/// ```
public enum ScenarioLoader {
  /// The most YAML nodes a file may expand to, counting every use of an alias.
  /// A "billion laughs" file is refused at this budget instead of being walked.
  static let nodeBudget = 100_000

  /// Loads and validates a scenario. The scenario is `nil` when there is any error.
  ///
  /// Pass `fileSize` when `bytes` holds only the start of a larger file, so the
  /// size in the message is the real one.
  public static func load(bytes: consuming [UInt8], file: String, fileSize: Int? = nil)
    -> ScenarioLoadResult
  {
    let guarded = SourceGuard.text(from: bytes, fileSize: fileSize)
    _ = consume bytes  // the text is a copy: the bytes need not stay for the load
    switch guarded {
    case .failure(let refusal):
      let location =
        refusal.position.map { $0.location(in: file) } ?? SourceLocation(file: file)
      return ScenarioLoadResult(
        file: file, source: refusal.text, scenario: nil,
        diagnostics: [
          Diagnostic(.error, refusal.code, refusal.message, at: location, notes: refusal.notes)
        ])
    case .success(let text):
      return load(guarded: text, file: file)
    }
  }

  /// Loads and validates a scenario from text already known to be UTF-8.
  public static func load(text: String, file: String) -> ScenarioLoadResult {
    func failure(_ diagnostics: [Diagnostic]) -> ScenarioLoadResult {
      ScenarioLoadResult(
        file: file, source: text, scenario: nil, diagnostics: onTheText(diagnostics, text))
    }
    if case .failure(let refusal) = SourceGuard.text(from: Array(text.utf8)) {
      let location =
        refusal.position.map { $0.location(in: file) } ?? SourceLocation(file: file)
      return failure([
        Diagnostic(.error, refusal.code, refusal.message, at: location, notes: refusal.notes)
      ])
    }
    return load(guarded: text, file: file)
  }

  /// Loads text that ``SourceGuard`` has already let through (the guard runs once).
  private static func load(guarded text: String, file: String) -> ScenarioLoadResult {
    // The YAML tree lives only while it is decoded: it is gone before validation, so
    // the two do not take memory at the same time (on a 2,000-node file the tree is
    // the larger part of a load's peak).
    switch decode(guarded: text, file: file) {
    case .failure(let undecodable):
      return ScenarioLoadResult(
        file: file, source: text, scenario: nil,
        diagnostics: onTheText(undecodable.diagnostics, text))
    case .success(let (decoded, decoderDiagnostics, decoderHasErrors)):
      var diagnostics = decoderDiagnostics
      // Meaning is checked only on a file whose shape is right: a node dropped for a
      // schema error would otherwise show up again as a cascade of unknown-node errors.
      if let decoded, !decoderHasErrors {
        diagnostics += ScenarioValidator(scenario: decoded, file: file).diagnostics()
      }
      let hasErrors = diagnostics.contains { $0.severity == .error }
      return ScenarioLoadResult(
        file: file, source: text, scenario: hasErrors ? nil : decoded,
        diagnostics: onTheText(diagnostics, text).sorted(by: ScenarioLoadResult.order))
    }
  }

  /// Why a text could not be decoded: its diagnostics, not yet placed on the text.
  struct Undecodable: Error {
    var diagnostics: [Diagnostic]
  }

  /// Composes and decodes guarded text: the scenario (if the shape allowed one), the
  /// decoder's diagnostics and whether any is an error; or the diagnostics of a text
  /// that is not one YAML document within the node budget.
  private static func decode(guarded text: String, file: String) -> Result<
    (scenario: Scenario?, diagnostics: [Diagnostic], hasErrors: Bool), Undecodable
  > {
    let document: YAMLComposer.Document
    do {
      guard let composed = try YAMLComposer.compose(text) else {
        return .failure(
          Undecodable(diagnostics: [
            Diagnostic(
              .error, .empty, "file holds no YAML content", at: SourceLocation(file: file))
          ]))
      }
      document = composed
    } catch {
      return .failure(
        Undecodable(diagnostics: [
          YAMLErrorTranslator.diagnostic(for: error, file: file, text: text)
        ]))
    }
    if document.nodeCount > nodeBudget {
      let position = positionBeyondBudget(document.root) ?? document.root.position
      return .failure(
        Undecodable(diagnostics: [
          Diagnostic(
            .error, .tooManyNodes,
            "file expands to more than \(nodeBudget) YAML nodes (aliases nested inside aliases?)",
            at: position.location(in: file))
        ]))
    }
    var decoder = ScenarioDecoder(file: file)
    let decoded = decoder.scenario(from: document.root)
    return .success((decoded, decoder.diagnostics, decoder.hasErrors))
  }

  static func onTheText(_ diagnostics: [Diagnostic], _ text: String) -> [Diagnostic] {
    // Cutting a large file into lines costs more than the rest of a clean load's
    // bookkeeping: only do it when there is something to place.
    guard !diagnostics.isEmpty else { return diagnostics }
    let lines = SourceLines(text)
    return diagnostics.map { diagnostic in
      guard let line = diagnostic.location.line, let column = diagnostic.location.column else {
        return diagnostic
      }
      let position = lines.clamped(SourcePosition(line: line, column: column))
      var moved = diagnostic
      moved.location = position.location(in: diagnostic.location.file)
      return moved
    }
  }

  /// Counts nodes, aliases expanded, and returns where the budget ran out, if it did
  /// (the node the count passed the budget at, walking the tree depth first).
  static func positionBeyondBudget(_ root: YAMLNode) -> SourcePosition? {
    var stack = [root]
    var count = 0
    while let node = stack.popLast() {
      count += 1
      if count > nodeBudget { return node.position }
      switch node {
      case .scalar: break
      case .sequence(let sequence, _): stack.append(contentsOf: sequence)
      case .mapping(let mapping, _):
        for (key, value) in mapping {
          stack.append(key)
          stack.append(value)
        }
      }
    }
    return nil
  }
}

/// The outcome of loading one scenario file.
public struct ScenarioLoadResult: Sendable {
  /// The file as named by the user.
  public var file: String
  /// The file's text, when it could be read as text (for showing source lines).
  public var source: String?
  /// The validated scenario; `nil` when any diagnostic is an error.
  public var scenario: Scenario?
  /// Errors (and, after ``ScenarioLinter``, warnings), in file order.
  public var diagnostics: [Diagnostic]

  /// Creates a result.
  public init(file: String, source: String?, scenario: Scenario?, diagnostics: [Diagnostic]) {
    self.file = file
    self.source = source
    self.scenario = scenario
    self.diagnostics = diagnostics
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  static func order(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    let left = (lhs.location.line ?? 0, lhs.location.column ?? 0)
    let right = (rhs.location.line ?? 0, rhs.location.column ?? 0)
    if left != right { return left < right }
    return lhs.severity < rhs.severity
  }
}
