/// The rules of play. `step(state, input)` is the only way a session changes: the
/// REPL, the replayer, the playtester and the tests all drive this one pure function,
/// so the same scenario, seed and inputs always give the same events and state.
///
/// ```swift
/// let engine = Engine(scenario: scenario)
/// var (state, events) = engine.start(SessionOptions(seed: 7))
/// let next = try engine.step(state, .choose(1)).get()
/// ```
public struct Engine: Sendable {
  public let scenario: Scenario
  /// Grades typed statements as they are written: what a statement says can change
  /// the story.
  public let analyzer: StatementAnalyzer
  /// The nodes by id, each in a box, so that finding one copies a reference and not
  /// the whole node.
  private let nodes: [String: NodeEntry]
  /// Scheduled injects in the order they fire: by `at`, then by file order.
  private let injects: [Inject]
  /// Manual injects by id: a facilitator fires them (``SessionInput/inject(_:)``).
  private let manualInjects: [String: Inject]

  /// The outcome of a step: the next state and what happened on the way.
  public struct Transition: Hashable, Sendable {
    public var state: SessionState
    public var events: [SessionEvent]
  }

  /// Prepares to play a validated scenario.
  public init(scenario: Scenario, analyzer: StatementAnalyzer = StatementAnalyzer()) {
    self.scenario = scenario
    self.analyzer = analyzer
    self.nodes = Dictionary(
      scenario.nodes.map { ($0.id, NodeEntry($0)) }, uniquingKeysWith: { first, _ in first })
    self.injects = scenario.injects.enumerated().filter { !$0.element.manual }.sorted {
      ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
    }.map(\.element)
    self.manualInjects = Dictionary(
      scenario.injects.filter(\.manual).map { ($0.id, $0) },
      uniquingKeysWith: { first, _ in first })
  }

  // MARK: - Starting

  /// The state at T+0: the start node entered, and any inject due at T+0 fired.
  public func start(_ options: SessionOptions) -> Transition {
    start(options, recordsEvents: true).transition
  }

  /// The state at T+0, with its events only when `recordsEvents`, and the chance
  /// draws made on the way (an inject due at T+0 may draw).
  package func start(_ options: SessionOptions, recordsEvents: Bool) -> (
    transition: Transition, draws: [Draw]
  ) {
    var variables: [String: Value] = [:]
    for variable in scenario.variables where variables[variable.name] == nil {
      variables[variable.name] = variable.initial
    }
    let state = SessionState(
      node: scenario.start.value, clock: .zero, variables: variables, visited: [], chosen: [],
      tags: [], contacts: [:], updates: [:], shown: [], draws: 0, statements: [:],
      promises: [], firedInjects: [], metDeadlines: [:], missedDeadlines: [], returnStack: [],
      pendingWrite: nil, finished: false, options: options, inputs: [])
    var turn = Turn(engine: self, state: state, recordsEvents: recordsEvents)
    if turn.recordsEvents {
      turn.events.append(.started(scenario: scenario.id, seed: options.seed))
    }
    turn.advance(to: scenario.start.value, reentering: false)
    return (Transition(state: turn.state, events: turn.events), turn.draws)
  }

  // MARK: - Reading the state

  /// The node play is at.
  public func node(of state: SessionState) -> ScenarioNode? {
    nodes[state.node]?.node
  }

  /// The node with this id, found without a scan or a copy of the node.
  func entry(_ id: String) -> NodeEntry? {
    nodes[id]
  }

  /// The options offered now, in the order shown: those whose `when` holds, and a
  /// `goto: return` option only while there is somewhere to return to.
  public func offeredChoices(in state: SessionState) -> [Choice] {
    guard !state.finished, let entry = nodes[state.node] else { return [] }
    return offeredPositions(of: entry, in: state).map { entry.node.choices[$0] }
  }

  /// How many options are offered now: ``offeredChoices(in:)``'s count, without
  /// copying them.
  package func offeredCount(in state: SessionState) -> Int {
    guard !state.finished, let entry = nodes[state.node] else { return 0 }
    return offeredPositions(of: entry, in: state).count
  }

