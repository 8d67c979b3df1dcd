/// The states play can reach from a start, as a graph: found depth first with an
/// explicit stack, each state once (by its ``SearchKey``), with a watch for states
/// that come back on the path being followed (loops), and a step for every option,
/// statement class and chance outcome.
///
/// Play is moved by the compact step (``CompactEngine``, held equal to the engine's
/// step by its tests), with the statement and chance outcomes assumed, and the
/// compact state's journal tells what each step did to the timeline.
///
/// A state is told apart from another by its situation and, while time still matters,
/// its clock, or which side of each time still ahead it is on (``ClockClasses``):
/// what its futures depend on (``SearchKey``). Where time no longer
/// matters, states that differ only in their clock share a node, and a step's
/// timeline changes are counted from the step's start. What only the score reads, its
/// ``Timeline`` and the shape and sums of its history, is left out unless
/// `keepsSums`, and carried along the graph afterwards (`StateGraph+Bounds`), with
/// each path's clock: each score moves one way with each of these counts, so the
/// extremes can be found there. With chance outcomes the
/// expected score needs each state's own past, and it is kept in the key.
struct StateGraph {
  let engine: Engine
  let compact: CompactEngine
  let compiled: CompiledScenario
  let scorer: Scorer
  let references: ScenarioReferences
  /// The clocks at each node that lead to the same futures.
  let clockClasses: ClockClasses
  /// The most states to explore before stopping.
  let budget: Int
  /// The most steps a path is followed for.
  let maximumDepth: Int
  /// Whether states are told apart by their timeline and history too.
  let keepsSums: Bool
  /// Told the number of states explored every ``progressInterval`` states.
  var progress: (@Sendable (Int) -> Void)?
  static let progressInterval = 1 << 15

  /// A state of play.
  struct Node {
    /// Its steps: `arcs[arcs]`, set once its futures are explored.
    var arcs: Range<Int> = 0..<0
    /// The clock of the first state found with its key, in seconds: where time no
    /// longer matters (``SearchKey/anyClock``), or clocks fall in one class, states of
    /// other clocks share the node, and the sweeps carry each path's own.
    var clock: Int
    /// Its scores, if play is over.
    var leaf: LeafScore?
  }

  /// A step from one state to another, and what it adds to the history.
  struct Arc {
    var from: Int32
    var to: Int32
    /// How a path names it, its input and what is assumed (an index into `edges`).
    var edge: Int32
    /// The option or statement class taken: the chance outcomes of one share it.
    var group: Int32
    var probability: Double
    /// A graded decision, a posture, a statement: what the step adds to the shape.
    var graded: Bool
    var posture: Posture?
    var statement: Bool
    /// What the step adds to the history's sums.
    var credit: Double
    var fit: Double
    var points: Double
    /// What it does to the timeline (an index into `changes`, its times counted from
    /// the step's start).
    var timeline: Int32
    /// How long it takes, in seconds, until it waits for a time of day, if it does.
    var duration: Int32
    /// The time of day it then waits for (minutes after midnight), or -1: how long
    /// it waits depends on when it is taken.
    var until: Int32

    /// `shape` with this step's decision or statement counted.
    func adding(to shape: SearchKey.History.Shape) -> SearchKey.History.Shape {
      var next = shape
      if graded { next.graded += 1 }
      if let posture {
        next.postures += 1
        if posture == .deny { next.denied = true }
        if posture == .rebuild { next.rebuilt = true }
      }
      if statement { next.statements += 1 }
      return next
    }
  }

  /// One step's input, what is assumed for it, and how a path names it.
  struct Edge: Hashable {
    var input: SessionInput
    var assumption: Engine.Assumption
    var labels: [String]
  }

  /// What decides an ``Edge``: the option number (0 for a statement), the option
  /// taken or the write task and statement class, and the chance outcomes drawn
  /// (each list's first playtest slot and the outcome).
  private struct EdgeKey: Hashable {
    var number: Int
    var what: Int
    var draws: [Int]
  }

  /// A loop found: a state came back on the path being followed.
  struct LoopFound: Hashable {
    /// The node play came back to.
    var node: String
    /// The steps round the loop.
    var path: [String]
    /// Why going round again can change the score; `nil` when it cannot.
    var drift: String?
  }

