import ArgumentParser
import Foundation
import SOSStore

struct AbandonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "abandon",
    abstract: "Mark an unfinished session abandoned, so it is no longer resumed.",
    discussion: """
      The session and its answers stay in the database (and in reports, as abandoned); \
      'sos resume' without an id no longer offers it.
      """
  )

  @Argument(
    help: "The session's id, or its first characters.",
    completion: .custom(CompletionCandidates.activeSessionIDs))
  var session: String

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    try Failure.catching {
      let record = try store.session(prefix: session)
      try store.abandonSession(id: record.id, at: Date())
      Output.out("Session \(record.shortID) (\(record.trainee), \(record.scenarioID)) abandoned.\n")
    }
  }
}