  /// Where in `node.choices` the options offered now are, in the order shown.
  private func offeredPositions(of entry: NodeEntry, in state: SessionState) -> [Int] {
    let choices = entry.node.choices
    var positions = arranged(choices, in: state)
    guard entry.hasConditionalChoices else { return positions }
    let environment = SessionEnvironment(state: state)
    positions.removeAll { position in
      let choice = choices[position]
      if case .returnToDiverted = choice.goto, state.returnStack.isEmpty { return true }
      return !(choice.when.map { $0.expression.isTrue(in: environment) } ?? true)
    }
    return positions
  }

  /// Where in `node.choices` its options are, in the order the state shows them (file
  /// order for a session that does not shuffle, or before the node's order was drawn).
  private func arranged(_ choices: [Choice], in state: SessionState) -> [Int] {
    let fileOrder = Array(choices.indices)
    guard state.shown.count == choices.count else { return fileOrder }
    var positions: [Int] = []
    positions.reserveCapacity(choices.count)
    for id in state.shown {
      // The last option of an id, as a table of them by id would keep.
      guard let position = choices.lastIndex(where: { $0.id == id }) else { return fileOrder }
      positions.append(position)
    }
    return positions
  }

  /// The option whose statement is awaited, if any.
  public func pendingWrite(in state: SessionState) -> Choice? {
    guard let id = state.pendingWrite else { return nil }
    return nodes[state.node]?.node.choices.first { $0.id == id }
  }

  /// The real-time limit for the current decision in timed play.
  ///
  /// A statement being typed has its write task's own `time_limit`, else three times
  /// the decision's: writing takes longer than choosing.
  public func timeLimit(in state: SessionState) -> ClockDuration {
    let decision = nodes[state.node]?.node.timeLimit ?? scenario.timeLimit
    guard let task = pendingWrite(in: state)?.write else { return decision }
    return task.timeLimit ?? ClockDuration(seconds: decision.seconds * Self.statementTimeFactor)
  }

  /// How many times a decision's real-time limit a statement gets when its write task
  /// sets none.
  public static let statementTimeFactor = 3

  // MARK: - Stepping

  /// Applies one input. A refused input leaves the state as it was.
  public func step(_ state: SessionState, _ input: SessionInput) -> Result<
    Transition, EngineError
  > {
    var next = state
    return perform(&next, input).map { Transition(state: next, events: $0.events) }
  }

  /// Applies one input to `state` in place: the same step as ``step(_:_:)``, for a
  /// caller that owns its state and moves it on (a replay, a playtest), so that a
  /// step costs the same at decision 5 and at decision 500. Refused, `state` is left
  /// as it was.
  public func apply(
    _ input: SessionInput, to state: inout SessionState, recordsEvents: Bool = true
  ) -> Result<[SessionEvent], EngineError> {
    perform(&state, input, recordsEvents: recordsEvents).map(\.events)
  }

  /// What a tool (the score-bounds search) assumes in place of what play would bring:
  /// a statement's analysis instead of the analysis of typed text, and which chance
  /// outcomes are drawn instead of the seed's draws. Real play never uses it.
  package struct Assumption: Hashable, Sendable {
    /// For a `.write` input: the statement as if analysed. The engine fills in its
    /// id, option, audience and time, and clears `met` when it says nothing.
    package var statement: StatementRecord?
    /// The outcomes (by index) of this step's chance draws, in the order they are
    /// drawn; draws beyond these, or out of range, come from the seed.
    package var draws: [Int]

    /// Creates an assumption.
    package init(statement: StatementRecord? = nil, draws: [Int] = []) {
      self.statement = statement
      self.draws = draws
    }
  }

  /// A chance draw made during a step: the outcome drawn and the weights it was
  /// drawn among.
  package struct Draw: Hashable, Sendable {
    package var source: String
    package var index: Int
    package var chances: [Int]
  }

