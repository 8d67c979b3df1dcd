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

  @Option(
    help: ArgumentHelp(
      "Your facilitator's hand-in key: the session's exports are sealed with it.",
      discussion: "Default: $SOS_HAND_IN_KEY. See 'sos cohort key'.",
      valueName: "key"))
  var handInKey: String?

  @Option(
    help: ArgumentHelp(
      "Where you play: the workshop's site or city.",
      discussion:
        "Default: $SOS_SITE, else this computer's name. The same name at two sites is two"
        + " trainees until a facilitator merges them ('sos trainee merge').",
      valueName: "label"))
  var site: String?

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  /// The site in force: `--site`, else `$SOS_SITE`, else the host's name.
  static func site(option: String?) -> String? {
    let environment = ProcessInfo.processInfo.environment["SOS_SITE"]
    let label = option ?? environment.flatMap { $0.isEmpty ? nil : $0 }
    let chosen = label ?? ProcessInfo.processInfo.hostName
    let trimmed = chosen.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty ? nil : String(trimmed.prefix(80))
  }

  func validate() throws {
    if let site,
      site.trimmingCharacters(in: .whitespaces).isEmpty
        || site.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    {
      throw ValidationError("--site needs a label of visible characters")
    }
    if let trainee, trainee.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--as needs a name")
    }
    _ = try key()
  }

  /// The hand-in key from `--hand-in-key` or `SOS_HAND_IN_KEY`, if either is set.
  func key() throws -> HandInKey? {
    let environment = ProcessInfo.processInfo.environment["SOS_HAND_IN_KEY"]
    guard let text = handInKey ?? environment.flatMap({ $0.isEmpty ? nil : $0 }) else {
      return nil
    }
    guard let key = HandInKey(text: text) else {
      let source = handInKey == nil ? "SOS_HAND_IN_KEY" : "--hand-in-key"
      throw ValidationError(
        "\(source) is not a hand-in key: expected SOS- and 24 letters and digits, as"
          + " 'sos cohort key' prints it")
    }
    return key
  }

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    let hints = CommandHints.commandLine(database)
    let (scenario, text) = try ScenarioChoice.load(
      self.scenario, from: library, global: global, hints: hints)
    let terminal = TerminalSetup(noColor: global.noColor)
    guard let name = trainee ?? TraineeName.ask(terminal) else { return }
    let store = try database.open()
    let key = try self.key()
    try Failure.catching {
      var new = NewSession(
        trainee: name, cohort: cohort, scenarioID: scenario.id, scenarioText: text,
        options: SessionOptions(
          mode: mode, timed: timed, seed: seed ?? .random(in: 0...UInt64.max)),
        started: Date())
      new.handInKey = key
      new.site = Self.site(option: site)
      let record = try store.createSession(new)
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
