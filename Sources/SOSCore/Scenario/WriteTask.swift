/// A free-text statement the trainee types, such as the first public post.
public struct WriteTask: Hashable, Sendable {
  /// The statement's id, as conditions name it (`statement(first-post) >= 70`);
  /// defaults to the option's id.
  public var id: String
  public var channel: Channel
  public var audience: Located<String>
  public var prompt: String
  /// Facts the statement must carry, each with accepted phrasings.
  public var must: [Phrase]
  /// Phrasings the statement must not use.
  public var avoid: [Phrase]
  /// A character limit overriding the channel's.
  public var limit: Int?
  /// The real-time limit for typing it in timed play (`time_limit`); `nil` for three
  /// times the decision's.
  public var timeLimit: ClockDuration?
  /// What follows from the statement, by how good it was; the first that holds.
  public var outcomes: [StatementOutcome]
  public var position: SourcePosition

  /// Creates a statement task.
  public init(
    id: String = "", channel: Channel, audience: Located<String>, prompt: String,
    must: [Phrase] = [], avoid: [Phrase] = [], limit: Int? = nil,
    outcomes: [StatementOutcome] = [], position: SourcePosition = .start
  ) {
    self.id = id
    self.outcomes = outcomes
    self.channel = channel
    self.audience = audience
    self.prompt = prompt
    self.must = must
    self.avoid = avoid
    self.limit = limit
    self.position = position
  }

  /// The criteria a condition may name for this statement: the analyser's own
  /// (`apology`, `next-update`, …), each `must` fact (bare or as `must:ID`) and each
  /// `avoid` phrasing as `avoid:ID`.
  public var criterionNames: Set<String> {
    var names = Set(StatementRubric.rows.map(\.id))
    for phrase in must {
      names.insert(phrase.id)
      names.insert("must:" + phrase.id)
    }
    for phrase in avoid { names.insert("avoid:" + phrase.id) }
    return names
  }

  /// The character limit in force: the task's own, else the channel's.
  public var characterLimit: Int? { limit ?? channel.characterLimit }

  /// The longest statement the engine takes for this task, in play and in replay:
  /// four times the character limit (at least 2,000), or 100,000 characters where the
  /// channel has no limit. Going over the limit costs points; going past this bound is
  /// refused, so a hand-in cannot carry megabytes of "SMS".
  public var generousBound: Int { characterLimit.map { max($0 * 4, 2_000) } ?? 100_000 }
}

/// A fact or a phrasing, with the words that count as saying it.
public struct Phrase: Hashable, Sendable {
  public var id: String
  /// Accepted phrasings, matched case-insensitively.
  public var any: [String] {
    didSet { stems = Self.stems(of: any) }
  }
  public var label: String?
  /// Each phrasing cut into word stems as a statement is, worked out once rather than
  /// for every statement it is looked for in.
  private(set) var stems: [[String]]

  /// Creates a phrase.
  public init(id: String, any: [String], label: String? = nil) {
    self.id = id
    self.any = any
    self.label = label
    stems = Self.stems(of: any)
  }

  static func stems(of phrasings: [String]) -> [[String]] {
    phrasings.map { StatementDocument($0).words.map(\.stem) }
  }
}
