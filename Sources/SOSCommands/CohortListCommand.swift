import ArgumentParser
import SOSStore
import SOSTerminal

struct CohortListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the cohorts with their numbers of sessions and trainees."
  )

  @Flag(help: "Print a JSON array.")
  var json = false

  @OptionGroup var database: DatabaseOptions

  struct Entry: Encodable {
    var name: String
    var description: String?
    var created: String
    var sessions: Int
    var trainees: Int
  }

  func run() throws {
    let store = try database.openExisting()
    try Failure.catching {
      let entries = try store.cohorts().map { cohort in
        Entry(
          name: cohort.name, description: cohort.description,
          created: Timestamp.string(cohort.createdAt), sessions: cohort.sessionCount,
          trainees: cohort.traineeCount)
      }
      if json {
        Output.out(Output.json(entries))
        return
      }
      guard !entries.isEmpty else {
        Output.out("No cohorts yet. Create one with: sos cohort create NAME\n")
        return
      }
      let rows = entries.map { entry in
        [
          Sanitizer.singleLine(entry.name), String(entry.sessions), String(entry.trainees),
          String(entry.created.prefix(10)), Sanitizer.singleLine(entry.description ?? ""),
        ]
      }
      Output.out(
        TextTable.render(
          header: ["COHORT", "SESSIONS", "TRAINEES", "CREATED", "DESCRIPTION"], rows: rows))
    }
  }
}
