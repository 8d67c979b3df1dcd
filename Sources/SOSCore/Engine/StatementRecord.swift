/// A typed statement as the engine keeps it: enough of its analysis for conditions
/// (`statement(first-post) >= 70`, `statement(first-post).met(next-update)`) and for
/// what follows from it.
public struct StatementRecord: Hashable, Sendable, Codable {
  /// The write task's id.
  public var id: String
  /// The option that asked for it.
  public var choice: String
  public var audience: String
  /// When it went out on the crisis clock.
  public var at: ClockDuration
  /// The analyser's score, 0–100; 0 for a text that says nothing.
  public var score: Int
  /// The criteria it met in full, by the analyser's ids (`next-update`,
  /// `must:what-happened`, `avoid:minimising`), and each `must` fact met by its bare id
  /// as well (which then means the fact, not an analyser criterion of the same name).
  public var met: Set<String>
  /// Whether it says anything at all; nonsense reaches nobody and meets nothing.
  public var isStatement: Bool
  /// When it promised the next update, if it named a time.
  public var nextUpdate: ClockDuration?

  /// Creates a record.
  public init(
    id: String, choice: String, audience: String, at: ClockDuration, score: Int,
    met: Set<String>, isStatement: Bool, nextUpdate: ClockDuration? = nil
  ) {
    self.id = id
    self.choice = choice
    self.audience = audience
    self.at = at
    self.score = score
    self.met = met
    self.isStatement = isStatement
    self.nextUpdate = nextUpdate
  }
}
