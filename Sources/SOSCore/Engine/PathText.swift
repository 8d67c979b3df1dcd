/// Scenario text as the trainee reads it on this path: the first wording whose `when`
/// holds (else the default), with its placeholders filled from the session
/// (see ``TextTemplate``).
struct PathText {
  let scenario: Scenario
  let state: SessionState

  /// The wording for `state` among `variants`, filled in.
  func render(_ text: String, variants: [TextVariant]) -> String {
    let environment = SessionEnvironment(state: state)
    let chosen = variants.first { $0.when.expression.isTrue(in: environment) }?.text ?? text
    return TextTemplate.fill(chosen, value)
  }

  /// The value of a placeholder, or `nil` for a name it does not know.
  func value(_ name: String) -> String? {
    switch name {
    case "clock":
      return CrisisClock.elapsed(state.clock)
    case "time":
      guard let startsAt = scenario.startsAt else { return nil }
      let minutes = (startsAt + max(state.clock.seconds, 0) / 60) % (24 * 60)
      return (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):"
        + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    case "day":
      guard let startsAt = scenario.startsAt, let startsOn = scenario.startsOn else { return nil }
      let days = (startsAt + max(state.clock.seconds, 0) / 60) / (24 * 60)
      let day = startsOn.advanced(by: days).rawValue
      return day.prefix(1).uppercased() + day.dropFirst()
    default:
      if name.hasSuffix(".label") {
        let id = String(name.dropLast(".label".count))
        return scenario.stakeholders.first { $0.id == id }?.label
      }
      return state.variables[name]?.description
    }
  }

  /// Whether `name` is a placeholder `scenario` can fill, and why not if it is not.
  static func problem(with name: String, in scenario: Scenario) -> String? {
    switch name {
    case "clock":
      return nil
    case "time":
      return scenario.startsAt == nil
        ? "'{time}' needs the scenario's 'starts_at', so that the clock has a time of day" : nil
    case "day":
      if scenario.startsAt == nil || scenario.startsOn == nil {
        return "'{day}' needs the scenario's 'starts_at' and 'starts_on'"
      }
      return nil
    default:
      if name.hasSuffix(".label") {
        let id = String(name.dropLast(".label".count))
        let ids = scenario.stakeholders.map(\.id)
        if ids.contains(id) { return nil }
        var message = "'{\(name)}' names unknown stakeholder '\(id)'"
        if let guess = suggestion(for: id, among: ids) { message += "; did you mean '\(guess)'?" }
        return message
      }
      if scenario.variables.contains(where: { $0.name == name }) { return nil }
      var message = "unknown placeholder '{\(name)}'"
      let known =
        ["clock", "time", "day"] + scenario.variables.map(\.name)
        + scenario.stakeholders.map { "\($0.id).label" }
      if let guess = suggestion(for: name, among: known) {
        message += "; did you mean '{\(guess)}'?"
      }
      return message + " (write '{{' for a brace)"
    }
  }
}

extension Engine {
  /// A node's text as the trainee reads it now: the wording for this path, filled in.
  public func text(of node: ScenarioNode, in state: SessionState) -> String {
    PathText(scenario: scenario, state: state).render(node.text, variants: node.textVariants)
  }

  /// An option's text as the trainee reads it now.
  public func text(of choice: Choice, in state: SessionState) -> String {
    PathText(scenario: scenario, state: state).render(choice.text, variants: choice.textVariants)
  }

  /// An inject's text as the trainee reads it now.
  public func text(of inject: Inject, in state: SessionState) -> String {
    PathText(scenario: scenario, state: state).render(inject.text, variants: inject.textVariants)
  }

  /// Any other scenario text (an outcome's, a timeout's), filled in for `state`.
  public func text(_ text: String, in state: SessionState) -> String {
    PathText(scenario: scenario, state: state).render(text, variants: [])
  }
}
