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
  /// Whether each decision's options appear in an order drawn from the seed. Sessions
  /// recorded before options were shuffled replay in file order.
  public var shuffles: Bool

  /// Creates options.
  public init(
    mode: Mode = .assessment, timed: Bool = false, seed: UInt64 = 0, shuffles: Bool = true
  ) {
    self.mode = mode
    self.timed = timed
    self.seed = seed
    self.shuffles = shuffles
  }

  private enum CodingKeys: String, CodingKey {
    case mode, timed, seed, shuffles
  }

  /// Decodes options; a record without `shuffles` predates shuffling.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    mode = try container.decode(Mode.self, forKey: .mode)
    timed = try container.decode(Bool.self, forKey: .timed)
    seed = try container.decode(UInt64.self, forKey: .seed)
    shuffles = try container.decodeIfPresent(Bool.self, forKey: .shuffles) ?? false
  }
}
