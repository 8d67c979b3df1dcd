import ArgumentParser
import Foundation
import SOSCore
import SOSStore
import SOSTerminal

struct CohortShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show a cohort's trainees and their sessions, with statuses and scores.",
    discussion: "Scores are those of finished sessions, replayed and re-scored now."
  )

  @Argument(help: "The cohort's name.", completion: .custom(CompletionCandidates.cohortNames))
  var name: String

  @Flag(help: "Print the cohort as JSON.")
  var json = false

  @OptionGroup var database: DatabaseOptions

  struct Shown: Encodable {
    var name: String
    var description: String?
    var created: String
    var trainees: Int
    var sessions: [SessionSummary]
  }

  func run() throws {
    let store = try database.openExisting()
    let cohort = try CohortLookup.named(name, in: store)
    try Failure.catching {
      let sessions = try SessionSummary.all(in: store, cohort: name).sorted {
        ($0.trainee, $0.started, $0.id) < ($1.trainee, $1.started, $1.id)
      }
      let shown = Shown(
        name: cohort.name, description: cohort.description,
        created: Timestamp.string(cohort.createdAt), trainees: cohort.traineeCount,
        sessions: sessions)
      if json {
        Output.out(Output.json(shown))
        return
      }
      var text = "Cohort: \(Sanitizer.singleLine(cohort.name))\n"
      if let description = cohort.description {
        text += Sanitizer.singleLine(description) + "\n"
      }
      text +=
        "Created \(String(shown.created.prefix(16)).replacingOccurrences(of: "T", with: " "))"
        + " · \(sessions.count) session\(sessions.count == 1 ? "" : "s")"
        + " · \(cohort.traineeCount) trainee\(cohort.traineeCount == 1 ? "" : "s")\n\n"
      guard !sessions.isEmpty else {
        Output.out(
          text + "No sessions yet. Trainees join with: sos play ID --cohort "
            + ShellWord.quote(cohort.name) + "\n")
        return
      }
      let rows = sessions.map { session in
        [
          Sanitizer.singleLine(session.trainee), String(session.id.prefix(8)), session.scenario,
          session.status, String(session.decisions),
          session.scores.map { "\(ScoreFormat.points($0.overall)) \($0.grade)" } ?? "-",
          String(session.started.prefix(16)).replacingOccurrences(of: "T", with: " "),
        ]
      }
      text += TextTable.render(
        header: ["TRAINEE", "SESSION", "SCENARIO", "STATUS", "DECISIONS", "OVERALL", "STARTED"],
        rows: rows)
      Output.out(text)
    }
  }
}
