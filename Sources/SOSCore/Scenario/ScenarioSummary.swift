/// The catalogue entry for a scenario, as `sos list` shows it.
public struct ScenarioSummary: Codable, Hashable, Sendable {
  public var id: String
  public var title: String
  public var kind: CrisisKind
  public var cluster: CrisisCluster
  public var difficulty: Difficulty
  public var minutes: Int
  /// All nodes, endings included.
  public var nodes: Int
  /// Nodes that offer choices.
  public var decisions: Int
  public var injects: Int
  public var deadlines: Int
  /// Typed statements the scenario asks for.
  public var statements: Int
  public var endings: Int
  /// The file the scenario was loaded from.
  public var file: String

  /// Summarises a scenario loaded from `file`.
  public init(_ scenario: Scenario, file: String) {
    id = scenario.id
    title = scenario.title
    kind = scenario.kind
    cluster = scenario.cluster
    difficulty = scenario.difficulty
    minutes = scenario.minutes
    nodes = scenario.nodes.count
    decisions = scenario.decisions.count
    injects = scenario.injects.count
    deadlines = scenario.deadlines.count
    statements = scenario.statementCount
    endings = scenario.endings.count
    self.file = file
  }
}
