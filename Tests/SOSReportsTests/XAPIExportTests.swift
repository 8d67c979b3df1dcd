import Foundation
import SOSCore
import Testing

@testable import SOSReports

/// The xAPI export against the xAPI 1.0.3 data rules (Part Two: statements, agents,
/// activity definitions and interactions, results, context), and the anonymised export
/// against the named one.
@Suite struct XAPIExportTests {
  static let homePage = "https://lms.example.org"
  static let base = "https://lms.example.org/sos/"

  static func named() throws -> (attempts: [CohortAttempt], json: String) {
    let attempts = try CohortFixture.attempts()
    let export = XAPIExport(
      cohort: .named("spring <b>", description: "Leeds & York"), homePage: homePage,
      baseIRI: base)
    return (attempts, export.json(for: attempts))
  }

  /// The fixture as `sos cohort export --anonymise` hands it over: every trainee under
  /// a pseudonym, every session under an id derived from a per-export secret, and the
  /// cohort under its pseudonym.
  static func anonymised() throws -> (attempts: [CohortAttempt], json: String) {
    var pseudonyms: [String: String] = [:]
    let attempts = try CohortFixture.attempts().enumerated().map { index, attempt in
      var attempt = attempt
      let pseudonym =
        pseudonyms[attempt.trainee] ?? "T-\(String(0xa0b0_c000 + pseudonyms.count, radix: 16))"
      pseudonyms[attempt.trainee] = pseudonym
      attempt.trainee = pseudonym
      attempt.session = "9d1c2e3f-4a5b-4c6d-8e7f-00000000000\(index)"
      return attempt
    }
    let export = XAPIExport(cohort: .pseudonymous("C-1a2b3c4d"), homePage: homePage, baseIRI: base)
    return (attempts, export.json(for: attempts))
  }

  static func objects(_ json: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
  }

  // MARK: - The spec's rules

  static var uuid: Regex<Substring> {
    /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
  }
  static var timestamp: Regex<Substring> {
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/
  }
  static var duration: Regex<Substring> { /^P(?:\d+D)?T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?$/ }
  static var languageTag: Regex<Substring> { /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/ }
  static let interactionTypes: Set = [
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing",
    "likert", "numeric", "other",
  ]

