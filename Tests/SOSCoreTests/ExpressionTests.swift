import Testing

@testable import SOSCore

/// A session stand-in with fixed answers.
struct FixedEnvironment: ExpressionEnvironment {
  var variables: [String: Value] = [:]
  var visitedNodes: Set<String> = []
  var chosenChoices: Set<String> = []
  var tags: Set<String> = []
  var contactedStakeholders: Set<String> = []
  var metDeadlines: Set<String> = []
  var elapsed: ClockDuration = .zero

  func value(of variable: String) -> Value? { variables[variable] }
  func visited(_ node: String) -> Bool { visitedNodes.contains(node) }
  func chose(_ choice: String) -> Bool { chosenChoices.contains(choice) }
  func tagged(_ tag: String) -> Bool { tags.contains(tag) }
  func contacted(_ stakeholder: String) -> Bool { contactedStakeholders.contains(stakeholder) }
  func met(_ deadline: String) -> Bool { metDeadlines.contains(deadline) }
}

@Suite struct ExpressionTests {
  static let context = ExpressionContext(
    nodes: ["first-hour", "discovery"], choices: ["discovery.1", "convene"],
    tags: ["public-statement", "apology"], stakeholders: ["customers", "regulator"],
    deadlines: ["regulator-notice"],
    variables: ["trust": .integer, "facts_confirmed": .boolean, "tone": .text])

  func parse(_ source: String) throws -> Expression {
    try Expression.parse(source).get()
  }

  func syntaxError(_ source: String) -> (offset: Int, message: String)? {
    guard case .failure(let error) = Expression.parse(source) else { return nil }
    return (error.offset, error.message)
  }

  func checkErrors(_ source: String) throws -> [String] {
    try parse(source).check(in: Self.context).map { "\($0.offset): \($0.message)" }
  }

  // MARK: - Parsing

  @Test func precedenceIsNotThenAndThenOr() throws {
    let parsed = try parse("not tagged(apology) or trust > 10 and facts_confirmed")
    guard case .or(let left, let right) = parsed.kind else {
      Issue.record("expected 'or' at the top, got \(parsed.kind)")
      return
    }
    guard case .not = left.kind, case .and = right.kind else {
      Issue.record("wrong shape: \(left.kind) / \(right.kind)")
      return
    }
  }

  @Test func parenthesesGroup() throws {
    let parsed = try parse("(tagged(apology) or facts_confirmed) and trust >= 50")
    guard case .and(let left, _) = parsed.kind, case .or = left.kind else {
      Issue.record("expected (a or b) and c, got \(parsed.kind)")
      return
    }
    #expect(left.offset == 0)
    #expect(left.length == 36)
  }

  @Test func literalsOfEveryType() throws {
    #expect(try parse("42").kind == .literal(.integer(42)))
    #expect(try parse("-3").kind == .literal(.integer(-3)))
    #expect(try parse("true").kind == .literal(.boolean(true)))
    #expect(try parse("2h30m").kind == .literal(.duration(ClockDuration(seconds: 9000))))
    #expect(try parse("\"calm\"").kind == .literal(.text("calm")))
    #expect(try parse("'calm'").kind == .literal(.text("calm")))
    #expect(try parse("elapsed").kind == .elapsed)
  }

