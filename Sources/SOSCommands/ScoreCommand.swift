import ArgumentParser
import Foundation
import SOSCore
import SOSReports

struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Replay a session and score it, every point explained.",
    discussion: """
      FILE is a session file from 'sos export'; SESSION is a session id (or its first \
      characters) in the database. Scores are always derived by replaying the inputs \
      through the engine; scores written in a file are ignored. An input that does not \
      replay exits 65 with a message naming it.
      """
  )

  @Argument(
    help: "A session file, or a session id.",
    completion: .custom(CompletionCandidates.sessionIDsAndFiles))
  var session: String

  @Flag(help: "Print the scores and the ledger as JSON.")
  var json = false

  @Flag(help: "Score a session file whose scenario text is not one of yours.")
  var trustScenarioText = false

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let scored = try LoadedSession.load(
      session, database: database, scenarios: global.scenarioDirectory,
      trust: trustScenarioText)
    let report = scored.report
    if json {
      Output.out(
        Output.json(
          ScoreJSON(
            session: scored.record.idText, trainee: scored.record.trainee,
            scenario: scored.scenario.id, status: scored.record.status.rawValue,
            flags: scored.flags, report: report)))
      return
    }
    let terminal = TerminalSetup(noColor: global.noColor)
    let text = DebriefReport(
      scenario: scored.scenario, report: report, events: scored.events,
      trainee: scored.record.trainee, session: scored.record.shortID
    ).scoreText(style: terminal.palette)
    Output.out(terminal.wrap(text + scored.flagLines))
  }
}

/// `sos score --json`: who, what, and the whole score report.
struct ScoreJSON: Encodable {
  var session: String
  var trainee: String
  var scenario: String
  var status: String
  /// What the hand-in check found odd about the session file.
  var flags: [String]
  var report: ScoreReport
}
