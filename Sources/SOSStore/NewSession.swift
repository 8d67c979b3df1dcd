import Foundation
import SOSCore

/// What is needed to start a session: who plays which scenario text, and how.
///
/// ```swift
/// let session = try database.createSession(
///   NewSession(
///     trainee: "Ada", cohort: "spring", scenarioID: scenario.id, scenarioText: text,
///     seed: 7, mode: .assessment, timed: false, started: Date()))
/// ```
public struct NewSession: Hashable, Sendable {
  /// The trainee's name.
  public var trainee: String
  /// The cohort's name, which must exist; `nil` for none.
  public var cohort: String?
  /// The scenario's `id` field.
  public var scenarioID: String
  /// The scenario file's full text, kept by its SHA-256 so the session replays later.
  public var scenarioText: String
  /// The seed of the session's randomness.
  public var seed: UInt64
  /// Practice or assessment.
  public var mode: SessionOptions.Mode
  /// Whether decisions have a real-time limit.
  public var timed: Bool
  /// Whether options are shown in an order drawn from the seed.
  public var shuffles: Bool = true
  /// When play begins.
  public var started: Date
  /// The facilitator's hand-in key, when the trainee plays with one: every export of
  /// the session is then sealed with it (``HandInSeal``).
  public var handInKey: HandInKey?
  /// Where it is played: a `--site` label or the host's name (a live room's sessions
  /// take the room's code).
  public var site: String?

  /// Creates the description of a new session.
  public init(
    trainee: String, cohort: String? = nil, scenarioID: String, scenarioText: String,
    seed: UInt64, mode: SessionOptions.Mode, timed: Bool, started: Date
  ) {
    self.trainee = trainee
    self.cohort = cohort
    self.scenarioID = scenarioID
    self.scenarioText = scenarioText
    self.seed = seed
    self.mode = mode
    self.timed = timed
    self.started = started
  }

  /// Creates the description of a new session played with `options`.
  public init(
    trainee: String, cohort: String? = nil, scenarioID: String, scenarioText: String,
    options: SessionOptions, started: Date
  ) {
    self.init(
      trainee: trainee, cohort: cohort, scenarioID: scenarioID, scenarioText: scenarioText,
      seed: options.seed, mode: options.mode, timed: options.timed, started: started)
    self.shuffles = options.shuffles
  }
}
