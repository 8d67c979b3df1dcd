/// A promise made during play, and how it was settled.
public struct PromiseRecord: Hashable, Sendable, Codable {
  /// How a promise stands.
  public enum Status: Hashable, Sendable, Codable {
    /// Not yet settled.
    case open
    /// The stakeholder was contacted again at this time (on time or late).
    case kept(at: ClockDuration)
    /// Play ended without the stakeholder hearing again.
    case broken
    /// Play ended before the promise fell due.
    case notYetDue
  }

  /// Sequence number within the session, from 1.
  public var id: Int
  /// The choice that made the promise.
  public var choice: String
  public var stakeholder: String
  public var label: String
  public var madeAt: ClockDuration
  public var due: ClockDuration
  public var status: Status

  /// Whether the promise was kept by its due time.
  public var keptOnTime: Bool {
    if case .kept(let time) = status { return time <= due }
    return false
  }
}