  /// What breaks a rule of xAPI 1.0.3 in one statement, in words; empty when nothing.
  static func problems(_ statement: [String: Any]) -> [String] {
    var problems: [String] = []
    func check(_ condition: Bool, _ message: @autoclosure () -> String) {
      if !condition { problems.append(message()) }
    }
    func iri(_ value: Any?, _ at: String) {
      let text = value as? String ?? ""
      check(XAPIExport.isAbsoluteIRI(text), "\(at): not an absolute IRI: \(text)")
    }
    func languageMap(_ value: Any?, _ at: String) {
      guard let map = value as? [String: Any], !map.isEmpty else {
        return check(false, "\(at): not a language map")
      }
      for (key, text) in map {
        check(key.wholeMatch(of: languageTag) != nil, "\(at): bad language tag \(key)")
        check(text is String, "\(at).\(key): not a string")
      }
    }
    func keys(_ object: [String: Any], allowed: Set<String>, _ at: String) {
      for key in object.keys { check(allowed.contains(key), "\(at): key \(key) not allowed") }
    }
    func noNullsOrEmptyObjects(_ value: Any, _ at: String) {
      if value is NSNull { return check(false, "\(at): null") }
      if let object = value as? [String: Any] {
        check(!object.isEmpty, "\(at): empty object")
        for (key, inner) in object { noNullsOrEmptyObjects(inner, "\(at).\(key)") }
      } else if let array = value as? [Any] {
        for (index, inner) in array.enumerated() { noNullsOrEmptyObjects(inner, "\(at)[\(index)]") }
      }
    }
    func activity(_ value: Any?, _ at: String) -> [String: Any]? {
      guard let object = value as? [String: Any] else {
        check(false, "\(at): not an object")
        return nil
      }
      keys(object, allowed: ["objectType", "id", "definition"], at)
      check(object["objectType"] as? String ?? "Activity" == "Activity", "\(at): not an Activity")
      iri(object["id"], "\(at).id")
      guard let definition = object["definition"] as? [String: Any] else { return nil }
      keys(
        definition,
        allowed: [
          "name", "description", "type", "moreInfo", "interactionType", "correctResponsesPattern",
          "choices", "scale", "source", "target", "steps", "extensions",
        ], "\(at).definition")
      if definition["name"] != nil { languageMap(definition["name"], "\(at).definition.name") }
      if definition["description"] != nil {
        languageMap(definition["description"], "\(at).definition.description")
      }
      if definition["type"] != nil { iri(definition["type"], "\(at).definition.type") }
      let interaction = definition["interactionType"] as? String
      if definition["interactionType"] != nil {
        check(
          interactionTypes.contains(interaction ?? ""),
          "\(at): interactionType \(interaction ?? "?")")
      }
      if let choices = definition["choices"] {
        check(
          interaction == "choice" || interaction == "sequencing",
          "\(at): choices on a \(interaction ?? "non-interaction")")
        let components = choices as? [[String: Any]] ?? []
        check(!components.isEmpty, "\(at): choices is not a list of components")
        let ids = components.compactMap { $0["id"] as? String }
        check(ids.count == components.count, "\(at): a choice without an id")
        check(Set(ids).count == ids.count, "\(at): choice ids are not distinct")
        check(!ids.contains { $0.contains(where: \.isWhitespace) }, "\(at): whitespace in an id")
        for (index, component) in components.enumerated() {
          keys(component, allowed: ["id", "description"], "\(at).choices[\(index)]")
          if component["description"] != nil {
            languageMap(component["description"], "\(at).choices[\(index)].description")
          }
        }
        if let patterns = definition["correctResponsesPattern"] {
          let list = patterns as? [String]
          check(list != nil, "\(at): correctResponsesPattern is not an array of strings")
          for pattern in list ?? [] {
            for item in pattern.components(separatedBy: "[,]") {
              check(ids.contains(item), "\(at): pattern item \(item) is not a choice")
            }
          }
        }
      }
      return definition
    }

    noNullsOrEmptyObjects(statement, "statement")
    keys(
      statement,
      allowed: [
        "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
        "version", "attachments",
      ], "statement")
    check((statement["id"] as? String)?.wholeMatch(of: uuid) != nil, "id: not a UUID")

    // Actor: an Agent identified by exactly one inverse functional identifier.
    if let actor = statement["actor"] as? [String: Any] {
      keys(
        actor, allowed: ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"],
        "actor")
      check(actor["objectType"] as? String ?? "Agent" == "Agent", "actor: not an Agent")
      let identifiers = ["mbox", "mbox_sha1sum", "openid", "account"].filter { actor[$0] != nil }
      check(identifiers == ["account"], "actor: identified by \(identifiers)")
      let account = actor["account"] as? [String: Any] ?? [:]
      keys(account, allowed: ["homePage", "name"], "actor.account")
      iri(account["homePage"], "actor.account.homePage")
      check(!(account["name"] as? String ?? "").isEmpty, "actor.account.name: missing")
    } else {
      check(false, "actor: missing")
    }

    if let verb = statement["verb"] as? [String: Any] {
      keys(verb, allowed: ["id", "display"], "verb")
      iri(verb["id"], "verb.id")
      languageMap(verb["display"], "verb.display")
    } else {
      check(false, "verb: missing")
    }

    let definition = activity(statement["object"], "object")

    if let result = statement["result"] as? [String: Any] {
      keys(
        result,
        allowed: ["score", "success", "completion", "response", "duration", "extensions"], "result")
      if let score = result["score"] as? [String: Any] {
        keys(score, allowed: ["scaled", "raw", "min", "max"], "result.score")
        let scaled = score["scaled"] as? Double
        check(scaled.map { (-1...1).contains($0) } ?? true, "result.score.scaled out of −1…1")
        if let raw = score["raw"] as? Double, let low = score["min"] as? Double,
          let high = score["max"] as? Double
        {
          check(low < high && (low...high).contains(raw), "result.score.raw outside min…max")
        }
      }
      if result["success"] != nil { check(result["success"] is Bool, "result.success: not Bool") }
      if result["completion"] != nil {
        check(result["completion"] is Bool, "result.completion: not Bool")
      }
      if let duration = result["duration"] {
        check(
          (duration as? String)?.wholeMatch(of: Self.duration) != nil,
          "result.duration: \(duration)")
      }
      if let extensions = result["extensions"] as? [String: Any] {
        for key in extensions.keys { iri(key, "result.extensions key") }
      }
      // A choice's response is a list of choice ids.
      if definition?["interactionType"] as? String == "choice" {
        let ids = (definition?["choices"] as? [[String: Any]] ?? []).compactMap {
          $0["id"] as? String
        }
        let response = result["response"] as? String ?? ""
        for item in response.components(separatedBy: "[,]") {
          check(ids.contains(item), "result.response \(item) is not a choice")
        }
      }
    }

    if let context = statement["context"] as? [String: Any] {
      keys(
        context,
        allowed: [
          "registration", "instructor", "team", "contextActivities", "revision", "platform",
          "language", "statement", "extensions",
        ], "context")
      if let registration = context["registration"] {
        check(
          (registration as? String)?.wholeMatch(of: uuid) != nil, "context.registration: not a UUID"
        )
      }
      if let language = context["language"] {
        check(
          (language as? String)?.wholeMatch(of: languageTag) != nil, "context.language: \(language)"
        )
      }
      if let activities = context["contextActivities"] as? [String: Any] {
        keys(
          activities, allowed: ["parent", "grouping", "category", "other"],
          "context.contextActivities")
        for (key, value) in activities {
          let list = value as? [Any] ?? [value]
          for (index, item) in list.enumerated() {
            _ = activity(item, "context.contextActivities.\(key)[\(index)]")
          }
        }
      }
      if let extensions = context["extensions"] as? [String: Any] {
        for key in extensions.keys { iri(key, "context.extensions key") }
      }
    }
    if let timestamp = statement["timestamp"] {
      check(
        (timestamp as? String)?.wholeMatch(of: Self.timestamp) != nil, "timestamp: \(timestamp)")
    }
    return problems
  }

