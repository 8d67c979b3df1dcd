/// Plays a scenario at random, many times, by the same rules a trainee meets: every
/// run must reach an ending, and the runs show the spread of scores, the endings
/// reached, and the nodes and options no run touched.
///
/// A scenario that compiles (every validated one) is played on its
/// ``CompiledScenario`` by ``CompactEngine`` and scored by ``CompactWalk``, which give
/// the states and scores ``Engine`` and ``Scorer`` give (`CompactEngineTests` holds
/// them to it); any other is played through ``Engine`` and ``Scorer``.
///
/// ```swift
/// let summary = Playtester(engine: engine).playtest(runs: 100, seed: 7)
/// summary.problems  // [] when every run finished
/// ```
public struct Playtester: Sendable {
  public let engine: Engine
  public let scorer: Scorer
  /// The most inputs one run may take before it counts as stuck in a loop.
  public var maximumSteps: Int
  /// The scenario compiled for fast play, when it compiles.
  let compact: CompactEngine?

  /// Prepares to playtest a scenario.
  public init(engine: Engine, maximumSteps: Int = 1_000) {
    self.engine = engine
    self.scorer = Scorer(engine: engine)
    self.maximumSteps = maximumSteps
    self.compact = CompactEngine(engine: engine)
  }

  /// One random playthrough.
  public struct Run: Hashable, Sendable {
    public var seed: UInt64
    public var inputs: [SessionInput]
    public var state: SessionState
    /// The run's scores (none for a run that did not finish).
    public var scores: Scores?
    /// Why the run did not end well, if it did not.
    public var problem: String?
    /// The chance and statement outcomes that happened, as ``Playtester/outcomeName``s.
    public var outcomes: Set<String> = []
  }

  /// A run's scores: what a playtest reads of its score report.
  public struct Scores: Hashable, Sendable {
    public var overall: Double
    public var timeliness: Double
    public var communication: Double
    public var outcome: Double
  }

  /// Sample statements of four qualities (the last says nothing), so random runs also
  /// vary in what they write and reach the outcomes of good and bad statements.
  static let statements = [
    "ok",
    "We are sorry. Something went wrong this morning and it affects some of you. We are"
      + " working to fix it now. Please check our website for help, or call 0800 123 456."
      + " We will update you again by 5pm today.",
    "We are aware of an issue and are looking into it. More information will follow.",
    "Due to circumstances beyond our control, a third party supplier caused a minor"
      + " inconvenience. There is no cause for concern.",
  ]

  /// Plays one run with choices and statements drawn from `seed`, scored as it is
  /// played (no events are built and nothing is replayed).
  public func run(seed: UInt64) -> Run {
    guard let compact else { return referenceRun(seed: seed) }
    let played = play(compact, seed: seed, keepsInputs: true)
    let compiled = compact.compiled
    return Run(
      seed: seed, inputs: played.walk.inputs,
      state: compact.sessionState(of: played.walk.state, inputs: played.walk.inputs),
      scores: played.scores, problem: played.problem,
      outcomes: Set(played.outcomes.indices.map { compiled.outcomeNames[$0] }))
  }

  /// One run played on the compiled scenario: the walk at its end, its scores (none
  /// for a run cut short) and its problem, if any, and the outcome slots it counts
  /// (none for a run cut short, as ``Run/outcomes`` has none). The same choices and
  /// statements are drawn from `seed` as ``referenceRun(seed:)`` draws.
  func play(_ compact: CompactEngine, seed: UInt64, keepsInputs: Bool) -> (
    walk: CompactWalk, scores: Scores?, problem: String?, outcomes: BitSet
  ) {
    let none = BitSet(capacity: 0)
    let compiled = compact.compiled
    var generator = SeededGenerator(seed: seed)
    var walk = CompactWalk(
      compact, options: SessionOptions(mode: .assessment, timed: false, seed: seed),
      keepsInputs: keepsInputs)
    while !walk.state.finished {
      guard walk.inputCount < maximumSteps else {
        return (
          walk, nil,
          "no ending after \(maximumSteps) inputs (at node '\(compiled.nodeIDs[walk.state.node])')",
          none
        )
      }
      let input: CompactEngine.Input
      if walk.state.pendingWrite != nil {
        input = .write(Self.statements.randomElement(using: &generator) ?? "")
      } else {
        let offered = compact.offeredCount(in: walk.state)
        guard offered > 0 else { break }
        input = .choose(Int.random(in: 1...offered, using: &generator))
      }
      if case .failure(let error) = walk.take(input) {
        return (
          walk, nil,
          "the engine refused \(input.sessionInput) at '\(compiled.nodeIDs[walk.state.node])':"
            + " \(error.message)", none
        )
      }
    }
    var problem: String?
    if !compiled.nodes[walk.state.node].isEnding {
      problem = "play stopped at '\(compiled.nodeIDs[walk.state.node])', which is not an ending"
    }
    return (walk, walk.scores(), problem, walk.state.set(.reachedOutcome))
  }

