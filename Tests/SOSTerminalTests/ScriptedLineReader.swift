import SOSTerminal

/// A line reader that plays back a script, for driving the play loop in tests: each
/// step is what one read returns, and may first type a statement draft or call the
/// resize callback, as a person at a terminal would.
final class ScriptedLineReader: LineReader {
  /// One read.
  enum Step {
    /// The reader returns this event.
    case event(LineEvent)
    /// A statement read stops at its deadline, leaving this draft.
    case timeOutLeaving(StatementDraft)
    /// A statement read ends with Ctrl-D, leaving this draft.
    case leaveWithDraft(StatementDraft)
    /// The window is resized to this width before the next step.
    case resize(Int)
  }

  let isTerminal: Bool
  var completer: LineCompleter?
  var onResize: (() -> Bool)?
  var historyScope = HistoryScope.commands
  private var steps: [Step]
  /// The width that ``resize`` steps set, for the loop's `currentWidth`.
  private(set) var width: Int
  /// Every prompt asked, and the deadline it had (as seconds from the read).
  private(set) var prompts: [(prompt: String, seconds: Int?)] = []
  /// The draft each statement read started from.
  private(set) var draftsOffered: [StatementDraft] = []
  /// Whether each resize made the callback redraw.
  private(set) var redraws: [Bool] = []
  private(set) var history: [String] = []

  init(_ steps: [Step], isTerminal: Bool = true, width: Int = 80) {
    self.steps = steps
    self.isTerminal = isTerminal
    self.width = width
  }

  func readLine(prompt: String, deadline: ContinuousClock.Instant?) -> LineEvent {
    record(prompt, deadline)
    return next(draft: nil)
  }

  func readStatement(
    prompt: String, limit: Int?, deadline: ContinuousClock.Instant?,
    draft: inout StatementDraft, isCommand: (String) -> Bool
  ) -> LineEvent {
    record(prompt, deadline)
    draftsOffered.append(draft)
    var left: StatementDraft? = draft
    let event = next(draft: &left)
    if case .line = event { draft = StatementDraft() } else if let left { draft = left }
    return event
  }

  func addHistory(_ line: String) {
    history.append(line)
  }

  private func record(_ prompt: String, _ deadline: ContinuousClock.Instant?) {
    let seconds = deadline.map {
      Int((ContinuousClock.now.duration(to: $0) / .seconds(1)).rounded())
    }
    prompts.append((prompt, seconds))
  }

  private func next(draft: StatementDraft?) -> LineEvent {
    var unused = draft
    return next(draft: &unused)
  }

  private func next(draft: inout StatementDraft?) -> LineEvent {
    while !steps.isEmpty {
      switch steps.removeFirst() {
      case .event(let event): return event
      case .timeOutLeaving(let left):
        draft = left
        return .timedOut
      case .leaveWithDraft(let left):
        draft = left
        return .endOfInput
      case .resize(let columns):
        width = columns
        redraws.append(onResize?() ?? false)
      }
    }
    return .endOfInput
  }
}
