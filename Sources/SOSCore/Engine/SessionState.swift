/// Everything that changes while a trainee plays one scenario. The scenario itself
/// never changes; ``Engine/step(_:_:)`` is the only way a state moves on.
public struct SessionState: Hashable, Sendable, Codable {
  /// Where play is.
  public var node: String
  /// The simulated clock, from T+0 at discovery.
  public var clock: ClockDuration
  /// State variables by name.
  public var variables: [String: Value]
  /// Nodes entered so far.
  public var visited: Set<String>
  /// Choices taken so far (by id).
  public var chosen: Set<String>
  public var tags: Set<String>
  /// Each stakeholder's contact times, in order.
  public var contacts: [String: [ClockDuration]]
  /// Each stakeholder's real updates (a statement that says something, or an option
  /// marked as an update), in order; only these keep promises.
  public var updates: [String: [ClockDuration]]
  /// The current decision's options by id, in the order they are shown (all of the
  /// node's options; those whose `when` fails are left out when offered).
  public var shown: [String]
  /// How many random draws the session has made: each shuffle and each weighted
  /// outcome takes the next, so replay draws the same.
  public var draws: UInt64
  /// Typed statements by their write task's id.
  public var statements: [String: StatementRecord]
  /// Every promise made, open or settled.
  public var promises: [PromiseRecord]
  /// Injects that have fired.
  public var firedInjects: Set<String>
  /// Met deadlines and when they were met.
  public var metDeadlines: [String: ClockDuration]
  /// Deadlines reported as missed.
  public var missedDeadlines: Set<String>
  /// Where to go back to after a divert, innermost last.
  public var returnStack: [String]
  /// The option whose statement is being typed, if any.
  public var pendingWrite: String?
  /// The ending reached, or the stalled node, once play is over.
  public var finished: Bool
  public var options: SessionOptions
  /// Every input accepted so far, undos included: replaying them from the start
  /// reproduces this state exactly.
  public var inputs: [SessionInput]

  /// The inputs that still count, once every undo has taken back its decision: the
  /// same as ``Engine/effectiveInputs(_:)`` of ``inputs``, kept as play goes so that
  /// an undo costs the length of this log, not of every input ever given.
  public internal(set) var standingInputs: [SessionInput] = []

  /// Answered choices and statements that still count (undone ones removed).
  public var decisions: Int {
    standingInputs.count { $0.isDecision }
  }

  /// Whether a stakeholder has heard from the trainee.
  public func hasContacted(_ stakeholder: String) -> Bool {
    !(contacts[stakeholder] ?? []).isEmpty
  }

  /// An empty state, left behind while the engine moves a state through a step.
  static let vacant = SessionState(
    node: "", clock: .zero, variables: [:], visited: [], chosen: [], tags: [], contacts: [:],
    updates: [:], shown: [], draws: 0, statements: [:], promises: [], firedInjects: [],
    metDeadlines: [:], missedDeadlines: [], returnStack: [], pendingWrite: nil, finished: false,
    options: SessionOptions(seed: 0), inputs: [])

  /// Promises not yet settled.
  public var openPromises: [PromiseRecord] { promises.filter { $0.status == .open } }
}

/// Answers the expression language's questions from a session state.
struct SessionEnvironment: ExpressionEnvironment {
  let state: SessionState

  func value(of variable: String) -> Value? { state.variables[variable] }
  func visited(_ node: String) -> Bool { state.visited.contains(node) }
  func chose(_ choice: String) -> Bool { state.chosen.contains(choice) }
  func tagged(_ tag: String) -> Bool { state.tags.contains(tag) }
  func contacted(_ stakeholder: String) -> Bool { state.hasContacted(stakeholder) }
  func met(_ deadline: String) -> Bool { state.metDeadlines[deadline] != nil }
  var elapsed: ClockDuration { state.clock }
  func statementScore(_ statement: String) -> Int? { state.statements[statement]?.score }
  func statementMet(_ statement: String, criterion: String) -> Bool {
    state.statements[statement]?.met.contains(criterion) ?? false
  }
}
