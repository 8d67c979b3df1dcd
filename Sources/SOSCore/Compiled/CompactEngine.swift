/// The engine's step on a ``CompactState``: the rules of ``Engine`` (the one step
/// function everything else drives), carried out on a ``CompiledScenario`` by index,
/// for the tools that play a scenario many times and read no events — the
/// playtester today.
///
/// Why a second step and not ``Engine/perform(_:_:assuming:recordsEvents:)`` on
/// compiled tables: a ``SessionState`` is made of strings, sets and dictionaries that
/// the REPL, replays, the store and the reports read, and converting it to and from a
/// compact form at every step would cost more than the step. So the compact step
/// mirrors the engine rule for rule (same order of effects, same draws from the
/// seed, conditions read at the same moments), and `CompactEngineTests` plays random
/// walks over every shipped scenario, every test fixture that validates and
/// generated games through both, comparing ``sessionState(of:inputs:)`` with the
/// engine's state after every step, and the scores at the end. A change to the
/// engine's rules must be made in both, or that test fails.
///
/// What it does not do: build events, fire manual injects, or undo (a caller that
/// needs those uses ``Engine``). For the score-bounds search it takes the engine's
/// assumptions (a statement as if analysed, the chance outcomes drawn) and keeps a
/// journal of what the timeline reads (``CompactState/journal``).
struct CompactEngine: Sendable {
  let compiled: CompiledScenario

  /// Compiles the engine's scenario; `nil` when it cannot be compiled (see
  /// ``CompiledScenario``).
  init?(engine: Engine) {
    guard let compiled = CompiledScenario(engine: engine) else { return nil }
    self.compiled = compiled
  }

  var engine: Engine { compiled.engine }

  /// An input the compact step takes: ``SessionInput`` without undo.
  enum Input: Hashable, Sendable {
    case choose(Int)
    case write(String)
    case timeout

    /// The same input as the engine's.
    var sessionInput: SessionInput {
      switch self {
      case .choose(let number): return .choose(number)
      case .write(let text): return .write(text)
      case .timeout: return .timeout
      }
    }
  }

  /// What a step brought besides the state: for a typed statement, its analysis.
  struct Step: Sendable {
    var analysis: StatementAnalysis?
  }

  /// Something a step did that the score-bounds search reads, in the order the
  /// engine's events tell it (``CompactState/journal``).
  enum Happening: Sendable {
    /// A stakeholder (by index) heard from the trainee.
    case contacted(Int, at: ClockDuration)
    /// A deadline (by index) was met.
    case met(Int, at: ClockDuration)
    /// A promise (by position) was made.
    case promised(Int)
    /// A promise (by position) was kept.
    case kept(Int, at: ClockDuration)
    /// A chance outcome was drawn.
    case drawn(CompiledScenario.Chances, index: Int)
    /// The clock ran on from `from` to the next time it read `until` (minutes after
    /// midnight): an option's `until`.
    case waited(until: Int, from: ClockDuration)
  }

  // MARK: - Starting and reading

  /// The state at T+0, as ``Engine/start(_:)`` makes it.
  func start(_ options: SessionOptions) -> CompactState {
    var state = CompactState(compiled, options: options)
    advance(&state, to: compiled.start, reentering: false)
    return state
  }

  /// The position among the node's options of the `index`-th in the order shown.
  @inline(__always)
  func arranged(_ index: Int, of node: CompiledScenario.Node, in state: CompactState) -> Int {
    state.shown.count == node.choiceCount ? state.shown[index] : index
  }

  /// Whether an option (by index) is offered now.
  func isOffered(_ choice: Int, in state: CompactState) -> Bool {
    let option = compiled.choices[choice]
    if option.isReturn, state.returnStack.isEmpty { return false }
    return option.when?.holds(in: state) ?? true
  }

  /// How many options are offered now (``Engine/offeredCount(in:)``).
  func offeredCount(in state: CompactState) -> Int {
    guard !state.finished else { return 0 }
    let node = compiled.nodes[state.node]
    guard node.hasConditionalChoices else { return node.choiceCount }
    var count = 0
    for index in 0..<node.choiceCount
    where isOffered(node.choiceStart + arranged(index, of: node, in: state), in: state) {
      count += 1
    }
    return count
  }