  /// One run played through ``Engine`` and scored by ``Scorer``: for a scenario that
  /// does not compile, and as the reference the compiled run is held to.
  func referenceRun(seed: UInt64) -> Run {
    var generator = SeededGenerator(seed: seed)
    var walk = scorer.begin(
      SessionOptions(mode: .assessment, timed: false, seed: seed), recordsEvents: false)
    var outcomes = Set(walk.startDraws.map { Self.outcomeName($0.source, $0.index) })
    while !walk.state.finished {
      guard walk.state.inputs.count < maximumSteps else {
        return Run(
          seed: seed, inputs: walk.state.inputs, state: walk.state, scores: nil,
          problem: "no ending after \(maximumSteps) inputs (at node '\(walk.state.node)')")
      }
      let input: SessionInput
      if engine.pendingWrite(in: walk.state) != nil {
        input = .write(Self.statements.randomElement(using: &generator) ?? "")
      } else {
        let offered = engine.offeredCount(in: walk.state)
        guard offered > 0 else { break }
        input = .choose(Int.random(in: 1...offered, using: &generator))
      }
      switch scorer.take(input, latency: nil, in: &walk) {
      case .success(let step):
        for draw in step.draws { outcomes.insert(Self.outcomeName(draw.source, draw.index)) }
        if let (statement, index) = step.statementOutcome {
          outcomes.insert(Self.outcomeName(statement, index))
        }
      case .failure(let error):
        return Run(
          seed: seed, inputs: walk.state.inputs, state: walk.state, scores: nil,
          problem: "the engine refused \(input) at '\(walk.state.node)': \(error.message)")
      }
    }
    var problem: String?
    if engine.node(of: walk.state)?.isEnding != true {
      problem = "play stopped at '\(walk.state.node)', which is not an ending"
    }
    // Only the numbers are read: the report is made without reasons or dimensions.
    let report = scorer.report(of: walk, explains: false)
    return Run(
      seed: seed, inputs: walk.state.inputs, state: walk.state,
      scores: Scores(
        overall: report.overall, timeliness: report.timeliness,
        communication: report.communication, outcome: report.outcome),
      problem: problem, outcomes: outcomes)
  }

  /// `gamble outcome 2`: the `index`-th (0-based) outcome of an option, inject or
  /// statement, as the playtest lists it.
  public static func outcomeName(_ source: String, _ index: Int) -> String {
    "\(source) outcome \(index + 1)"
  }

  /// Every chance and statement outcome the scenario declares, by ``outcomeName``
  /// (those of manual injects left out).
  func declaredOutcomes() -> [String] {
    var names: [String] = []
    for choice in engine.scenario.nodes.lazy.flatMap(\.choices) {
      names += choice.outcomes.indices.map { Self.outcomeName(choice.id, $0) }
      if let task = choice.write {
        names += task.outcomes.indices.map { Self.outcomeName(task.id, $0) }
      }
    }
    // A manual inject fires only when a facilitator fires it: random play never meets it.
    for inject in engine.scenario.injects where !inject.manual {
      names += inject.outcomes.indices.map { Self.outcomeName(inject.id, $0) }
    }
    return names
  }

  /// What many runs showed.
  public struct Summary: Hashable, Sendable, Codable {
    /// One number's spread over the runs.
    public struct Spread: Hashable, Sendable, Codable {
      public var minimum: Double
      public var mean: Double
      public var maximum: Double

      init(_ values: [Double]) {
        minimum = values.min() ?? 0
        maximum = values.max() ?? 0
        mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
      }
    }

    public var scenario: String
    public var runs: Int
    public var seed: UInt64
    public var finished: Int
    /// How many runs reached each ending.
    public var endings: [String: Int]
    public var overall: Spread
    public var timeliness: Spread
    public var communication: Spread
    /// Inputs per run.
    public var length: Spread
    /// Nodes no run entered.
    public var unvisitedNodes: [String]
    /// Options no run took.
    public var untakenChoices: [String]
    /// Chance and statement outcomes no run met (`gamble outcome 2`).
    public var unmetOutcomes: [String]
    /// Runs that did not reach an ending, with the seed that repeats each.
    public var problems: [String]
  }

