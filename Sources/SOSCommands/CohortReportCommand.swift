import ArgumentParser
import SOSCore
import SOSReports
import SOSStore

struct CohortReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Report a cohort's results: scores, distributions, item analysis, rates.",
    discussion: """
      Scores are derived by replaying each session; what a replay gave is kept in the \
      database, filed under the scenario text, the answers and the scoring version, so \
      a later report replays only sessions it has not seen (--rescore replays them \
      all). Formats: text, md (Markdown), html (one \
      self-contained page with charts, for the browser or print), csv (one row per \
      session) and json (the whole report). Exit status: 0 after a report, 66 for an \
      unknown cohort or a scenario the cohort has no sessions of, 74 when --out cannot be \
      written.
      """
  )

  @Argument(help: "The cohort's name.", completion: .custom(CompletionCandidates.cohortNames))
  var name: String

  @Option(help: "text, md, html, csv or json.")
  var format: ReportFormat = .text

  @Option(
    help: "Write the report to this file instead of standard output.", completion: .file())
  var out: String?

  @Option(
    help: "Only this scenario's sessions (by id).",
    completion: .custom(CompletionCandidates.scenarioIDs))
  var scenario: String?

  @Flag(
    name: [.customLong("anonymise"), .customLong("anonymize")],
    help: "Replace trainee names with stable pseudonyms (keyed by the cohort's secret).")
  var anonymise = false

  @Flag(help: "Count practice sessions in the statistics too.")
  var includePractice = false

  @Flag(help: "Replay and re-score every session, ignoring (and refreshing) the cached scores.")
  var rescore = false

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    let sessions = try CohortSessions.load(
      name, from: store, scenario: scenario, anonymise: anonymise
    ) { store, name throws(WorkshopDatabaseError) in
      try store.sessionScores(cohort: name, rescore: rescore).sessions
    }
    sessions.warnAboutProblems()
    let analysis = CohortAnalysis(
      cohort: sessions.cohort.name, description: sessions.cohort.description,
      attempts: sessions.attempts, anonymised: anonymise, scenarioFilter: scenario,
      includePractice: includePractice)
    let text = CohortReport(analysis: analysis).render(format)
    if let out {
      try OutputFile.write(text, to: out)
      Output.out(
        "Wrote the \(format.rawValue) report of cohort '\(sessions.cohort.name)'"
          + " (\(analysis.counts.sessions) session\(analysis.counts.sessions == 1 ? "" : "s"))"
          + " to \(out).\n")
    } else {
      Output.out(text)
    }
  }
}
