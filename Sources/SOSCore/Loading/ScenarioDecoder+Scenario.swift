extension ScenarioDecoder {
  /// Decodes the top-level mapping. Returns `nil` when the file cannot describe a
  /// scenario at all (no usable format, nodes or start).
  mutating func scenario(from root: YAMLNode) -> Scenario? {
    guard case .mapping = root else {
      error(
        .notAMapping,
        "the top level of a scenario file must be a mapping of fields, found \(Self.describe(root))",
        at: Self.position(of: root))
      return nil
    }
    guard let fields = fields(of: root, as: .scenario) else { return nil }

    // The format comes first: a file in another format is not read further.
    guard let formatNode = required("format", in: fields) else { return nil }
    guard case .scalar(let formatScalar) = formatNode, formatScalar.style == .plain,
      let format = Int(formatScalar.string)
    else {
      error(
        .wrongType, "expected a whole number for 'format', found \(Self.describe(formatNode))",
        at: Self.position(of: formatNode))
      return nil
    }
    guard format == ScenarioSchema.supportedFormat else {
      error(
        .unsupportedFormat,
        "unsupported format \(format); this version of SOS reads format \(ScenarioSchema.supportedFormat)",
        at: Self.position(of: formatNode))
      return nil
    }

    let id = required("id", in: fields).flatMap { identifier($0, field: "id") }
    let title = required("title", in: fields).flatMap { string($0, field: "title") }
    let kind = required("kind", in: fields).flatMap {
      enumeration($0, field: "kind", as: CrisisKind.self)
    }
    let cluster = required("cluster", in: fields).flatMap {
      enumeration($0, field: "cluster", as: CrisisCluster.self)
    }
    let difficulty = required("difficulty", in: fields).flatMap {
      enumeration($0, field: "difficulty", as: Difficulty.self)
    }
    let minutes = required("minutes", in: fields).flatMap {
      integer($0, field: "minutes", in: 1...480)
    }
    let role = required("role", in: fields).flatMap { string($0, field: "role") }
    let briefing = required("briefing", in: fields).flatMap { string($0, field: "briefing") }
    let startsAt = fields["starts_at"].flatMap { clockTime($0) }
    let startsOn = fields["starts_on"].flatMap {
      enumeration($0, field: "starts_on", as: Weekday.self)
    }
    let timeLimit = fields["time_limit"].flatMap { positiveDuration($0, field: "time_limit") }
    let stakeholders = required("stakeholders", in: fields).map { stakeholderList($0) } ?? []
    let variables = fields["state"].map { stateVariables($0) } ?? []
    let deadlines = fields["deadlines"].map { deadlineList($0) } ?? []
    let cadence = fields["cadence"].map { cadenceList($0) } ?? []
    let injects = fields["injects"].map { injectList($0) } ?? []
    let start = required("start", in: fields).flatMap { reference($0, field: "start") }
    let nodes = required("nodes", in: fields).map { nodeList($0) } ?? []
    let reflection = fields["reflection"].map { textList($0, field: "reflection") } ?? []
    let scoring = fields["scoring"].flatMap { scoringSettings($0) } ?? ScoringSettings()

    guard let id, let title, let kind, let cluster, let difficulty, let minutes, let role,
      let briefing, let start
    else { return nil }
    return Scenario(
      format: format, id: id, title: title, kind: kind, cluster: cluster,
      difficulty: difficulty, minutes: minutes, role: role, briefing: briefing,
      startsAt: startsAt, startsOn: startsOn, timeLimit: timeLimit ?? Scenario.defaultTimeLimit,
      stakeholders: stakeholders, variables: variables, deadlines: deadlines,
      cadence: cadence, injects: injects, start: start, nodes: nodes, reflection: reflection,
      scoring: scoring, position: Self.position(of: root))
  }

  /// `HH:MM` on a 24-hour clock, as minutes after midnight.
  mutating func clockTime(_ node: YAMLNode, field: String = "starts_at") -> Int? {
    guard let text = string(node, field: field) else { return nil }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
      let hours = Int(parts[0]), let minutes = Int(parts[1]),
      (0..<24).contains(hours), (0..<60).contains(minutes)
    {
      return hours * 60 + minutes
    }
    error(
      .invalidValue, "'\(field)' must be a time of day such as \"09:00\", not '\(text)'",
      at: Self.position(of: node))
    return nil
  }

  /// A duration that must be longer than zero.
  mutating func positiveDuration(_ node: YAMLNode, field: String) -> ClockDuration? {
    guard let duration = duration(node, field: field) else { return nil }
    guard duration > .zero else {
      error(.invalidValue, "'\(field)' must be longer than zero", at: Self.position(of: node))
      return nil
    }
    return duration
  }

  mutating func textList(_ node: YAMLNode, field: String) -> [String] {
    guard let items = list(node, field: field) else { return [] }
    return items.compactMap { string($0, field: field) }
  }

  mutating func tagList(_ node: YAMLNode) -> [String] {
    guard let items = list(node, field: "tags") else { return [] }
    return items.compactMap { identifier($0, field: "tags") }
  }

  // MARK: - Stakeholders and state

  mutating func stakeholderList(_ node: YAMLNode) -> [Stakeholder] {
    guard let entries = namedEntries(node, field: "stakeholders") else { return [] }
    if entries.isEmpty {
      error(
        .missingField, "'stakeholders' needs at least one stakeholder",
        at: Self.position(of: node))
    }
    return entries.compactMap { entry in
      let id = identifier(entry.key, field: "stakeholder")
      guard let fields = fields(of: entry.value, as: .stakeholder, field: entry.name) else {
        return nil
      }
      let label = required("label", in: fields).flatMap { string($0, field: "label") }
      let isRequired = fields["required"].flatMap { boolean($0, field: "required") } ?? false
      let description = fields["description"].flatMap { string($0, field: "description") }
      guard let id, let label else { return nil }
      return Stakeholder(
        id: id, label: label, required: isRequired, description: description,
        position: Self.position(of: entry.key))
    }
  }

  mutating func stateVariables(_ node: YAMLNode) -> [StateVariable] {
    guard let entries = namedEntries(node, field: "state") else { return [] }
    return entries.compactMap { entry in
      guard let name = variableName(entry.key) else { return nil }
      guard let value = scalarValue(entry.value, field: name) else { return nil }
      if case .duration = value {
        error(
          .wrongType,
          "state variable '\(name)' must start as a whole number, true/false or a text, not a duration; quote it (\"\(value)\") if you mean a text",
          at: Self.position(of: entry.value))
        return nil
      }
      return StateVariable(name: name, initial: value, position: Self.position(of: entry.key))
    }
  }

  /// A variable name: a letter or `_`, then letters, digits or `_`.
  mutating func variableName(_ node: YAMLNode) -> String? {
    guard let name = string(node, field: "state") else { return nil }
    let scalars = name.unicodeScalars
    let valid =
      scalars.first.map { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") } == true
      && scalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0))
      }
      && !["and", "or", "not", "true", "false", "elapsed"].contains(name)
    guard valid else {
      error(
        .invalidValue,
        "'\(name)' is not a valid variable name; use letters, digits and '_', starting with a letter or '_'",
        at: Self.position(of: node))
      return nil
    }
    return name
  }

  /// The value a plain YAML scalar stands for: a whole number, a boolean, or a text.
  mutating func scalarValue(_ node: YAMLNode, field: String) -> Value? {
    guard case .scalar(let scalar) = node, !Self.isNull(node) else {
      error(
        .wrongType,
        "expected a whole number, true/false or a text for '\(field)', found \(Self.describe(node))",
        at: Self.position(of: node))
      return nil
    }
    if scalar.style == .plain {
      if let flag = Self.booleanValue(node) { return .boolean(flag) }
      if PlainKind(scalar) == .integer, let number = Int(scalar.string) {
        return .integer(number)
      }
      if PlainKind(scalar) == .text,
        case .success(let duration) = ClockDuration.parse(scalar.string)
      {
        return .duration(duration)
      }
      if PlainKind(scalar) == .decimal {
        error(
          .wrongType, "'\(field)' must be a whole number, not \(scalar.string)",
          at: Self.position(of: node))
        return nil
      }
    }
    return .text(scalar.string)
  }

  // MARK: - Deadlines, cadence, injects

  mutating func deadlineList(_ node: YAMLNode) -> [Deadline] {
    guard let items = list(node, field: "deadlines") else { return [] }
    let deadlines: [Deadline] = items.compactMap { item in
      guard let fields = fields(of: item, as: .deadline) else { return nil }
      let id = required("id", in: fields).flatMap { identifier($0, field: "id") }
      let label = required("label", in: fields).flatMap { string($0, field: "label") }
      let by = required("by", in: fields).flatMap { duration($0, field: "by") }
      let grace = fields["grace"].flatMap { duration($0, field: "grace") } ?? .zero
      let weight = fields["weight"].flatMap { integer($0, field: "weight", in: 1...10) } ?? 1
      let met = required("met", in: fields).flatMap { expression($0, field: "met") }
      guard let id, let label, let by, let met else { return nil }
      return Deadline(
        id: id, label: label, by: by, grace: grace, weight: weight, met: met,
        position: fields.keyPosition("id") ?? fields.position)
    }
    reportDuplicates(deadlines.map { ($0.id, $0.position) }, what: "deadline")
    return deadlines
  }

  mutating func cadenceList(_ node: YAMLNode) -> [Cadence] {
    guard let items = list(node, field: "cadence") else { return [] }
    return items.compactMap { item in
      guard let fields = fields(of: item, as: .cadence) else { return nil }
      let stakeholder = required("stakeholder", in: fields).flatMap {
        reference($0, field: "stakeholder")
      }
      let every = required("every", in: fields).flatMap { positiveDuration($0, field: "every") }
      let weight = fields["weight"].flatMap { integer($0, field: "weight", in: 1...10) } ?? 1
      let label = fields["label"].flatMap { string($0, field: "label") }
      let quiet = fields["quiet"].flatMap { quietHours($0) }
      guard let stakeholder, let every else { return nil }
      var rule = Cadence(
        stakeholder: stakeholder, every: every, weight: weight, label: label,
        position: fields.position)
      rule.quiet = quiet
      return rule
    }
  }

  /// `quiet: "22:00-07:00"`: two times of day joined by a hyphen.
  mutating func quietHours(_ node: YAMLNode) -> QuietHours? {
    guard let text = string(node, field: "quiet") else { return nil }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
      String($0).filter { $0 != " " }
    }
    guard parts.count == 2, let from = Self.minutesOfDay(parts[0]),
      let to = Self.minutesOfDay(parts[1]), from != to
    else {
      error(
        .invalidValue,
        "'\(text)' is not a span of quiet hours; write two times of day, as in \"22:00-07:00\"",
        at: Self.position(of: node))
      return nil
    }
    return QuietHours(from: from, to: to)
  }

  /// `07:30` as minutes after midnight.
  static func minutesOfDay(_ text: String) -> Int? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
      let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours),
      (0..<60).contains(minutes)
    else { return nil }
    return hours * 60 + minutes
  }

  mutating func injectList(_ node: YAMLNode) -> [Inject] {
    guard let items = list(node, field: "injects") else { return [] }
    let injects: [Inject] = items.compactMap { item in
      guard let fields = fields(of: item, as: .inject) else { return nil }
      let id = required("id", in: fields).flatMap { identifier($0, field: "id") }
      let manual = fields["manual"].flatMap { boolean($0, field: "manual") } ?? false
      // A manual inject fires when a facilitator fires it, so it has no time; any other
      // inject needs one.
      let at: ClockDuration?
      if manual {
        if let written = fields["at"] {
          error(
            .invalidValue,
            "a manual inject has no 'at': a facilitator fires it in a live room; remove 'at' or 'manual: true'",
            at: Self.position(of: written))
        }
        at = .zero
      } else {
        at = required("at", in: fields).flatMap { duration($0, field: "at") }
      }
      let when = fields["when"].flatMap { expression($0, field: "when") }
      let unless = fields["unless"].flatMap { expression($0, field: "unless") }
      let worded = required("text", in: fields).flatMap { variantText($0, field: "text") }
      let effects = fields["effects"].map { effectList($0) } ?? Effects()
      let tags = fields["tags"].map { tagList($0) } ?? []
      let goto = fields["goto"].flatMap { reference($0, field: "goto") }
      let outcomes = fields["outcomes"].map { chanceOutcomes($0) } ?? []
      guard let id, let at, let text = worded?.text else { return nil }
      var inject = Inject(
        id: id, at: at, when: when, unless: unless, text: text, effects: effects, tags: tags,
        goto: goto, outcomes: outcomes, manual: manual,
        position: fields.keyPosition("id") ?? fields.position)
      inject.textVariants = worded?.variants ?? []
      inject.textPosition = worded?.position
      return inject
    }
    reportDuplicates(injects.map { ($0.id, $0.position) }, what: "inject")
    return injects
  }

  mutating func effectList(_ node: YAMLNode) -> Effects {
    guard let fields = fields(of: node, as: .effects, field: "effects") else { return Effects() }
    var effects = Effects()
    if let add = fields["add"], let entries = namedEntries(add, field: "add") {
      for entry in entries {
        guard let amount = integer(entry.value, field: entry.name, in: -1_000_000...1_000_000)
        else { continue }
        effects.add.append((Located(entry.name, at: Self.position(of: entry.key)), amount))
      }
    }
    if let set = fields["set"], let entries = namedEntries(set, field: "set") {
      for entry in entries {
        guard let value = scalarValue(entry.value, field: entry.name) else { continue }
        effects.set.append((Located(entry.name, at: Self.position(of: entry.key)), value))
      }
    }
    return effects
  }

  // MARK: - Scoring

  mutating func scoringSettings(_ node: YAMLNode) -> ScoringSettings? {
    guard let fields = fields(of: node, as: .scoring, field: "scoring") else { return nil }
    var settings = ScoringSettings()
    if let weightsNode = fields["weights"],
      let weights = self.fields(of: weightsNode, as: .weights, field: "weights")
    {
      func weight(_ name: String, _ fallback: Int) -> Int {
        weights[name].flatMap { integer($0, field: name, in: 0...100) } ?? fallback
      }
      settings.timelinessWeight = weight("timeliness", settings.timelinessWeight)
      settings.communicationWeight = weight("communication", settings.communicationWeight)
      settings.outcomeWeight = weight("outcome", settings.outcomeWeight)
      if settings.timelinessWeight + settings.communicationWeight + settings.outcomeWeight == 0 {
        error(
          .invalidValue, "scoring weights cannot all be zero", at: Self.position(of: weightsNode))
      }
    }
    if let pass = fields["pass"].flatMap({ integer($0, field: "pass", in: 0...100) }) {
      settings.pass = pass
    }
    if let share = fields["statement_share"].flatMap({
      integer($0, field: "statement_share", in: 0...100)
    }) {
      settings.statementShare = share
    }
    if let gate = fields["statement_gate"].flatMap({
      integer($0, field: "statement_gate", in: 0...100)
    }) {
      settings.statementGate = gate
    }
    if let bandsNode = fields["bands"], let items = list(bandsNode, field: "bands") {
      for item in items {
        guard let band = self.fields(of: item, as: .band) else { continue }
        let from = required("from", in: band).flatMap { integer($0, field: "from", in: 0...100) }
        let name = required("name", in: band).flatMap { string($0, field: "name") }
        if let from, let name {
          settings.bands.append(GradeBand(minimum: Double(from), name: name))
        }
      }
      if !items.isEmpty, !settings.bands.contains(where: { $0.minimum == 0 }) {
        error(
          .invalidValue, "grade bands must include one that starts 'from: 0'",
          at: Self.position(of: bandsNode))
      }
    }
    return settings
  }
}