  /// Plays `runs` runs, seeded from `seed` (run *i* uses `seed + i`).
  public func playtest(runs: Int, seed: UInt64) -> Summary {
    guard let compact else { return referencePlaytest(runs: runs, seed: seed) }
    let compiled = compact.compiled
    var finished = 0
    var endingCounts = [Int](repeating: 0, count: compiled.nodes.count)
    var overall: [Double] = []
    var timeliness: [Double] = []
    var communication: [Double] = []
    var lengths: [Double] = []
    var visited = BitSet(capacity: compiled.nodes.count)
    var taken = BitSet(capacity: compiled.choices.count)
    var reached = BitSet(capacity: compiled.outcomeNames.count)
    var problems: [String] = []
    for index in 0..<max(runs, 0) {
      let runSeed = seed &+ UInt64(index)
      let played = play(compact, seed: runSeed, keepsInputs: false)
      let state = played.walk.state
      visited.formUnion(state.set(.visited))
      taken.formUnion(state.set(.chosen))
      reached.formUnion(played.outcomes)
      lengths.append(Double(played.walk.inputCount))
      if let problem = played.problem {
        problems.append("run \(index + 1) (seed \(runSeed)): \(problem)")
        continue
      }
      finished += 1
      endingCounts[state.node] += 1
      if let scores = played.scores {
        overall.append(scores.overall)
        timeliness.append(scores.timeliness)
        communication.append(scores.communication)
      }
    }
    var endings: [String: Int] = [:]
    for (node, count) in endingCounts.enumerated() where count > 0 {
      endings[compiled.nodeIDs[node]] = count
    }
    let reachedNames = Set(reached.indices.map { compiled.outcomeNames[$0] })
    return Summary(
      scenario: engine.scenario.id, runs: runs, seed: seed, finished: finished, endings: endings,
      overall: Summary.Spread(overall), timeliness: Summary.Spread(timeliness),
      communication: Summary.Spread(communication), length: Summary.Spread(lengths),
      unvisitedNodes: compiled.nodeIDs.indices.filter { !visited.contains($0) }.map {
        compiled.nodeIDs[$0]
      },
      untakenChoices: compiled.choiceIDs.indices.filter { !taken.contains($0) }.map {
        compiled.choiceIDs[$0]
      },
      unmetOutcomes: declaredOutcomes().filter { !reachedNames.contains($0) }, problems: problems)
  }

  /// ``playtest(runs:seed:)`` through ``Engine`` and ``Scorer``: for a scenario that
  /// does not compile, and as the reference the compiled playtest is held to.
  func referencePlaytest(runs: Int, seed: UInt64) -> Summary {
    var finished = 0
    var endings: [String: Int] = [:]
    var overall: [Double] = []
    var timeliness: [Double] = []
    var communication: [Double] = []
    var lengths: [Double] = []
    var visited: Set<String> = []
    var taken: Set<String> = []
    var outcomes: Set<String> = []
    var problems: [String] = []
    for index in 0..<max(runs, 0) {
      let run = referenceRun(seed: seed &+ UInt64(index))
      visited.formUnion(run.state.visited)
      taken.formUnion(run.state.chosen)
      outcomes.formUnion(run.outcomes)
      lengths.append(Double(run.inputs.count))
      if let problem = run.problem {
        problems.append("run \(index + 1) (seed \(run.seed)): \(problem)")
        continue
      }
      finished += 1
      endings[run.state.node, default: 0] += 1
      if let scores = run.scores {
        overall.append(scores.overall)
        timeliness.append(scores.timeliness)
        communication.append(scores.communication)
      }
    }
    let scenario = engine.scenario
    return Summary(
      scenario: scenario.id, runs: runs, seed: seed, finished: finished, endings: endings,
      overall: Summary.Spread(overall), timeliness: Summary.Spread(timeliness),
      communication: Summary.Spread(communication), length: Summary.Spread(lengths),
      unvisitedNodes: scenario.nodes.map(\.id).filter { !visited.contains($0) },
      untakenChoices: scenario.nodes.flatMap(\.choices).map(\.id).filter { !taken.contains($0) },
      unmetOutcomes: declaredOutcomes().filter { !outcomes.contains($0) }, problems: problems)
  }
}
