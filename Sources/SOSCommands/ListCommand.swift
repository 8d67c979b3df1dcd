import ArgumentParser
import SOSCore
import SOSTerminal

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the scenarios in the scenario folder."
  )

  @Flag(help: "Print the catalogue as a JSON array.")
  var json = false

  @OptionGroup var global: GlobalOptions
  /// Not used: accepted like every other command's, so a habit or a script that
  /// passes `--db` everywhere works here too.
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    guard library.exists else {
      Output.error(
        "error: scenario folder '\(library.directory)' not found; "
          + "use --scenarios DIR or set SOS_SCENARIOS\n")
      throw ExitStatus.missingInput
    }
    let results = library.loadAll()
    let summaries = results.compactMap { result in
      result.scenario.map { ScenarioSummary($0, file: result.file) }
    }
    var seen: [String: String] = [:]
    for result in results {
      guard let id = result.scenario?.id else { continue }
      if let earlier = seen[id] {
        Output.error(
          "error: \(result.file): scenario id '\(id)' is also the id of \(earlier); 'sos play"
            + " \(id)' cannot tell them apart [SOS029]\n")
      } else {
        seen[id] = result.file
      }
    }
    for broken in results where broken.scenario == nil {
      let count = broken.diagnostics.filter { $0.severity == .error }.count
      Output.error(
        "warning: skipping \(broken.file): \(count) error\(count == 1 ? "" : "s"); "
          + "run 'sos validate \(broken.file)'\n")
    }
    if json {
      Output.out(Output.json(summaries))
    } else {
      Output.out(CatalogueTable.render(summaries, folder: library.directory))
    }
  }
}
