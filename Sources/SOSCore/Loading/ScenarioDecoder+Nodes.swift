extension ScenarioDecoder {
  mutating func nodeList(_ node: YAMLNode) -> [ScenarioNode] {
    guard let entries = namedEntries(node, field: "nodes") else { return [] }
    if entries.isEmpty {
      error(.missingField, "'nodes' needs at least one node", at: Self.position(of: node))
    }
    let nodes: [ScenarioNode] = entries.compactMap { entry in
      guard let id = identifier(entry.key, field: "node") else { return nil }
      if id == "return" {
        error(
          .invalidValue,
          "'return' cannot name a node: 'goto: return' means going back after an inject's divert",
          at: Self.position(of: entry.key))
        return nil
      }
      return scenarioNode(id: id, key: entry.key, value: entry.value)
    }
    // Ids and positions only: a copy of every choice is megabytes on a large file.
    reportDuplicates(
      nodes.flatMap { $0.choices.map { ($0.id, $0.position) } }, what: "choice")
    return nodes
  }

  mutating func scenarioNode(id: String, key: YAMLNode, value: YAMLNode) -> ScenarioNode? {
    guard let fields = fields(of: value, as: .node, field: id) else { return nil }
    let keyPosition = Self.position(of: key)
    let worded = required("text", in: fields).flatMap { variantText($0, field: "text") }
    let text = worded?.text
    let title = fields["title"].flatMap { string($0, field: "title") }
    let isEnding = fields["ending"].flatMap { boolean($0, field: "ending") } ?? false
    let outcome = fields["outcome"].flatMap { integer($0, field: "outcome", in: 0...100) }
    let timeLimit = fields["time_limit"].flatMap { positiveDuration($0, field: "time_limit") }
    let onTimeout = fields["on_timeout"].flatMap { timeoutRule($0) }
    var choices: [Choice] = []
    if let choicesNode = fields["choices"], let items = list(choicesNode, field: "choices") {
      choices.reserveCapacity(items.count)
      for (index, item) in items.enumerated() {
        if let choice = choice(item, node: id, index: index) { choices.append(choice) }
      }
      if isEnding, !items.isEmpty {
        error(
          .endingWithChoices, "ending node '\(id)' cannot offer choices",
          at: fields.keyPosition("choices") ?? keyPosition)
      }
      if !isEnding, items.isEmpty {
        error(
          .deadEnd, "node '\(id)' has an empty choice list and is not an ending",
          at: fields.keyPosition("choices") ?? keyPosition,
          notes: ["add choices, or mark the node 'ending: true' with an 'outcome'"])
      }
    } else if !isEnding, fields["choices"] == nil {
      error(
        .deadEnd, "node '\(id)' has neither choices nor an ending", at: keyPosition,
        notes: ["add choices, or mark the node 'ending: true' with an 'outcome'"])
    }
    if isEnding, fields["outcome"] == nil {
      error(
        .missingField,
        "missing required field 'outcome' in ending node '\(id)' (how well the crisis ended, 0-100)",
        at: keyPosition)
    }
    if !isEnding, let outcomePosition = fields.keyPosition("outcome") {
      error(
        .invalidValue, "'outcome' is only for ending nodes; '\(id)' is not an ending",
        at: outcomePosition)
    }
    guard let text else { return nil }
    var scenarioNode = ScenarioNode(
      id: id, title: title, text: text, choices: choices, isEnding: isEnding,
      outcome: isEnding ? outcome : nil, timeLimit: timeLimit, onTimeout: onTimeout,
      position: keyPosition)
    scenarioNode.textVariants = worded?.variants ?? []
    scenarioNode.textPosition = worded?.position
    return scenarioNode
  }

  mutating func timeoutRule(_ node: YAMLNode) -> TimeoutRule? {
    guard let fields = fields(of: node, as: .timeout, field: "on_timeout") else { return nil }
    let takes =
      fields["takes"].flatMap { duration($0, field: "takes") } ?? TimeoutRule.hesitate.takes
    let text = fields["text"].flatMap { string($0, field: "text") }
    let goto = fields["goto"].flatMap { reference($0, field: "goto") }
    var rule = TimeoutRule(takes: takes, text: text, goto: goto)
    rule.effects = fields["effects"].map { effectList($0) } ?? Effects()
    rule.tags = fields["tags"].map { tagList($0) } ?? []
    return rule
  }

  mutating func choice(_ node: YAMLNode, node nodeID: String, index: Int) -> Choice? {
    guard let fields = fields(of: node, as: .choice) else { return nil }
    let id =
      fields["id"].flatMap { identifier($0, field: "id", allowDots: true) }
      ?? "\(nodeID).\(index + 1)"
    let worded = required("text", in: fields).flatMap { variantText($0, field: "text") }
    let text = worded?.text
    let takes = fields["takes"].flatMap { duration($0, field: "takes") } ?? .zero
    let until = fields["until"].flatMap { node in
      clockTime(node, field: "until").map { Located($0, at: Self.position(of: node)) }
    }
    let when = fields["when"].flatMap { expression($0, field: "when") }
    let effects = fields["effects"].map { effectList($0) } ?? Effects()
    let contacts = fields["contacts"].map { references($0, field: "contacts") } ?? []
    let tags = fields["tags"].map { tagList($0) } ?? []
    let quality = fields["quality"].map { qualityPoints($0) } ?? [:]
    let posture = fields["posture"].flatMap {
      enumeration($0, field: "posture", as: Posture.self)
    }
    let plan: [PlanPart] =
      fields["plan"].flatMap { list($0, field: "plan") }?.compactMap {
        enumeration($0, field: "plan", as: PlanPart.self)
      } ?? []
    let feedback = fields["feedback"].flatMap { string($0, field: "feedback") }
    let hint = fields["hint"].flatMap { string($0, field: "hint") }
    let promise = fields["promise"].flatMap { promiseTerms($0) }
    let isUpdate = fields["update"].flatMap { boolean($0, field: "update") } ?? false
    var write = fields["write"].flatMap { writeTask($0) }
    if let task = write, task.id.isEmpty { write?.id = id }
    let pin = fields["pin"].flatMap { enumeration($0, field: "pin", as: ChoicePin.self) }
    let outcomes = fields["outcomes"].map { chanceOutcomes($0) } ?? []
    // An option whose every chance outcome says where play goes needs no goto of its
    // own; the first outcome's stands in for it.
    let goto: Goto?
    if fields["goto"] == nil, !outcomes.isEmpty, let first = outcomes.first?.goto,
      outcomes.allSatisfy({ $0.goto != nil })
    {
      goto = .node(first)
    } else {
      goto = required("goto", in: fields).flatMap { gotoTarget($0) }
    }
    guard let text, let goto else { return nil }
    var choice = Choice(
      id: id, text: text, takes: takes, when: when, effects: effects, contacts: contacts,
      tags: tags, quality: quality, posture: posture, plan: plan, feedback: feedback,
      hint: hint, promise: promise, write: write, goto: goto, until: until, pin: pin,
      isUpdate: isUpdate, outcomes: outcomes,
      position: fields.keyPosition("id") ?? fields.position)
    choice.textVariants = worded?.variants ?? []
    choice.textPosition = worded?.position
    return choice
  }

  /// A text, or a list of wordings `{when, text}` ending in one without `when` (the
  /// default): the default text and the conditional variants.
  mutating func variantText(_ node: YAMLNode, field: String) -> (
    text: String, variants: [TextVariant], position: SourcePosition
  )? {
    guard case .sequence = node else {
      return string(node, field: field).map { ($0, [], Self.position(of: node)) }
    }
    guard let items = list(node, field: field), !items.isEmpty else {
      error(
        .missingField, "'\(field)' needs at least one wording", at: Self.position(of: node))
      return nil
    }
    var variants: [TextVariant] = []
    var fallback: String?
    var fallbackPosition = Self.position(of: node)
    for (index, item) in items.enumerated() {
      guard let fields = fields(of: item, as: .textVariant) else { continue }
      let text = required("text", in: fields).flatMap { string($0, field: "text") }
      let isLast = index == items.count - 1
      if isLast {
        if fields["when"] != nil {
          error(
            .gotoWithoutFallback,
            "the last wording of '\(field)' must have no 'when': it is the text shown when no other fits",
            at: fields.keyPosition("when") ?? fields.position)
        }
        fallback = text
        fallbackPosition = fields["text"].map { Self.position(of: $0) } ?? fields.position
      } else {
        guard let whenNode = fields["when"] else {
          error(
            .invalidValue,
            "only the last wording of '\(field)' may omit 'when'; the ones after it would never be shown",
            at: fields.position)
          continue
        }
        if let when = expression(whenNode, field: "when"), let text {
          variants.append(
            TextVariant(
              when: when, text: text,
              position: fields["text"].map { Self.position(of: $0) } ?? fields.position))
        }
      }
    }
    guard let fallback else { return nil }
    return (fallback, variants, fallbackPosition)
  }

  /// `outcomes: [{chance: 30, goto: story-runs}, {chance: 70}]` of an option or inject.
  mutating func chanceOutcomes(_ node: YAMLNode) -> [ChanceOutcome] {
    guard let items = list(node, field: "outcomes") else { return [] }
    if items.count == 1 {
      error(
        .invalidValue, "'outcomes' needs at least two outcomes to draw between",
        at: Self.position(of: node))
    }
    return items.compactMap { item in
      guard let fields = fields(of: item, as: .chanceOutcome) else { return nil }
      let chance = required("chance", in: fields).flatMap {
        integer($0, field: "chance", in: 1...1_000_000)
      }
      let text = fields["text"].flatMap { string($0, field: "text") }
      let effects = fields["effects"].map { effectList($0) } ?? Effects()
      let tags = fields["tags"].map { tagList($0) } ?? []
      let goto = fields["goto"].flatMap { reference($0, field: "goto") }
      guard let chance else { return nil }
      return ChanceOutcome(
        chance: chance, text: text, effects: effects, tags: tags, goto: goto,
        position: fields.keyPosition("chance") ?? fields.position)
    }
  }

  /// The outcomes of a write task, by the statement's quality.
  mutating func statementOutcomes(_ node: YAMLNode) -> [StatementOutcome] {
    guard let items = list(node, field: "outcomes") else { return [] }
    var outcomes: [StatementOutcome] = []
    for (index, item) in items.enumerated() {
      guard let fields = fields(of: item, as: .statementOutcome) else { continue }
      let minimum = fields["min"].flatMap { integer($0, field: "min", in: 0...100) }
      let below = fields["below"].flatMap { integer($0, field: "below", in: 0...101) }
      let met = fields["met"].map { references($0, field: "met") } ?? []
      let unmet = fields["unmet"].map { references($0, field: "unmet") } ?? []
      let when = fields["when"].flatMap { expression($0, field: "when") }
      let text = fields["text"].flatMap { string($0, field: "text") }
      let effects = fields["effects"].map { effectList($0) } ?? Effects()
      let tags = fields["tags"].map { tagList($0) } ?? []
      let contacts = fields["contacts"].map { references($0, field: "contacts") } ?? []
      let goto = fields["goto"].flatMap { gotoTarget($0) }
      let outcome = StatementOutcome(
        minimum: minimum, below: below, met: met, unmet: unmet, when: when, text: text,
        effects: effects, tags: tags, contacts: contacts, goto: goto,
        position: fields.position)
      if outcome.isFallback, index < items.count - 1 {
        error(
          .invalidValue,
          "only the last statement outcome may have no condition ('min', 'below', 'met', 'unmet' or 'when'); the ones after it can never apply",
          at: fields.position)
      }
      if let minimum, let below, below <= minimum {
        error(
          .invalidValue,
          "'below: \(below)' with 'min: \(minimum)' can never hold: no score is both",
          at: fields.keyPosition("below") ?? fields.position)
      }
      outcomes.append(outcome)
    }
    return outcomes
  }

  mutating func qualityPoints(_ node: YAMLNode) -> [QualityDimension: Int] {
    guard let entries = namedEntries(node, field: "quality") else { return [:] }
    var points: [QualityDimension: Int] = [:]
    for entry in entries {
      guard
        let dimension = enumeration(
          entry.key, field: "quality dimension", as: QualityDimension.self),
        let value = integer(entry.value, field: entry.name, in: -5...5)
      else { continue }
      points[dimension] = value
    }
    return points
  }

  mutating func promiseTerms(_ node: YAMLNode) -> PromiseTerms? {
    guard let fields = fields(of: node, as: .promise, field: "promise") else { return nil }
    let to = required("to", in: fields).flatMap { reference($0, field: "to") }
    let within = required("within", in: fields).flatMap { positiveDuration($0, field: "within") }
    let label = required("label", in: fields).flatMap { string($0, field: "label") }
    guard let to, let within, let label else { return nil }
    return PromiseTerms(to: to, within: within, label: label)
  }

  mutating func writeTask(_ node: YAMLNode) -> WriteTask? {
    guard let fields = fields(of: node, as: .write, field: "write") else { return nil }
    let channel = required("channel", in: fields).flatMap {
      enumeration($0, field: "channel", as: Channel.self)
    }
    let audience = required("audience", in: fields).flatMap { reference($0, field: "audience") }
    let prompt = required("prompt", in: fields).flatMap { string($0, field: "prompt") }
    let must = fields["must"].map { phraseList($0, field: "must") } ?? []
    let avoid = fields["avoid"].map { phraseList($0, field: "avoid") } ?? []
    let limit = fields["limit"].flatMap { integer($0, field: "limit", in: 1...100_000) }
    let id = fields["id"].flatMap { identifier($0, field: "id") } ?? ""
    let outcomes = fields["outcomes"].map { statementOutcomes($0) } ?? []
    let timeLimit = fields["time_limit"].flatMap { positiveDuration($0, field: "time_limit") }
    guard let channel, let audience, let prompt else { return nil }
    var task = WriteTask(
      id: id, channel: channel, audience: audience, prompt: prompt, must: must, avoid: avoid,
      limit: limit, outcomes: outcomes, position: fields.position)
    task.timeLimit = timeLimit
    return task
  }

  mutating func phraseList(_ node: YAMLNode, field: String) -> [Phrase] {
    guard let items = list(node, field: field) else { return [] }
    var located: [(Phrase, SourcePosition)] = []
    for item in items {
      guard let fields = fields(of: item, as: .phrase) else { continue }
      let id = required("id", in: fields).flatMap { identifier($0, field: "id") }
      let label = fields["label"].flatMap { string($0, field: "label") }
      var phrasings: [String]? = nil
      if let anyNode = required("any", in: fields) {
        let texts = textList(anyNode, field: "any").filter { !$0.isEmpty }
        if texts.isEmpty {
          error(
            .missingField, "'any' needs at least one phrasing", at: Self.position(of: anyNode))
        } else {
          phrasings = texts
        }
      }
      guard let id, let phrasings else { continue }
      located.append(
        (Phrase(id: id, any: phrasings, label: label), fields.keyPosition("id") ?? fields.position))
    }
    reportDuplicates(located.map { ($0.0.id, $0.1) }, what: "'\(field)' phrase")
    return located.map(\.0)
  }

  /// `goto: node`, `goto: return`, or a list of `{when, to}` branches ending in a
  /// fallback without `when`.
  mutating func gotoTarget(_ node: YAMLNode) -> Goto? {
    if case .scalar = node {
      guard let target = reference(node, field: "goto") else { return nil }
      if target.value == "return" { return .returnToDiverted(target.position) }
      return .node(target)
    }
    guard let items = list(node, field: "goto") else { return nil }
    guard !items.isEmpty else {
      error(.missingField, "'goto' needs at least one branch", at: Self.position(of: node))
      return nil
    }
    var branches: [GotoBranch] = []
    var failed = false
    for (index, item) in items.enumerated() {
      guard let fields = fields(of: item, as: .gotoBranch) else {
        failed = true
        continue
      }
      let when = fields["when"].flatMap { expression($0, field: "when") }
      let to = required("to", in: fields).flatMap { reference($0, field: "to") }
      let isLast = index == items.count - 1
      if isLast, fields["when"] != nil {
        error(
          .gotoWithoutFallback,
          "the last branch of a conditional goto must have no 'when', so that play always has somewhere to go",
          at: fields.keyPosition("when") ?? fields.position)
        failed = true
      }
      if !isLast, fields["when"] == nil {
        error(
          .gotoWithoutFallback,
          "only the last branch of a conditional goto may omit 'when'; later branches can never be taken",
          at: fields.position)
        failed = true
      }
      guard let to else {
        failed = true
        continue
      }
      if fields["when"] != nil, when == nil { failed = true }
      branches.append(GotoBranch(when: when, to: to))
    }
    return failed ? nil : .branches(branches)
  }
}