  private(set) var nodes: [Node] = []
  private(set) var arcs: [Arc] = []
  /// What steps do to timelines, each list once.
  private(set) var changes: [[Timeline.Change]] = []
  private var changeIndex: [[Timeline.Change]: Int32] = [:]
  /// The same lists found by what a step's journal said, written as words
  /// (``internChanges()``), and the words and journal of the step being worked out.
  private var changeIndexByWords: [[Int]: Int32] = [:]
  private var changeWords: [Int] = []
  /// The index of the empty list of changes, once interned.
  private var noChanges: Int32?
  private var journal: [CompactEngine.Happening]? = []
  let layout: Timeline.Layout
  let rules: ScoringRules
  private var coder: SituationCoder
  private(set) var edges: [Edge] = []
  private var edgeIndex: [EdgeKey: Int32] = [:]
  /// Each write task's statement classes (by write index), worked out once.
  private var statementClasses: [[StatementClass]?]
  /// By stakeholder index: the timeline's index of their first contact (`-1` if not
  /// required) and of the cadence rules about them.
  private let contactTerms: [(first: Int, cadence: [Int])]
  /// Deadline ids, and deadline indices in the order of their ids.
  private let deadlineIDs: [String]
  private let deadlineOrder: [Int]
  /// By declared inject: its time, and its place in the compiled firing order (`nil`
  /// for a manual inject, which the search never fires).
  private let injectTimes: [(at: ClockDuration, position: Int?)]
  /// The inputs that reached the start.
  private var startInputs: [SessionInput] = []
  /// The state the search started from.
  private var startState: CompactState?
  private var index = StateIndex()
  /// Room for the injects spent in a state and what play can still set from it.
  private var spent: [UInt64] = []
  private var settable: [UInt64] = []
  /// Nodes in the order their futures were explored: every arc leads to a node
  /// earlier in this order.
  private(set) var order: [Int32] = []
  private(set) var statesExplored = 0
  private(set) var loops: [LoopFound] = []
  private var loopsSeen: Set<LoopFound> = []
  /// Paths cut at ``maximumDepth`` steps.
  private(set) var deepPaths = 0
  /// Paths cut where they came back to a state on the path.
  private(set) var loopingPaths = 0
  private(set) var stopped = false
  private var serial = 0
  /// Finished states to check against the scorer (``mismatches(in:)``): whether
  /// their scores, worked out from their timeline and the shape and sums of their
  /// history, differ from its. They are checked while the graph is swept.
  private(set) var checks: [Check] = []
  private var leavesSeen = 0
  private var checkedShapes: Set<SearchKey.History.Shape> = []
  /// The steps the checks so far replay, and the most they replay in all before
  /// checks are made sparse: more than every shipped scenario's checks replay (the
  /// most, misconduct's, replay about 24,000), and a bound on a very long game, where
  /// each check replays hundreds of steps through the scorer.
  private var checkedSteps = 0
  static let checkedStepBudget = 50_000

  /// A graph for `engine`'s scenario; `nil` when the scenario cannot be compiled
  /// (``CompiledScenario``: one that names a node it does not have, or repeats an id).
  init?(engine: Engine, budget: Int, maximumDepth: Int, keepsSums: Bool) {
    guard let compact = CompactEngine(engine: engine) else { return nil }
    self.engine = engine
    self.compact = compact
    let compiled = compact.compiled
    self.compiled = compiled
    self.scorer = Scorer(engine: engine)
    let references = ScenarioReferences(engine.scenario)
    self.references = references
    // With sums kept, each state keeps its own clock.
    clockClasses = keepsSums ? ClockClasses() : ClockClasses(compiled, references: references)
    self.budget = max(budget, 1)
    self.maximumDepth = max(maximumDepth, 1)
    self.keepsSums = keepsSums
    let layout = Timeline.Layout(engine.scenario)
    self.layout = layout
    self.coder = SituationCoder(compiled)
    self.rules = ScoringRules(engine: engine, state: engine.start(SessionOptions()).state)
    statementClasses = Array(repeating: nil, count: compiled.writes.count)
    contactTerms = compiled.stakeholderIDs.map { id in
      (
        layout.required.firstIndex(of: id) ?? -1,
        layout.cadence.indices.filter { layout.cadence[$0].stakeholder == id }
      )
    }
    deadlineIDs = engine.scenario.deadlines.map(\.id)
    deadlineOrder = engine.scenario.deadlines.indices.sorted {
      engine.scenario.deadlines[$0].id < engine.scenario.deadlines[$1].id
    }
    var positions: [Int: Int] = [:]
    for (position, inject) in compiled.injects.enumerated() {
      positions[inject.declared] = position
    }
    injectTimes = engine.scenario.injects.enumerated().map { ($1.at, positions[$0]) }
  }

  // MARK: - Moves

