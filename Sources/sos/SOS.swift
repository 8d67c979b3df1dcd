import ArgumentParser

@main
struct SOS: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sos",
    abstract: "Play and assess crisis-communication scenarios.",
    discussion: """
      Trainees play branching crisis scenarios on a simulated clock; facilitators write
      scenarios as YAML files and check them with validate and lint.
      """,
    version: "0.1.0",
    subcommands: [
      PlayCommand.self, ListCommand.self, ValidateCommand.self, LintCommand.self,
      StatementCommand.self,
    ]
  )
}
