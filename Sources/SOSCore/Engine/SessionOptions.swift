/// How a session is played: the mode, whether decisions are timed, and the seed.
public struct SessionOptions: Hashable, Sendable, Codable {
  /// Practice gives hints, feedback after each decision, and undo; assessment none.
  public enum Mode: String, Hashable, Sendable, Codable, CaseIterable {
    case practice
    case assessment
  }

  public var mode: Mode
  /// Each decision has a real-time limit.
  public var timed: Bool
  /// Seeds any randomness, so that the same inputs always give the same session.
  public var seed: UInt64

  /// Creates options.
  public init(mode: Mode = .assessment, timed: Bool = false, seed: UInt64 = 0) {
    self.mode = mode
    self.timed = timed
    self.seed = seed
  }
}
