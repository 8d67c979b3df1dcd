/// The field names of every object in the scenario format, in one place: the decoder
/// reports any other field as unknown (with a "did you mean"), and a test checks that
/// schema/scenario.schema.json names exactly these fields.
public enum ScenarioSchema {
  /// The objects of the format.
  public enum Object: String, CaseIterable, Sendable {
    case scenario = "Scenario"
    case stakeholder = "Stakeholder"
    case deadline = "Deadline"
    case cadence = "Cadence"
    case inject = "Inject"
    case node = "Node"
    case timeout = "Timeout"
    case choice = "Choice"
    case effects = "Effects"
    case promise = "Promise"
    case write = "Write"
    case phrase = "Phrase"
    case gotoBranch = "GotoBranch"
    case scoring = "Scoring"
    case weights = "Weights"
    case band = "Band"
    case chanceOutcome = "ChanceOutcome"
    case statementOutcome = "StatementOutcome"
    case textVariant = "TextVariant"

    /// How the object is named in messages.
    var phrase: String {
      switch self {
      case .scenario: return "the scenario"
      case .stakeholder: return "a stakeholder"
      case .deadline: return "a deadline"
      case .cadence: return "a cadence rule"
      case .inject: return "an inject"
      case .node: return "a node"
      case .timeout: return "on_timeout"
      case .choice: return "a choice"
      case .effects: return "effects"
      case .promise: return "a promise"
      case .write: return "write"
      case .phrase: return "a phrase"
      case .gotoBranch: return "a goto branch"
      case .scoring: return "scoring"
      case .weights: return "scoring weights"
      case .band: return "a grade band"
      case .chanceOutcome: return "a chance outcome"
      case .statementOutcome: return "a statement outcome"
      case .textVariant: return "a wording"
      }
    }
  }

  /// The fields each object may have, in the order the guide documents them.
  public static let fields: [Object: [String]] = [
    .scenario: [
      "format", "id", "title", "kind", "cluster", "difficulty", "minutes", "role", "briefing",
      "starts_at", "starts_on", "time_limit", "stakeholders", "state", "deadlines", "cadence",
      "injects",
      "start", "nodes", "reflection", "scoring",
    ],
    .stakeholder: ["label", "required", "description"],
    .deadline: ["id", "label", "by", "grace", "weight", "met"],
    .cadence: ["stakeholder", "every", "weight", "label", "quiet"],
    .inject: [
      "id", "at", "manual", "when", "unless", "text", "effects", "tags", "goto", "outcomes",
    ],
    .node: ["title", "text", "choices", "ending", "outcome", "time_limit", "on_timeout"],
    .timeout: ["takes", "text", "effects", "tags", "goto"],
    .choice: [
      "id", "text", "takes", "until", "when", "effects", "contacts", "tags", "quality", "posture",
      "plan", "feedback", "hint", "promise", "update", "write", "goto", "outcomes", "pin",
    ],
    .effects: ["add", "set"],
    .promise: ["to", "within", "label"],
    .write: [
      "id", "channel", "audience", "prompt", "must", "avoid", "limit", "time_limit", "outcomes",
    ],
    .phrase: ["id", "any", "label"],
    .gotoBranch: ["when", "to"],
    .scoring: ["weights", "pass", "bands", "statement_share", "statement_gate"],
    .weights: ["timeliness", "communication", "outcome"],
    .band: ["from", "name"],
    .chanceOutcome: ["chance", "text", "effects", "tags", "goto"],
    .textVariant: ["when", "text"],
    .statementOutcome: [
      "min", "below", "met", "unmet", "when", "text", "effects", "tags", "contacts", "goto",
    ],
  ]

  /// The only format version this build reads.
  public static let supportedFormat = 1
}
