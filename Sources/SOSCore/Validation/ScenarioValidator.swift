/// Checks the meaning of a decoded scenario: every reference names something that
/// exists, expressions are well typed, effects fit their variables, and an ending can
/// be reached. Produces errors only; warnings are ``ScenarioLinter``'s.
struct ScenarioValidator {
  let scenario: Scenario
  let file: String
  private var found: [Diagnostic] = []

  init(scenario: Scenario, file: String) {
    self.scenario = scenario
    self.file = file
  }

  func diagnostics() -> [Diagnostic] {
    var validator = self
    validator.run()
    return validator.found
  }

  private mutating func error(
    _ code: DiagnosticCode, _ message: String, at position: SourcePosition,
    notes: [String] = []
  ) {
    found.append(
      Diagnostic(.error, code, message, at: position.location(in: file), notes: notes))
  }

  /// The most options one decision may offer: more cannot be read at a prompt.
  static let maximumOptions = 50
  /// The most nodes one scenario may have.
  static let maximumNodes = 5_000

  private mutating func checkSize() {
    if scenario.nodes.count > Self.maximumNodes {
      error(
        .invalidValue,
        "the scenario has \(scenario.nodes.count) nodes; at most \(Self.maximumNodes)",
        at: scenario.position, notes: ["split it into several scenarios"])
    }
    for node in scenario.nodes where node.choices.count > Self.maximumOptions {
      error(
        .invalidValue,
        "node '\(node.id)' offers \(node.choices.count) options; at most \(Self.maximumOptions)",
        at: node.position, notes: ["no trainee can weigh that many options at one prompt"])
    }
  }

  private mutating func run() {
    checkSize()
    let context = scenario.expressionContext
    let nodeIDs = context.nodes
    let stakeholderIDs = context.stakeholders

    checkNode(scenario.start, among: nodeIDs, field: "start")

    for deadline in scenario.deadlines {
      check(deadline.met, field: "met", context: context)
    }
    for rule in scenario.cadence {
      checkStakeholder(rule.stakeholder, among: stakeholderIDs)
      if rule.quiet != nil, scenario.startsAt == nil {
        error(
          .invalidValue,
          "'quiet' hours need the scenario's 'starts_at', so that the clock has a time of day",
          at: rule.position)
      }
    }
    for inject in scenario.injects {
      if let when = inject.when { check(when, field: "when", context: context) }
      if let unless = inject.unless { check(unless, field: "unless", context: context) }
      check(inject.effects)
      if let goto = inject.goto { checkNode(goto, among: nodeIDs, field: "goto") }
      check(inject.outcomes, nodes: nodeIDs)
    }
    var writeIDs: [String: SourcePosition] = [:]
    for node in scenario.nodes {
      if let goto = node.onTimeout?.goto { checkNode(goto, among: nodeIDs, field: "goto") }
      if let rule = node.onTimeout { check(rule.effects) }
      for choice in node.choices {
        if let when = choice.when { check(when, field: "when", context: context) }
        check(choice.effects)
        if let until = choice.until, scenario.startsAt == nil {
          error(
            .invalidValue,
            "'until' in choice '\(choice.id)' needs the scenario's 'starts_at', so that the clock has a time of day",
            at: until.position)
        }
        for contact in choice.contacts { checkStakeholder(contact, among: stakeholderIDs) }
        if let promise = choice.promise { checkStakeholder(promise.to, among: stakeholderIDs) }
        if let write = choice.write {
          checkStakeholder(write.audience, among: stakeholderIDs)
          if let first = writeIDs[write.id] {
            error(
              .duplicateID, "duplicate statement id '\(write.id)'", at: write.position,
              notes: [
                "'\(write.id)' is first used at line \(first.line), column \(first.column);"
                  + " give each write task its own 'id'"
              ])
          } else {
            writeIDs[write.id] = write.position
          }
          check(write, context: context)
        }
        check(choice.outcomes, nodes: nodeIDs)
        switch choice.goto {
        case .node(let target):
          checkNode(target, among: nodeIDs, field: "goto")
        case .returnToDiverted:
          break
        case .branches(let branches):
          for branch in branches {
            if let when = branch.when { check(when, field: "when", context: context) }
            checkNode(branch.to, among: nodeIDs, field: "to")
          }
        }
      }
    }
    checkTexts(context: context)
    if found.isEmpty { checkReachableEnding() }
  }