  @Test func functionArgumentsKeepDashesAndDots() throws {
    #expect(
      try parse("visited(first-hour)").kind
        == .call(.visited, argument: "first-hour", argumentOffset: 8))
    #expect(
      try parse("chose( discovery.1 )").kind
        == .call(.chose, argument: "discovery.1", argumentOffset: 7))
  }

  @Test func syntaxErrorsPointAtTheExactColumn() {
    #expect(syntaxError("")?.offset == 0)
    #expect(syntaxError("trust = 5")?.offset == 6)
    #expect(
      syntaxError("trust = 5")?.message == "use '==' to compare; '=' alone is not an operator")
    #expect(syntaxError("tagged(apology) && trust > 1")?.offset == 16)
    #expect(syntaxError("tagged(apology) and")?.offset == 19)
    #expect(
      syntaxError("tagged(apology) and")?.message
        == "expected a value or a condition, found the end of the expression")
    #expect(syntaxError("(trust > 1")?.offset == 10)
    #expect(
      syntaxError("tagd(apology)")?.message == "unknown function 'tagd'; did you mean 'tagged'?")
    #expect(syntaxError("tagged()")?.offset == 7)
    #expect(syntaxError("tagged(a, b)")?.offset == 8)
    #expect(syntaxError("trust > 1 < 5")?.offset == 10)
    #expect(syntaxError("trust > 10 tagged(apology)")?.offset == 11)
    #expect(syntaxError("elapsed > 2x")?.offset == 11)
    #expect(syntaxError("elapsed > -2h")?.message == "a duration cannot be negative")
    #expect(syntaxError("tone == \"calm")?.offset == 8)
    #expect(syntaxError("trust > 1 $")?.offset == 10)
  }

  @Test func hostileExpressionsAreRefusedNotRecursedInto() {
    let deep =
      String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)
    #expect(syntaxError(deep) != nil)
    let nested = String(repeating: "not ", count: 100) + "true"
    #expect(syntaxError(nested)?.message == "the expression nests more than 64 levels deep")
    let long = Array(repeating: "true", count: 600).joined(separator: " and ")
    #expect(syntaxError(long) != nil)
  }

  // MARK: - Types and names

  @Test func wellTypedConditionsHaveNoProblems() throws {
    for source in [
      "contacted(regulator) and elapsed <= 72h", "trust > 10", "not facts_confirmed",
      "tone == \"calm\"", "tone != 'angry' or met(regulator-notice)", "visited(first-hour)",
      "chose(discovery.1)", "facts_confirmed == true",
    ] {
      #expect(try checkErrors(source) == [], "\(source)")
    }
  }

  @Test func unknownNamesSuggestTheClosest() throws {
    #expect(
      try checkErrors("contacted(regulater)") == [
        "10: unknown stakeholder 'regulater' in contacted(); did you mean 'regulator'?"
      ])
    #expect(
      try checkErrors("trsut > 5") == [
        "0: unknown state variable 'trsut'; did you mean 'trust'?"
      ])
    #expect(try checkErrors("visited(nowhere)") == ["8: unknown node 'nowhere' in visited()"])
    #expect(try checkErrors("met(notice)") == ["4: unknown deadline 'notice' in met()"])
  }

  @Test func bareIDGetsAHintToUseAFunction() throws {
    let problems = try parse("apology").check(in: Self.context)
    #expect(problems.first?.notes == ["'apology' is a tag; write tagged(apology)"])
  }

  @Test func typeErrors() throws {
    #expect(
      try checkErrors("trust") == ["0: a condition must be true or false, but this is a number"])
    #expect(
      try checkErrors("elapsed > 2") == [
        "10: cannot compare a duration with a number using '>'"
      ])
    #expect(
      try checkErrors("tone > \"a\"") == [
        "0: '>' orders numbers and durations, not texts; use '==' or '!='"
      ])
    #expect(
      try checkErrors("trust and facts_confirmed") == [
        "0: 'and' needs a condition (true or false), but this is a number"
      ])
    #expect(
      try checkErrors("not elapsed") == [
        "4: 'not' needs a condition (true or false), but this is a duration"
      ])
  }

  // MARK: - Evaluation

  @Test func evaluatesAgainstTheSession() throws {
    var environment = FixedEnvironment(
      variables: ["trust": .integer(60), "facts_confirmed": .boolean(false), "tone": .text("calm")])
    environment.contactedStakeholders = ["regulator"]
    environment.elapsed = .hours(3)
    #expect(try parse("contacted(regulator) and elapsed <= 72h").isTrue(in: environment))
    #expect(try !parse("contacted(customers)").isTrue(in: environment))
    #expect(try parse("trust >= 60 and trust < 61").isTrue(in: environment))
    #expect(try parse("not facts_confirmed").isTrue(in: environment))
    #expect(try parse("tone == 'calm'").isTrue(in: environment))
    #expect(try parse("elapsed == 3h").isTrue(in: environment))
    #expect(try !parse("elapsed > 3h").isTrue(in: environment))
    #expect(try parse("facts_confirmed or trust > 50").isTrue(in: environment))
  }

  @Test func missingVariableIsNotTrue() throws {
    #expect(try !parse("ghost > 1").isTrue(in: FixedEnvironment()))
    #expect(try !parse("not ghost").isTrue(in: FixedEnvironment()))
  }

  @Test func andShortCircuits() throws {
    // The right side would be undefined; 'false and …' is false all the same.
    #expect(try parse("false and ghost").evaluate(in: FixedEnvironment()) == .boolean(false))
    #expect(try parse("true or ghost").evaluate(in: FixedEnvironment()) == .boolean(true))
  }

  // MARK: - Suggestions

  @Test func suggestionsCatchTyposAndTranspositions() {
    #expect(suggestion(for: "titel", among: ["title", "id"]) == "title")
    #expect(suggestion(for: "databreach", among: ["data-breach", "recall"]) == "data-breach")
    #expect(suggestion(for: "press", among: ["customers", "regulator"]) == nil)
    #expect(suggestion(for: "x", among: ["y"]) == "y")
    #expect(editDistance(Array("abc".unicodeScalars), Array("acb".unicodeScalars)) == 1)
  }
}
