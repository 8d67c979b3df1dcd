import Foundation
import SOSCore

/// One stored session: who played which scenario (by content hash), how, and when.
///
/// The inputs are kept apart (``RecordedInput``); scores are never stored, they are
/// derived by replaying the inputs.
public struct SessionRecord: Hashable, Sendable {
  /// The session's id; shown to people as its first 8 hex digits.
  public var id: UUID
  /// The trainee's name as they gave it.
  public var trainee: String
  /// The cohort's name, if the session belongs to one.
  public var cohort: String?
  /// The scenario's `id` field.
  public var scenarioID: String
  /// The SHA-256 (lower-case hex) of the scenario file's text that was played.
  public var scenarioHash: String
  /// The seed of the session's randomness.
  public var seed: UInt64
  /// Practice or assessment.
  public var mode: SessionOptions.Mode
  /// Whether decisions had a real-time limit.
  public var timed: Bool
  /// Whether the options were shown in an order drawn from the seed (every session
  /// since options are shuffled; older ones replay in file order).
  public var shuffles: Bool
  /// When play began (wall clock, kept to the millisecond).
  public var started: Date
  /// When the session was finished or abandoned, if it was.
  public var finished: Date?
  /// Active, finished or abandoned.
  public var status: SessionStatus
  /// What `sos cohort import` found odd about the session file it came from (edited
  /// times, a scenario text accepted on trust, …), for every report to show; empty for
  /// a session played here or a hand-in that looked untouched.
  public var flags: [String] = []
  /// The join code of the live room it was played in, if any: the same name in two
  /// rooms is two people (see ``TraineeNames``).
  public var room: String?
  /// The trainee's id: sessions of one person share it; the same name at two sites
  /// (or in two rooms) is two people until a facilitator merges them.
  public var traineeID: String?
  /// Where the session was played: the live room's code, a `--site` label, or the
  /// host's name.
  public var site: String?

  /// Creates a record.
  public init(
    id: UUID, trainee: String, cohort: String?, scenarioID: String, scenarioHash: String,
    seed: UInt64, mode: SessionOptions.Mode, timed: Bool, shuffles: Bool = true, started: Date,
    finished: Date?, status: SessionStatus
  ) {
    self.shuffles = shuffles
    self.id = id
    self.trainee = trainee
    self.cohort = cohort
    self.scenarioID = scenarioID
    self.scenarioHash = scenarioHash
    self.seed = seed
    self.mode = mode
    self.timed = timed
    self.started = started
    self.finished = finished
    self.status = status
  }

  /// The options the engine needs to replay this session.
  public var options: SessionOptions {
    SessionOptions(mode: mode, timed: timed, seed: seed, shuffles: shuffles)
  }

  /// The id as stored and written in files: lower-case, with hyphens.
  public var idText: String { id.uuidString.lowercased() }

  /// The first 8 hex digits of the id, what people type to name the session.
  public var shortID: String { String(idText.prefix(8)) }
}

extension SessionRecord {
  /// Wall-clock milliseconds from start to end, when the session has ended.
  var durationMilliseconds: Int64? {
    finished.map { Timestamp.milliseconds($0) - Timestamp.milliseconds(started) }
  }
}