  // MARK: - Texts

  /// Every wording's `when` and every placeholder in a text the trainee reads.
  private mutating func checkTexts(context: ExpressionContext) {
    for node in scenario.nodes {
      checkText(
        node.text, variants: node.textVariants, at: node.textPosition ?? node.position,
        context: context)
      if let text = node.onTimeout?.text { checkText(text, at: node.position, context: context) }
      for choice in node.choices {
        checkText(
          choice.text, variants: choice.textVariants, at: choice.textPosition ?? choice.position,
          context: context)
        for outcome in choice.outcomes {
          if let text = outcome.text { checkText(text, at: outcome.position, context: context) }
        }
        for outcome in choice.write?.outcomes ?? [] {
          if let text = outcome.text { checkText(text, at: outcome.position, context: context) }
        }
      }
    }
    for inject in scenario.injects {
      checkText(
        inject.text, variants: inject.textVariants, at: inject.textPosition ?? inject.position,
        context: context)
      for outcome in inject.outcomes {
        if let text = outcome.text { checkText(text, at: outcome.position, context: context) }
      }
    }
  }

  private mutating func checkText(
    _ text: String, variants: [TextVariant] = [], at position: SourcePosition,
    context: ExpressionContext
  ) {
    for variant in variants {
      check(variant.when, field: "when", context: context)
      checkPlaceholders(variant.text, at: variant.position)
    }
    checkPlaceholders(text, at: position)
  }

  private mutating func checkPlaceholders(_ text: String, at position: SourcePosition) {
    for placeholder in TextTemplate.placeholders(in: text) {
      guard let problem = PathText.problem(with: placeholder.name, in: scenario) else { continue }
      error(
        .unknownName, "in a text: \(problem)", at: position,
        notes: [
          "placeholders: {clock}, {time}, {day}, {VARIABLE}, {STAKEHOLDER.label}; '{{' writes a brace"
        ])
    }
  }

  // MARK: - Outcomes

  private mutating func check(_ outcomes: [ChanceOutcome], nodes: Set<String>) {
    for outcome in outcomes {
      check(outcome.effects)
      if let goto = outcome.goto { checkNode(goto, among: nodes, field: "goto") }
    }
  }

  private mutating func check(_ task: WriteTask, context: ExpressionContext) {
    let criteria = task.criterionNames
    for outcome in task.outcomes {
      for criterion in outcome.met + outcome.unmet where !criteria.contains(criterion.value) {
        var message = "statement '\(task.id)' has no criterion '\(criterion.value)'"
        if let guess = suggestion(for: criterion.value, among: criteria) {
          message += "; did you mean '\(guess)'?"
        }
        error(
          .unknownName, message, at: criterion.position,
          notes: ["its criteria are " + criteria.sorted().joined(separator: ", ")])
      }
      if let when = outcome.when { check(when, field: "when", context: context) }
      check(outcome.effects)
      for contact in outcome.contacts { checkStakeholder(contact, among: context.stakeholders) }
      switch outcome.goto {
      case .node(let target):
        checkNode(target, among: context.nodes, field: "goto")
      case .branches(let branches):
        for branch in branches {
          if let when = branch.when { check(when, field: "when", context: context) }
          checkNode(branch.to, among: context.nodes, field: "to")
        }
      case .returnToDiverted, nil:
        break
      }
    }
  }

  // MARK: - References

  private mutating func checkNode(_ target: Located<String>, among ids: Set<String>, field: String)
  {
    guard !ids.contains(target.value) else { return }
    var message = "'\(field)' names unknown node '\(target.value)'"
    if let guess = suggestion(for: target.value, among: ids) {
      message += "; did you mean '\(guess)'?"
    }
    error(.unknownNode, message, at: target.position)
  }

  private mutating func checkStakeholder(_ reference: Located<String>, among ids: Set<String>) {
    guard !ids.contains(reference.value) else { return }
    var message = "unknown stakeholder '\(reference.value)'"
    if let guess = suggestion(for: reference.value, among: ids) {
      message += "; did you mean '\(guess)'?"
    } else {
      message += "; declare it under 'stakeholders'"
    }
    error(.unknownStakeholder, message, at: reference.position)
  }

