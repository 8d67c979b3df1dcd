import Foundation
import SOSCore
import SOSStore

/// A session of a live room as the server keeps it: its record, its room and token,
/// and the scorer's walk through every answer it has taken.
struct LiveSession: Sendable {
  var record: SessionRecord
  /// The room's code.
  let room: String
  /// The SHA-256 of the trainee's token.
  let tokenHash: String
  /// The room's last notice before the trainee joined.
  let joinedAfter: Int64
  let engine: Engine
  let scorer: Scorer
  var walk: Scorer.Walk
  /// When the last answer came (or when the session began).
  var lastActivity: Date
  /// The report of the answers so far, worked out after each one.
  var report: ScoreReport?

  /// Works the report out again from the walk.
  mutating func rescore() {
    report = scorer.report(of: walk, explains: false)
  }

  /// How long without an answer before the board calls a trainee idle.
  static let idleAfter: TimeInterval = 120

  /// The board's row for this session at `now`.
  func boardRow(now: Date) -> BoardSnapshot.Trainee {
    let state = walk.state
    let node = engine.node(of: state)
    let idle = !state.finished && now.timeIntervalSince(lastActivity) >= Self.idleAfter
    let status: String
    if state.finished {
      status = "finished"
    } else if record.status != .active {
      status = record.status.rawValue
    } else if idle {
      status = "idle \(Int(now.timeIntervalSince(lastActivity) / 60)) min"
    } else {
      status = "playing"
    }
    return BoardSnapshot.Trainee(
      session: record.idText, name: record.trainee, node: state.node,
      place: node?.title ?? state.node,
      clock: CrisisClock.label(startsAt: engine.scenario.startsAt, clock: state.clock),
      decisions: state.decisions,
      deadlinesMet: state.metDeadlines.count, deadlinesMissed: state.missedDeadlines.count,
      promisesOpen: state.promises.count { $0.status == .open },
      promisesBroken: state.promises.count { $0.status == .broken },
      statements: walk.statements.map { $0.analysis.score },
      overall: report?.overall, status: status, idle: idle,
      finished: state.finished,
      choices: walk.decisions.map { BoardSnapshot.Taken(node: $0.node, choice: $0.chosen) })
  }
}
