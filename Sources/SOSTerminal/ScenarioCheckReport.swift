import SOSCore

/// The result of `sos validate` or `sos lint` over several files, with its text and
/// JSON forms and its exit status.
public struct ScenarioCheckReport: Sendable {
  /// One checked file.
  public struct FileResult: Sendable {
    public var result: ScenarioLoadResult
    public var errors: Int { result.diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { result.diagnostics.filter { $0.severity == .warning }.count }
    /// The file could not be read at all (missing, a folder, no permission).
    public var unreadable: Bool {
      result.source == nil && result.diagnostics.contains { $0.code == .unreadable }
    }
  }

  public var files: [FileResult]
  /// Whether warnings were looked for.
  public var linted: Bool

  /// Checks the files: errors always, warnings too when `lint` is set.
  public static func check(paths: [String], lint: Bool) -> ScenarioCheckReport {
    let files = ScenarioLibrary.expand(paths).map { path -> FileResult in
      var result = ScenarioLibrary.load(path)
      if lint, let scenario = result.scenario {
        result.diagnostics =
          (result.diagnostics + ScenarioLinter.warnings(for: scenario, file: path))
          .sorted {
            ($0.location.line ?? 0, $0.location.column ?? 0) < (
              $1.location.line ?? 0, $1.location.column ?? 0
            )
          }
      }
      return FileResult(result: result)
    }
    return ScenarioCheckReport(files: Self.markingDuplicateIDs(files), linted: lint)
  }

  /// Where a file's top-level `id:` line is.
  static func idLocation(in result: ScenarioLoadResult) -> SourceLocation? {
    guard let source = result.source, let declared = SourceLines.declaredID(in: source) else {
      return nil
    }
    return SourceLocation(file: result.file, line: declared.line, column: 1)
  }

  /// Files that declare an id another file checked with them already declares get an
  /// error naming that file (SOS029): `sos play ID` could not tell them apart.
  static func markingDuplicateIDs(_ files: [FileResult]) -> [FileResult] {
    var first: [String: String] = [:]
    return files.map { file in
      guard let scenario = file.result.scenario else { return file }
      guard let earlier = first[scenario.id] else {
        first[scenario.id] = file.result.file
        return file
      }
      var file = file
      file.result.diagnostics.append(
        Diagnostic(
          .error, .duplicateScenarioID,
          "scenario id '\(scenario.id)' is also the id of \(earlier)",
          at: idLocation(in: file.result) ?? scenario.position.location(in: file.result.file),
          notes: [
            "ids must be unique in a scenario folder: 'sos play \(scenario.id)' could mean either"
          ]))
      return file
    }
  }

  public var errorCount: Int { files.map(\.errors).reduce(0, +) }
  public var warningCount: Int { files.map(\.warnings).reduce(0, +) }

  /// 66 when a file could not be read, 1 when there are errors (or, with `strict`,
  /// warnings), else 0.
  public func exitCode(strict: Bool) -> Int32 {
    if files.contains(where: \.unreadable) { return 66 }
    if errorCount > 0 { return 1 }
    if strict, warningCount > 0 { return 1 }
    return 0
  }

  /// Diagnostics for standard error.
  public func diagnosticsText(colour: Bool) -> String {
    let renderer = DiagnosticRenderer(colour: colour)
    return files.map { renderer.render($0.result.diagnostics, source: $0.result.source) }.joined()
  }

  /// One line per file and a total, for standard output.
  public var summaryText: String {
    var lines = files.map { file -> String in
      if file.errors > 0 {
        return "\(file.result.file): \(plural(file.errors, "error"))"
          + (file.warnings > 0 ? ", \(plural(file.warnings, "warning"))" : "")
      }
      let scenario = file.result.scenario
      let shape =
        scenario.map {
          " (\($0.id): \(plural($0.nodes.count, "node")), \(plural($0.endings.count, "ending")))"
        } ?? ""
      let verdict = file.warnings > 0 ? "valid, \(plural(file.warnings, "warning"))" : "valid"
      return "\(file.result.file): \(verdict)\(shape)"
    }
    if files.count > 1 {
      lines.append(
        "\(plural(files.count, "file")) checked: \(plural(errorCount, "error"))"
          + (linted ? ", \(plural(warningCount, "warning"))" : ""))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The machine-readable form.
  public var json: JSONForm {
    JSONForm(
      valid: errorCount == 0, errors: errorCount, warnings: warningCount,
      files: files.map { file in
        JSONForm.File(
          file: file.result.file, valid: file.errors == 0, errors: file.errors,
          warnings: file.warnings, scenario: file.result.scenario?.id,
          diagnostics: file.result.diagnostics.map(JSONForm.Entry.init))
      })
  }

  /// The JSON shape of a check report.
  public struct JSONForm: Encodable, Sendable {
    public var valid: Bool
    public var errors: Int
    public var warnings: Int
    public var files: [File]

    public struct File: Encodable, Sendable {
      public var file: String
      public var valid: Bool
      public var errors: Int
      public var warnings: Int
      public var scenario: String?
      public var diagnostics: [Entry]
    }

    public struct Entry: Encodable, Sendable {
      public var severity: String
      public var code: String
      public var message: String
      public var file: String
      public var line: Int?
      public var column: Int?
      public var notes: [String]

      init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        code = diagnostic.code.rawValue
        message = diagnostic.message
        file = diagnostic.location.file
        line = diagnostic.location.line
        column = diagnostic.location.column
        notes = diagnostic.notes
      }
    }
  }
}

/// "1 error", "3 errors".
func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}