  /// The options offered now, by index, in the order shown.
  func offered(in state: CompactState) -> [Int] {
    guard !state.finished else { return [] }
    let node = compiled.nodes[state.node]
    var result: [Int] = []
    result.reserveCapacity(node.choiceCount)
    for index in 0..<node.choiceCount {
      let choice = node.choiceStart + arranged(index, of: node, in: state)
      if !node.hasConditionalChoices || isOffered(choice, in: state) { result.append(choice) }
    }
    return result
  }

  /// The option (by index) that `number` (1-based) stands for now, if any.
  func offeredChoice(_ number: Int, in state: CompactState) -> Int? {
    guard !state.finished, number >= 1 else { return nil }
    let node = compiled.nodes[state.node]
    guard node.hasConditionalChoices else {
      guard number <= node.choiceCount else { return nil }
      return node.choiceStart + arranged(number - 1, of: node, in: state)
    }
    var seen = 0
    for index in 0..<node.choiceCount {
      let choice = node.choiceStart + arranged(index, of: node, in: state)
      guard isOffered(choice, in: state) else { continue }
      seen += 1
      if seen == number { return choice }
    }
    return nil
  }

  /// The real-time limit of the current decision (``Engine/timeLimit(in:)``).
  func timeLimit(in state: CompactState) -> ClockDuration {
    let decision = compiled.nodes[state.node].timeLimit ?? compiled.scenario.timeLimit
    guard let pending = state.pendingWrite, let write = compiled.choices[pending].write else {
      return decision
    }
    return compiled.writes[write].task.timeLimit
      ?? ClockDuration(seconds: decision.seconds * Engine.statementTimeFactor)
  }

  // MARK: - Stepping

  /// Applies one input in place, as ``Engine/perform(_:_:assuming:recordsEvents:)``
  /// does; refused, the state is left as it was.
  ///
  /// `assumed`, for a write, is the statement as if analysed
  /// (``Engine/Assumption/statement``) instead of the analysis of the text.
  func perform(
    _ state: inout CompactState, _ input: Input, assuming assumed: StatementRecord? = nil
  ) -> Result<Step, EngineError> {
    if state.finished { return .failure(.finished) }
    switch input {
    case .choose(let number):
      if state.pendingWrite != nil { return .failure(.statementExpected) }
      guard let choice = offeredChoice(number, in: state) else {
        return .failure(.noSuchOption(number, offered: offeredCount(in: state)))
      }
      if compiled.choices[choice].write != nil {
        state.pendingWrite = choice
      } else {
        apply(&state, choice, statement: nil)
      }
      return .success(Step())
    case .write(let text):
      guard let choiceIndex = state.pendingWrite, let write = compiled.choices[choiceIndex].write
      else { return .failure(.choiceExpected) }
      if let control = text.unicodeScalars.first(where: {
        ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || $0.value == 0x7F
      }) {
        return .failure(.controlCharacterInStatement(control.value))
      }
      let bound = compiled.writes[write].task.generousBound
      if text.utf8.count > bound, text.count > bound {
        return .failure(.statementTooLong(characters: text.count, bound: bound))
      }
      if let assumed {
        // The names read in place: a copy of the option and task would count a
        // reference to each of their texts and lists.
        let statement = Engine.assumed(
          assumed, task: compiled.writes[write].task.id,
          choice: compiled.writes[write].choice.id,
          audience: compiled.writes[write].task.audience.value, at: state.clock)
        state.pendingWrite = nil
        apply(&state, choiceIndex, statement: statement)
        return .success(Step())
      }
      let task = compiled.writes[write].task
      let choice = compiled.writes[write].choice
      let analysis = engine.analyze(text, task: task)
      let statement = engine.record(
        text, analysis: analysis, for: choice, task: task, at: state.clock)
      state.pendingWrite = nil
      apply(&state, choiceIndex, statement: statement)
      return .success(Step(analysis: analysis))
    case .timeout:
      guard state.options.timed else { return .failure(.notTimed) }
      timeOut(&state)
      return .success(Step())
    }
  }

  @inline(__always)
  func moveClock(_ state: inout CompactState, by duration: ClockDuration) {
    guard duration > .zero else { return }
    state.clock += duration
  }

