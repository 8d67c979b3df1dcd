import ArgumentParser
import Foundation
import SOSCore
import SOSReports

struct DebriefCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "debrief",
    abstract: "The after-action report of a session.",
    discussion: """
      Scores and grades, strengths and areas for improvement, the timeline against the \
      deadlines, who heard what and when, each statement with its feedback, the strong \
      response, the five parts of a service crisis plan, the ledger, and the \
      scenario's reflection questions.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case md
    case json
  }

  @Argument(
    help: "A session file, or a session id.",
    completion: .custom(CompletionCandidates.sessionIDsAndFiles))
  var session: String

  @Option(help: "text, md or json.")
  var format: Format = .text

  @Flag(help: "Score a session file whose scenario text is not one of yours.")
  var trustScenarioText = false

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let scored = try LoadedSession.load(
      session, database: database, scenarios: global.scenarioDirectory,
      trust: trustScenarioText)
    let report = DebriefReport(
      scenario: scored.scenario, report: scored.report, events: scored.events,
      trainee: scored.record.trainee, session: scored.record.shortID)
    switch format {
    case .json:
      Output.out(report.json())
    case .md:
      Output.out(report.markdown() + scored.flagLines)
    case .text:
      let terminal = TerminalSetup(noColor: global.noColor)
      Output.out(terminal.wrap(report.text(style: terminal.palette) + scored.flagLines))
    }
  }
}