  /// A step from a state, worked out.
  private struct Move {
    var group: Int
    var probability: Double
    var edge: Int32
    /// The state reached, its key and whether time still matters there, worked out
    /// with the move (reading them from a move taken off the stack copied the move
    /// each time). The state and key are left out (`nil`) when the state is `known`
    /// already and time still matters there: the search then needs neither.
    var state: CompactState?
    var key: SearchKey?
    var known: Int32?
    var timeMatters: Bool
    var history: SearchKey.History
    var graded: Bool
    var posture: Posture?
    var writes: Bool
    var credit: Double
    var fit: Double
    var points: Int
    var timeline: Int32
    var duration: Int32
    var until: Int32
  }

  private mutating func intern(_ list: [Timeline.Change]) -> Int32 {
    if let index = changeIndex[list] { return index }
    let index = Int32(changes.count)
    changes.append(list)
    changeIndex[list] = index
    return index
  }

  private mutating func intern(_ key: EdgeKey, _ edge: () -> Edge) -> Int32 {
    if let index = edgeIndex[key] { return index }
    let index = Int32(edges.count)
    edges.append(edge())
    edgeIndex[key] = index
    return index
  }

  /// Every step from `state`: each offered option, or each statement class for a
  /// pending statement, and for each every combination of chance outcomes.
  private mutating func moves(from state: CompactState, history: SearchKey.History) -> [Move] {
    var moves: [Move] = []
    let compiled = self.compiled
    if let pending = state.pendingWrite, let write = compiled.choices[pending].write {
      let classes =
        statementClasses[write] ?? StatementClass.classes(for: compiled.writes[write].task)
      statementClasses[write] = classes
      for (group, kind) in classes.enumerated() {
        var found = outcomes(of: .write(""), from: state, statement: kind.record, write: write)
        // Taken out last first (removing the first would copy it).
        found.reverse()
        while !found.isEmpty {
          let outcome = found.removeLast()
          var next = history
          var points = 0
          if let kept = outcome.statement {
            next.add(kept)
            points = kept.isStatement ? kept.score : 0
          }
          let edge = intern(EdgeKey(number: 0, what: write << 16 | group, draws: outcome.slots)) {
            Edge(
              input: .write(""),
              assumption: Engine.Assumption(statement: kind.record, draws: outcome.draws),
              labels: [kind.label] + outcome.labels)
          }
          let (probability, timeline) = (outcome.probability, outcome.changes)
          moves.append(
            Move(
              group: group, probability: probability, edge: edge, state: outcome.state,
              key: key(of: outcome, history: next), known: outcome.known,
              timeMatters: outcome.timeMatters, history: next, graded: false, posture: nil,
              writes: true, credit: 0, fit: 0, points: points, timeline: timeline,
              duration: outcome.duration, until: outcome.until))
        }
      }
      return moves
    }
    let offered = compact.offered(in: state)
    moves.reserveCapacity(offered.count)
    var high = Int.min
    var low = Int.max
    for choice in offered {
      high = max(high, compiled.choices[choice].totalQuality)
      low = min(low, compiled.choices[choice].totalQuality)
    }
    for (group, choice) in offered.enumerated() {
      // Read in place: a copy of the option would count a reference to each of its lists.
      let total = compiled.choices[choice].totalQuality
      let posture = compiled.choices[choice].posture
      let fit = compiled.choices[choice].postureFit
      // The credit the scorer gives the choice (see `Scorer.review(of:among:in:)`).
      let credit = high > low ? (Double(total) - Double(low)) / Double(high - low) : 0
      var found = outcomes(of: .choose(group + 1), from: state, statement: nil, write: nil)
      found.reverse()
      while !found.isEmpty {
        let outcome = found.removeLast()
        var next = history
        next.add(total: total, posture: posture, fit: fit, low: low, high: high) {
          serial += 1
          return serial
        }
        let edge = intern(EdgeKey(number: group + 1, what: choice, draws: outcome.slots)) {
          Edge(
            input: .choose(group + 1), assumption: Engine.Assumption(draws: outcome.draws),
            labels: [compiled.choiceIDs[choice]] + outcome.labels)
        }
        let (probability, timeline) = (outcome.probability, outcome.changes)
        moves.append(
          Move(
            group: group, probability: probability, edge: edge, state: outcome.state,
            key: key(of: outcome, history: next), known: outcome.known,
            timeMatters: outcome.timeMatters, history: next, graded: high > low,
            posture: posture,
            writes: false, credit: credit, fit: fit ?? 0, points: 0, timeline: timeline,
            duration: outcome.duration, until: outcome.until))
      }
    }
    return moves
  }

