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
  /// For a choice, the id of the option the number stood for when it was typed (the
  /// options' order is drawn per session), so a log reads unambiguously.
  public var choice: String?

  /// Creates a recorded input.
  public init(
    sequence: Int, input: SessionInput, at: Date, latencyMilliseconds: Int? = nil,
    choice: String? = nil
  ) {
    self.choice = choice
    self.sequence = sequence
    self.input = input
    self.at = at
    self.latencyMilliseconds = latencyMilliseconds
  }
}