  @Test func everyStatementKeepsTheSpecsRules() throws {
    for json in [try Self.named().json, try Self.anonymised().json] {
      let statements = try Self.objects(json)
      #expect(statements.count == 26)
      for (index, statement) in statements.enumerated() {
        let problems = Self.problems(statement)
        #expect(problems.isEmpty, "statement \(index): \(problems.joined(separator: "; "))")
      }
    }
  }

  @Test func theValidatorCatchesBrokenStatements() throws {
    // The checks above must be able to fail: break a good statement in several ways.
    let good = try #require(try Self.objects(Self.named().json).first)
    #expect(Self.problems(good).isEmpty)
    var broken = good
    broken["id"] = "not-a-uuid"
    broken["result"] = ["response": "nonsense", "score": ["scaled": 2.0]]
    broken["extra"] = NSNull()
    var object = try #require(good["object"] as? [String: Any])
    var definition = try #require(object["definition"] as? [String: Any])
    definition["correctResponsesPattern"] = ["missing"]
    object["definition"] = definition
    broken["object"] = object
    var problems = Self.problems(broken)
    definition["interactionType"] = "multiple-choice"
    object["definition"] = definition
    object["id"] = "decisions/a"
    var other = good
    other["object"] = object
    other["actor"] = ["mbox": "mailto:ada@example.org", "account": ["name": "Ada"]]
    problems += Self.problems(other)
    for expected in [
      "id: not a UUID", "statement.extra: null", "key extra not allowed",
      "result.score.scaled out of −1…1", "pattern item missing is not a choice",
      "result.response nonsense is not a choice", "interactionType multiple-choice",
      "choices on a multiple-choice", "object.id: not an absolute IRI",
      "actor: identified by [\"mbox\", \"account\"]", "actor.account.homePage",
    ] {
      #expect(problems.contains { $0.contains(expected) }, "no \(expected) in \(problems)")
    }
  }

