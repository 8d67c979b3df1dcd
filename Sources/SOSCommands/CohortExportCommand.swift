import ArgumentParser
import Foundation
import SOSCore
import SOSReports
import SOSStore

struct CohortExportCommand: ParsableCommand {
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case xapi
    case sessions
  }

  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a cohort as xAPI statements or as portable session files.",
    discussion: """
      xapi: --out FILE gets a JSON array of xAPI 1.0.3 statements for a Learning Record \
      Store (answered per decision and statement; completed, then passed or failed, per \
      finished session). sessions: --out FOLDER gets one session file per session, which \
      'sos cohort import' takes. Exit status: 0 after an export, 64 for bad options, 66 \
      for an unknown cohort, 74 when the output cannot be written.
      """
  )

  @Argument(help: "The cohort's name.", completion: .custom(CompletionCandidates.cohortNames))
  var name: String

  @Option(help: "xapi or sessions.")
  var format: Format

  @Option(help: "The file (xapi) or folder (sessions) to write.", completion: .file())
  var out: String

  @Option(
    help: "Only this scenario's sessions (by id).",
    completion: .custom(CompletionCandidates.scenarioIDs))
  var scenario: String?

  @Flag(
    name: [.customLong("anonymise"), .customLong("anonymize")],
    help: "Replace trainee names with stable pseudonyms (keyed by the cohort's secret).")
  var anonymise = false

  @Option(
    name: .customLong("home-page"),
    help: "xapi: the home page of the trainees' accounts (default: \(XAPIExport.defaultHomePage)).")
  var homePage: String?

  @Option(
    name: .customLong("base-iri"),
    help: "xapi: the prefix of activity ids (default: \(XAPIExport.defaultBaseIRI)).")
  var baseIRI: String?

  func validate() throws {
    if format != .xapi, homePage != nil || baseIRI != nil {
      throw ValidationError("--home-page and --base-iri are for --format xapi")
    }
    if let homePage {
      let lower = homePage.lowercased()
      guard XAPIExport.isAbsoluteIRI(homePage),
        lower.hasPrefix("https://") || lower.hasPrefix("http://")
      else {
        throw ValidationError("--home-page must be a URL such as https://lms.example.org")
      }
    }
    if let baseIRI, !XAPIExport.isAbsoluteIRI(baseIRI) {
      throw ValidationError(
        "--base-iri must be an absolute IRI such as https://lms.example.org/sos/scenarios/")
    }
  }

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    let sessions = try CohortSessions.load(
      name, from: store, scenario: scenario, anonymise: anonymise
    ) { store, name throws(WorkshopDatabaseError) in try store.replayedSessions(cohort: name) }
    switch format {
    case .xapi:
      sessions.warnAboutProblems()
      let export = XAPIExport(
        cohort: anonymise
          ? .pseudonymous(sessions.cohortPseudonym)
          : .named(sessions.cohort.name, description: sessions.cohort.description),
        homePage: homePage ?? XAPIExport.defaultHomePage,
        baseIRI: baseIRI ?? XAPIExport.defaultBaseIRI)
      let attempts = sessions.attempts
      let statements = export.statements(for: attempts)
      try OutputFile.write(ReportText.json(statements), to: out)
      let exported = attempts.filter { $0.scored != nil }.count
      Output.out(
        "Wrote \(statements.count) xAPI statement\(statements.count == 1 ? "" : "s") for"
          + " \(exported) session\(exported == 1 ? "" : "s") to \(out).\n")
    case .sessions:
      try OutputFile.makeFolder(out)
      var written = 0
      var names: Set<String> = []
      for replayed in sessions.replayed {
        var file: SessionFile?
        try Failure.catching { file = try store.sessionFile(id: replayed.record.id) }
        guard var file else { continue }
        file.trainee = sessions.displayName(file.trainee)
        if anonymise {
          let derived = sessions.pseudonymousSession(file.session.uuidString.lowercased())
          file.session = UUID(uuidString: derived) ?? file.session
        }
        if let report = replayed.scored?.report, replayed.record.status == .finished {
          file.scores = Self.scores(report)
        }
        var fileName = Self.fileName(for: file)
        if names.contains(fileName) { fileName = file.session.uuidString.lowercased() + ".json" }
        names.insert(fileName)
        let path = (out as NSString).appendingPathComponent(fileName)
        try OutputFile.write(String(decoding: file.encode(), as: UTF8.self), to: path)
        written += 1
      }
      Output.out(
        "Wrote \(written) session file\(written == 1 ? "" : "s") to \(out)."
          + " Import them with: sos cohort import NAME \(ShellWord.quote(out))\n")
    }
  }

  /// The scores as people read them in the file (never trusted on import).
  static func scores(_ report: ScoreReport) -> JSONValue {
    func tenths(_ value: Double) -> JSONValue { .number((value * 10).rounded() / 10) }
    return .object([
      "overall": tenths(report.overall), "timeliness": tenths(report.timeliness),
      "communication": tenths(report.communication), "outcome": tenths(report.outcome),
      "grade": .string(report.grade), "passed": .bool(report.passed),
    ])
  }

  /// `broken-cello-ada-lovelace-3f9a0c1e.json`: the scenario, the trainee (letters and
  /// digits only) and the session's first 8 hex digits.
  static func fileName(for file: SessionFile) -> String {
    func slug(_ text: String) -> String {
      var slug = ""
      for scalar in text.lowercased().unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
          slug.unicodeScalars.append(scalar)
        } else if !slug.isEmpty, !slug.hasSuffix("-") {
          slug += "-"
        }
      }
      while slug.hasSuffix("-") { slug.removeLast() }
      return String(slug.prefix(40))
    }
    let parts = [
      slug(file.scenario.id), slug(file.trainee),
      String(file.session.uuidString.lowercased().prefix(8)),
    ].filter { !$0.isEmpty }
    return parts.joined(separator: "-") + ".json"
  }
}
