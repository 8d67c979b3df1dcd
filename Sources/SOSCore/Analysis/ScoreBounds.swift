/// The lowest and highest scores a scenario allows, and a path that reaches each,
/// found by playing every sequence of options through the engine (up to a budget of
/// paths; beyond it, the strongest and weakest paths and a random sample are played,
/// and the bounds are reported as not exhaustive).
///
/// Typed statements are the one thing the search cannot enumerate: each path is
/// scored as if its statements earned nothing (the low bound) and everything (the
/// high bound), so the bounds bracket what any trainee could write.
public struct ScoreBounds: Hashable, Sendable, Codable {
  /// One extreme: the score and how to reach it.
  public struct Extreme: Hashable, Sendable, Codable {
    public var score: Double
    /// The options taken, by choice id; `(statement)` where a statement is typed.
    public var path: [String]
    public var ending: String
  }

  /// The range of one score.
  public struct Range: Hashable, Sendable, Codable {
    public var minimum: Extreme
    public var maximum: Extreme
  }

  public var scenario: String
  public var overall: Range
  public var timeliness: Range
  public var communication: Range
  /// The range of the ending's outcome.
  public var outcome: Range
  /// Complete paths played.
  public var paths: Int

  /// The most decisions a path is followed for before the search gives it up as a
  /// loop ("ask again" without end).
  public static let maximumDepth = 200
  /// Whether every path was played.
  public var exhaustive: Bool
  /// Paths cut at ``maximumDepth`` decisions because they go round a loop; the bounds
  /// cover the paths that end within it.
  public var loopingPaths: Int = 0

  /// Searches the scenario's paths, playing at most `budget` of them.
  public static func analyze(_ engine: Engine, budget: Int = 20_000, seed: UInt64 = 1)
    -> ScoreBounds?
  {
    // Nine tenths of the budget for the depth-first search; if it cannot finish, the
    // rest goes to the strongest and weakest paths and a random sample.
    let budget = max(budget, 1)
    var search = Search(engine: engine, budget: max(1, budget - budget / 10 - 2))
    search.explore(engine.start(SessionOptions()).state, path: [])
    let exhaustive = !search.cutOff
    if !exhaustive {
      search.cutOff = false
      search.budget = budget
      search.greedy(best: true)
      search.greedy(best: false)
      var generator = SeededGenerator(seed: seed)
      while search.paths < search.budget { search.random(using: &generator) }
    }
    guard let overall = search.overall, let timeliness = search.timeliness,
      let communication = search.communication, let outcome = search.outcome
    else { return nil }
    return ScoreBounds(
      scenario: engine.scenario.id, overall: overall, timeliness: timeliness,
      communication: communication, outcome: outcome, paths: search.paths,
      exhaustive: exhaustive, loopingPaths: search.deepPaths)
  }

  /// The depth-first search and the extremes found so far.
  struct Search {
    let engine: Engine
    let scorer: Scorer
    var budget: Int
    var paths = 0
    /// Paths cut at the depth limit: they go round a loop.
    var deepPaths = 0
    var cutOff = false
    var overall: Range?
    var timeliness: Range?
    var communication: Range?
    var outcome: Range?

    init(engine: Engine, budget: Int) {
      self.engine = engine
      self.scorer = Scorer(engine: engine)
      self.budget = budget
    }

    /// Every continuation of `state`, depth first with an explicit stack (a scenario
    /// with a loop cannot exhaust the call stack); `path` names the options taken. A
    /// path longer than ``ScoreBounds/maximumDepth`` is cut there and counted in
    /// `deepPaths`: it goes round a loop.
    mutating func explore(_ state: SessionState, path: [String]) {
      var stack: [(state: SessionState, path: [String])] = [(state, path)]
      while let (current, path) = stack.popLast() {
        if cutOff { return }
        if current.finished {
          record(current, path: path)
          continue
        }
        if path.count >= ScoreBounds.maximumDepth {
          deepPaths += 1
          paths += 1
          if paths >= budget { cutOff = true }
          continue
        }
        var children: [(state: SessionState, path: [String])] = []
        for (input, name) in inputs(at: current) {
          guard case .success(let next) = engine.step(current, input) else { continue }
          children.append((next.state, path + [name]))
        }
        stack.append(contentsOf: children.reversed())
      }
    }

