import ArgumentParser
import SOSStore

struct CohortCreateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a cohort (a workshop group) for trainees to file sessions under.",
    discussion: "Exit status: 0 when created, 64 when the name is taken or unusable."
  )

  @Argument(help: "The cohort's name, such as spring-2025.")
  var name: String

  @Option(help: "A description shown at the top of reports.")
  var description: String?

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.open()
    try Failure.catching {
      let cohort = try store.createCohort(name: name, description: description)
      Output.out(
        "Created cohort '\(cohort.name)'. Trainees join it with:"
          + " sos play ID --cohort \(ShellWord.quote(cohort.name))\n")
    }
  }
}