  /// Applies one input under `assumption`, and tells which chance draws the step
  /// made. For tools that branch over statements and chance outcomes without typing
  /// text or trying seeds; ``step(_:_:)`` is this with nothing assumed.
  package func step(_ state: SessionState, _ input: SessionInput, assuming assumption: Assumption)
    -> Result<(transition: Transition, draws: [Draw]), EngineError>
  {
    var next = state
    return perform(&next, input, assuming: assumption).map {
      (Transition(state: next, events: $0.events), $0.draws)
    }
  }

  /// What one step brought, besides the state it moved on.
  package struct Step: Sendable {
    /// What happened, when the caller asked for events (empty otherwise).
    package var events: [SessionEvent] = []
    /// The chance draws the step made.
    package var draws: [Draw] = []
    /// For a statement: its id and which of its write task's outcomes followed
    /// (0-based).
    package var statementOutcome: (statement: String, index: Int)?
    /// For a typed statement: its analysis, as the engine graded it (none when the
    /// statement was assumed).
    package var analysis: StatementAnalysis?
  }

  /// Applies one input to `state` in place: refused, `state` is left as it was. This
  /// is the one step function: ``step(_:_:)``, replay and every tool call it.
  ///
  /// The input logs are taken out of the state for the step and put back with the
  /// input appended, so a caller that owns its state alone (a replay, a playtest)
  /// appends to them in place instead of copying every input given so far at every
  /// step. A caller that reads no events (`recordsEvents: false`) gets none built.
  package func perform(
    _ state: inout SessionState, _ input: SessionInput, assuming assumption: Assumption? = nil,
    recordsEvents: Bool = true
  ) -> Result<Step, EngineError> {
    if state.finished { return .failure(.finished) }
    // Everything that can refuse the input is checked before anything changes.
    let node = state.node
    let clock = state.clock
    var analysis: StatementAnalysis?
    /// The state moved into a turn (a placeholder left behind), so that the turn
    /// changes it in place instead of copying its sets and logs on first write.
    func takeTurn() -> Turn {
      var turn = Turn(engine: self, state: .vacant, recordsEvents: recordsEvents, startClock: clock)
      swap(&turn.state, &state)
      turn.forcedDraws = assumption?.draws ?? []
      return turn
    }
    var turn: Turn
    switch input {
    case .choose(let number):
      if state.pendingWrite != nil { return .failure(.statementExpected) }
      let current = nodes[node]
      let offered = current.map { offeredPositions(of: $0, in: state) } ?? []
      guard let current, number >= 1, number <= offered.count else {
        return .failure(.noSuchOption(number, offered: offered.count))
      }
      let choice = current.node.choices[offered[number - 1]]
      turn = takeTurn()
      if recordsEvents {
        turn.events.append(.choiceMade(node: node, choice: choice.id, index: number, at: clock))
      }
      if choice.write != nil {
        turn.state.pendingWrite = choice.id
      } else {
        turn.apply(choice)
      }
    case .write(let text):
      guard let choice = pendingWrite(in: state), let write = choice.write else {
        return .failure(.choiceExpected)
      }
      if let control = text.unicodeScalars.first(where: {
        ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || $0.value == 0x7F
      }) {
        return .failure(.controlCharacterInStatement(control.value))
      }
      // Counted in UTF-8 bytes first, so a huge text costs nothing to refuse.
      if text.utf8.count > write.generousBound, text.count > write.generousBound {
        return .failure(.statementTooLong(characters: text.count, bound: write.generousBound))
      }
      let statement: StatementRecord
      if let assumed = assumption?.statement {
        statement = self.assumed(assumed, for: choice, task: write, at: clock)
      } else {
        let graded = analyze(text, task: write)
        statement = record(text, analysis: graded, for: choice, task: write, at: clock)
        analysis = graded
      }
      turn = takeTurn()
      if recordsEvents {
        turn.events.append(
          .statementWritten(
            choice: choice.id, audience: write.audience.value, text: text, at: clock))
      }
      turn.state.pendingWrite = nil
      turn.apply(choice, statement: statement)
    case .inject(let id):
      guard let inject = manualInjects[id] else { return .failure(.noSuchInject(id)) }
      if state.firedInjects.contains(id) { return .failure(.injectAlreadyFired(id)) }
      turn = takeTurn()
      turn.fireManually(inject)
    case .timeout:
      guard state.options.timed else { return .failure(.notTimed) }
      turn = takeTurn()
      turn.timeOut()
    case .undo:
      guard state.options.mode == .practice else { return .failure(.undoNotAllowed) }
      guard let lastChoice = state.standingInputs.lastIndex(where: { $0.isChoice }),
        case .success(let rebuilt) = replay(
          Array(state.standingInputs[..<lastChoice]), options: state.options)
      else {
        return .failure(.nothingToUndo)
      }
      turn = takeTurn()
      var inputs = turn.state.inputs
      var standing = turn.state.standingInputs
      standing.removeSubrange(lastChoice...)
      inputs.append(.undo)
      turn.state = rebuilt.state
      turn.state.inputs = inputs
      turn.state.standingInputs = standing
      if recordsEvents { turn.events.append(.undone(decisions: rebuilt.state.decisions)) }
    }
    if input != .undo {
      turn.state.inputs.append(input)
      turn.state.standingInputs.append(input)
    }
    swap(&turn.state, &state)
    return .success(
      Step(
        events: turn.events, draws: turn.draws, statementOutcome: turn.statementOutcome,
        analysis: analysis))
  }