  /// The key of the state `outcome` reaches, when it is not known already.
  private mutating func key(of outcome: Outcome, history: SearchKey.History) -> SearchKey? {
    guard outcome.known == nil, let state = outcome.state else { return nil }
    guard let situation = outcome.situation else {
      return key(of: state, history: history, timeMatters: outcome.timeMatters)
    }
    return SearchKey(situation: situation, clock: outcome.clock, past: nil)
  }

  /// ``moves(from:history:)`` with the next step last, to be taken with `removeLast`.
  private mutating func movesNextLast(from state: CompactState, history: SearchKey.History)
    -> [Move]
  {
    var found = moves(from: state, history: history)
    // Turned in the buffer, where a swap moves the moves without counting references.
    found.withUnsafeMutableBufferPointer { $0.reverse() }
    return found
  }

  /// One way a step can turn out.
  private struct Outcome {
    /// The state reached; `nil` when it is `known` already and time still matters
    /// there (then the search needs neither the state nor its key).
    var state: CompactState?
    var known: Int32?
    /// Its situation, when it was written to look the state up and not found, and
    /// the clock (or class, or ``SearchKey/anyClock``) its key then has.
    var situation: SearchKey.Situation?
    var clock = SearchKey.anyClock
    var timeMatters: Bool
    /// The statement kept, for a statement.
    var statement: StatementRecord?
    var probability: Double
    /// The outcomes drawn, in order, and each list's first playtest slot beside it.
    var draws: [Int]
    var slots: [Int]
    var labels: [String]
    /// What it does to the timeline (an index into `changes`).
    var changes: Int32
    /// How long it takes, in seconds, until it waits for a time of day (`until`,
    /// minutes after midnight, or -1), if it does.
    var duration: Int32
    var until: Int32
  }

  /// `input` applied to `state` once for every combination of the chance outcomes
  /// it draws; `write` is the write task of a statement.
  ///
  /// Where time still matters the state reached is looked up at once: a step to a
  /// known state, most of them, then keeps neither the state nor a key.
  private mutating func outcomes(
    of input: CompactEngine.Input, from state: CompactState, statement: StatementRecord?,
    write: Int?
  ) -> [Outcome] {
    var found: [Outcome] = []
    // The draws to assume, one list for each way still to try: most steps draw
    // nothing, and are tried once with none (no list of lists is made for them).
    var pending: [[Int]] = []
    var first = true
    while first || !pending.isEmpty {
      let prefix = first ? [] : pending.removeLast()
      first = false
      var next = state
      next.forcedDraws = prefix
      next.forcedUsed = 0
      // The journal's room is kept between steps (swapped in and out, so that it is
      // never shared and appending to it does not copy it).
      journal?.removeAll(keepingCapacity: true)
      swap(&next.journal, &journal)
      let result = compact.perform(&next, input, assuming: statement)
      swap(&next.journal, &journal)
      guard case .success = result else { continue }
      next.journal = nil
      next.forcedDraws = []
      next.forcedUsed = 0
      var draws: [(chances: CompiledScenario.Chances, index: Int)] = []
      changeWords.removeAll(keepingCapacity: true)
      // Times are counted from the step's start, so that steps that differ only in
      // when they are taken share a list, and states that share a node though their
      // clocks differ (``ClockClasses``) share its steps.
      let began = state.clock.seconds
      var waited: (until: Int, from: Int)?
      for happening in journal ?? [] {
        switch happening {
        case .contacted(let stakeholder, let time):
          writeChange(.contact, stakeholder, time.seconds - began)
        case .met(let deadline, let time):
          writeChange(.met, deadline, time.seconds - began)
        case .promised(let index):
          let promise = next.promises[index]
          writeChange(.promise, promise.madeAt.seconds - began, promise.due.seconds - began)
        case .kept(let index, let time):
          writeChange(.kept, index, time.seconds - began)
        case .drawn(let chances, let index):
          draws.append((chances, index))
        case .waited(let until, let from):
          waited = (until, from.seconds)
        }
      }
      if draws.count > prefix.count {
        // Branch on the first draw not yet assumed: every outcome that can happen.
        let chances = draws[prefix.count].chances.weights
        let total = chances.reduce(0) { $0 + max($1, 0) }
        for index in chances.indices.reversed() where total <= 0 ? index == 0 : chances[index] > 0 {
          pending.append(prefix + [index])
        }
        continue
      }
      var probability = 1.0
      var labels: [String] = []
      for draw in draws {
        let weights = draw.chances.weights
        let total = weights.reduce(0) { $0 + max($1, 0) }
        if total > 0 { probability *= Double(max(weights[draw.index], 0)) / Double(total) }
        let said = draw.chances.texts[draw.index].map { ": " + StatementClass.shortened($0) } ?? ""
        labels.append("[chance \(draw.index + 1)/\(weights.count)\(said)]")
      }
      // Without sums kept, the situation is written here, with the injects spent
      // worked out once for it and for whether time still matters; where time still
      // matters, the state is looked up by its situation and clock before it is kept.
      // (With sums kept, the key is worked out with the history.)
      let matters = timeStillMatters(next)
      var known: Int32?
      var situation: SearchKey.Situation?
      let clock = matters && !keepsSums ? clockKey(of: next) : SearchKey.anyClock
      if !keepsSums {
        let digest = coder.write(next, spent: spent)
        if matters {
          known = index.find(words: coder.words, digest: digest, clock: clock, past: nil)
        }
        if known == nil { situation = SearchKey.Situation(words: coder.words, digest: digest) }
      }
      found.append(
        Outcome(
          state: known == nil ? next : nil, known: known, situation: situation, clock: clock,
          timeMatters: matters, statement: write.flatMap { next.statements[$0] },
          probability: probability, draws: prefix,
          slots: draws.flatMap { [$0.chances.firstSlot, $0.index] }, labels: labels,
          changes: internChanges(),
          duration: Int32(clamping: (waited?.from ?? next.clock.seconds) - began),
          until: Int32(clamping: waited?.until ?? -1)))
    }
    return found
  }

