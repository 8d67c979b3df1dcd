import ArgumentParser
import Foundation
import SOSCore
import SOSTerminal

struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "The lowest and highest scores a scenario allows, and the paths to them.",
    discussion: """
      Plays every sequence of options through the engine, up to --budget paths; beyond \
      that, the strongest and weakest paths and a random sample, and says the bounds \
      are not exhaustive. Statements are scored as earning nothing (low bound) and \
      everything (high bound).
      """
  )

  @Argument(
    help: "A scenario id (see 'sos list') or a scenario file.",
    completion: .custom(CompletionCandidates.scenarioIDsAndFiles))
  var scenario: String

  @Option(help: "The most paths to play (the search stops there).")
  var budget = 20_000

  @Flag(help: "Print the bounds as JSON.")
  var json = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    guard (1...10_000_000).contains(budget) else {
      throw ValidationError("--budget must be between 1 and 10000000")
    }
  }

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    let (loaded, _) = try ScenarioChoice.load(scenario, from: library, global: global)
    guard let bounds = ScoreBounds.analyze(Engine(scenario: loaded), budget: budget) else {
      throw Failure.report("no path through \(loaded.id) reaches an ending", ExitStatus.checkFailed)
    }
    if json {
      Output.out(Output.json(bounds))
      return
    }
    var lines = [
      "\(bounds.scenario): \(bounds.paths) path\(bounds.paths == 1 ? "" : "s") played"
        + (bounds.exhaustive
          ? " (every path)" : " (not every path: raise --budget for exact bounds)")
    ]
    if bounds.loopingPaths > 0 {
      lines.append(
        "loops: \(bounds.loopingPaths) path\(bounds.loopingPaths == 1 ? " goes" : "s go") round a"
          + " loop and \(bounds.loopingPaths == 1 ? "was" : "were") given up after"
          + " \(ScoreBounds.maximumDepth) decisions; the bounds cover the paths that end sooner")
    }
    for (name, range) in [
      ("overall", bounds.overall), ("timeliness", bounds.timeliness),
      ("communication", bounds.communication), ("outcome", bounds.outcome),
    ] {
      lines.append(
        "\(name): \(ScoreFormat.points(range.minimum.score))–\(ScoreFormat.points(range.maximum.score))"
      )
      lines.append(
        "  lowest  (\(range.minimum.ending)): " + range.minimum.path.joined(separator: " → "))
      lines.append(
        "  highest (\(range.maximum.ending)): " + range.maximum.path.joined(separator: " → "))
    }
    let terminal = TerminalSetup(noColor: global.noColor)
    Output.out(terminal.wrap(lines.joined(separator: "\n") + "\n"))
  }
}
