import ArgumentParser
import Foundation
import SOSCore
import SOSStore
import SOSTerminal

extension SessionOptions.Mode: ExpressibleByArgument {}

struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Play a scenario.",
    discussion: """
      Every answer is saved as you go: leave with 'quit' or Ctrl-D and continue later \
      with 'sos resume'. With standard input not a terminal, sos reads plain lines: \
      each prompt ends in '> ' ('choice [1-N]> ', 'statement> '), so a whole \
      playthrough can be scripted.
      """
  )

  @Argument(
    help: "A scenario id (see 'sos list') or a scenario file.",
    completion: .custom(CompletionCandidates.scenarioIDsAndFiles))
  var scenario: String

  @Option(name: .customLong("as"), help: "Your name, as your facilitator will see it.")
  var trainee: String?

  @Option(
    help: "File the session under this cohort (see 'sos cohort list').",
    completion: .custom(CompletionCandidates.cohortNames))
  var cohort: String?

  @Option(help: "practice (hints, feedback, undo) or assessment.")
  var mode: SessionOptions.Mode = .assessment

  @Flag(help: "Give each decision a real-time limit.")
  var timed = false

  @Option(help: "The seed of the session's randomness (default: random).")
  var seed: UInt64?

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let trainee, trainee.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--as needs a name")
    }
  }

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    let hints = CommandHints.commandLine(database)
    let (scenario, text) = try ScenarioChoice.load(
      self.scenario, from: library, global: global, hints: hints)
    let terminal = TerminalSetup(noColor: global.noColor)
    guard let name = trainee ?? TraineeName.ask(terminal) else { return }
    let store = try database.open()
    try Failure.catching {
      let record = try store.createSession(
        NewSession(
          trainee: name, cohort: cohort, scenarioID: scenario.id, scenarioText: text,
          options: SessionOptions(
            mode: mode, timed: timed, seed: seed ?? .random(in: 0...UInt64.max)),
          started: Date()))
      try SessionPlayer(database: store, terminal: terminal, hints: hints).play(
        record, scenario: scenario, resumed: false)
    }
  }
}

/// Loading the scenario named on the command line, with the exit codes of DESIGN §7.
enum ScenarioChoice {
  static func load(
    _ name: String, from library: ScenarioLibrary, global: GlobalOptions,
    hints: CommandHints = CommandHints(inShell: false)
  ) throws -> (Scenario, String) {
    switch library.lookup(name) {
    case .found(let scenario, let text, _):
      return (scenario, text)
    case .invalid(let result):
      Output.error(
        DiagnosticRenderer(colour: global.errorColour).render(
          result.diagnostics, source: result.source))
      throw Failure.report(
        "\(result.file) has errors; fix them, then check with: sos validate \(result.file)",
        ExitStatus.badData)
    case .notFound(let name):
      throw Failure.report(
        "no scenario '\(name)' in \(library.directory) (see: \(hints.command("list")))",
        ExitStatus.missingInput)
    case .ambiguous(let name, let files):
      throw Failure.report(
        "scenario id '\(name)' is declared by more than one file: "
          + files.joined(separator: ", ") + "; give the file instead, or make the ids unique",
        ExitStatus.badData)
    }
  }
}

/// The trainee's name: asked on a terminal, `$USER` in plain mode.
enum TraineeName {
  static func ask(_ terminal: TerminalSetup) -> String? {
    guard terminal.isInteractive else {
      let user = ProcessInfo.processInfo.environment["USER"] ?? ""
      return user.isEmpty ? "trainee" : user
    }
    while true {
      switch terminal.reader.readLine(prompt: "Your name, as your facilitator will see it> ") {
      case .line(let line):
        let name = line.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty { return name }
      case .endOfInput, .interrupted:
        _ = terminal.output.write("Nothing was saved.\n")
        return nil
      case .timedOut:
        continue
      case .tooLong(let bytes):
        _ = terminal.output.write(LineEvent.tooLongMessage(bytes: bytes))
      }
    }
  }
}
