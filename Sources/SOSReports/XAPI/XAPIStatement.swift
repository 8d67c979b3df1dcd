/// One xAPI 1.0.3 statement, as a Learning Record Store takes it: who (an agent
/// identified by an account), did what (a verb IRI), to what (an activity IRI), with
/// what result, in which registration, and when.
public struct XAPIStatement: Hashable, Sendable, Codable {
  /// A language map: language tag to text, such as `["en": "completed"]`.
  public typealias LanguageMap = [String: String]

  /// An agent identified by an account on a system.
  public struct Actor: Hashable, Sendable, Codable {
    /// An account: the system's home page and the name on it.
    public struct Account: Hashable, Sendable, Codable {
      public var homePage: String
      public var name: String
    }
    public var objectType = "Agent"
    public var name: String
    public var account: Account
  }

  /// What the actor did, by IRI.
  public struct Verb: Hashable, Sendable, Codable {
    public var id: String
    public var display: LanguageMap
  }

  /// The activity the statement is about.
  public struct Activity: Hashable, Sendable, Codable {
    /// One option of an interaction: its id (as `result.response` gives it) and text.
    public struct InteractionComponent: Hashable, Sendable, Codable {
      public var id: String
      public var description: LanguageMap?
    }

    /// What the activity is. An interaction (`type` …/cmi.interaction) has an
    /// `interactionType`; a `choice` lists its options in `choices` and the correct
    /// responses in `correctResponsesPattern`: a response is correct when it matches
    /// any one pattern.
    public struct Definition: Hashable, Sendable, Codable {
      public var name: LanguageMap
      public var description: LanguageMap?
      public var type: String
      public var interactionType: String?
      public var choices: [InteractionComponent]?
      public var correctResponsesPattern: [String]?

      /// Creates a definition.
      public init(
        name: LanguageMap, description: LanguageMap?, type: String,
        interactionType: String? = nil, choices: [InteractionComponent]? = nil,
        correctResponsesPattern: [String]? = nil
      ) {
        self.name = name
        self.description = description
        self.type = type
        self.interactionType = interactionType
        self.choices = choices
        self.correctResponsesPattern = correctResponsesPattern
      }
    }
    public var objectType = "Activity"
    public var id: String
    public var definition: Definition
  }

  /// A score: `scaled` from −1 to 1, `raw` between `min` and `max`.
  public struct Score: Hashable, Sendable, Codable {
    public var scaled: Double
    public var raw: Double
    public var min: Double
    public var max: Double
  }

  /// A value in an extension.
  public enum ExtensionValue: Hashable, Sendable, Codable {
    case string(String)
    case number(Double)

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Double.self) {
        self = .number(number)
      } else {
        self = .string(try container.decode(String.self))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .string(let text): try container.encode(text)
      case .number(let value): try container.encode(value)
      }
    }
  }

  /// The outcome.
  public struct Result: Hashable, Sendable, Codable {
    public var score: Score?
    public var success: Bool?
    public var completion: Bool?
    public var response: String?
    /// ISO 8601, such as `PT12M30.5S`.
    public var duration: String?
    public var extensions: [String: ExtensionValue]?
  }

  /// The activities a statement belongs to: `parent`, the scenario a decision or
  /// statement is part of; `grouping`, the cohort.
  public struct ContextActivities: Hashable, Sendable, Codable {
    public var parent: [Activity]?
    public var grouping: [Activity]?
  }

  /// The registration (one session) and the setting.
  public struct Context: Hashable, Sendable, Codable {
    /// The session's UUID: every statement of a session shares it.
    public var registration: String
    public var contextActivities: ContextActivities?
    public var platform: String?
    public var language: String?
    public var extensions: [String: ExtensionValue]?
  }

  /// A UUID, the same on every export of the same session.
  public var id: String
  public var actor: Actor
  public var verb: Verb
  public var object: Activity
  public var result: Result?
  public var context: Context
  /// ISO 8601 in UTC with milliseconds.
  public var timestamp: String
}