    /// The inputs possible at `state`, each with its name in a path: a choice's id, or
    /// `(statement)` for an empty statement.
    func inputs(at state: SessionState) -> [(input: SessionInput, name: String)] {
      if engine.pendingWrite(in: state) != nil { return [(.write(""), "(statement)")] }
      return engine.offeredChoices(in: state).enumerated().map {
        (.choose($0.offset + 1), $0.element.id)
      }
    }

    /// Always the option with the most (or least) quality points.
    mutating func greedy(best: Bool) {
      var state = engine.start(SessionOptions()).state
      var path: [String] = []
      while !state.finished, path.count < ScoreBounds.maximumDepth {
        let options = inputs(at: state)
        guard !options.isEmpty else { break }
        var pick = options[0]
        if engine.pendingWrite(in: state) == nil {
          let offered = engine.offeredChoices(in: state)
          let totals = offered.map(\.totalQuality)
          let wanted = best ? totals.max() : totals.min()
          pick = options[totals.firstIndex { $0 == wanted } ?? 0]
        }
        guard case .success(let next) = engine.step(state, pick.input) else { return }
        state = next.state
        path.append(pick.name)
      }
      record(state, path: path)
    }

    mutating func random(using generator: inout SeededGenerator) {
      var state = engine.start(SessionOptions()).state
      var path: [String] = []
      while !state.finished, path.count < 1_000 {
        guard let pick = inputs(at: state).randomElement(using: &generator) else { break }
        guard case .success(let next) = engine.step(state, pick.input) else { return }
        state = next.state
        path.append(pick.name)
      }
      record(state, path: path)
    }

    mutating func record(_ state: SessionState, path: [String]) {
      paths += 1
      if paths >= budget { cutOff = true }
      guard state.finished,
        let report = try? scorer.score(inputs: state.inputs, options: state.options).get()
      else { return }
      // Statements were empty: their entries earned nothing. The high bound gives them
      // everything they could earn.
      let statementRoom = report.ledger.filter { $0.rule == .statement }.reduce(0) {
        $0 + $1.maximum - $1.points
      }
      let weights = report.weights
      let total = Double(max(1, weights.timeliness + weights.communication + weights.outcome))
      let ending = report.ending ?? state.node
      func extreme(_ score: Double) -> Extreme { Extreme(score: score, path: path, ending: ending) }
      // The high bound adds what the statements could earn to the entries before any
      // floor, then keeps the result within 0–100.
      let unfloored = report.ledger.filter { $0.component == .communication && $0.rule != .floor }
        .reduce(0) { $0 + $1.points }
      let communicationHigh = Scorer.tidy(unfloored + statementRoom)
      let overallHigh = Scorer.tidy(
        report.overall + Double(weights.communication) * (communicationHigh - report.communication)
          / total)
      Self.widen(&overall, low: extreme(report.overall), high: extreme(overallHigh))
      Self.widen(&timeliness, low: extreme(report.timeliness), high: extreme(report.timeliness))
      Self.widen(
        &communication, low: extreme(report.communication), high: extreme(communicationHigh))
      Self.widen(&outcome, low: extreme(report.outcome), high: extreme(report.outcome))
    }

    static func widen(_ range: inout Range?, low: Extreme, high: Extreme) {
      guard var current = range else {
        range = Range(minimum: low, maximum: high)
        return
      }
      if low.score < current.minimum.score { current.minimum = low }
      if high.score > current.maximum.score { current.maximum = high }
      range = current
    }
  }
}
