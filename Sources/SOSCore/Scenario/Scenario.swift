/// A validated crisis scenario: the immutable story and its rules.
///
/// A scenario is loaded from one YAML file by ``ScenarioLoader``; everything that
/// changes while a trainee plays lives in the engine's session state, never here.
public struct Scenario: Hashable, Sendable {
  /// The format version the file declared (only 1 exists).
  public var format: Int
  /// The id used by `sos play ID`.
  public var id: String
  public var title: String
  public var kind: CrisisKind
  public var cluster: CrisisCluster
  public var difficulty: Difficulty
  /// Expected real playing time in minutes.
  public var minutes: Int
  /// Who the trainee plays.
  public var role: String
  public var briefing: String
  /// Minutes after midnight at T+0, if the scenario pins the clock to a time of day.
  public var startsAt: Int?
  /// The day of the week at T+0, if the scenario names it (`starts_on`), so that a
  /// statement's "on Monday at 9" can be placed on the clock.
  public var startsOn: Weekday?
  /// Real-time limit per decision in timed play.
  public var timeLimit: ClockDuration
  /// Stakeholders in the order the file declares them.
  public var stakeholders: [Stakeholder]
  /// State variables in the order the file declares them.
  public var variables: [StateVariable]
  public var deadlines: [Deadline]
  public var cadence: [Cadence]
  /// Injects in file order; the engine fires them in `at` order.
  public var injects: [Inject]
  public var start: Located<String>
  /// Nodes in the order the file declares them.
  public var nodes: [ScenarioNode]
  public var reflection: [String]
  public var scoring: ScoringSettings
  /// Where the top-level mapping starts.
  public var position: SourcePosition

  /// The default real-time limit per decision in timed play.
  public static let defaultTimeLimit = ClockDuration(seconds: 90)

  /// Creates a scenario from its parts.
  public init(
    format: Int = 1, id: String, title: String, kind: CrisisKind, cluster: CrisisCluster,
    difficulty: Difficulty, minutes: Int, role: String, briefing: String,
    startsAt: Int? = nil, startsOn: Weekday? = nil,
    timeLimit: ClockDuration = Scenario.defaultTimeLimit,
    stakeholders: [Stakeholder], variables: [StateVariable] = [],
    deadlines: [Deadline] = [], cadence: [Cadence] = [], injects: [Inject] = [],
    start: Located<String>, nodes: [ScenarioNode], reflection: [String] = [],
    scoring: ScoringSettings = ScoringSettings(), position: SourcePosition = .start
  ) {
    self.format = format
    self.id = id
    self.title = title
    self.kind = kind
    self.cluster = cluster
    self.difficulty = difficulty
    self.minutes = minutes
    self.role = role
    self.briefing = briefing
    self.startsAt = startsAt
    self.startsOn = startsOn
    self.timeLimit = timeLimit
    self.stakeholders = stakeholders
    self.variables = variables
    self.deadlines = deadlines
    self.cadence = cadence
    self.injects = injects
    self.start = start
    self.nodes = nodes
    self.reflection = reflection
    self.scoring = scoring
    self.position = position
  }

  /// The node with the given id.
  public func node(_ id: String) -> ScenarioNode? {
    nodes.first { $0.id == id }
  }

  /// Every choice of every node, in file order.
  public var allChoices: [Choice] { nodes.flatMap(\.choices) }

  /// The ending nodes.
  public var endings: [ScenarioNode] { nodes.filter(\.isEnding) }

  /// Nodes that offer choices (decision points).
  public var decisions: [ScenarioNode] { nodes.filter { !$0.isEnding } }

  /// The number of typed statements the scenario asks for.
  public var statementCount: Int { allChoices.filter { $0.write != nil }.count }

  /// Every tag some choice or inject can set.
  public var tags: Set<String> {
    // Read in place: a copy of every choice (`allChoices`) is megabytes on a large file.
    var tags = Set(injects.flatMap(\.tags))
    for node in nodes {
      tags.formUnion(node.onTimeout?.tags ?? [])
      for choice in node.choices {
        tags.formUnion(choice.tags)
        for outcome in choice.outcomes { tags.formUnion(outcome.tags) }
        for outcome in choice.write?.outcomes ?? [] { tags.formUnion(outcome.tags) }
      }
    }
    tags.formUnion(injects.flatMap { $0.outcomes.flatMap(\.tags) })
    return tags
  }

  /// Every statement task by its id (the first, if an id is used twice).
  public var writeTasks: [String: WriteTask] {
    var tasks: [String: WriteTask] = [:]
    for node in nodes {
      for choice in node.choices {
        if let task = choice.write, tasks[task.id] == nil { tasks[task.id] = task }
      }
    }
    return tasks
  }

  /// The names the expression language may refer to in this scenario.
  public var expressionContext: ExpressionContext {
    ExpressionContext(
      nodes: Set(nodes.map(\.id)),
      choices: Set(nodes.flatMap { $0.choices.map(\.id) }),
      tags: tags,
      stakeholders: Set(stakeholders.map(\.id)),
      deadlines: Set(deadlines.map(\.id)),
      variables: Dictionary(
        variables.map { ($0.name, $0.initial.type) }, uniquingKeysWith: { first, _ in first }),
      statements: writeTasks.mapValues(\.criterionNames)
    )
  }
}