  /// An assumed statement as the engine would have kept it for `choice` at `clock`.
  func assumed(
    _ statement: StatementRecord, for choice: Choice, task: WriteTask, at clock: ClockDuration
  ) -> StatementRecord {
    Self.assumed(
      statement, task: task.id, choice: choice.id, audience: task.audience.value, at: clock)
  }

  /// ``assumed(_:for:task:at:)`` given the ids it reads: the write task's, the
  /// option's and the audience's.
  static func assumed(
    _ statement: StatementRecord, task: String, choice: String, audience: String,
    at clock: ClockDuration
  ) -> StatementRecord {
    StatementRecord(
      id: task, choice: choice, audience: audience, at: clock,
      score: min(max(statement.score, 0), 100),
      met: statement.isStatement ? statement.met : [], isStatement: statement.isStatement,
      nextUpdate: statement.isStatement ? statement.nextUpdate : nil)
  }

  /// The analysis of a statement written for `task`.
  func analyze(_ text: String, task: WriteTask) -> StatementAnalysis {
    analyzer.analyze(
      text, channel: task.channel, audience: task.audience.value, must: task.must,
      avoid: task.avoid, limit: task.limit)
  }

  /// What the engine keeps of a statement written for `choice` at `clock`, graded as
  /// `analysis`.
  func record(
    _ text: String, analysis: StatementAnalysis, for choice: Choice, task: WriteTask,
    at clock: ClockDuration
  ) -> StatementRecord {
    let says = analysis.isStatement
    // A `must` fact is named by its bare id too; where the analyser has a criterion of
    // the same name, the author's fact is what the name means in this task.
    var met = says ? analysis.metCriteria : []
    for phrase in task.must {
      met.remove(phrase.id)
      if met.contains("must:" + phrase.id) { met.insert(phrase.id) }
    }
    let nextUpdate =
      says
      ? NextUpdateParser.find(
        in: text, sentAt: clock, startsAt: scenario.startsAt, startsOn: scenario.startsOn)?.due
      : nil
    return StatementRecord(
      id: task.id, choice: choice.id, audience: task.audience.value, at: clock,
      score: says ? analysis.score : 0, met: met, isStatement: says,
      nextUpdate: nextUpdate)
  }

  /// A replay that stopped at an input the engine refused.
  public struct ReplayError: Error, Hashable, Sendable {
    /// The 0-based position of the refused input.
    public var index: Int
    public var input: SessionInput
    public var error: EngineError
  }

