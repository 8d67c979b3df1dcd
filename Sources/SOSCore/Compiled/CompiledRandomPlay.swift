/// Random play on a compiled scenario, step by step, as the playtester plays it (each
/// choice scored as it is taken): for the benchmarks package, which times a step at
/// different depths of a path. Not part of SOS's API; import it with
/// `@_spi(Benchmarks) import SOSCore`.
///
/// ```swift
/// var play = try #require(CompiledRandomPlay(engine: engine))
/// play.start(seed: 7)
/// while play.step() {}
/// ```
@_spi(Benchmarks) public struct CompiledRandomPlay: Sendable {
  private let engine: CompactEngine
  private var walk: CompactWalk
  private var generator = SeededGenerator(seed: 0)

  /// Compiles the engine's scenario; `nil` when it does not compile.
  public init?(engine: Engine) {
    guard let compact = CompactEngine(engine: engine) else { return nil }
    self.engine = compact
    walk = CompactWalk(compact, options: SessionOptions(seed: 0))
  }

  /// Starts a new run at T+0, with choices drawn from `seed`.
  public mutating func start(seed: UInt64) {
    generator = SeededGenerator(seed: seed)
    walk = CompactWalk(engine, options: SessionOptions(mode: .assessment, seed: seed))
  }

  /// How many inputs the run has taken.
  public var depth: Int { walk.inputCount }

  /// Takes one random input (a choice, or one of the playtester's statements); `false`
  /// when play is over or the input was refused.
  public mutating func step() -> Bool {
    guard !walk.state.finished else { return false }
    let input: CompactEngine.Input
    if walk.state.pendingWrite != nil {
      input = .write(Playtester.statements.randomElement(using: &generator) ?? "")
    } else {
      let offered = engine.offeredCount(in: walk.state)
      guard offered > 0 else { return false }
      input = .choose(Int.random(in: 1...offered, using: &generator))
    }
    if case .success = walk.take(input) { return true }
    return false
  }
}
