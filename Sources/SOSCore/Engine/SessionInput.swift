/// One thing a trainee does at a prompt; the engine's only way to change a session.
public enum SessionInput: Hashable, Sendable, Codable {
  /// Picks the k-th offered option (1-based, as shown on screen).
  case choose(Int)
  /// Types the statement the chosen option asked for.
  case write(String)
  /// The real-time limit ran out before an answer (timed play).
  case timeout
  /// Takes back the last decision (practice mode only).
  case undo
  /// A facilitator fired the scenario's manual inject with this id in a live room; it
  /// reached the trainee at this point of play.
  case inject(String)

  /// Whether this input answers a decision (counts towards "decisions").
  public var isDecision: Bool {
    switch self {
    case .choose, .write: return true
    case .timeout, .undo, .inject: return false
    }
  }
}