  /// Plays a whole input log from T+0: the same log always gives the same result.
  ///
  /// `choices`, aligned with `inputs`, are the option ids a log recorded beside the
  /// numbers typed; a number that now stands for another option is refused.
  public func replay(
    _ inputs: [SessionInput], options: SessionOptions, choices: [String?] = []
  ) -> Result<Transition, ReplayError> {
    let started = start(options)
    var state = started.state
    var events = started.events
    for (index, input) in inputs.enumerated() {
      if case .choose(let number) = input, index < choices.count, let recorded = choices[index] {
        let offered = offeredChoices(in: state)
        if (1...max(offered.count, 1)).contains(number), number <= offered.count,
          offered[number - 1].id != recorded
        {
          return .failure(
            ReplayError(
              index: index, input: input,
              error: .optionMismatch(
                number, recorded: recorded, offered: offered[number - 1].id)))
        }
      }
      switch perform(&state, input) {
      case .success(let step):
        events.append(contentsOf: step.events)
      case .failure(let error):
        return .failure(ReplayError(index: index, input: input, error: error))
      }
    }
    return .success(Transition(state: state, events: events))
  }

  /// The inputs that still count once every undo has taken back its decision.
  public static func effectiveInputs(_ inputs: [SessionInput]) -> [SessionInput] {
    var effective: [SessionInput] = []
    for input in inputs {
      if input == .undo {
        if let last = effective.lastIndex(where: { $0.isChoice }) {
          effective.removeSubrange(last...)
        }
      } else {
        effective.append(input)
      }
    }
    return effective
  }

  // MARK: - One turn

  /// The mutable working copy of one step: a state and the events so far.
  private struct Turn {
    let engine: Engine
    var state: SessionState
    var events: [SessionEvent] = []
    /// Whether the step keeps its events: the playtester and the analyser ask for
    /// none, and a step then builds none.
    let recordsEvents: Bool
    /// The clock when the step began: an inject that fell due during a long action is
    /// logged at its own time, not at the end of the action.
    let startClock: ClockDuration
    /// Outcomes a tool assumes for the next chance draws (see ``Engine/Assumption``).
    var forcedDraws: [Int] = []
    /// The chance draws made so far in this turn.
    var draws: [Draw] = []
    /// The write task outcome that followed a statement, if any.
    var statementOutcome: (statement: String, index: Int)?

    init(
      engine: Engine, state: SessionState, recordsEvents: Bool = true,
      startClock: ClockDuration? = nil
    ) {
      self.engine = engine
      self.state = state
      self.startClock = startClock ?? state.clock
      self.recordsEvents = recordsEvents
    }

    var scenario: Scenario { engine.scenario }

    mutating func moveClock(by duration: ClockDuration) {
      guard duration > .zero else { return }
      let from = state.clock
      state.clock += duration
      if recordsEvents { events.append(.clockAdvanced(from: from, to: state.clock)) }
    }

    /// Carries out a chosen option: its time, facts, contacts, promise and goto; for a
    /// statement, what follows from how good it was.
    mutating func apply(_ choice: Choice, statement: StatementRecord? = nil) {
      moveClock(by: choice.takes)
      state.chosen.insert(choice.id)
      // A statement that says nothing reaches nobody and meets nothing: its option's
      // tags, effects and contacts count only when it says something.
      let counts = statement?.isStatement ?? true
      if counts {
        state.tags.formUnion(choice.tags)
        apply(choice.effects)
      }
      if counts {
        for stakeholder in choice.contacts.map(\.value) {
          contact(stakeholder, update: choice.isUpdate)
        }
      }
      var goto = choice.goto
      if let statement {
        state.statements[statement.id] = statement
        if recordsEvents {
          events.append(
            .statementScored(
              statement: statement.id, score: statement.score, isStatement: statement.isStatement,
              nextUpdate: statement.nextUpdate))
        }
        if statement.isStatement {
          contact(statement.audience, update: true)
          if let due = statement.nextUpdate {
            makePromise(
              choice: choice.id, to: statement.audience,
              label: "the next update", due: due)
          }
        }
        if let task = choice.write, let outcome = applyOutcome(of: task, statement: statement) {
          goto = outcome
        }
      } else if let promise = choice.promise {
        makePromise(
          choice: choice.id, to: promise.to.value, label: promise.label,
          due: state.clock + promise.within)
      }
      if !choice.outcomes.isEmpty, let target = draw(choice.outcomes, source: choice.id) {
        goto = .node(target)
      }
      // A deadline this choice meets counts as met in its own conditional goto.
      settleDeadlines()
      // What the choice does happens within its `takes`; then the clock runs on to
      // the time of day it waits for, as through a night.
      if let until = choice.until?.value, let startsAt = scenario.startsAt {
        moveClock(by: Engine.wait(until: until, startsAt: startsAt, clock: state.clock))
        settleDeadlines()
      }
      follow(goto)
    }

