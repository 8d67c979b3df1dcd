/// The lowest and highest scores a scenario allows, a path that reaches each, and the
/// expected overall score with the best options (see ``analyze(_:budget:maximumDepth:)``).
///
/// The search explores every state play can reach, each once (``StateGraph``): two
/// paths that reach the same situation at the same time share every future. What
/// only the score reads (when stakeholders first heard, cadence gaps, deadlines met,
/// promises' times, the graded decisions', postures' and statements' sums) is carried
/// along the paths afterwards, keeping at each state only what no other path beats
/// on every count; each score moves one way with each count, so the extremes are
/// exact. A label whose best possible future cannot reach the extreme found so far is
/// dropped as well (``FutureReach``). Every extreme reported is replayed through the
/// ``Scorer``, and finished states are checked against it as they are found; a
/// difference would make the bounds not ``exact``.
///
/// Statements are not typed: at every write the search branches over kinds of
/// statement (one that says nothing, the best possible, and for each of the task's
/// outcomes the weakest and strongest that earn it; see `StatementClass`), and the
/// score counts each as the analyser would have graded it. Chance outcomes are
/// branched over too: the bounds include the best and worst luck, and ``expected``
/// weighs outcomes by their chances. A loop (a state reached again on the same path)
/// is named and not gone round; the bounds are not exact if going round could
/// change the score.
public struct ScoreBounds: Hashable, Sendable, Codable {
  /// One extreme: the score and how to reach it.
  public struct Extreme: Hashable, Sendable, Codable {
    public var score: Double
    /// The steps taken: choice ids, `(statement: …)` where a statement is written and
    /// `[chance …]` where an outcome is drawn.
    public var path: [String]
    public var ending: String
  }

  /// The range of one score.
  public struct Range: Hashable, Sendable, Codable {
    public var minimum: Extreme
    public var maximum: Extreme
  }

  /// A loop: play can come back to a state it was already in.
  public struct Loop: Hashable, Sendable, Codable {
    /// The node play comes back to.
    public var node: String
    /// The steps round the loop.
    public var path: [String]
    /// How going round again changes the score (time passing, decisions adding up);
    /// `nil` when it cannot.
    public var changes: String?
  }

  public var scenario: String
  public var overall: Range
  public var timeliness: Range
  public var communication: Range
  /// The range of the ending's outcome.
  public var outcome: Range
  /// States explored: the search's measure of work (the name is kept from when paths
  /// were played one by one).
  public var paths: Int

  /// The fewest steps a path is followed for: beyond ``depthLimit(for:)``, a path
  /// that neither ends nor comes back to a state already on it is given up.
  public static let maximumDepth = 200

  /// How many steps a path of `scenario` is followed for: ``maximumDepth``, or more
  /// in a scenario with more nodes than that (a path without a loop can visit every
  /// node once, and a long scenario's paths are long).
  public static func depthLimit(for scenario: Scenario) -> Int {
    max(maximumDepth, scenario.nodes.count + 1)
  }
  /// The default cap on states explored.
  public static let defaultBudget = 2_000_000
  /// Whether the bounds are exact: the same as ``exact``, under the name older
  /// readers know.
  public var exhaustive: Bool
  /// Paths cut where they came back to a state already on the path, or at
  /// ``maximumDepth`` steps.
  public var loopingPaths: Int = 0
  /// States explored, each once (the same as ``paths``).
  public var states: Int = 0
  /// Complete paths from the start to an ending that the bounds cover (each state is
  /// explored once however many paths lead to it).
  public var completePaths: Int = 0
  /// Whether the bounds and paths are exact: every path was valued, or the paths
  /// left out cannot score differently.
  public var exact: Bool = true
  /// Why the bounds are not exact, if they are not.
  public var reasons: [String] = []
  /// Loops found, each once.
  public var loops: [Loop] = []
  /// The expected overall score when the trainee takes the best options and writes
  /// the best statements, over the chance outcomes weighted by their chances; `nil`
  /// when the search stopped at its budget.
  public var expected: Double?
  /// Whether any option or inject has chance outcomes.
  public var hasChance: Bool = false
  /// Whether the search stopped at its budget.
  public var budgetReached: Bool = false

  /// Values every future of the scenario's start, exploring at most `budget`
  /// states, and following a path for at most `maximumDepth` steps (by default
  /// ``depthLimit(for:)``).
  ///
  /// Returns `nil` when no path within those limits reaches an ending, or when the
  /// scenario cannot be compiled (``CompiledScenario``: a loaded scenario always
  /// can).
  ///
  /// `progress`, if given, is told where a long search is: the states explored so far
  /// (every 32,768), then that the paths through them are being scored.
  public static func analyze(
    _ engine: Engine, budget: Int = defaultBudget, maximumDepth: Int? = nil,
    progress: (@Sendable (Stage) -> Void)? = nil
  ) -> ScoreBounds? {
    let options = SessionOptions(mode: .assessment, timed: false, seed: 0, shuffles: false)
    return analyze(
      engine, from: engine.start(options).state, budget: budget,
      maximumDepth: maximumDepth ?? depthLimit(for: engine.scenario), progress: progress)
  }

  /// Where a search is, for a progress line.
  public enum Stage: Equatable, Sendable {
    /// Exploring: this many states so far.
    case exploring(states: Int)
    /// Scoring the paths through this many states.
    case scoring(states: Int)
  }