  /// What a timeline change written in `changeWords` is: its first word of three
  /// (then a stakeholder, deadline or promise index, or a promise's time made, and
  /// the time).
  private enum ChangeKind: Int {
    case contact, met, promise, kept
  }

  /// Writes one timeline change into `changeWords` (appended word by word: a list
  /// literal would allocate for every change).
  private mutating func writeChange(_ kind: ChangeKind, _ what: Int, _ time: Int) {
    changeWords.append(kind.rawValue)
    changeWords.append(what)
    changeWords.append(time)
  }

  /// The index of the timeline changes written in `changeWords` (from the journal):
  /// found by the words, and worked out and interned the first time they are seen.
  private mutating func internChanges() -> Int32 {
    // Most steps change nothing: their index is kept, not looked up.
    if changeWords.isEmpty, let index = noChanges { return index }
    if let index = changeIndexByWords[changeWords] { return index }
    var list: [Timeline.Change] = []
    var position = 0
    while position + 2 < changeWords.count {
      let (kind, what, time) = (
        changeWords[position], changeWords[position + 1], changeWords[position + 2]
      )
      position += 3
      let seconds = Timeline.seconds(ClockDuration(seconds: time))
      switch ChangeKind(rawValue: kind) {
      case .contact:
        let terms = contactTerms[what]
        list.append(.contact(first: terms.first, cadence: terms.cadence, at: seconds))
      case .met:
        if let change = Timeline.met(deadlineIDs[what], at: seconds, layout: layout) {
          list.append(change)
        }
      case .promise:
        list.append(.promise(madeAt: Timeline.seconds(ClockDuration(seconds: what)), due: seconds))
      case .kept, nil:
        list.append(.kept(what + 1, at: seconds))
      }
    }
    let index = intern(list)
    changeIndexByWords[changeWords] = index
    if changeWords.isEmpty { noChanges = index }
    return index
  }

  // MARK: - Exploring

  /// A state being explored, on the stack.
  private struct Frame {
    var node: Int32
    var state: CompactState
    var key: SearchKey
    var history: SearchKey.History
    var depth: Int
    /// The step that led here (`-1` at the start).
    var incoming: Int32
    /// The steps not yet followed, the next last.
    var moves: [Move] = []
    var arcs: [Arc] = []
  }

  /// Adds a state found by the steps `path` (edges from the start; worked out only
  /// for a finished state that is checked); a finished one is scored, and some are
  /// checked against the scorer.
  private mutating func addNode(
    _ key: SearchKey, state: CompactState, history: SearchKey.History,
    path: () -> [Int32]
  ) -> Int32 {
    statesExplored += 1
    if statesExplored & (Self.progressInterval - 1) == 0, let progress { progress(statesExplored) }
    let id = Int32(nodes.count)
    var leaf: LeafScore?
    if state.finished {
      let score = LeafScore(state, compiled: compiled)
      leaf = score
      if shouldCheck(history.shape) {
        let steps = path()
        checkedSteps += steps.count
        checks.append(Check(score: score, history: history, path: steps))
      }
    }
    nodes.append(Node(clock: state.clock.seconds, leaf: leaf))
    index.add(key, number: id)
    if state.finished { order.append(id) }
    return id
  }