    mutating func follow(_ goto: Goto) {
      switch goto {
      case .node(let target):
        advance(to: target.value, reentering: false)
      case .branches(let branches):
        let environment = SessionEnvironment(state: state)
        let target =
          branches.first { branch in
            branch.when.map { $0.expression.isTrue(in: environment) } ?? true
          }?.to.value ?? state.node
        advance(to: target, reentering: false)
      case .returnToDiverted:
        let target = state.returnStack.popLast() ?? state.node
        if recordsEvents { events.append(.returned(to: target)) }
        advance(to: target, reentering: false)
      }
    }

    mutating func makePromise(
      choice: String, to stakeholder: String, label: String, due: ClockDuration
    ) {
      let record = PromiseRecord(
        id: state.promises.count + 1, choice: choice, stakeholder: stakeholder, label: label,
        madeAt: state.clock, due: due, status: .open)
      state.promises.append(record)
      if recordsEvents {
        events.append(
          .promiseMade(
            id: record.id, stakeholder: record.stakeholder, label: record.label, due: record.due))
      }
    }

    /// The first of a write task's outcomes that holds for `statement`: its effects,
    /// tags and contacts are applied, and its goto (if any) returned.
    mutating func applyOutcome(of task: WriteTask, statement: StatementRecord) -> Goto? {
      let environment = SessionEnvironment(state: state)
      for (index, outcome) in task.outcomes.enumerated() {
        if let minimum = outcome.minimum, statement.score < minimum { continue }
        if let below = outcome.below, statement.score >= below { continue }
        if !outcome.met.allSatisfy({ statement.met.contains($0.value) }) { continue }
        if outcome.unmet.contains(where: { statement.met.contains($0.value) }) { continue }
        if let when = outcome.when, !when.expression.isTrue(in: environment) { continue }
        if recordsEvents {
          events.append(
            .statementOutcome(statement: statement.id, index: index, text: outcome.text))
        }
        statementOutcome = (statement.id, index)
        state.tags.formUnion(outcome.tags)
        apply(outcome.effects)
        for stakeholder in outcome.contacts.map(\.value) { contact(stakeholder, update: false) }
        return outcome.goto
      }
      return nil
    }

    /// Draws one of `outcomes` with the session's seed and applies it; its goto, if any.
    mutating func draw(_ outcomes: [ChanceOutcome], source: String) -> Located<String>? {
      var index = OptionOrder.pick(
        outcomes.map(\.chance), seed: state.options.seed, draw: state.draws)
      if !forcedDraws.isEmpty {
        let forced = forcedDraws.removeFirst()
        if outcomes.indices.contains(forced) { index = forced }
      }
      state.draws += 1
      draws.append(Draw(source: source, index: index, chances: outcomes.map(\.chance)))
      let outcome = outcomes[index]
      if recordsEvents {
        events.append(
          .chanceDrawn(source: source, index: index, count: outcomes.count, text: outcome.text))
      }
      state.tags.formUnion(outcome.tags)
      apply(outcome.effects)
      return outcome.goto
    }

