import ArgumentParser
import Foundation
import SOSCore
import SOSTerminal

struct AnalyzeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "The lowest and highest scores a scenario allows, and the paths to them.",
    discussion: """
      Searches every state play can reach, each once, and gives exact bounds, the \
      paths to them and the expected overall score with the best options (chance \
      outcomes weighed by their chances). Statements are not typed: at each write \
      the search tries a statement that says nothing, the best possible, and the \
      weakest and strongest that earn each of the task's outcomes. A loop (play \
      coming back to a state it was in) is reported; if going round it again can \
      change the score, the bounds are marked not exact. --budget caps the states \
      explored.
      """
  )

  @Argument(
    help: "A scenario id (see 'sos list') or a scenario file.",
    completion: .custom(CompletionCandidates.scenarioIDsAndFiles))
  var scenario: String

  @Option(help: "The most states to explore (the search stops there).")
  var budget = ScoreBounds.defaultBudget

  @Flag(help: "Print the bounds as JSON.")
  var json = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    guard (1...10_000_000).contains(budget) else {
      throw ValidationError("--budget must be between 1 and 10000000")
    }
  }

  /// A count as the progress line shows it: `131,072`.
  static func count(_ number: Int) -> String {
    number.formatted(.number.grouping(.automatic))
  }

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    let (loaded, _) = try ScenarioChoice.load(scenario, from: library, global: global)
    let status = StatusLine(environment: ProcessInfo.processInfo.environment)
    status.show("\(loaded.id): exploring…")
    let bounds = ScoreBounds.analyze(Engine(scenario: loaded), budget: budget) { stage in
      switch stage {
      case .exploring(let states):
        status.show("\(loaded.id): exploring… \(Self.count(states)) states")
      case .scoring(let states):
        status.show("\(loaded.id): scoring the paths through \(Self.count(states)) states…")
      }
    }
    status.clear()
    guard let bounds else {
      throw Failure.report(
        "no path through \(loaded.id) reaches an ending within"
          + " \(ScoreBounds.depthLimit(for: loaded)) steps and \(budget) states"
          + " (raise --budget if the search stopped early)", ExitStatus.checkFailed)
    }
    if json {
      Output.out(Output.json(bounds))
      return
    }
    let paths = bounds.completePaths == Int.max ? "more than 9e18" : "\(bounds.completePaths)"
    var lines = [
      "\(bounds.scenario): \(bounds.states) state\(bounds.states == 1 ? "" : "s") explored"
        + " (\(paths) path\(bounds.completePaths == 1 ? "" : "s") through them)"
        + (bounds.exact ? " (exact bounds)" : " (not exact)")
    ]
    lines += bounds.reasons.map { "not exact: " + $0 }
    for loop in bounds.loops {
      lines.append(
        "loop at \(loop.node): " + loop.path.joined(separator: " → ") + " → back to \(loop.node)"
          + (loop.changes.map { " (each pass: \($0))" } ?? " (going round changes nothing)"))
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
    if let expected = bounds.expected {
      lines.append(
        "expected overall with the best options: \(ScoreFormat.points(expected))"
          + (bounds.hasChance
            ? " (chance outcomes weighed by their chances)" : " (no chance outcomes)"))
    }
    let terminal = TerminalSetup(noColor: global.noColor)
    Output.out(terminal.wrap(lines.joined(separator: "\n") + "\n"))
  }
}
