import ArgumentParser
import SOSStore
import SOSTerminal

struct TraineeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trainee",
    abstract: "List trainees as people (an id each), and merge two that are one person.",
    discussion: """
      A trainee is a person, not a name: the same name in two live rooms, or at two \
      sites (--site, else the computer's name), is two trainees, and every report shows \
      each with where they played. When two of them are one person — someone who \
      played at home and then in the workshop — merge them, and the reports count \
      them once.
      """,
    subcommands: [TraineeListCommand.self, TraineeMergeCommand.self])
}

struct TraineeListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the trainees with their ids, names, places and sessions.")

  @Option(
    help: "Only trainees with a session in this cohort.",
    completion: .custom(CompletionCandidates.cohortNames))
  var cohort: String?

  @Flag(help: "Print a JSON array.")
  var json = false

  @OptionGroup var database: DatabaseOptions

  struct Entry: Encodable {
    var id: String
    var names: [String]
    var places: [String]
    var sessions: Int
  }

  func run() throws {
    let store = try database.openExisting()
    try Failure.catching {
      let trainees = try store.trainees(cohort: cohort)
      if json {
        Output.out(
          Output.json(
            trainees.map {
              Entry(id: $0.id, names: $0.names, places: $0.places, sessions: $0.sessions)
            }))
        return
      }
      guard !trainees.isEmpty else {
        Output.out("No trainees yet.\n")
        return
      }
      let rows = trainees.map { trainee in
        [
          trainee.shortID, Sanitizer.singleLine(trainee.names.joined(separator: ", ")),
          Sanitizer.singleLine(trainee.places.joined(separator: ", ")), String(trainee.sessions),
        ]
      }
      Output.out(
        TextTable.render(header: ["TRAINEE", "NAME", "PLAYED AT", "SESSIONS"], rows: rows))
    }
  }
}

struct TraineeMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Make trainees one person: the others' sessions take the first one's id.",
    discussion: """
      Ids are the first digits 'sos trainee list' shows. Exit status: 0 when merged, \
      64 for an id that matches no trainee or several.
      """)

  @Argument(help: ArgumentHelp("The trainee to keep.", valueName: "keep"))
  var keep: String

  @Argument(help: ArgumentHelp("The trainees who are the same person.", valueName: "other"))
  var others: [String]

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    do {
      let changed = try store.mergeTrainees(keep: keep, others: others)
      Output.out(
        "Merged: \(changed) session\(changed == 1 ? " now belongs" : "s now belong") to trainee"
          + " \(keep).\n")
    } catch .invalidInput(let message) {
      throw Failure.report(message, ExitStatus.usage)
    } catch {
      throw Failure.database(error)
    }
  }
}
