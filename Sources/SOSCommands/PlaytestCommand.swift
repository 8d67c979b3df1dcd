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

      With --blind it asks instead whether the scenario can be passed without reading \
      or writing: it plays option 1 everywhere, the last option everywhere and the \
      strongest option everywhere (with 'ok', and with lorem ipsum, as every \
      statement) under seeds 1, 7 and 2026, and --runs random players, and holds each \
      against the bars in facilitator-guide/authoring.md. Exit status 1 when a bar is \
      missed.

      With --paths FILE it plays the scripted paths of a playthrough file (see \
      scenarios/playthroughs/README.md) under seeds 1, 7 and 2026 and checks that each \
      reaches its ending within its scores. Exit status 1 when one does not.
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

  @Flag(help: "Play blind (same option number, strongest option, empty statements) instead.")
  var blind = false

  @Option(help: "Play the scripted paths of this playthrough file instead.")
  var paths: String?

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
    if let paths {
      try playPaths(paths, scenario: loaded)
      return
    }
    if blind {
      let report = BlindPlay(engine: Engine(scenario: loaded)).report(
        seeds: [1, 7, 2026], randomRuns: runs, randomSeed: seed)
      Output.out(json ? Output.json(report) : Self.text(report))
      if !report.missed.isEmpty { throw ExitStatus.checkFailed }
      return
    }
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

  static func text(_ report: BlindPlay.Report) -> String {
    func number(_ value: Double) -> String { ScoreFormat.points(value) }
    var lines = [
      "\(report.scenario): played blind; best ending"
        + "\(report.bestEndings.count == 1 ? "" : "s") "
        + report.bestEndings.joined(separator: ", ")
    ]
    for strategy in BlindPlay.Strategy.allCases {
      let runs = report.runs.filter { $0.strategy == strategy }
      lines.append("  \(strategy.summary) (bar: below \(number(strategy.bar)))")
      for run in runs {
        let mark = run.missed == nil ? "ok  " : "MISS"
        lines.append(
          "    \(mark) seed \(run.seed): \(number(run.overall)), ending \(run.ending ?? "none")"
            + (run.reachedBestEnding ? " (a best ending)" : ""))
      }
    }
    let share = Int((report.randomBestEndingShare * 100).rounded())
    lines.append(
      "  \(report.randomRuns) random players from seed \(report.randomSeed): median"
        + " \(number(report.randomMedian)) (bar: below \(number(BlindPlay.randomMedianBar))),"
        + " \(share)% reach a best ending (bar: below 5%)")
    if report.missed.isEmpty {
      lines.append("No blind strategy passes.")
    } else {
      lines.append("Missed \(report.missed.count) bar\(report.missed.count == 1 ? "" : "s"):")
      lines += report.missed.map { "  - \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func playPaths(_ file: String, scenario: Scenario) throws {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
      Output.error("error: cannot read '\(file)'\n")
      throw ExitStatus.missingInput
    }
    let script: PlaythroughScript
    switch PlaythroughScript.parse(text, file: file) {
    case .success(let parsed): script = parsed
    case .failure(let failure):
      Output.error(failure.description + "\n")
      throw ExitStatus.badData
    }
    guard script.scenario == scenario.id else {
      Output.error("\(file): error: the paths are for '\(script.scenario)', not '\(scenario.id)'\n")
      throw ExitStatus.badData
    }
    let engine = Engine(scenario: scenario)
    var lines: [String] = []
    var failed = 0
    for path in script.paths {
      var bounds: [String] = []
      if let minimum = path.minOverall { bounds.append("at least \(ScoreFormat.points(minimum))") }
      if let maximum = path.maxOverall { bounds.append("at most \(ScoreFormat.points(maximum))") }
      lines.append(
        "\(path.name): to \(path.ending)"
          + (bounds.isEmpty ? "" : ", " + bounds.joined(separator: " and ")))
      for seed: UInt64 in [1, 7, 2026] {
        let checked = path.check(on: engine, seed: seed)
        let score = checked.report.map { ScoreFormat.points($0.overall) } ?? "–"
        let mark = checked.problems.isEmpty ? "ok  " : "MISS"
        lines.append(
          "  \(mark) seed \(seed): \(score), ending \(checked.ending ?? "none")")
        lines += checked.problems.map { "       \($0)" }
        if !checked.problems.isEmpty { failed += 1 }
      }
    }
    lines.append(
      failed == 0
        ? "Every path reaches its ending within its scores."
        : "\(failed) run\(failed == 1 ? "" : "s") missed.")
    Output.out(lines.joined(separator: "\n") + "\n")
    if failed > 0 { throw ExitStatus.checkFailed }
  }
}
