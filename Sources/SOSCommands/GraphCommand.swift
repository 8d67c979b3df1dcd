import ArgumentParser
import SOSReports
import SOSTerminal

extension GraphRenderer.Format: ExpressibleByArgument {}

struct GraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Draw a scenario's structure as Graphviz DOT or Mermaid.",
    discussion: """
      Decisions are boxes, endings show their outcome, every option is an arrow, and \
      injects that divert play are dashed. Render DOT with 'dot -Tsvg'; paste Mermaid \
      into any Markdown viewer that supports it.
      """
  )

  @Argument(
    help: "A scenario id (see 'sos list') or a scenario file.",
    completion: .custom(CompletionCandidates.scenarioIDsAndFiles))
  var scenario: String

  @Option(help: "dot or mermaid.")
  var format: GraphRenderer.Format = .dot

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let library = ScenarioLibrary(directory: global.scenarioDirectory)
    let (loaded, _) = try ScenarioChoice.load(scenario, from: library, global: global)
    Output.out(GraphRenderer(scenario: loaded).render(format))
  }
}