  func apply(_ state: inout CompactState, _ index: Int, statement: StatementRecord?) {
    // The option's parts are read in place: a copy of it would count a reference to
    // each of its lists.
    moveClock(&state, by: compiled.choices[index].takes)
    state.insert(.chosen, index)
    let counts = statement?.isStatement ?? true
    if counts {
      for tag in compiled.choices[index].tags { state.insert(.tag, tag) }
      apply(&state, compiled.choices[index].effects)
      let update = compiled.choices[index].isUpdate
      for stakeholder in compiled.choices[index].contacts {
        contact(&state, stakeholder, update: update)
      }
    }
    var target: CompiledScenario.Target = compiled.choices[index].target
    if let statement, let write = compiled.choices[index].write {
      state.statements[write] = statement
      let audience = compiled.writes[write].audience
      if statement.isStatement {
        contact(&state, audience, update: true)
        if let due = statement.nextUpdate {
          makePromise(&state, choice: index, to: audience, label: "the next update", due: due)
        }
      }
      if let outcome = applyOutcome(&state, of: write, statement: statement) {
        target = outcome
      }
    } else if let promise = compiled.choices[index].promise {
      makePromise(
        &state, choice: index, to: promise.stakeholder, label: promise.label,
        due: state.clock + promise.within)
    }
    if let chances = compiled.choices[index].chances, let drawn = draw(&state, chances) {
      target = .node(drawn)
    }
    settleDeadlines(&state)
    if let until = compiled.choices[index].until, let startsAt = compiled.scenario.startsAt {
      state.journal?.append(.waited(until: until, from: state.clock))
      moveClock(&state, by: Engine.wait(until: until, startsAt: startsAt, clock: state.clock))
      settleDeadlines(&state)
    }
    follow(&state, target)
  }

  func follow(_ state: inout CompactState, _ target: CompiledScenario.Target) {
    switch target {
    case .node(let node):
      advance(&state, to: node, reentering: false)
    case .branches(let branches):
      let node = branches.first { $0.when?.holds(in: state) ?? true }?.to ?? state.node
      advance(&state, to: node, reentering: false)
    case .returnToDiverted:
      let node = state.returnStack.popLast() ?? state.node
      advance(&state, to: node, reentering: false)
    }
  }

  func makePromise(
    _ state: inout CompactState, choice: Int, to stakeholder: Int, label: String,
    due: ClockDuration
  ) {
    state.promises.append(
      CompactPromise(
        choice: choice, stakeholder: stakeholder, label: label, madeAt: state.clock, due: due,
        status: .open))
    state.journal?.append(.promised(state.promises.count - 1))
  }

  /// The first of a write task's outcomes that holds for `statement`, applied; its
  /// goto, if any.
  func applyOutcome(_ state: inout CompactState, of write: Int, statement: StatementRecord)
    -> CompiledScenario.Target?
  {
    let rules = compiled.writes[write].outcomes
    for (index, outcome) in rules.enumerated() {
      if let minimum = outcome.minimum, statement.score < minimum { continue }
      if let below = outcome.below, statement.score >= below { continue }
      if !outcome.met.allSatisfy({ statement.met.contains($0) }) { continue }
      if outcome.unmet.contains(where: { statement.met.contains($0) }) { continue }
      if let when = outcome.when, !when.holds(in: state) { continue }
      state.insert(.reachedOutcome, compiled.writes[write].firstSlot + index)
      for tag in outcome.tags { state.insert(.tag, tag) }
      apply(&state, outcome.effects)
      for stakeholder in outcome.contacts { contact(&state, stakeholder, update: false) }
      return outcome.target
    }
    return nil
  }

  /// Draws one of the outcomes with the session's seed and applies it; its goto.
  func draw(_ state: inout CompactState, _ chances: CompiledScenario.Chances) -> Int? {
    var index = OptionOrder.pick(chances.weights, seed: state.options.seed, draw: state.draws)
    if state.forcedUsed < state.forcedDraws.count {
      let forced = state.forcedDraws[state.forcedUsed]
      state.forcedUsed += 1
      if chances.weights.indices.contains(forced) { index = forced }
    }
    state.draws += 1
    state.journal?.append(.drawn(chances, index: index))
    state.insert(.reachedOutcome, chances.firstSlot + index)
    for tag in chances.tags[index] { state.insert(.tag, tag) }
    apply(&state, chances.effects[index])
    return chances.gotos[index]
  }

  @inline(__always)
  func apply(_ state: inout CompactState, _ effects: CompiledScenario.CompiledEffects) {
    guard !effects.isEmpty else { return }
    for (variable, amount) in effects.add {
      if case .integer(let current) = state.variables[variable] {
        state.variables[variable] = .integer(current &+ amount)
      }
    }
    for (variable, value) in effects.set { state.variables[variable] = value }
  }

