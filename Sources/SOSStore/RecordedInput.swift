import Foundation
import SOSCore

/// One stored input of a session, with its place in the log and when it was given.
public struct RecordedInput: Hashable, Sendable {
  /// The input's place in the session's log: 0, 1, 2, … without gaps.
  public var sequence: Int
  /// What the trainee did.
  public var input: SessionInput
  /// When it was given (wall clock, kept to the millisecond).
  public var at: Date
  /// How long the trainee took to answer, in milliseconds (timed play), if measured.
  public var latencyMilliseconds: Int?

  /// Creates a recorded input.
  public init(sequence: Int, input: SessionInput, at: Date, latencyMilliseconds: Int? = nil) {
    self.sequence = sequence
    self.input = input
    self.at = at
    self.latencyMilliseconds = latencyMilliseconds
  }
}
