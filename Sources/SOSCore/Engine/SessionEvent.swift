/// Something that happened in a session. The transcript, the debrief and the score
/// are all folds over the events the engine returns.
public enum SessionEvent: Hashable, Sendable, Codable {
  /// Play began.
  case started(scenario: String, seed: UInt64)
  /// Play arrived at a node.
  case nodeEntered(node: String, at: ClockDuration)
  /// A decision's options were laid out in this order (by choice id), drawn from the
  /// session's seed.
  case optionsShown(node: String, order: [String])
  /// The trainee picked an option (`index` as offered, 1-based).
  case choiceMade(node: String, choice: String, index: Int, at: ClockDuration)
  /// The trainee typed a statement for the chosen option.
  case statementWritten(choice: String, audience: String, text: String, at: ClockDuration)
  /// The statement was analysed: its score, whether it says anything at all, and the
  /// time of the next update it promised, if it named one.
  case statementScored(
    statement: String, score: Int, isStatement: Bool, nextUpdate: ClockDuration?)
  /// What followed from a statement: the `index`-th of its write task's outcomes.
  case statementOutcome(statement: String, index: Int, text: String?)
  /// A weighted outcome was drawn for an option or inject (`source`, by id): the
  /// `index`-th of `count`.
  case chanceDrawn(source: String, index: Int, count: Int, text: String?)
  /// The simulated clock moved on.
  case clockAdvanced(from: ClockDuration, to: ClockDuration)
  /// A stakeholder heard from the trainee.
  case stakeholderContacted(stakeholder: String, at: ClockDuration)
  /// A scheduled event happened.
  case injectFired(inject: String, at: ClockDuration)
  /// An inject took play away from `from` to `to`; play returns to `from` on
  /// `goto: return`.
  case diverted(from: String, to: String)
  /// Play came back from a divert.
  case returned(to: String)
  /// A promise was made.
  case promiseMade(id: Int, stakeholder: String, label: String, due: ClockDuration)
  /// The promised stakeholder was contacted again; `onTime` when by the due time.
  case promiseKept(id: Int, at: ClockDuration, onTime: Bool)
  /// Play ended and the promised stakeholder never heard again.
  case promiseBroken(id: Int, due: ClockDuration)
  /// Play ended before a promise fell due: it is neither kept nor broken.
  case promiseNotYetDue(id: Int, due: ClockDuration)
  /// A deadline's condition first held at this time (late if after `by`).
  case deadlineMet(deadline: String, at: ClockDuration)
  /// A deadline passed `by + grace` without being met.
  case deadlineMissed(deadline: String, at: ClockDuration)
  /// The real-time limit ran out at a decision.
  case timedOut(node: String, at: ClockDuration)
  /// The last decision was taken back (practice mode).
  case undone(decisions: Int)
  /// Play reached an ending.
  case endingReached(node: String, outcome: Int, at: ClockDuration)
  /// Play reached a node where no option is offered: a flaw in the scenario.
  case stalled(node: String, at: ClockDuration)
}
