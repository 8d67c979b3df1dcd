/// Whether a scenario can be passed without reading or writing: it plays the same
/// option number at every decision, or the strongest option with a statement that says
/// nothing, or at random, and holds each against the bars a shipped scenario must meet
/// (facilitator-guide/authoring.md, "Can it be passed blind?").
///
/// ```swift
/// let report = BlindPlay(engine: engine).report(seeds: [1, 7, 2026], randomRuns: 50)
/// report.missed  // [] when no blind strategy does well enough to worry about
/// ```
public struct BlindPlay: Sendable {
  public let engine: Engine
  let scorer: Scorer

  /// Prepares to play `engine`'s scenario blind.
  public init(engine: Engine) {
    self.engine = engine
    self.scorer = Scorer(engine: engine)
  }

  /// A way to play without reading or writing.
  public enum Strategy: String, CaseIterable, Hashable, Sendable, Codable {
    /// Option 1 at every decision, `ok` at every statement.
    case first
    /// The last option at every decision, `ok` at every statement.
    case last
    /// The strongest option offered (by its points), `ok` at every statement.
    case strongestWithOk = "strongest-ok"
    /// The strongest option offered, lorem ipsum at every statement.
    case strongestWithNonsense = "strongest-nonsense"

    /// What the strategy does, for a report.
    public var summary: String {
      switch self {
      case .first: "option 1 everywhere, 'ok' as every statement"
      case .last: "the last option everywhere, 'ok' as every statement"
      case .strongestWithOk: "the strongest option everywhere, 'ok' as every statement"
      case .strongestWithNonsense: "the strongest option everywhere, lorem ipsum as statements"
      }
    }

    /// The highest overall score the strategy may reach without the scenario being
    /// passable blind.
    public var bar: Double {
      switch self {
      case .first, .last: 60
      case .strongestWithOk, .strongestWithNonsense: 75
      }
    }

    /// Whether reaching a best ending this way is a problem.
    public var mayNotReachBestEnding: Bool {
      self == .strongestWithOk || self == .strongestWithNonsense
    }

    var statement: String {
      self == .strongestWithNonsense ? "Lorem ipsum dolor sit amet, consectetur adipiscing." : "ok"
    }
  }

  /// One blind run.
  public struct Run: Hashable, Sendable, Codable {
    public var strategy: Strategy
    public var seed: UInt64
    public var overall: Double
    public var ending: String?
    /// Whether `ending` is one of the scenario's best endings.
    public var reachedBestEnding: Bool
    /// Why the run is a problem, when it is one.
    public var missed: String?
  }

  /// What blind play showed.
  public struct Report: Hashable, Sendable, Codable {
    public var scenario: String
    /// The endings with the highest outcome.
    public var bestEndings: [String]
    public var runs: [Run]
    public var randomRuns: Int
    public var randomSeed: UInt64
    /// The median overall score of the random players.
    public var randomMedian: Double
    /// The share (0–1) of random players who reached a best ending.
    public var randomBestEndingShare: Double
    /// Every bar the scenario misses, in words.
    public var missed: [String]
  }

  /// The median random player must stay below this.
  public static let randomMedianBar = 50.0
  /// Fewer than this share of random players may reach a best ending.
  public static let randomBestEndingBar = 0.05

  /// The endings whose outcome is the highest in the scenario.
  public var bestEndings: [String] {
    let endings = engine.scenario.endings
    let best = endings.compactMap(\.outcome).max()
    return endings.filter { $0.outcome == best }.map(\.id)
  }

  /// Plays every strategy under every seed in `seeds`, and `randomRuns` random players
  /// seeded from `randomSeed`.
  public func report(seeds: [UInt64], randomRuns: Int, randomSeed: UInt64 = 1) -> Report {
    let best = Set(bestEndings)
    var runs: [Run] = []
    var missed: [String] = []
    for strategy in Strategy.allCases {
      for seed in seeds {
        var run = play(strategy, seed: seed, best: best)
        var problems: [String] = []
        if run.overall >= strategy.bar {
          problems.append(
            "scores \(ScoreFormat.points(run.overall)), not below \(ScoreFormat.points(strategy.bar))"
          )
        }
        if strategy.mayNotReachBestEnding, run.reachedBestEnding {
          problems.append("reaches the best ending '\(run.ending ?? "")'")
        }
        run.missed = problems.isEmpty ? nil : problems.joined(separator: ", and ")
        if let problem = run.missed {
          missed.append("\(strategy.summary), seed \(seed): \(problem)")
        }
        runs.append(run)
      }
    }
    let playtester = Playtester(engine: engine)
    var overall: [Double] = []
    var reachedBest = 0
    for index in 0..<max(randomRuns, 0) {
      let run = playtester.run(seed: randomSeed &+ UInt64(index))
      overall.append(run.scores?.overall ?? 0)
      if best.contains(run.state.node), run.state.finished { reachedBest += 1 }
    }
    overall.sort()
    let median = overall.isEmpty ? 0 : overall[overall.count / 2]
    let share = overall.isEmpty ? 0 : Double(reachedBest) / Double(overall.count)
    if median >= Self.randomMedianBar {
      missed.append(
        "random players: median \(ScoreFormat.points(median)), not below \(ScoreFormat.points(Self.randomMedianBar))"
      )
    }
    if share >= Self.randomBestEndingBar {
      missed.append(
        "random players: \(reachedBest) of \(overall.count) reach a best ending, not fewer than 5%")
    }
    return Report(
      scenario: engine.scenario.id, bestEndings: bestEndings, runs: runs, randomRuns: randomRuns,
      randomSeed: randomSeed, randomMedian: median, randomBestEndingShare: share, missed: missed)
  }

  /// Plays one strategy under one seed to an ending (or 1,000 inputs).
  func play(_ strategy: Strategy, seed: UInt64, best: Set<String>) -> Run {
    let options = SessionOptions(mode: .assessment, timed: false, seed: seed)
    var state = engine.start(options).state
    var inputs: [SessionInput] = []
    while !state.finished, inputs.count < 1_000 {
      let input: SessionInput
      if engine.pendingWrite(in: state) != nil {
        input = .write(strategy.statement)
      } else {
        let offered = engine.offeredChoices(in: state)
        guard !offered.isEmpty else { break }
        input = .choose(Self.pick(strategy, from: offered))
      }
      guard case .success(let next) = engine.step(state, input) else { break }
      state = next.state
      inputs.append(input)
    }
    let report = try? scorer.score(inputs: inputs, options: options).get()
    let ending = state.finished ? state.node : nil
    return Run(
      strategy: strategy, seed: seed, overall: report?.overall ?? 0, ending: ending,
      reachedBestEnding: ending.map(best.contains) ?? false)
  }

  /// The 1-based number of the option `strategy` takes among `offered`.
  static func pick(_ strategy: Strategy, from offered: [Choice]) -> Int {
    switch strategy {
    case .first:
      return 1
    case .last:
      return offered.count
    case .strongestWithOk, .strongestWithNonsense:
      let best = offered.map(\.totalQuality).max() ?? 0
      return (offered.firstIndex { $0.totalQuality == best } ?? 0) + 1
    }
  }
}
