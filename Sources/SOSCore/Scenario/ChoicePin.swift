/// Where an option stays when the engine shuffles a decision's options: most options
/// appear in an order drawn from the session's seed, but an author can keep one at
/// the top or the bottom ("Do nothing yet" last, say).
public enum ChoicePin: String, Hashable, Sendable, CaseIterable {
  /// Always shown first (several pinned options keep their file order).
  case first
  /// Always shown last (several pinned options keep their file order).
  case last
}
