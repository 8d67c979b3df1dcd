/// A validated scenario in the form a fast step works on, derived once and never
/// saved: nodes, options, stakeholders, tags, variables, deadlines, injects and write
/// tasks are integer indices; gotos are resolved to node indices; every condition is
/// a ``CompiledCondition``; and what scoring reads of each option (its credit among
/// the options offered with it, its posture's fit) is worked out in advance.
///
/// ``Scenario`` stays the source of truth for text and diagnostics: the tables keep
/// each id beside its index so that a ``CompactState`` converts back to the
/// ``SessionState`` the engine would have reached (see ``CompactEngine``).
///
/// A scenario that names something it does not have (a goto to no node) is not
/// compiled: ``init(engine:)`` fails, and callers play it through ``Engine``.
final class CompiledScenario: Sendable {
  /// A resolved goto.
  enum Target: Sendable {
    case node(Int)
    case branches([(when: CompiledCondition?, to: Int)])
    case returnToDiverted
  }

  /// Effects with variables as indices.
  struct CompiledEffects: Sendable {
    var add: [(variable: Int, amount: Int)] = []
    var set: [(variable: Int, value: Value)] = []
    var isEmpty: Bool { add.isEmpty && set.isEmpty }
  }

  /// A list of weighted outcomes (an option's or an inject's).
  struct Chances: Sendable {
    /// The option's or inject's id, as draws name their source.
    var source: String
    var weights: [Int]
    var tags: [[Int]]
    var effects: [CompiledEffects]
    var gotos: [Int?]
    /// Each outcome's text, as a draw tells it.
    var texts: [String?]
    /// The first of this list's playtest outcome slots (see ``outcomeNames``).
    var firstSlot: Int
  }

  struct Node: Sendable {
    /// Its options: `choices[choiceStart ..< choiceStart + choiceCount]`.
    var choiceStart: Int
    var choiceCount: Int
    var isEnding: Bool
    var outcome: Int?
    /// Whether an option has a `when` or goes back after a divert: only then can the
    /// options offered differ from all of the node's options.
    var hasConditionalChoices: Bool
    /// Whether an option is pinned first or last.
    var hasPins: Bool
    var timeLimit: ClockDuration?
    var onTimeout: Timeout
  }

  /// A node's timeout rule (by default "you hesitate").
  struct Timeout: Sendable {
    var takes: ClockDuration
    var tags: [Int]
    var effects: CompiledEffects
    var goto: Int?
  }

  struct CompiledChoice: Sendable {
    var node: Int
    /// Its position among its node's options.
    var position: Int
    var pin: ChoicePin?
    var takes: ClockDuration
    var until: Int?
    var when: CompiledCondition?
    var effects: CompiledEffects
    var tags: [Int]
    var contacts: [Int]
    var isUpdate: Bool
    var target: Target
    var promise: (stakeholder: Int, within: ClockDuration, label: String)?
    /// Its write task, by index into ``writes``.
    var write: Int?
    var chances: Chances?
    var isReturn: Bool
    var totalQuality: Int
    /// The posture's fit to the scenario's crisis cluster, when it has a posture.
    var postureFit: Double?
    var posture: Posture?
    /// Its credit when its node offers all of its options (always, for a node without
    /// conditional options): `nil` when no choice item is scored (one option, or all
    /// of equal quality).
    var fullCredit: Double?
  }

  struct StatementOutcomeRule: Sendable {
    var minimum: Int?
    var below: Int?
    var met: [String]
    var unmet: [String]
    var when: CompiledCondition?
    var tags: [Int]
    var effects: CompiledEffects
    var contacts: [Int]
    var target: Target?
  }

  struct Write: Sendable {
    /// The option that asks for the statement, as the analyser and records read it.
    var choice: Choice
    var task: WriteTask
    var audience: Int
    var outcomes: [StatementOutcomeRule]
    var firstSlot: Int
  }

  struct CompiledInject: Sendable {
    /// Its position in the scenario's list (injects are kept in firing order).
    var declared: Int
    var at: ClockDuration
    var when: CompiledCondition?
    var unless: CompiledCondition?
    var tags: [Int]
    var effects: CompiledEffects
    var goto: Int?
    var chances: Chances?
  }

  struct CompiledDeadline: Sendable {
    var by: ClockDuration
    var grace: ClockDuration
    var weight: Int
    var met: CompiledCondition
  }