  @Test func decisionsAreChoiceInteractionsWithTheStrongestAsTheCorrectResponse() throws {
    let (attempts, json) = try Self.named()
    let decisions = try Self.objects(json).filter { statement in
      ((statement["object"] as? [String: Any])?["id"] as? String)?.contains("/decisions/") == true
    }
    // Every session's decisions: 2 for each of the six finished ones, 1 for the active.
    #expect(decisions.count == 13)
    for statement in decisions {
      let object = try #require(statement["object"] as? [String: Any])
      let definition = try #require(object["definition"] as? [String: Any])
      #expect(
        definition["type"] as? String == "http://adlnet.gov/expapi/activities/cmi.interaction")
      #expect(definition["interactionType"] as? String == "choice")
      let choices = try #require(definition["choices"] as? [[String: Any]])
      let patterns = try #require(definition["correctResponsesPattern"] as? [String])
      let id = try #require(object["id"] as? String)
      if id.hasSuffix("/a") {
        #expect(choices.compactMap { $0["id"] as? String } == ["now", "later", "never"])
        #expect(patterns == ["now"])
      } else {
        #expect(id.hasSuffix("/b"))
        #expect(choices.compactMap { $0["id"] as? String } == ["tell-staff", "skip", "post"])
        #expect(patterns == ["tell-staff"])
      }
      let result = try #require(statement["result"] as? [String: Any])
      let response = try #require(result["response"] as? String)
      // success says whether the response is the strongest option.
      #expect(result["success"] as? Bool == patterns.contains(response))
    }
    // Smith's session took "later" then "skip".
    let smith = decisions.filter { statement in
      (statement["context"] as? [String: Any])?["registration"] as? String == attempts[1].session
    }
    #expect(
      smith.compactMap { ($0["result"] as? [String: Any])?["response"] as? String } == [
        "later", "skip",
      ])
  }

  @Test func tiedStrongestOptionsAreEachACorrectResponse() throws {
    // Two options share the most quality points: each alone is a correct response, so
    // each is its own pattern (a learner's response is correct if it matches any).
    let text = CohortFixture.text.replacingOccurrences(
      of: "{ id: later, text: Later, takes: 2h, contacts: [customers], quality: { empathy: 0 }",
      with:
        "{ id: later, text: Later, takes: 2h, contacts: [customers], quality: { empathy: 3 }")
    let loaded = ScenarioLoader.load(text: text, file: "tied.yaml")
    let scenario = try #require(loaded.scenario)
    let scored = try ScoredSession.replay(
      scenario, inputs: [.choose(2), .choose(1)], options: SessionOptions(shuffles: false)
    ).get()
    let review = try #require(scored.report.decisions.first)
    let definition = XAPIExport.decisionDefinition(review, in: scenario)
    #expect(definition.correctResponsesPattern == ["now", "later"])
    // Without the scenario, the option scored strongest stands in.
    #expect(XAPIExport.decisionDefinition(review, in: nil).correctResponsesPattern == ["now"])
    #expect(XAPIExport.decisionDefinition(review, in: nil).choices?.map(\.id) == review.offered)
    // A YAML block keeps its final newline; the description does not.
    #expect(XAPIExport.trimmed("  Zoe has a draft.\n\n") == "Zoe has a draft.")
    #expect(XAPIExport.trimmed("\n") == "")
  }

  @Test func everyStatementIsGroupedUnderTheCohort() throws {
    let (_, named) = try Self.named()
    let (_, anonymised) = try Self.anonymised()
    func groupings(_ json: String) throws -> [[String: Any]] {
      try Self.objects(json).map { statement in
        let context = try #require(statement["context"] as? [String: Any])
        let activities = try #require(context["contextActivities"] as? [String: Any])
        let grouping = try #require(activities["grouping"] as? [[String: Any]])
        #expect(grouping.count == 1)
        return try #require(grouping.first)
      }
    }
    for cohort in try groupings(named) {
      #expect(cohort["objectType"] as? String == "Activity")
      #expect(cohort["id"] as? String == Self.base + "cohorts/spring%20%3Cb%3E")
      let definition = try #require(cohort["definition"] as? [String: Any])
      #expect(definition["name"] as? [String: String] == ["en": "spring <b>"])
      #expect(definition["description"] as? [String: String] == ["en": "Leeds & York"])
      #expect(definition["type"] as? String == "https://sos.invalid/xapi/activities/cohort")
    }
    for cohort in try groupings(anonymised) {
      #expect(cohort["id"] as? String == Self.base + "cohorts/C-1a2b3c4d")
      let definition = try #require(cohort["definition"] as? [String: Any])
      #expect(definition["name"] as? [String: String] == ["en": "Cohort C-1a2b3c4d"])
      #expect(definition["description"] == nil)
    }
  }

  @Test func namedAndAnonymisedExportsShareNoIdentifier() throws {
    let named = try Self.objects(Self.named().json)
    let (anonymisedAttempts, anonymisedJSON) = try Self.anonymised()
    let anonymised = try Self.objects(anonymisedJSON)
    #expect(named.count == anonymised.count)

    func values(_ statements: [[String: Any]], _ path: [String]) -> Set<String> {
      Set(
        statements.compactMap { statement in
          var value: Any? = statement
          for key in path { value = (value as? [String: Any])?[key] }
          if let list = value as? [[String: Any]] { return list.first?["id"] as? String }
          return value as? String
        })
    }
    for path in [
      ["id"], ["context", "registration"], ["actor", "name"], ["actor", "account", "name"],
      ["context", "contextActivities", "grouping"],
    ] {
      let left = values(named, path)
      let right = values(anonymised, path)
      #expect(!left.isEmpty && !right.isEmpty, "\(path) missing")
      #expect(left.isDisjoint(with: right), "\(path.joined(separator: ".")) shared")
    }
    // The actor is the pseudonym, in name and account alike.
    #expect(
      values(anonymised, ["actor", "name"]) == Set(anonymisedAttempts.map(\.trainee)))
    #expect(
      values(anonymised, ["actor", "account", "name"]) == values(anonymised, ["actor", "name"]))
    // No trainee's name, no session id of the named export, no cohort name anywhere.
    for attempt in try CohortFixture.attempts() {
      #expect(!anonymisedJSON.contains(attempt.session))
      let escaped = ReportText.json(attempt.trainee).trimmingCharacters(in: .newlines)
      #expect(!anonymisedJSON.contains(escaped), "\(attempt.trainee) in the anonymised export")
    }
    #expect(!anonymisedJSON.contains("spring"))
  }
}