  // MARK: - Effects and expressions

  private mutating func check(_ effects: Effects) {
    let types = Dictionary(
      scenario.variables.map { ($0.name, $0.initial.type) }, uniquingKeysWith: { first, _ in first }
    )
    for (variable, _) in effects.add {
      guard let type = checkVariable(variable, types: types) else { continue }
      if type != .integer {
        error(
          .effectType,
          "'add' needs a number variable, but '\(variable.value)' holds \(type.phrase); use 'set'",
          at: variable.position)
      }
    }
    for (variable, value) in effects.set {
      guard let type = checkVariable(variable, types: types) else { continue }
      if type != value.type {
        error(
          .effectType,
          "'\(variable.value)' holds \(type.phrase), but 'set' gives it \(value.type.phrase) ('\(value)')",
          at: variable.position)
      }
    }
  }

  private mutating func checkVariable(_ variable: Located<String>, types: [String: ValueType])
    -> ValueType?
  {
    if let type = types[variable.value] { return type }
    var message = "unknown state variable '\(variable.value)'"
    if let guess = suggestion(for: variable.value, among: types.keys) {
      message += "; did you mean '\(guess)'?"
    } else {
      message += "; declare it under 'state' with its initial value"
    }
    error(.unknownVariable, message, at: variable.position)
    return nil
  }

  private mutating func check(
    _ expression: ScenarioExpression, field: String, context: ExpressionContext
  ) {
    for problem in expression.expression.check(in: context) {
      let code: DiagnosticCode
      switch problem.kind {
      case .syntax: code = .expressionSyntax
      case .type: code = .expressionType
      case .unknownName: code = .unknownName
      }
      error(
        code, "in '\(field)': \(problem.message)",
        at: expression.position.advanced(by: problem.offset), notes: problem.notes)
    }
  }

  // MARK: - Reachability

  private mutating func checkReachableEnding() {
    let graph = ScenarioGraph(scenario)
    let reachable = graph.reachable()
    if !scenario.endings.contains(where: { reachable.contains($0.id) }) {
      let note =
        scenario.endings.isEmpty
        ? "no node is marked 'ending: true'"
        : "endings exist (\(scenario.endings.map(\.id).joined(separator: ", "))) but no path leads to them"
      error(
        .noReachableEnding, "no ending can be reached from start node '\(scenario.start.value)'",
        at: scenario.start.position, notes: [note])
      return
    }
    // Nodes play can reach but never leave for an ending (conditions ignored, so this
    // is certain): each entry into such a trap is an error naming the loop.
    // Searched backwards from the endings, once over the edges: sweeping every node
    // until nothing changes took a sweep per step of the longest path.
    var predecessors: [String: [String]] = [:]
    for (node, next) in graph.successors {
      for target in next { predecessors[target, default: []].append(node) }
    }
    var leadsToEnding = Set(scenario.endings.map(\.id))
    var stack = Array(leadsToEnding)
    while let node = stack.popLast() {
      for source in predecessors[node] ?? [] where leadsToEnding.insert(source).inserted {
        stack.append(source)
      }
    }
    // An inject that sends play to a node can take it out of any loop as time passes.
    guard !graph.divertTargets.contains(where: leadsToEnding.contains) else { return }
    let trapped = reachable.subtracting(leadsToEnding)
    for node in scenario.nodes where trapped.contains(node.id) {
      let entered = graph.successors.contains { source, next in
        !trapped.contains(source) && reachable.contains(source) && next.contains(node.id)
      }
      guard entered || node.id == scenario.start.value else { continue }
      let loop = scenario.nodes.map(\.id).filter(trapped.contains)
      let named = loop.prefix(5).joined(separator: ", ") + (loop.count > 5 ? ", …" : "")
      error(
        .trapped,
        "play can reach node '\(node.id)' but never an ending from it: every way out loops back (\(named))",
        at: node.position,
        notes: ["give one of these nodes an option that leads towards an ending"])
    }
  }
}
