import SOSCore

/// Turns a cohort's sessions into xAPI 1.0.3 statements for a Learning Record Store,
/// with cmi5-style verbs: per decision an `answered` statement, per typed statement an
/// `answered` statement (its text), and per session played to an ending a `completed`
/// statement with the overall score, success against the scenario's pass mark and the
/// wall-clock duration, followed by `passed` or `failed`.
///
/// The actor is an account on `homePage` named by the trainee (or, anonymised, their
/// cohort-scoped pseudonym: the attempts carry whichever name the export should show).
/// Activity ids are `baseIRI` + scenario id (+ `/decisions/NODE` or
/// `/statements/CHOICE`). A decision is a `cmi.interaction` of type `choice`: its
/// `choices` are the node's options in the scenario version played (id and text), its
/// `correctResponsesPattern` the ids of the strongest of them, one pattern each (the
/// spec counts a response correct when it matches any one), and `result.response` the
/// id of the option taken. Every statement names the cohort as its grouping activity
/// (``Cohort``). `context.registration` is the session's UUID. Statement ids are
/// name-based UUIDs (version 5) of the session and the input, so exporting again gives
/// the same ids.
///
/// ```swift
/// let export = XAPIExport(
///   cohort: .named("spring", description: nil), homePage: "https://lms.example.org",
///   baseIRI: XAPIExport.defaultBaseIRI)
/// let json = export.json(for: attempts)
/// ```
public struct XAPIExport: Sendable {
  /// The account home page when none is given.
  public static let defaultHomePage = "https://sos.invalid"
  /// The prefix of activity ids when none is given.
  public static let defaultBaseIRI = "https://sos.invalid/scenarios/"
  /// The prefix of SOS's extension keys.
  public static let extensionBase = "https://sos.invalid/xapi/extensions/"

  /// The verbs used, by IRI (ADL's, as cmi5 uses them).
  public enum Verb: String, CaseIterable, Sendable {
    case answered = "http://adlnet.gov/expapi/verbs/answered"
    case completed = "http://adlnet.gov/expapi/verbs/completed"
    case passed = "http://adlnet.gov/expapi/verbs/passed"
    case failed = "http://adlnet.gov/expapi/verbs/failed"

    var display: String {
      switch self {
      case .answered: return "answered"
      case .completed: return "completed"
      case .passed: return "passed"
      case .failed: return "failed"
      }
    }
  }

  /// The cohort as the grouping activity of every statement: its id is `baseIRI` +
  /// `cohorts/` + ``key``, its name ``name``.
  ///
  /// A named export uses the cohort's name for both. An anonymised one uses a
  /// pseudonym of the cohort (``pseudonymous(_:)``), because a cohort's name can name
  /// people ("coaching-ada-lovelace") and SOS cannot tell; the pseudonym is stable for
  /// the cohort, like the trainees', so anonymised exports of one cohort group together
  /// in an LRS, and it shares nothing with the named export.
  public struct Cohort: Hashable, Sendable {
    /// The last segment of the activity id (percent-encoded when used).
    public var key: String
    /// The activity's name.
    public var name: String
    /// The activity's description, if any.
    public var description: String?

    /// Creates a cohort activity.
    public init(key: String, name: String, description: String? = nil) {
      self.key = key
      self.name = name
      self.description = description
    }

    /// The cohort under its own name, with its description.
    public static func named(_ name: String, description: String?) -> Cohort {
      Cohort(key: name, name: name, description: description)
    }

    /// The cohort under a pseudonym such as `C-1a2b3c4d`, with no description.
    public static func pseudonymous(_ pseudonym: String) -> Cohort {
      Cohort(key: pseudonym, name: "Cohort \(pseudonym)", description: nil)
    }
  }

  static let simulation = "http://adlnet.gov/expapi/activities/simulation"
  static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"
  /// The activity type of a cohort (xAPI defines none for a group of learners).
  static let cohortType = "https://sos.invalid/xapi/activities/cohort"
  static let language = "en"

  /// The cohort every statement is grouped under.
  public var cohort: Cohort
  public var homePage: String
  /// Ends in `/` or `#` (one is added to a base given without).
  public var baseIRI: String

  /// Prepares an export; `baseIRI` gets a final `/` unless it ends in `/` or `#`.
  public init(
    cohort: Cohort, homePage: String = defaultHomePage, baseIRI: String = defaultBaseIRI
  ) {
    self.cohort = cohort
    self.homePage = homePage
    self.baseIRI = baseIRI.hasSuffix("/") || baseIRI.hasSuffix("#") ? baseIRI : baseIRI + "/"
  }

  /// The cohort's grouping activity.
  var cohortActivity: XAPIStatement.Activity {
    XAPIStatement.Activity(
      id: baseIRI + "cohorts/" + Self.segment(cohort.key),
      definition: XAPIStatement.Activity.Definition(
        name: [Self.language: ReportText.clean(cohort.name)],
        description: cohort.description.map { [Self.language: ReportText.clean($0)] },
        type: Self.cohortType))
  }

