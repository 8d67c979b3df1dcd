import ArgumentParser
import Foundation
import SOSCore
import SOSStore
import SOSTerminal

struct SessionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sessions",
    abstract: "List the sessions in the workshop database."
  )

  @Option(
    help: "Only this cohort's sessions.", completion: .custom(CompletionCandidates.cohortNames))
  var cohort: String?

  @Flag(help: "Print a JSON array.")
  var json = false

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    try Failure.catching {
      let summaries = try SessionSummary.all(in: store, cohort: cohort)
      if json {
        Output.out(Output.json(summaries))
      } else {
        Output.out(SessionSummary.table(summaries, hints: CommandHints.commandLine(database)))
      }
    }
  }
}

/// One session as `sos sessions` lists it, with its scores derived by replay.
struct SessionSummary: Encodable {
  struct Scores: Encodable {
    var overall: Double
    var timeliness: Double
    var communication: Double
    var grade: String
  }

  var id: String
  var trainee: String
  var cohort: String?
  var scenario: String
  var status: String
  var decisions: Int
  var started: String
  var finished: String?
  var scores: Scores?

  enum CodingKeys: String, CodingKey {
    case id, trainee, cohort, scenario, status, decisions, started, finished, scores
  }

  /// Every key is always there: `cohort`, `finished` and `scores` are `null` when
  /// unset, as the documented shape says (a synthesised encoder would leave them out).
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(trainee, forKey: .trainee)
    try container.encode(cohort, forKey: .cohort)
    try container.encode(scenario, forKey: .scenario)
    try container.encode(status, forKey: .status)
    try container.encode(decisions, forKey: .decisions)
    try container.encode(started, forKey: .started)
    try container.encode(finished, forKey: .finished)
    try container.encode(scores, forKey: .scores)
  }

  static func all(in store: WorkshopDatabase, cohort: String?) throws -> [SessionSummary] {
    try store.replayedSessions(cohort: cohort).map { replayed in
      let record = replayed.record
      var scores: Scores?
      if record.status == .finished, let report = replayed.scored?.report {
        scores = Scores(
          overall: ScoreFormat.tenths(report.overall),
          timeliness: ScoreFormat.tenths(report.timeliness),
          communication: ScoreFormat.tenths(report.communication), grade: report.grade)
      }
      return SessionSummary(
        id: record.idText, trainee: record.trainee, cohort: record.cohort,
        scenario: record.scenarioID, status: record.status.rawValue,
        decisions: Engine.effectiveInputs(replayed.inputs.map(\.input)).filter(\.isDecision).count,
        started: Timestamp.string(record.started), finished: record.finished.map(Timestamp.string),
        scores: scores)
    }
  }

  /// The sessions as a table, with what to type next as `hints` name it.
  static func table(_ sessions: [SessionSummary], hints: CommandHints) -> String {
    guard !sessions.isEmpty else {
      return "No sessions yet. Start one with: \(hints.command("play ID"))\n"
    }
    let header = ["SESSION", "TRAINEE", "SCENARIO", "STATUS", "DECISIONS", "OVERALL", "STARTED"]
    let rows = sessions.map { session in
      [
        String(session.id.prefix(8)), Sanitizer.singleLine(session.trainee), session.scenario,
        session.status, String(session.decisions),
        session.scores.map { "\(ScoreFormat.points($0.overall)) \($0.grade)" } ?? "-",
        String(session.started.prefix(16)).replacingOccurrences(of: "T", with: " "),
      ]
    }
    return TextTable.render(header: header, rows: rows)
      + "\n\(sessions.count) session\(sessions.count == 1 ? "" : "s")."
      + " Continue one with: \(hints.resume("ID"))\n"
  }
}
