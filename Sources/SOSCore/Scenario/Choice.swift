/// One option at a decision: what the trainee does, what it costs, and where it leads.
public struct Choice: Hashable, Sendable {
  /// Unique across the scenario; defaults to `<node>.<n>`.
  public var id: String
  public var text: String
  /// Wordings of ``text`` for particular paths; the first whose `when` holds is shown.
  public var textVariants: [TextVariant] = []
  /// Where the default text is written, for diagnostics about it.
  public var textPosition: SourcePosition?
  /// Simulated time the action costs.
  public var takes: ClockDuration
  /// After ``takes``, the clock runs on to the next time it reads this time of day
  /// (minutes after midnight), as when a choice covers the night. Needs the
  /// scenario's `starts_at`.
  public var until: Located<Int>?
  /// The option is offered only while this holds.
  public var when: ScenarioExpression? {
    get { boxedWhen?.value }
    set { boxedWhen = newValue.map(Boxed.init) }
  }
  public var effects: Effects
  public var contacts: [Located<String>]
  public var tags: [String]
  /// Quality points per dimension.
  public var quality: [QualityDimension: Int]
  public var posture: Posture?
  public var plan: [PlanPart]
  public var feedback: String?
  public var hint: String?
  public var promise: PromiseTerms? {
    get { boxedPromise?.value }
    set { boxedPromise = newValue.map(Boxed.init) }
  }
  public var write: WriteTask? {
    get { boxedWrite?.value }
    set { boxedWrite = newValue.map(Boxed.init) }
  }
  public var goto: Goto
  /// Where the option stays when the options are shuffled; `nil` to shuffle it.
  public var pin: ChoicePin?
  /// Whether the option is a real update to the stakeholders it contacts (it keeps a
  /// promise of an update), not just a contact. A typed statement that says
  /// something is always one.
  public var isUpdate: Bool
  /// Weighted outcomes, one drawn from the session's seed when the option is taken.
  public var outcomes: [ChanceOutcome]
  public var position: SourcePosition
  // The three largest optional parts, on the heap: most options have none of them,
  // and inline they made an option 512 bytes.
  private var boxedWhen: Boxed<ScenarioExpression>?
  private var boxedPromise: Boxed<PromiseTerms>?
  private var boxedWrite: Boxed<WriteTask>?

  /// Creates a choice.
  public init(
    id: String, text: String, takes: ClockDuration = .zero,
    when: ScenarioExpression? = nil, effects: Effects = Effects(),
    contacts: [Located<String>] = [], tags: [String] = [],
    quality: [QualityDimension: Int] = [:], posture: Posture? = nil, plan: [PlanPart] = [],
    feedback: String? = nil, hint: String? = nil, promise: PromiseTerms? = nil,
    write: WriteTask? = nil, goto: Goto, until: Located<Int>? = nil, pin: ChoicePin? = nil,
    isUpdate: Bool = false, outcomes: [ChanceOutcome] = [], position: SourcePosition = .start
  ) {
    self.pin = pin
    self.isUpdate = isUpdate
    self.outcomes = outcomes
    self.until = until
    self.id = id
    self.text = text
    self.takes = takes
    self.boxedWhen = when.map(Boxed.init)
    self.effects = effects
    self.contacts = contacts
    self.tags = tags
    self.quality = quality
    self.posture = posture
    self.plan = plan
    self.feedback = feedback
    self.hint = hint
    self.boxedPromise = promise.map(Boxed.init)
    self.boxedWrite = write.map(Boxed.init)
    self.goto = goto
    self.position = position
  }

  /// The sum of quality points over all dimensions.
  public var totalQuality: Int { quality.values.reduce(0, +) }

  /// Every node this option can lead to: its goto, its chance outcomes' and its
  /// statement outcomes'.
  public var targets: [Located<String>] {
    goto.targets + outcomes.compactMap(\.goto)
      + (write?.outcomes.flatMap { $0.goto?.targets ?? [] } ?? [])
  }
}
