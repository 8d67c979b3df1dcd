import ArgumentParser
import Foundation
import SOSCore
import SOSStore
import SOSTerminal

struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Continue a saved session at the decision where it stopped.",
    discussion: """
      Without SESSION, continues the most recent unfinished session (with --as, that \
      trainee's). SESSION is the id shown when you left, or its first characters.
      """
  )

  @Argument(
    help: "The session's id, or its first characters.",
    completion: .custom(CompletionCandidates.activeSessionIDs))
  var session: String?

  @Option(name: .customLong("as"), help: "Only this trainee's sessions.")
  var trainee: String?

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.open()
    let hints = CommandHints.commandLine(database)
    try Failure.catching(hints: hints) {
      try Self.resume(
        session, trainee: trainee, store: store,
        terminal: TerminalSetup(noColor: global.noColor), hints: hints)
    }
  }

  /// Resumes the named session, or the latest unfinished one.
  static func resume(
    _ session: String?, trainee: String?, store: WorkshopDatabase, terminal: TerminalSetup,
    hints: CommandHints
  ) throws {
    let record: SessionRecord
    if let session {
      record = try store.session(prefix: session)
    } else if let latest = try store.latestActiveSession(trainee: trainee) {
      record = latest
    } else {
      throw Failure.report(
        "no unfinished session to resume (see: \(hints.command("sessions")))",
        ExitStatus.missingInput)
    }
    guard record.status == .active else {
      throw Failure.report(
        "session \(record.shortID) is \(record.status.rawValue); see its debrief with:"
          + " sos debrief \(record.shortID)", ExitStatus.usage)
    }
    let scenario = try StoredScenario.load(record, from: store)
    try SessionPlayer(database: store, terminal: terminal, hints: hints).play(
      record, scenario: scenario, resumed: true)
  }
}

/// The scenario a stored session was played on, from the text kept by its hash.
enum StoredScenario {
  static func load(_ record: SessionRecord, from store: WorkshopDatabase) throws -> Scenario {
    guard let text = try store.scenarioText(hash: record.scenarioHash) else {
      throw Failure.report(
        "the scenario text of session \(record.shortID) is missing from the database",
        ExitStatus.badData)
    }
    let result = ScenarioLoader.load(text: text, file: "\(record.scenarioID) (stored)")
    guard let scenario = result.scenario else {
      throw Failure.report(
        "the stored scenario of session \(record.shortID) no longer loads: "
          + (result.diagnostics.first?.headline ?? "unknown error"), ExitStatus.badData)
    }
    return scenario
  }
}