    mutating func apply(_ effects: Effects) {
      for (variable, amount) in effects.add {
        if case .integer(let current) = state.variables[variable.value] {
          state.variables[variable.value] = .integer(current &+ amount)
        }
      }
      for (variable, value) in effects.set {
        state.variables[variable.value] = value
      }
    }

    /// A stakeholder hears from the trainee; a real `update` keeps open promises to them.
    mutating func contact(_ stakeholder: String, update: Bool) {
      state.contacts[stakeholder, default: []].append(state.clock)
      if recordsEvents {
        events.append(.stakeholderContacted(stakeholder: stakeholder, at: state.clock))
      }
      guard update else { return }
      state.updates[stakeholder, default: []].append(state.clock)
      for index in state.promises.indices
      where state.promises[index].stakeholder == stakeholder
        && state.promises[index].status == .open
      {
        state.promises[index].status = .kept(at: state.clock)
        if recordsEvents {
          events.append(
            .promiseKept(
              id: state.promises[index].id, at: state.clock,
              onTime: state.clock <= state.promises[index].due))
        }
      }
    }

    /// The real-time limit ran out: the node's timeout rule, by default "you
    /// hesitate" (15 minutes pass and the same decision is asked again).
    mutating func timeOut() {
      let rule = engine.nodes[state.node]?.node.onTimeout ?? .hesitate
      if recordsEvents { events.append(.timedOut(node: state.node, at: state.clock)) }
      moveClock(by: rule.takes)
      state.tags.formUnion(rule.tags)
      apply(rule.effects)
      if let target = rule.goto?.value {
        state.pendingWrite = nil
        advance(to: target, reentering: false)
      } else {
        advance(to: state.node, reentering: true)
      }
    }

    /// Moves play towards `destination` after time has passed: deadlines are
    /// settled, due injects fire (one may divert play), and the node is entered.
    mutating func advance(to destination: String, reentering: Bool) {
      var destination = destination
      var reentering = reentering
      settleDeadlines()
      // Play that reaches an ending stays there: an inject cannot divert it away.
      let endingAhead = engine.nodes[destination]?.node.isEnding == true
      // Injects are in the order of their times, and firing one moves no clock: the
      // first not yet due ends the look.
      for inject in engine.injects {
        if inject.at > state.clock { break }
        guard !state.firedInjects.contains(inject.id), !(endingAhead && inject.goto != nil),
          holds(inject)
        else { continue }
        let goto = fire(inject, at: max(inject.at, startClock))
        if let target = goto?.value, !(endingAhead && engine.nodes[target]?.node.isEnding != true) {
          state.returnStack.append(destination)
          if recordsEvents { events.append(.diverted(from: destination, to: target)) }
          destination = target
          reentering = false
          state.pendingWrite = nil
        }
        settleDeadlines()
      }
      if !reentering { enter(destination) }
    }

    /// Whether an inject's `when` holds and its `unless` does not.
    func holds(_ inject: Inject) -> Bool {
      let current = SessionEnvironment(state: state)
      let whenHolds = inject.when.map { $0.expression.isTrue(in: current) } ?? true
      let unlessHolds = inject.unless.map { $0.expression.isTrue(in: current) } ?? false
      return whenHolds && !unlessHolds
    }

    /// Fires `inject`, logged at `time`: its tags, effects and chance outcome. Where it
    /// diverts play to, if anywhere.
    mutating func fire(_ inject: Inject, at time: ClockDuration) -> Located<String>? {
      state.firedInjects.insert(inject.id)
      if recordsEvents { events.append(.injectFired(inject: inject.id, at: time)) }
      state.tags.formUnion(inject.tags)
      apply(inject.effects)
      var goto = inject.goto
      if !inject.outcomes.isEmpty, let drawn = draw(inject.outcomes, source: inject.id) {
        goto = drawn
      }
      return goto
    }

