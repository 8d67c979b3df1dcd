/// What importing a session did.
public enum ImportOutcome: Hashable, Sendable {
  /// The session was new and is now stored with all its inputs.
  case imported
  /// A session with the same id was already stored; nothing was changed.
  case alreadyPresent
}