  /// Whether `text` is an absolute IRI with a scheme and no spaces, such as
  /// `https://lms.example.org/sos/`.
  public static func isAbsoluteIRI(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard let colon = scalars.firstIndex(of: ":"), colon > 0, colon < scalars.count - 1 else {
      return false
    }
    func letter(_ scalar: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
    let scheme = scalars[1..<colon].allSatisfy {
      letter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)
    }
    let unsafe = scalars.contains {
      $0.properties.isWhitespace || $0.properties.generalCategory == .control
        || "<>\"{}|\\^`".unicodeScalars.contains($0)
    }
    return letter(scalars[0]) && scheme && !unsafe
  }

  // MARK: - Statements

  /// Every statement of every session, session by session in the order given.
  /// Sessions that could not be replayed give none.
  public func statements(for attempts: [CohortAttempt]) -> [XAPIStatement] {
    attempts.flatMap(statements(for:))
  }

  /// The statements as a JSON array (pretty, sorted keys, final newline).
  public func json(for attempts: [CohortAttempt]) -> String {
    ReportText.json(statements(for: attempts))
  }

  /// The statements of one session.
  public func statements(for attempt: CohortAttempt) -> [XAPIStatement] {
    guard let scored = attempt.scored else { return [] }
    let scenarioActivity = activity(for: attempt)
    let actor = XAPIStatement.Actor(
      name: attempt.trainee,
      account: XAPIStatement.Actor.Account(homePage: homePage, name: attempt.trainee))
    let grouping = [cohortActivity]
    let context = XAPIStatement.Context(
      registration: attempt.session,
      contextActivities: XAPIStatement.ContextActivities(
        parent: [scenarioActivity], grouping: grouping),
      platform: "sos", language: Self.language,
      extensions: [
        Self.extensionBase + "mode": .string(attempt.mode.rawValue),
        Self.extensionBase + "scenario-sha256": .string(attempt.scenarioHash),
      ])

    func time(ofInput index: Int) -> String {
      index < attempt.inputTimes.count ? attempt.inputTimes[index] : attempt.started
    }
    func statement(
      _ key: String, verb: Verb, object: XAPIStatement.Activity, result: XAPIStatement.Result,
      timestamp: String, context: XAPIStatement.Context
    ) -> XAPIStatement {
      XAPIStatement(
        id: NameBasedUUID.make(
          namespace: NameBasedUUID.statements, name: "\(attempt.session)/\(key)"),
        actor: actor,
        verb: XAPIStatement.Verb(id: verb.rawValue, display: [Self.language: verb.display]),
        object: object, result: result, context: context, timestamp: timestamp)
    }

    var answered: [(input: Int, statement: XAPIStatement)] = []
    let scenarioID = attempt.scenarioID
    for (position, review) in scored.report.decisions.enumerated() {
      let input =
        position < scored.decisionInputs.count ? scored.decisionInputs[position] : position
      let object = XAPIStatement.Activity(
        id: baseIRI + Self.segment(scenarioID) + "/decisions/" + Self.segment(review.node),
        definition: Self.decisionDefinition(review, in: attempt.scenario))
      let result = XAPIStatement.Result(
        score: Self.score(review.credit * 100), success: review.tookBest, completion: nil,
        response: review.chosen, duration: nil,
        extensions: [
          Self.extensionBase + "offered": .string(review.offered.joined(separator: "[,]")),
          Self.extensionBase + "crisis-clock": .string(
            ISODuration.string(milliseconds: Int64(review.at.seconds) * 1000)),
        ])
      answered.append(
        (
          input,
          statement(
            "answered/\(input)", verb: .answered, object: object, result: result,
            timestamp: time(ofInput: input), context: context)
        ))
    }
    let audiences = Dictionary(
      (attempt.scenario?.stakeholders ?? []).map { ($0.id, $0.label) },
      uniquingKeysWith: { first, _ in first })
    for (position, review) in scored.report.statements.enumerated() {
      let input =
        position < scored.statementInputs.count ? scored.statementInputs[position] : position
      let audience = audiences[review.audience] ?? review.audience
      let object = XAPIStatement.Activity(
        id: baseIRI + Self.segment(scenarioID) + "/statements/" + Self.segment(review.choice),
        definition: XAPIStatement.Activity.Definition(
          name: [
            Self.language: ReportText.clean("Statement to \(audience) (\(review.channel.rawValue))")
          ],
          description: nil, type: Self.interaction, interactionType: "long-fill-in"))
      let result = XAPIStatement.Result(
        score: Self.score(Double(review.analysis.score)), success: nil, completion: nil,
        response: ReportText.clean(review.text), duration: nil,
        extensions: [Self.extensionBase + "channel": .string(review.channel.rawValue)])
      answered.append(
        (
          input,
          statement(
            "answered/\(input)", verb: .answered, object: object, result: result,
            timestamp: time(ofInput: input), context: context)
        ))
    }
    var statements = answered.sorted { $0.input < $1.input }.map(\.statement)

    guard let report = attempt.finishedReport else { return statements }
    let finishedAt =
      attempt.finished ?? attempt.inputTimes.last ?? attempt.started
    var extensions: [String: XAPIStatement.ExtensionValue] = [
      Self.extensionBase + "timeliness": .number(Self.rounded(report.timeliness, 2)),
      Self.extensionBase + "communication": .number(Self.rounded(report.communication, 2)),
      Self.extensionBase + "outcome": .number(Self.rounded(report.outcome, 2)),
      Self.extensionBase + "grade": .string(report.grade),
    ]
    if let ending = report.ending { extensions[Self.extensionBase + "ending"] = .string(ending) }
    let duration = attempt.durationMilliseconds.map { ISODuration.string(milliseconds: $0) }
    let score = Self.score(report.overall)
    let completedContext = XAPIStatement.Context(
      registration: context.registration,
      contextActivities: XAPIStatement.ContextActivities(parent: nil, grouping: grouping),
      platform: context.platform, language: context.language, extensions: context.extensions)
    statements.append(
      statement(
        "completed", verb: .completed, object: scenarioActivity,
        result: XAPIStatement.Result(
          score: score, success: report.passed, completion: true, response: nil,
          duration: duration, extensions: extensions),
        timestamp: finishedAt, context: completedContext))
    statements.append(
      statement(
        report.passed ? "passed" : "failed", verb: report.passed ? .passed : .failed,
        object: scenarioActivity,
        result: XAPIStatement.Result(
          score: score, success: report.passed, completion: nil, response: nil,
          duration: duration, extensions: nil),
        timestamp: finishedAt, context: completedContext))
    return statements
  }

