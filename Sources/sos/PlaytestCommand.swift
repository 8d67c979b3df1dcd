import ArgumentParser
import Foundation
import SOSCore
import SOSTerminal

struct PlaytestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "playtest",
    abstract: "Play a scenario at random many times and report what happened.",
    discussion: """
      Each run takes random options (and writes one of four sample statements, one of \
      which says nothing) until \
      an ending. The report shows the endings reached, the spread of scores, and the \
      nodes and options no run touched. Exit status: 0 when every run reached an \
      ending, 1 when one did not (the seed that repeats it is printed), 65 when the \
      scenario has errors, 66 when it cannot be found.
      """
  )

  @Argument(
    help: "A scenario id (see 'sos list') or a scenario file.",
    completion: .custom(CompletionCandidates.scenarioIDsAndFiles))
  var scenario: String

  @Option(help: "How many runs.")
  var runs = 100

  @Option(help: "The seed of the first run (run i uses seed + i).")
  var seed: UInt64 = 1

  @Flag(help: "Print the summary as JSON.")
  var json = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    guard (1...100_000).contains(runs) else {
      throw ValidationError("--runs must be between 1 and 100000")
    }
  }

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    let (loaded, _) = try ScenarioChoice.load(scenario, from: library, global: global)
    let summary = Playtester(engine: Engine(scenario: loaded)).playtest(runs: runs, seed: seed)
    if json {
      Output.out(Output.json(summary))
    } else {
      Output.out(Self.text(summary, scenario: loaded))
    }
    if !summary.problems.isEmpty { throw ExitStatus.checkFailed }
  }

  static func text(_ summary: Playtester.Summary, scenario: Scenario) -> String {
    func spread(_ spread: Playtester.Summary.Spread) -> String {
      "\(Int(spread.minimum.rounded()))–\(Int(spread.maximum.rounded()))"
        + " (mean \(Int(spread.mean.rounded())))"
    }
    var lines = [
      "\(summary.scenario): \(summary.runs) random run\(summary.runs == 1 ? "" : "s") from seed"
        + " \(summary.seed); \(summary.finished) reached an ending",
      "  overall        \(spread(summary.overall))",
      "  timeliness     \(spread(summary.timeliness))",
      "  communication  \(spread(summary.communication))",
      "  inputs per run \(spread(summary.length))",
      "Endings:",
    ]
    for ending in scenario.endings {
      lines.append("  \(ending.id): \(summary.endings[ending.id] ?? 0)")
    }
    if !summary.unvisitedNodes.isEmpty {
      lines.append("Nodes no run entered: " + summary.unvisitedNodes.joined(separator: ", "))
    }
    if !summary.unmetOutcomes.isEmpty {
      lines.append(
        "Outcomes no run met: " + summary.unmetOutcomes.joined(separator: ", "))
    }
    if !summary.untakenChoices.isEmpty {
      lines.append("Options no run took: " + summary.untakenChoices.joined(separator: ", "))
    }
    for problem in summary.problems { lines.append("problem: \(problem)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