  func contact(_ state: inout CompactState, _ stakeholder: Int, update: Bool) {
    state.contacts.append(
      CompactContact(stakeholder: stakeholder, at: state.clock, isUpdate: update))
    state.insert(.contacted, stakeholder)
    state.journal?.append(.contacted(stakeholder, at: state.clock))
    guard update else { return }
    for index in state.promises.indices
    where state.promises[index].stakeholder == stakeholder && state.promises[index].status == .open
    {
      state.promises[index].status = .kept(at: state.clock)
      state.journal?.append(.kept(index, at: state.clock))
    }
  }

  func timeOut(_ state: inout CompactState) {
    let rule = compiled.nodes[state.node].onTimeout
    moveClock(&state, by: rule.takes)
    for tag in rule.tags { state.insert(.tag, tag) }
    apply(&state, rule.effects)
    if let target = rule.goto {
      state.pendingWrite = nil
      advance(&state, to: target, reentering: false)
    } else {
      advance(&state, to: state.node, reentering: true)
    }
  }

  func advance(_ state: inout CompactState, to destination: Int, reentering: Bool) {
    var destination = destination
    var reentering = reentering
    settleDeadlines(&state)
    let endingAhead = compiled.nodes[destination].isEnding
    let injects = compiled.injects
    for position in injects.indices {
      // Read in place: most injects are passed over, and a copy of each costs.
      if injects[position].at > state.clock { break }
      guard !state.has(.firedInject, position), !(endingAhead && injects[position].goto != nil)
      else { continue }
      let whenHolds = injects[position].when?.holds(in: state) ?? true
      let unlessHolds = injects[position].unless?.holds(in: state) ?? false
      guard whenHolds, !unlessHolds else { continue }
      let inject = injects[position]
      state.insert(.firedInject, position)
      for tag in inject.tags { state.insert(.tag, tag) }
      apply(&state, inject.effects)
      var goto = inject.goto
      if let chances = inject.chances, let drawn = draw(&state, chances) { goto = drawn }
      if let target = goto, !(endingAhead && !compiled.nodes[target].isEnding) {
        state.returnStack.append(destination)
        destination = target
        reentering = false
        state.pendingWrite = nil
      }
      settleDeadlines(&state)
    }
    if !reentering { enter(&state, destination) }
  }

  func enter(_ state: inout CompactState, _ id: Int) {
    state.node = id
    state.insert(.visited, id)
    settleDeadlines(&state)
    let node = compiled.nodes[id]
    // Unshuffled, the options are shown in their own order and `shown` stays empty
    // (``arranged(_:of:in:)`` reads an empty list as that order): nothing to write.
    if !state.shown.isEmpty { state.shown.removeAll(keepingCapacity: true) }
    if node.isEnding {
      finish(&state)
      return
    }
    if state.options.shuffles {
      arrange(&state, node)
      state.draws += 1
    }
    if offeredCount(in: state) == 0 { finish(&state) }
  }

  /// The node's options in a seeded order, as ``OptionOrder/arrange(_:seed:draw:)``
  /// orders them: pinned-first options, the others shuffled, pinned-last options.
  func arrange(_ state: inout CompactState, _ node: CompiledScenario.Node) {
    var middleStart = 0
    var middleCount = node.choiceCount
    if node.hasPins {
      for position in 0..<node.choiceCount
      where compiled.choices[node.choiceStart + position].pin == .first {
        state.shown.append(position)
      }
      middleStart = state.shown.count
      for position in 0..<node.choiceCount
      where compiled.choices[node.choiceStart + position].pin == nil {
        state.shown.append(position)
      }
      middleCount = state.shown.count - middleStart
    } else {
      for position in 0..<node.choiceCount { state.shown.append(position) }
    }
    if middleCount > 1 {
      var generator = OptionOrder.generator(seed: state.options.seed, draw: state.draws)
      for index in stride(from: middleCount - 1, to: 0, by: -1) {
        let other = Int(generator.next() % UInt64(index + 1))
        state.shown.swapAt(middleStart + index, middleStart + other)
      }
    }
    if node.hasPins {
      for position in 0..<node.choiceCount
      where compiled.choices[node.choiceStart + position].pin == .last {
        state.shown.append(position)
      }
    }
  }

