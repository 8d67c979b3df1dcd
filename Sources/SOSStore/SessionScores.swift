/// A cohort's sessions with their scores, and how the score cache served them.
public struct SessionScores: Hashable, Sendable {
  /// Every session, in the order stored.
  public var sessions: [SessionScore]
  public var cache: ScoreCacheStatistics
}
