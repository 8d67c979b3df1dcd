/// A free-text statement the trainee types, such as the first public post.
public struct WriteTask: Hashable, Sendable {
  public var channel: Channel
  public var audience: Located<String>
  public var prompt: String
  /// Facts the statement must carry, each with accepted phrasings.
  public var must: [Phrase]
  /// Phrasings the statement must not use.
  public var avoid: [Phrase]
  /// A character limit overriding the channel's.
  public var limit: Int?
  public var position: SourcePosition

  /// Creates a statement task.
  public init(
    channel: Channel, audience: Located<String>, prompt: String, must: [Phrase] = [],
    avoid: [Phrase] = [], limit: Int? = nil, position: SourcePosition = .start
  ) {
    self.channel = channel
    self.audience = audience
    self.prompt = prompt
    self.must = must
    self.avoid = avoid
    self.limit = limit
    self.position = position
  }

  /// The character limit in force: the task's own, else the channel's.
  public var characterLimit: Int? { limit ?? channel.characterLimit }
}

/// A fact or a phrasing, with the words that count as saying it.
public struct Phrase: Hashable, Sendable {
  public var id: String
  /// Accepted phrasings, matched case-insensitively.
  public var any: [String]
  public var label: String?

  /// Creates a phrase.
  public init(id: String, any: [String], label: String? = nil) {
    self.id = id
    self.any = any
    self.label = label
  }
}