  /// Whether to check the next finished state against the scorer: the first of each
  /// shape of history, the first 25, and one in 100 after; one in 1,000 once the
  /// checks replay ``checkedStepBudget`` steps.
  private mutating func shouldCheck(_ shape: SearchKey.History.Shape) -> Bool {
    leavesSeen += 1
    if checkedSteps >= Self.checkedStepBudget { return leavesSeen % 1000 == 0 }
    return checkedShapes.insert(shape).inserted || leavesSeen <= 25 || leavesSeen % 100 == 0
  }

  /// A finished state to check against the scorer, reached by the steps `path`.
  struct Check {
    var score: LeafScore
    var history: SearchKey.History
    var path: [Int32]
  }

  /// The state the steps `path` reach from the start, played again with what they
  /// assume; `nil` if a step is refused.
  func replay(_ path: [Int32]) -> CompactState? {
    guard var state = startState else { return nil }
    for edgeIndex in path {
      let edge = edges[Int(edgeIndex)]
      let input: CompactEngine.Input
      switch edge.input {
      case .choose(let number): input = .choose(number)
      case .write(let text): input = .write(text)
      case .timeout: input = .timeout
      case .inject, .undo: return nil
      }
      state.forcedDraws = edge.assumption.draws
      state.forcedUsed = 0
      guard case .success = compact.perform(&state, input, assuming: edge.assumption.statement)
      else { return nil }
    }
    state.forcedDraws = []
    state.forcedUsed = 0
    return state
  }

  /// Of `checks`, how many differ from the scorer: each finished state is replayed
  /// through the scorer (its inputs, with what its path assumed), and a mismatch is
  /// counted if the scores worked out from its timeline and history differ.
  func mismatches(in checks: some Sequence<Check>) -> Int {
    var mismatches = 0
    for check in checks {
      let path = check.path
      guard let reached = replay(path) else {
        mismatches += 1
        continue
      }
      let state = compact.sessionState(
        of: reached, inputs: startInputs + path.map { edges[Int($0)].input })
      let first = state.inputs.count - path.count
      var assumptions: [Int: Engine.Assumption] = [:]
      for (offset, edge) in path.enumerated()
      where edges[Int(edge)].assumption != Engine.Assumption() {
        assumptions[first + offset] = edges[Int(edge)].assumption
      }
      guard
        let report = try? scorer.score(
          inputs: state.inputs, options: state.options, assuming: assumptions
        ).get()
      else {
        mismatches += 1
        continue
      }
      let history = check.history
      let worked = check.score.scores(
        history.shape, credit: history.credit.value, fit: history.fit,
        points: Double(history.statementPoints), timeline: Timeline(state, layout: layout),
        layout: layout, rules: rules, scorer: scorer)
      if abs(worked.timeliness - report.timeliness) > 1e-6
        || abs(worked.communication - report.communication) > 1e-6
        || abs(worked.overall - report.overall) > 1e-6
      {
        mismatches += 1
      }
    }
    return mismatches
  }

  /// The history that led to `state` from T+0: its inputs replayed (undone decisions
  /// left out).
  func past(of state: SessionState) -> SearchKey.History {
    var history = SearchKey.History()
    var current = engine.start(state.options).state
    for input in state.standingInputs {
      let offered = engine.offeredChoices(in: current)
      let pending = engine.pendingWrite(in: current)
      guard case .success(let next) = engine.step(current, input) else { break }
      switch input {
      case .choose(let number) where offered.indices.contains(number - 1):
        history.add(offered[number - 1], among: offered, in: engine.scenario.cluster) { -1 }
      case .write:
        if let task = pending?.write, let kept = next.state.statements[task.id] {
          history.add(kept)
        }
      default:
        break
      }
      current = next.state
    }
    return history
  }

  /// The history `start` was reached with.
  private(set) var startHistory = SearchKey.History()
  /// The timeline `start` was reached with.
  private(set) var startTimeline: Timeline?

  /// The compact state of `session`: its inputs (undone ones left out) played by
  /// the compact step; `nil` when one is an input it does not take (a manual inject)
  /// or the state reached is not `session`.
  func compactState(of session: SessionState) -> CompactState? {
    var state = compact.start(session.options)
    for input in session.standingInputs {
      let step: CompactEngine.Input
      switch input {
      case .choose(let number): step = .choose(number)
      case .write(let text): step = .write(text)
      case .timeout: step = .timeout
      case .inject, .undo: return nil
      }
      guard case .success = compact.perform(&state, step) else { return nil }
    }
    guard compact.sessionState(of: state, inputs: session.inputs) == session else { return nil }
    return state
  }

