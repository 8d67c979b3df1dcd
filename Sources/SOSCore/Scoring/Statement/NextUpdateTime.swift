/// When a statement promises its next update, on the crisis clock, and the words that
/// promised it.
public struct NextUpdateTime: Hashable, Sendable, Codable {
  /// When the update is due, as time since T+0 (not time since the statement went out).
  public var due: ClockDuration
  /// The words of the statement that named the time, as written: "next update at 12:00".
  public var evidence: String

  /// Creates a promised update time.
  public init(due: ClockDuration, evidence: String) {
    self.due = due
    self.evidence = evidence
  }
}