  struct CompiledCadence: Sendable {
    var stakeholder: Int
    var every: ClockDuration
    var weight: Int
    var quiet: QuietHours?
  }

  let engine: Engine
  let nodes: [Node]
  let nodeIDs: [String]
  /// Every option, node by node in file order (``Scenario/allChoices``).
  let choices: [CompiledChoice]
  let choiceIDs: [String]
  let stakeholderIDs: [String]
  let tagNames: [String]
  let variableNames: [String]
  let initialVariables: [Value?]
  let writes: [Write]
  /// Injects in the order they fire (by `at`, then file order).
  let injects: [CompiledInject]
  let deadlines: [CompiledDeadline]
  let cadence: [CompiledCadence]
  /// Required stakeholders, in the scenario's order.
  let required: [Int]
  let start: Int
  /// The playtest's name of each outcome slot (``Playtester/outcomeName(_:_:)``), in
  /// the order ``Playtester`` declares them.
  let outcomeNames: [String]
  /// Where a ``CompactState`` keeps each kind of yes-or-no fact.
  let facts: CompactFacts

  var scenario: Scenario { engine.scenario }

  /// Compiles the engine's scenario, or fails when it names a node it does not have.
  init?(engine: Engine) {
    var builder = Builder(scenario: engine.scenario)
    guard let built = builder.build() else { return nil }
    self.engine = engine
    nodes = built.nodes
    nodeIDs = engine.scenario.nodes.map(\.id)
    choices = built.choices
    choiceIDs = engine.scenario.nodes.flatMap { $0.choices.map(\.id) }
    stakeholderIDs = builder.stakeholders.names
    tagNames = builder.tags.names
    variableNames = builder.variables.names
    initialVariables = built.initialVariables
    writes = built.writes
    injects = built.injects
    deadlines = built.deadlines
    cadence = built.cadence
    required = built.required
    start = built.start
    outcomeNames = built.outcomeNames
    facts = CompactFacts(capacities: [
      .visited: nodes.count, .chosen: choices.count, .tag: tagNames.count,
      .firedInject: injects.count, .missedDeadline: deadlines.count,
      .reachedOutcome: outcomeNames.count, .contacted: stakeholderIDs.count,
    ])
  }
}

extension CompiledScenario {
  /// Names given indices in order of first sight.
  struct Interner {
    var names: [String] = []
    var indices: [String: Int] = [:]

    mutating func index(_ name: String) -> Int {
      if let index = indices[name] { return index }
      indices[name] = names.count
      names.append(name)
      return names.count - 1
    }
  }

  /// The compiled tables, built in one pass over the scenario.
  struct Built {
    var nodes: [Node] = []
    var choices: [CompiledChoice] = []
    var initialVariables: [Value?] = []
    var writes: [Write] = []
    var injects: [CompiledInject] = []
    var deadlines: [CompiledDeadline] = []
    var cadence: [CompiledCadence] = []
    var required: [Int] = []
    var start = 0
    var outcomeNames: [String] = []
  }

  /// Builds the tables; interns names as it meets them.
  struct Builder {
    let scenario: Scenario
    var nodeIndices: [String: Int] = [:]
    var choiceIndices: [String: Int] = [:]
    var deadlineIndices: [String: Int] = [:]
    var statementIndices: [String: Int] = [:]
    var stakeholders = Interner()
    var tags = Interner()
    var variables = Interner()
    /// Whether everything named was found.
    var resolved = true

    init(scenario: Scenario) {
      self.scenario = scenario
    }

