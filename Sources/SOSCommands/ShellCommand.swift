import ArgumentParser
import Foundation
import SOSCore
import SOSStore
import SOSTerminal

struct ShellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "The interactive shell (what 'sos' alone runs).",
    discussion: """
      With --cohort, every scenario played in the shell is filed under that cohort; \
      with --as, the shell does not ask for a name.
      """,
    shouldDisplay: false
  )

  @Option(name: .customLong("as"), help: "Your name, as your facilitator will see it.")
  var trainee: String?

  @Option(
    help: "File every session played in the shell under this cohort.",
    completion: .custom(CompletionCandidates.cohortNames))
  var cohort: String?

  @Option(
    help:
      "The seed of the first session played in the shell (later ones add 1 each; default: random)."
  )
  var seed: UInt64?

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    if let cohort {
      let store = try database.open()
      try Failure.catching {
        guard try store.cohort(named: cohort) != nil else {
          throw WorkshopDatabaseError.unknownCohort(cohort)
        }
      }
    }
    let terminal = TerminalSetup(noColor: global.noColor)
    let actions = ShellWiring(
      library: ScenarioLibrary(directory: global.scenarioDirectory), database: database,
      terminal: terminal, global: global)
    actions.trainee = trainee
    actions.cohort = cohort
    actions.nextSeed = seed
    Shell(
      reader: terminal.reader, output: terminal.output, palette: terminal.palette,
      width: terminal.width, actions: actions
    ).run()
  }
}

/// The shell's commands, carried out with the same code as `sos list`, `sos play`,
/// `sos resume` and `sos sessions`; a failure is reported and the shell goes on.
final class ShellWiring: ShellActions {
  let library: ScenarioLibrary
  let database: DatabaseOptions
  let terminal: TerminalSetup
  let global: GlobalOptions
  var trainee: String?
  var cohort: String?
  /// The seed of the next session, when the shell was given one.
  var nextSeed: UInt64?
  var store: WorkshopDatabase?
  /// Messages name the shell's commands as typed at its prompt.
  let hints = CommandHints.shell

  init(
    library: ScenarioLibrary, database: DatabaseOptions, terminal: TerminalSetup,
    global: GlobalOptions
  ) {
    self.library = library
    self.database = database
    self.terminal = terminal
    self.global = global
  }

  func openStore() throws -> WorkshopDatabase {
    if let store { return store }
    let opened = try database.open()
    store = opened
    return opened
  }

  /// Runs a command body; a failure has already been reported on standard error.
  func attempt(_ body: () throws -> Void) {
    do {
      try Failure.catching(hints: hints, body)
    } catch {
      if !(error is ExitCode) { Output.error("error: \(error)\n") }
    }
  }

  func list() -> String {
    let summaries = library.loadAll().compactMap { result in
      result.scenario.map { ScenarioSummary($0, file: result.file) }
    }
    return CatalogueTable.render(
      summaries, folder: library.directory, playCommand: hints.command("play ID"))
  }

  func scenarioIDs() -> [String] { library.ids() }

  func sessionIDs() -> [String] {
    guard let store = try? openStore(), let sessions = try? store.sessions() else { return [] }
    return sessions.filter { $0.status == .active }.map(\.shortID)
  }

  func sessions() -> String {
    var text = ""
    attempt {
      text = SessionSummary.table(
        try SessionSummary.all(in: try openStore(), cohort: nil), hints: hints)
    }
    return text
  }

  func play(_ scenario: String, mode: SessionOptions.Mode, timed: Bool) {
    attempt {
      let (loaded, text) = try ScenarioChoice.load(
        scenario, from: library, global: global, hints: hints)
      if trainee == nil { trainee = TraineeName.ask(terminal) }
      guard let name = trainee else { return }
      let store = try openStore()
      let record = try store.createSession(
        NewSession(
          trainee: name, cohort: cohort, scenarioID: loaded.id, scenarioText: text,
          options: SessionOptions(mode: mode, timed: timed, seed: takeSeed()),
          started: Date()))
      try SessionPlayer(database: store, terminal: terminal, hints: hints).play(
        record, scenario: loaded, resumed: false)
    }
  }

  /// The given seed (then the next one for the next session), else a random one.
  func takeSeed() -> UInt64 {
    guard let seed = nextSeed else { return .random(in: 0...UInt64.max) }
    nextSeed = seed &+ 1
    return seed
  }

  func resume(_ session: String?) {
    attempt {
      let store = try openStore()
      try ResumeCommand.resume(
        session, trainee: nil, store: store, terminal: terminal, hints: hints)
    }
  }
}
