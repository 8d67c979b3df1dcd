/// The version of what a replay derives: the engine's rules and the scorer's
/// (``Scorer``, ``ScoringRules``, ``StatementAnalyzer``, ``ScoringDefaults``).
///
/// Scores are always derived by replaying a session's answers; the workshop database
/// may keep what a replay gave (``CohortScore``) so that a cohort report need not
/// replay every session again, keyed by the scenario text's SHA-256, a digest of the
/// answers and this version. **Bump ``current`` in the same commit as any change that
/// can change a replay's result** — a step of the engine, a rule or weight of the
/// scorer, the statement analyser's criteria or lexicons, a grade band: every cached
/// score is then derived afresh, once, the next time a report needs it. Changes that
/// only alter wording outside the scores (a debrief's prose, the terminal) need no
/// bump. When unsure, bump: the price is one replay of each session.
public enum ScoringVersion {
  /// The current version; see the type's documentation for when to bump it.
  public static let current = 1
}