  /// Explores every future of `session`; the index of its node, or `nil` when the
  /// compact step cannot reach it (``compactState(of:)``).
  mutating func explore(from session: SessionState) -> Int32? {
    guard let start = compactState(of: session) else { return nil }
    startInputs = session.inputs
    startState = start
    let history = past(of: session)
    startHistory = history
    startTimeline = Timeline(session, layout: layout)
    let startKey = key(of: start, history: history, timeMatters: timeStillMatters(start))
    let root = addNode(startKey, state: start, history: history) { [] }
    if start.finished { return root }
    var stack: [Frame] = []
    var onPath: [SearchKey.Situation: [(depth: Int, key: SearchKey)]] = [:]
    // By the low bits of a situation's digest: how many states on the path have such
    // a one. A situation whose count is zero is not on the path, found without
    // hashing it.
    var onPathCounts = [Int32](repeating: 0, count: 1 << 12)
    func bucket(_ situation: SearchKey.Situation) -> Int {
      Int(truncatingIfNeeded: situation.digest) & (1 << 12 - 1)
    }
    var first = Frame(
      node: root, state: start, key: startKey, history: history, depth: 0, incoming: -1)
    first.moves = movesNextLast(from: start, history: history)
    onPath[startKey.situation, default: []].append((0, startKey))
    onPathCounts[bucket(startKey.situation)] += 1
    // By node: its depth on the path being followed, or -1.
    var depthOnPath = [Int32](repeating: -1, count: nodes.count)
    depthOnPath[Int(root)] = 0
    stack.append(first)

    while let top = stack.indices.last {
      if !stopped, !stack[top].moves.isEmpty {
        // Taken off the list (moved out, not copied).
        let move = stack[top].moves.removeLast()
        let parent = (node: stack[top].node, depth: stack[top].depth)
        let childKey = move.key
        let known = move.known ?? childKey.flatMap { index.find($0) }
        // While time still matters only the same state on the path is a loop, and it
        // is a known one (a move without a key is one of these).
        let ancestor: Int?
        if let childKey, !move.timeMatters {
          ancestor =
            onPathCounts[bucket(childKey.situation)] == 0
            ? nil : loopBack(childKey, on: onPath)
        } else {
          ancestor = known.flatMap { node in
            // A node never followed (a finished one) has no place on any path.
            depthOnPath.indices.contains(Int(node)) && depthOnPath[Int(node)] >= 0
              ? Int(depthOnPath[Int(node)]) : nil
          }
        }
        if let ancestor {
          loopingPaths += 1
          let clock = move.state?.clock.seconds ?? known.map { nodes[Int($0)].clock } ?? 0
          noteLoop(from: ancestor, stack: stack, closing: move, clock: clock)
          continue
        }
        if let known {
          stack[top].arcs.append(arc(from: parent.node, to: known, move))
          continue
        }
        // A move is without a state and key only when its state is known.
        guard let childKey, let state = move.state else { continue }
        if statesExplored >= budget {
          stopped = true
          continue
        }
        if state.finished {
          // The steps from the start, for the check against the scorer.
          // The closure takes the edge alone (taking the move would copy it, for every move).
          let edge = move.edge
          let leaf = addNode(childKey, state: state, history: move.history) {
            stack.dropFirst().map(\.incoming) + [edge]
          }
          stack[top].arcs.append(arc(from: parent.node, to: leaf, move))
          continue
        }
        if parent.depth + 1 > maximumDepth {
          deepPaths += 1
          continue
        }
        let id = addNode(childKey, state: state, history: move.history) { [] }
        stack[top].arcs.append(arc(from: parent.node, to: id, move))
        let (history, edge) = (move.history, move.edge)
        var frame = Frame(
          node: id, state: state, key: childKey, history: history,
          depth: parent.depth + 1, incoming: edge)
        frame.moves = movesNextLast(from: frame.state, history: history)
        onPath[childKey.situation, default: []].append((frame.depth, childKey))
        onPathCounts[bucket(childKey.situation)] += 1
        while depthOnPath.count < nodes.count { depthOnPath.append(-1) }
        depthOnPath[Int(id)] = Int32(frame.depth)
        stack.append(frame)
        continue
      }
      // Every step from the top state is explored: its arcs are final.
      guard let frame = stack.popLast() else { break }
      onPath[frame.key.situation]?.removeLast()
      onPathCounts[bucket(frame.key.situation)] -= 1
      depthOnPath[Int(frame.node)] = -1
      let start = arcs.count
      arcs += frame.arcs
      nodes[Int(frame.node)].arcs = start..<arcs.count
      order.append(frame.node)
    }
    // The graph is built: what found states and steps again is no longer needed.
    index.removeAll()
    edgeIndex = [:]
    changeIndex = [:]
    changeIndexByWords = [:]
    return root
  }