    /// A facilitator's manual inject reaches the session now, between decisions: it
    /// fires if its conditions hold, and a divert takes play to its node (the current
    /// one is where `goto: return` comes back to; a statement being typed is dropped,
    /// as with a scheduled divert). No time passes.
    mutating func fireManually(_ inject: Inject) {
      guard holds(inject) else { return }
      let goto = fire(inject, at: state.clock)
      settleDeadlines()
      guard let target = goto?.value, engine.nodes[target] != nil else { return }
      state.returnStack.append(state.node)
      if recordsEvents { events.append(.diverted(from: state.node, to: target)) }
      state.pendingWrite = nil
      advance(to: target, reentering: false)
    }

    mutating func enter(_ id: String) {
      state.node = id
      state.visited.insert(id)
      if recordsEvents { events.append(.nodeEntered(node: id, at: state.clock)) }
      settleDeadlines()
      guard let entry = engine.nodes[id] else { return }
      let isEnding = entry.node.isEnding
      if !isEnding {
        if state.options.shuffles {
          state.shown = OptionOrder.arrange(
            entry.node.choices, seed: state.options.seed, draw: state.draws)
          state.draws += 1
        } else {
          state.shown = entry.choiceIDs
        }
        if recordsEvents { events.append(.optionsShown(node: id, order: state.shown)) }
      } else {
        state.shown = []
      }
      if isEnding {
        if recordsEvents {
          events.append(
            .endingReached(node: id, outcome: entry.node.outcome ?? 0, at: state.clock))
        }
        finish()
      } else if engine.offeredCount(in: state) == 0 {
        if recordsEvents { events.append(.stalled(node: id, at: state.clock)) }
        finish()
      }
    }

    /// Records deadlines met now, and those whose time has run out.
    mutating func settleDeadlines() {
      // Deadline ids are unique: when as many are settled as there are, none is left.
      if state.metDeadlines.count + state.missedDeadlines.count == scenario.deadlines.count {
        return
      }
      let environment = SessionEnvironment(state: state)
      for deadline in scenario.deadlines
      where state.metDeadlines[deadline.id] == nil
        && !state.missedDeadlines.contains(deadline.id)
      {
        // Past the cutoff a deadline is missed, even if what meets it happened in the
        // same step: a choice that takes three days ends three days later.
        let cutoff = deadline.by + deadline.grace
        if state.clock > cutoff {
          state.missedDeadlines.insert(deadline.id)
          if recordsEvents { events.append(.deadlineMissed(deadline: deadline.id, at: cutoff)) }
        } else if deadline.met.expression.isTrue(in: environment) {
          state.metDeadlines[deadline.id] = state.clock
          if recordsEvents { events.append(.deadlineMet(deadline: deadline.id, at: state.clock)) }
        }
      }
    }

    /// Play is over: open promises already due are broken (those not yet due are
    /// neither kept nor broken), and unmet deadlines missed.
    mutating func finish() {
      state.finished = true
      for index in state.promises.indices where state.promises[index].status == .open {
        let promise = state.promises[index]
        if promise.due > state.clock {
          state.promises[index].status = .notYetDue
          if recordsEvents { events.append(.promiseNotYetDue(id: promise.id, due: promise.due)) }
        } else {
          state.promises[index].status = .broken
          if recordsEvents { events.append(.promiseBroken(id: promise.id, due: promise.due)) }
        }
      }
      for deadline in scenario.deadlines
      where state.metDeadlines[deadline.id] == nil
        && !state.missedDeadlines.contains(deadline.id)
      {
        state.missedDeadlines.insert(deadline.id)
        if recordsEvents {
          events.append(.deadlineMissed(deadline: deadline.id, at: deadline.by + deadline.grace))
        }
      }
    }
  }
}

extension Engine {
  /// How long from `clock` until the clock next reads `until` (minutes after
  /// midnight), for a scenario whose T+0 is `startsAt`; zero when it reads it now.
  static func wait(until: Int, startsAt: Int, clock: ClockDuration) -> ClockDuration {
    let day = 24 * 60 * 60
    let now = (startsAt * 60 + clock.seconds) % day
    return ClockDuration(seconds: (until * 60 - now + day) % day)
  }
}

extension SessionInput {
  var isChoice: Bool {
    if case .choose = self { return true }
    return false
  }
}