    mutating func build() -> Built? {
      var built = Built()
      for (index, node) in scenario.nodes.enumerated() where nodeIndices[node.id] == nil {
        nodeIndices[node.id] = index
      }
      guard nodeIndices.count == scenario.nodes.count else { return nil }
      var writeCount = 0
      // Options are read in place: `allChoices` copies every one.
      for choice in scenario.nodes.lazy.flatMap(\.choices) {
        choiceIndices[choice.id] = choiceIndices.count
        if let task = choice.write {
          statementIndices[task.id] = writeCount
          writeCount += 1
        }
      }
      guard choiceIndices.count == scenario.nodes.reduce(0, { $0 + $1.choices.count }),
        statementIndices.count == writeCount
      else { return nil }
      for (index, deadline) in scenario.deadlines.enumerated() {
        deadlineIndices[deadline.id] = index
      }
      guard deadlineIndices.count == scenario.deadlines.count,
        Set(scenario.injects.map(\.id)).count == scenario.injects.count
      else { return nil }
      for stakeholder in scenario.stakeholders { _ = stakeholders.index(stakeholder.id) }
      for variable in scenario.variables { _ = variables.index(variable.name) }
      var initial: [String: Value] = [:]
      for variable in scenario.variables where initial[variable.name] == nil {
        initial[variable.name] = variable.initial
      }
      guard let start = nodeIndices[scenario.start.value] else { return nil }
      built.start = start

      for (nodeIndex, scenarioNode) in scenario.nodes.enumerated() {
        let choiceStart = built.choices.count
        for (position, choice) in scenarioNode.choices.enumerated() {
          built.choices.append(
            compile(choice, node: nodeIndex, position: position, built: &built))
        }
        let range = choiceStart..<built.choices.count
        let conditional = scenarioNode.choices.contains { choice in
          if choice.when != nil { return true }
          if case .returnToDiverted = choice.goto { return true }
          return false
        }
        let rule = scenarioNode.onTimeout ?? .hesitate
        built.nodes.append(
          Node(
            choiceStart: choiceStart, choiceCount: range.count, isEnding: scenarioNode.isEnding,
            outcome: scenarioNode.outcome, hasConditionalChoices: conditional,
            hasPins: scenarioNode.choices.contains { $0.pin != nil },
            timeLimit: scenarioNode.timeLimit,
            onTimeout: Timeout(
              takes: rule.takes, tags: rule.tags.map { tags.index($0) },
              effects: compile(rule.effects), goto: rule.goto.flatMap { node(of: $0.value) })))
        // Credits when every option is offered, as the scorer's review works them out.
        let totals = built.choices[range].map(\.totalQuality)
        if let low = totals.min(), let high = totals.max(), totals.count > 1, high > low {
          for index in range {
            built.choices[index].fullCredit =
              (Double(built.choices[index].totalQuality) - Double(low))
              / (Double(high) - Double(low))
          }
        }
      }
      for (declared, inject) in scenario.injects.enumerated() {
        built.injects.append(
          CompiledInject(
            declared: declared, at: inject.at, when: inject.when.map { condition($0) },
            unless: inject.unless.map { condition($0) }, tags: inject.tags.map { tags.index($0) },
            effects: compile(inject.effects), goto: inject.goto.flatMap { node(of: $0.value) },
            chances: nil))
      }
      for (declared, inject) in scenario.injects.enumerated() where !inject.outcomes.isEmpty {
        let compiled = chances(inject.outcomes, source: inject.id, built: &built)
        built.injects[declared].chances = compiled
      }
      // A manual inject fires only when a facilitator sends it (an input the compact
      // step does not take): only the clock's injects are in the firing order.
      built.injects = built.injects.filter { !scenario.injects[$0.declared].manual }.sorted {
        ($0.at, $0.declared) < ($1.at, $1.declared)
      }
      built.deadlines = scenario.deadlines.map {
        CompiledDeadline(by: $0.by, grace: $0.grace, weight: $0.weight, met: condition($0.met))
      }
      built.cadence = scenario.cadence.map {
        CompiledCadence(
          stakeholder: stakeholders.index($0.stakeholder.value), every: $0.every,
          weight: $0.weight, quiet: $0.quiet)
      }
      built.required = scenario.stakeholders.filter(\.required).map { stakeholders.index($0.id) }
      built.initialVariables = variables.names.map { initial[$0] }
      return resolved ? built : nil
    }

    mutating func node(of id: String) -> Int? {
      guard let index = nodeIndices[id] else {
        resolved = false
        return nil
      }
      return index
    }