  private func arc(from parent: Int32, to node: Int32, _ move: Move) -> Arc {
    Arc(
      from: parent, to: node, edge: move.edge, group: Int32(move.group),
      probability: move.probability, graded: move.graded, posture: move.posture,
      statement: move.writes, credit: move.credit, fit: move.fit, points: Double(move.points),
      timeline: move.timeline, duration: move.duration, until: move.until)
  }

  /// The key of `state`: without its clock where time no longer matters (unless each
  /// state keeps its own past, which is settled by the clock).
  private mutating func key(
    of state: CompactState, history: SearchKey.History, timeMatters: Bool
  ) -> SearchKey {
    // The timeline and history are followed along the graph's arcs afterwards, except
    // where each state's own is needed (chance outcomes, for the expected score).
    SearchKey(
      situation: coder.situation(of: state),
      clock: keepsSums
        ? state.clock.seconds : timeMatters ? clockKey(of: state) : SearchKey.anyClock,
      past: keepsSums
        ? SearchKey.Past(
          timeline: Timeline(
            state, layout: layout, contacts: contactTerms, deadlineIDs: deadlineIDs,
            deadlineOrder: deadlineOrder
          ).settled(at: state.clock.seconds, layout: layout), history: history) : nil)
  }

  /// What a state where time still matters is keyed by for its clock: its class at
  /// its node (``ClockClasses``), or the clock where the node keeps it, or where play
  /// is on a detour (where it returns to decides what follows).
  @inline(__always)
  private func clockKey(of state: CompactState) -> Int {
    guard state.returnStack.isEmpty else { return state.clock.seconds }
    return clockClasses.key(node: state.node, seconds: state.clock.seconds)
  }

  // MARK: - Loops

  /// The depth of the state on the path that `key` comes back to, if it does: the
  /// same state (only the history differing), or the same situation later on the
  /// clock when nothing ahead depends on the time any more.
  private func loopBack(
    _ key: SearchKey, on path: [SearchKey.Situation: [(depth: Int, key: SearchKey)]]
  ) -> Int? {
    guard let seen = path[key.situation], let last = seen.last else { return nil }
    if let same = seen.last(where: { $0.key == key }) { return same.depth }
    return last.depth
  }

  /// Whether waiting can still change what happens: an inject not yet due (that can
  /// still fire), a deadline not yet settled (nor sure never to be met), or a
  /// condition on the clock not yet past.
  ///
  /// The injects spent in `state` are left in ``spent``, for its situation.
  mutating func timeStillMatters(_ state: CompactState) -> Bool {
    coder.spentInjects.write(state, into: &spent, settable: &settable)
    let spent = self.spent
    if injectTimes.contains(where: { inject in
      guard inject.at > state.clock, let position = inject.position else { return false }
      return spent[position >> 6] & 1 << UInt64(position & 63) == 0
    }) {
      return true
    }
    // A deadline still to be met or missed; one that can never be met is settled.
    let spentInjects = coder.spentInjects
    if state.metDeadlines.indices.contains(where: {
      state.metDeadlines[$0] == nil && !spentInjects.isDoomed($0, in: spent)
    }) {
      return true
    }
    if references.readsClock {
      guard let latest = references.latestClockLiteral, state.clock > latest else { return true }
    }
    return false
  }

  private mutating func noteLoop(
    from ancestor: Int, stack: [Frame], closing move: Move, clock: Int
  ) {
    let path =
      stack[(ancestor + 1)...].flatMap { frame in
        frame.incoming >= 0 ? edges[Int(frame.incoming)].labels : []
      } + edges[Int(move.edge)].labels
    let before = stack[ancestor]
    var changes: [String] = []
    let then = before.state.clock.seconds
    if then != clock {
      let pass = ClockDuration(seconds: clock - then)
      changes.append("time passes, \(ScoringRules.hours(pass)) a pass")
    }
    if before.history != move.history {
      changes.append("the decisions or statements on it are graded again")
    }
    let found = LoopFound(
      node: compiled.nodeIDs[before.state.node], path: path,
      drift: changes.isEmpty ? nil : changes.joined(separator: ", and "))
    if loopsSeen.insert(found).inserted { loops.append(found) }
  }
}
