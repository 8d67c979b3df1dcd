/// How the score cache served one read of a cohort's scores.
public struct ScoreCacheStatistics: Hashable, Sendable {
  /// Sessions whose scores came from the cache.
  public var reused = 0
  /// Sessions replayed and re-scored (not cached yet, a new engine or scorer version, a
  /// changed scenario text, a rejected row, or `rescore`).
  public var derived = 0
  /// Cached rows found under a session's key but not used: damaged, edited, or not
  /// matching their key. Each was derived afresh and its row replaced.
  public var rejected = 0
  /// Rows written to the cache.
  public var stored = 0
  /// Why the new rows could not be written (a read-only database, say), if they could
  /// not; the scores are the same, they are only derived again next time.
  public var storeProblem: String?

  /// Creates empty statistics.
  public init() {}
}