    mutating func compile(
      _ choice: Choice, node nodeIndex: Int, position: Int, built: inout Built
    ) -> CompiledChoice {
      var write: Int?
      if let task = choice.write {
        write = built.writes.count
        let firstSlot = built.outcomeNames.count + choice.outcomes.count
        built.writes.append(
          Write(
            choice: choice, task: task, audience: stakeholders.index(task.audience.value),
            outcomes: task.outcomes.map { compile($0) }, firstSlot: firstSlot))
      }
      let chances =
        choice.outcomes.isEmpty
        ? nil : chances(choice.outcomes, source: choice.id, built: &built)
      if let task = choice.write {
        built.outcomeNames += task.outcomes.indices.map { Playtester.outcomeName(task.id, $0) }
      }
      var isReturn = false
      if case .returnToDiverted = choice.goto { isReturn = true }
      return CompiledChoice(
        node: nodeIndex, position: position, pin: choice.pin, takes: choice.takes,
        until: choice.until?.value, when: choice.when.map { condition($0) },
        effects: compile(choice.effects), tags: choice.tags.map { tags.index($0) },
        contacts: choice.contacts.map { stakeholders.index($0.value) }, isUpdate: choice.isUpdate,
        target: target(choice.goto),
        promise: choice.promise.map {
          (stakeholders.index($0.to.value), $0.within, $0.label)
        },
        write: write, chances: chances, isReturn: isReturn, totalQuality: choice.totalQuality,
        postureFit: choice.posture.map { ScoringDefaults.postureFit($0, in: scenario.cluster) },
        posture: choice.posture, fullCredit: nil)
    }

    mutating func compile(_ outcome: StatementOutcome) -> StatementOutcomeRule {
      StatementOutcomeRule(
        minimum: outcome.minimum, below: outcome.below, met: outcome.met.map(\.value),
        unmet: outcome.unmet.map(\.value), when: outcome.when.map { condition($0) },
        tags: outcome.tags.map { tags.index($0) }, effects: compile(outcome.effects),
        contacts: outcome.contacts.map { stakeholders.index($0.value) },
        target: outcome.goto.map { target($0) })
    }

    mutating func chances(_ outcomes: [ChanceOutcome], source: String, built: inout Built)
      -> Chances
    {
      let firstSlot = built.outcomeNames.count
      built.outcomeNames += outcomes.indices.map { Playtester.outcomeName(source, $0) }
      var gotos: [Int?] = []
      for outcome in outcomes { gotos.append(outcome.goto.flatMap { node(of: $0.value) }) }
      return Chances(
        source: source, weights: outcomes.map(\.chance),
        tags: outcomes.map { $0.tags.map { tags.index($0) } },
        effects: outcomes.map { compile($0.effects) }, gotos: gotos,
        texts: outcomes.map(\.text), firstSlot: firstSlot)
    }

    mutating func target(_ goto: Goto) -> Target {
      switch goto {
      case .node(let target):
        return .node(node(of: target.value) ?? 0)
      case .returnToDiverted:
        return .returnToDiverted
      case .branches(let branches):
        var compiled: [(when: CompiledCondition?, to: Int)] = []
        for branch in branches {
          compiled.append((branch.when.map { condition($0) }, node(of: branch.to.value) ?? 0))
        }
        return .branches(compiled)
      }
    }

    mutating func compile(_ effects: Effects) -> CompiledEffects {
      CompiledEffects(
        add: effects.add.map { (variables.index($0.variable.value), $0.amount) },
        set: effects.set.map { (variables.index($0.variable.value), $0.value) })
    }

    mutating func condition(_ expression: ScenarioExpression) -> CompiledCondition {
      condition(expression.expression)
    }

    mutating func condition(_ expression: Expression) -> CompiledCondition {
      switch expression.kind {
      case .literal(let value): return .literal(value)
      case .variable(let name): return .variable(variables.index(name))
      case .elapsed: return .elapsed
      case .call(let function, let argument, _):
        switch function {
        case .visited:
          guard let node = nodeIndices[argument] else { return .literal(.boolean(false)) }
          return .visited(node)
        case .chose:
          guard let choice = choiceIndices[argument] else { return .literal(.boolean(false)) }
          return .chose(choice)
        case .tagged: return .tagged(tags.index(argument))
        case .contacted: return .contacted(stakeholders.index(argument))
        case .met:
          guard let deadline = deadlineIndices[argument] else { return .literal(.boolean(false)) }
          return .met(deadline)
        case .statement:
          guard let task = statementIndices[argument] else { return .missing }
          return .statementScore(task)
        }
      case .statementMet(let statement, _, let criterion, _):
        guard let task = statementIndices[statement] else { return .literal(.boolean(false)) }
        return .statementMet(task, criterion: criterion)
      case .not(let operand): return .not(condition(operand))
      case .and(let left, let right): return .and(condition(left), condition(right))
      case .or(let left, let right): return .or(condition(left), condition(right))
      case .compare(let comparison, let left, let right):
        return .compare(comparison, condition(left), condition(right))
      }
    }
  }
}