  /// Values every future of `start` (a state of an untimed session of `engine`'s
  /// scenario); paths are named from there. Returns `nil` also when the compact step
  /// cannot reach `start` from T+0 (a manual inject among its inputs).
  package static func analyze(
    _ engine: Engine, from start: SessionState, budget: Int = defaultBudget,
    maximumDepth: Int = maximumDepth, progress: (@Sendable (Stage) -> Void)? = nil
  ) -> ScoreBounds? {
    let hasChance =
      engine.scenario.injects.contains { !$0.outcomes.isEmpty }
      || engine.scenario.nodes.contains { $0.choices.contains { !$0.outcomes.isEmpty } }
    guard
      var graph = StateGraph(
        engine: engine, budget: budget, maximumDepth: maximumDepth, keepsSums: hasChance)
    else { return nil }
    if let progress { graph.progress = { progress(.exploring(states: $0)) } }
    guard let root = graph.explore(from: start) else { return nil }
    progress?(.scoring(states: graph.statesExplored))
    guard let solution = graph.solve(from: root) else { return nil }
    let (lows, highs) = (solution.low, solution.high)
    var reasons: [String] = []
    if graph.loops.contains(where: { $0.drift != nil }) {
      reasons.append(
        "going round a loop can take the score beyond these bounds (see the loops); they"
          + " cover the paths that do not come back to a state they were already in")
    }
    if graph.deepPaths > 0 {
      reasons.append(
        "\(graph.deepPaths) path\(graph.deepPaths == 1 ? "" : "s") went on for \(maximumDepth)"
          + " steps without ending or coming back to a state already seen, so a bound may be"
          + " unbounded; the bounds cover paths within \(maximumDepth) steps")
    }
    if graph.stopped {
      reasons.append(
        "the search stopped after \(graph.statesExplored) states (the budget); the bounds"
          + " cover the paths explored so far: raise --budget for exact bounds")
    }
    if solution.mismatches > 0 {
      reasons.append(
        "internal check: at \(solution.mismatches) of \(solution.checked) finished states checked, the"
          + " scores worked out from the timeline and history differ from the scorer's")
    }
    // Each extreme is replayed through the scorer: its score is the scorer's, and a
    // difference from the search's value would show a flaw in the search.
    let scorer = Scorer(engine: engine)
    var ranges: [Range] = []
    for component in 0..<4 {
      var range: [Extreme] = []
      for found in [lows[component], highs[component]] {
        let steps = found.arcs.map { graph.edges[Int(graph.arcs[$0].edge)] }
        var assumptions: [Int: Engine.Assumption] = [:]
        for (offset, step) in steps.enumerated() where step.assumption != Engine.Assumption() {
          assumptions[start.inputs.count + offset] = step.assumption
        }
        let report = try? scorer.score(
          inputs: start.inputs + steps.map(\.input), options: start.options,
          assuming: assumptions
        ).get()
        let replayed = report.map { [$0.overall, $0.timeliness, $0.communication, $0.outcome] }
        let score = replayed?[component]
        if score.map({ abs($0 - found.score) > 1e-6 }) ?? true {
          reasons.append(
            "internal check: a path found for \(names[component]) \(ScoreFormat.points(found.score))"
              + " replays to \(score.map { ScoreFormat.points($0) } ?? "an error")")
        }
        range.append(
          Extreme(
            score: score ?? found.score, path: steps.flatMap(\.labels),
            ending: report?.ending ?? "(none)"))
      }
      ranges.append(Range(minimum: range[0], maximum: range[1]))
    }
    let expected = hasChance ? solution.expected : ranges[0].maximum.score
    let paths = solution.paths
    return ScoreBounds(
      scenario: engine.scenario.id, overall: ranges[0], timeliness: ranges[1],
      communication: ranges[2], outcome: ranges[3],
      paths: graph.statesExplored, exhaustive: reasons.isEmpty,
      loopingPaths: graph.loopingPaths + graph.deepPaths, states: graph.statesExplored,
      completePaths: paths < 9e18 ? Int(paths) : Int.max, exact: reasons.isEmpty,
      reasons: reasons,
      loops: graph.loops.map { Loop(node: $0.node, path: $0.path, changes: $0.drift) },
      expected: graph.stopped ? nil : expected.map(Scorer.tidy), hasChance: hasChance,
      budgetReached: graph.stopped)
  }

  static let names = ["overall", "timeliness", "communication", "outcome"]

  private enum CodingKeys: String, CodingKey {
    case scenario, overall, timeliness, communication, outcome, paths, exhaustive, loopingPaths
    case states, completePaths, exact, reasons, loops, expected, hasChance, budgetReached
  }

  /// Encodes every field, with `null` for an expected score the search could not
  /// give, so that readers always find it.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(scenario, forKey: .scenario)
    try container.encode(overall, forKey: .overall)
    try container.encode(timeliness, forKey: .timeliness)
    try container.encode(communication, forKey: .communication)
    try container.encode(outcome, forKey: .outcome)
    try container.encode(paths, forKey: .paths)
    try container.encode(exhaustive, forKey: .exhaustive)
    try container.encode(loopingPaths, forKey: .loopingPaths)
    try container.encode(states, forKey: .states)
    try container.encode(completePaths, forKey: .completePaths)
    try container.encode(exact, forKey: .exact)
    try container.encode(reasons, forKey: .reasons)
    try container.encode(loops, forKey: .loops)
    try container.encode(expected, forKey: .expected)
    try container.encode(hasChance, forKey: .hasChance)
    try container.encode(budgetReached, forKey: .budgetReached)
  }

}