  func activity(for attempt: CohortAttempt) -> XAPIStatement.Activity {
    let title = attempt.scenario?.title ?? attempt.scenarioID
    return XAPIStatement.Activity(
      id: baseIRI + Self.segment(attempt.scenarioID),
      definition: XAPIStatement.Activity.Definition(
        name: [Self.language: ReportText.clean(title)],
        description: attempt.scenario.map { [Self.language: ReportText.clean($0.role)] },
        type: Self.simulation))
  }

  /// A decision as a `choice` interaction: every option the node has in the scenario
  /// version played, in the scenario's order, and the strongest of them (the most
  /// quality points; several when they tie) as the correct responses, one pattern
  /// each. The definition is the same for every session of that version, as xAPI
  /// asks of one activity id; which options a session was offered (a `when` can hide
  /// some) is in the result's `offered` extension. Without the scenario, the options
  /// offered and the one scored strongest stand in.
  static func decisionDefinition(
    _ review: ScoreReport.DecisionReview, in scenario: Scenario?
  ) -> XAPIStatement.Activity.Definition {
    let name = [language: ReportText.clean(review.title ?? review.node)]
    guard let node = scenario?.node(review.node), !node.choices.isEmpty else {
      return XAPIStatement.Activity.Definition(
        name: name, description: nil, type: interaction, interactionType: "choice",
        choices: review.offered.map { XAPIStatement.Activity.InteractionComponent(id: $0) },
        correctResponsesPattern: [review.best])
    }
    let strongest = node.choices.map(\.totalQuality).max()
    return XAPIStatement.Activity.Definition(
      name: name,
      description: trimmed(node.text).isEmpty
        ? nil : [language: ReportText.clean(trimmed(node.text))],
      type: interaction, interactionType: "choice",
      choices: node.choices.map { choice in
        XAPIStatement.Activity.InteractionComponent(
          id: choice.id, description: [language: ReportText.clean(choice.text)])
      },
      correctResponsesPattern: node.choices.filter { $0.totalQuality == strongest }.map(\.id))
  }

  /// `text` without white space at either end (a YAML block keeps its final newline).
  static func trimmed(_ text: String) -> String {
    String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  /// A score out of 100 as xAPI wants it: `scaled` 0…1, `raw` 0…100.
  static func score(_ points: Double) -> XAPIStatement.Score {
    let raw = min(max(rounded(points, 2), 0), 100)
    return XAPIStatement.Score(scaled: rounded(raw / 100, 4), raw: raw, min: 0, max: 100)
  }

  static func rounded(_ value: Double, _ digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    return (value * scale).rounded() / scale
  }

  /// An id as one IRI path segment: unreserved characters kept, the rest
  /// percent-encoded as UTF-8.
  static func segment(_ text: String) -> String {
    var output = ""
    for byte in text.utf8 {
      let scalar = Unicode.Scalar(byte)
      if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)
      {
        output.unicodeScalars.append(scalar)
      } else {
        let digits = Array("0123456789ABCDEF")
        output += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
      }
    }
    return output
  }
}