  /// Records deadlines met now and those whose time has run out. Conditions are read
  /// as the state was before any of them is recorded, as the engine reads them.
  func settleDeadlines(_ state: inout CompactState) {
    if state.settledDeadlines == compiled.deadlines.count { return }
    var newlyMet: [Int] = []
    let deadlines = compiled.deadlines
    for index in deadlines.indices
    where state.metDeadlines[index] == nil && !state.has(.missedDeadline, index) {
      // Read in place, as the injects are.
      if state.clock > deadlines[index].by + deadlines[index].grace {
        state.insert(.missedDeadline, index)
        state.settledDeadlines += 1
      } else if deadlines[index].met.holds(in: state) {
        newlyMet.append(index)
      }
    }
    for index in newlyMet {
      state.metDeadlines[index] = state.clock
      state.settledDeadlines += 1
      state.journal?.append(.met(index, at: state.clock))
    }
  }

  func finish(_ state: inout CompactState) {
    state.finished = true
    for index in state.promises.indices where state.promises[index].status == .open {
      state.promises[index].status =
        state.promises[index].due > state.clock ? .notYetDue : .broken
    }
    for index in compiled.deadlines.indices
    where state.metDeadlines[index] == nil && !state.has(.missedDeadline, index) {
      state.insert(.missedDeadline, index)
      state.settledDeadlines += 1
    }
  }

  // MARK: - Back to the engine's state

  /// The positions of the current node's options in the order shown, as the engine
  /// lists them: none at an ending, their own order when they are not shuffled.
  func shownOrder(of state: CompactState, at node: CompiledScenario.Node) -> [Int] {
    if node.isEnding || state.shown.count == node.choiceCount { return state.shown }
    return Array(0..<node.choiceCount)
  }

  /// The ``SessionState`` the engine reaches with the same inputs: `inputs` are the
  /// inputs the caller gave (the compact state keeps no log).
  func sessionState(of state: CompactState, inputs: [SessionInput]) -> SessionState {
    let scenario = compiled.scenario
    var variables: [String: Value] = [:]
    for (index, value) in state.variables.enumerated() {
      if let value { variables[compiled.variableNames[index]] = value }
    }
    var contacts: [String: [ClockDuration]] = [:]
    var updates: [String: [ClockDuration]] = [:]
    for contact in state.contacts {
      let id = compiled.stakeholderIDs[contact.stakeholder]
      contacts[id, default: []].append(contact.at)
      if contact.isUpdate { updates[id, default: []].append(contact.at) }
    }
    var statements: [String: StatementRecord] = [:]
    for case let statement? in state.statements { statements[statement.id] = statement }
    var metDeadlines: [String: ClockDuration] = [:]
    for (index, time) in state.metDeadlines.enumerated() {
      if let time { metDeadlines[scenario.deadlines[index].id] = time }
    }
    let node = compiled.nodes[state.node]
    var session = SessionState(
      node: compiled.nodeIDs[state.node], clock: state.clock, variables: variables,
      visited: Set(state.set(.visited).indices.map { compiled.nodeIDs[$0] }),
      chosen: Set(state.set(.chosen).indices.map { compiled.choiceIDs[$0] }),
      tags: Set(state.set(.tag).indices.map { compiled.tagNames[$0] }),
      contacts: contacts, updates: updates,
      shown: shownOrder(of: state, at: node).map { compiled.choiceIDs[node.choiceStart + $0] },
      draws: state.draws,
      statements: statements,
      promises: state.promises.enumerated().map { index, promise in
        PromiseRecord(
          id: index + 1, choice: compiled.choiceIDs[promise.choice],
          stakeholder: compiled.stakeholderIDs[promise.stakeholder], label: promise.label,
          madeAt: promise.madeAt, due: promise.due, status: promise.status)
      },
      firedInjects: Set(
        state.set(.firedInject).indices.map { scenario.injects[compiled.injects[$0].declared].id }),
      metDeadlines: metDeadlines,
      missedDeadlines: Set(state.set(.missedDeadline).indices.map { scenario.deadlines[$0].id }),
      returnStack: state.returnStack.map { compiled.nodeIDs[$0] },
      pendingWrite: state.pendingWrite.map { compiled.choiceIDs[$0] }, finished: state.finished,
      options: state.options, inputs: inputs)
    session.standingInputs = Engine.effectiveInputs(inputs)
    return session
  }
}
