import Foundation
import SOSCore

/// Where a session's inputs are kept as they happen. The play loop calls `record`
/// after every accepted input and before the next prompt appears, so a killed
/// process loses nothing.
public protocol SessionJournal {
  /// Saves one accepted input with its wall-clock latency and, for a choice, the id of
  /// the option its number stood for.
  func record(_ input: SessionInput, choice: String?, latencyMilliseconds: Int?) throws
  /// Marks the session finished.
  func finish() throws
}

/// A live room the session is played in (`sos join`): what the facilitator sends
/// reaches the play loop before each prompt.
public protocol LiveRoom: AnyObject {
  /// What waits now: called before each prompt, and about once a second while the
  /// room is paused. It must not block for long; offline it answers nothing new.
  func news() -> LiveRoomNews
}

/// What a facilitator sent a session since the last look.
public struct LiveRoomNews: Equatable, Sendable {
  /// Manual injects to take now, by id.
  public var injects: [String]
  /// Messages to show.
  public var messages: [String]
  /// Whether play is paused.
  public var paused: Bool
  /// Whether the room closed since the last look (said once).
  public var closed: Bool

  public init(
    injects: [String] = [], messages: [String] = [], paused: Bool = false, closed: Bool = false
  ) {
    self.injects = injects
    self.messages = messages
    self.paused = paused
    self.closed = closed
  }
}

/// The interactive play of one session: shows each decision, reads answers, steps the
/// engine, saves every input, and shows what happened, until an ending, `quit`, or
/// the end of input.
public final class PlayLoop {
  /// How play stopped.
  public enum Exit: Equatable, Sendable {
    /// An ending was reached.
    case finished
    /// The trainee left (`quit`, Ctrl-D, end of input); the session can be resumed.
    case saved
  }

  /// Saving an input failed: play cannot go on without losing it.
  public struct JournalFailure: Error {
    public var underlying: any Error
  }

  let engine: Engine
  var screen: PlayScreen
  /// The terminal's width now, asked before each decision so that a resized window
  /// is wrapped to its new width; `nil` keeps the screen's width.
  public var currentWidth: (() -> Int)?
  let reader: any LineReader
  let output: TerminalOutput
  let journal: any SessionJournal
  /// What the trainee types to resume, for the goodbye line.
  let resumeCommand: String
  public private(set) var state: SessionState
  /// Every event since T+0, for the timeline.
  public private(set) var events: [SessionEvent]
  /// The statement being written but not sent: kept across a timeout, shown when it
  /// can no longer be sent.
  public private(set) var draft = StatementDraft()
  /// The live room, when the session is played in one.
  public var room: (any LiveRoom)?
  /// How long to wait between looks while the room is paused.
  public var pausePoll: TimeInterval = 1
  /// What the room sent, looked at when a decision timed out, to be heard before the
  /// next prompt.
  var overheard: LiveRoomNews?

  /// Prepares play from a state (new, or rebuilt by replay for a resumed session).
  public init(
    engine: Engine, screen: PlayScreen, reader: any LineReader, output: TerminalOutput,
    journal: any SessionJournal, resumeCommand: String, state: SessionState,
    events: [SessionEvent]
  ) {
    self.engine = engine
    self.screen = screen
    self.reader = reader
    self.output = output
    self.journal = journal
    self.resumeCommand = resumeCommand
    self.state = state
    self.events = events
  }

  func show(_ text: String) {
    guard !text.isEmpty else { return }
    _ = output.write(text)
  }

  /// A one-line message, wrapped to the screen's width.
  func say(_ message: String) {
    show(TextWrapper(width: screen.width).wrap(message) + "\n")
  }

  /// Plays until an ending or until the trainee leaves. `resumed` shows where play
  /// stands instead of the briefing.
  public func run(resumed: Bool) throws(JournalFailure) -> Exit {
    if resumed {
      show(
        screen.palette.dim(
          "Resuming \(Sanitizer.singleLine(engine.scenario.title)) at "
            + "\(CrisisClock.label(startsAt: engine.scenario.startsAt, clock: state.clock)).")
          + "\n")
    } else {
      show(screen.briefing(options: state.options))
    }
    if state.finished { return .finished }
    // The reader outlives play (the shell goes on with it).
    defer { reader.onResize = nil }
    showDecision()
    while !state.finished {
      if let room {
        let news = overheard ?? room.news()
        overheard = nil
        try hear(news, from: room)
        if state.finished { break }
      }
      switch ask() {
      case .heard(let news):
        if let room { try hear(news, from: room) }
      case .leave:
        showUnsentDraft()
        showGoodbye()
        return .saved
      case .input(let input, let latency):
        try apply(input, latency: latency)
      }
    }
    try finish()
    return .finished
  }

  // MARK: - The live room

  /// Takes what the room sent: messages shown, injects applied as inputs (each
  /// journalled like an answer), and a pause waited out.
  func hear(_ first: LiveRoomNews, from room: any LiveRoom) throws(JournalFailure) {
    var news = first
    var saidPaused = false
    while true {
      for message in news.messages {
        show(
          "\n" + screen.palette.emphasis("From the facilitator: ") + Sanitizer.singleLine(message)
            + "\n")
      }
      if news.closed {
        say("The facilitator has closed the room. Play on to the end for your debrief.")
      }
      for inject in news.injects where !state.finished {
        // One the engine would refuse (already fired) is skipped, not shown as an error.
        guard case .success = engine.step(state, .inject(inject)) else { continue }
        try apply(.inject(inject), latency: 0)
      }
      guard news.paused, !state.finished else { return }
      if !saidPaused {
        say("The facilitator has paused the room. Play goes on when they resume it.")
        saidPaused = true
      }
      Thread.sleep(forTimeInterval: pausePoll)
      news = room.news()
      if !news.paused { say("The room is playing again.") }
    }
  }

  // MARK: - Showing

  func showDecision() {
    if let width = currentWidth?() { screen.width = max(width, 20) }
    show(screen.node(state))
    showPending()
  }

  /// After a resize, the decision again at the new width; `false` when the width did
  /// not change (the height did), so nothing is shown twice.
  func rewrap() -> Bool {
    guard let width = currentWidth?(), max(width, 20) != screen.width else { return false }
    showDecision()
    return true
  }

  /// "Saved. Resume with: …". The command is never broken across lines, so that it
  /// can be copied and pasted: when it does not fit after the words, it stands on a
  /// line of its own.
  func showGoodbye() {
    let line = "Saved. Resume with: \(resumeCommand)"
    if DisplayWidth.of(line) <= screen.width {
      show(line + "\n")
    } else {
      show("Saved. Resume with:\n  \(resumeCommand)\n")
    }
  }

  /// A draft that can no longer be sent (the trainee left, or play moved on), shown
  /// so that the words are not lost from the screen; then forgotten.
  func showUnsentDraft() {
    guard !draft.isEmpty else { return }
    show(screen.unsentDraft(draft))
    draft = StatementDraft()
  }

  /// The options, or the statement task when one is awaited.
  func showPending() {
    if let choice = engine.pendingWrite(in: state) {
      show(screen.writeTask(choice))
      if reader.isTerminal {
        show(screen.statementHelp(draftKept: !draft.isEmpty))
      }
    } else {
      show("\n" + screen.options(state))
    }
  }

  // MARK: - Asking

  enum Answer {
    case input(SessionInput, latencyMilliseconds: Int)
    /// The live room sent something while the trainee was at the prompt.
    case heard(LiveRoomNews)
    case leave
  }

  /// Reads until the trainee gives an input for this decision, or leaves. Commands
  /// (`status`, `help`, …) are answered in between, and the latency runs from the
  /// first prompt of the decision.
  func ask() -> Answer {
    let started = ContinuousClock.now
    let deadline: ContinuousClock.Instant? =
      state.options.timed ? started + .seconds(engine.timeLimit(in: state).seconds) : nil
    func latency() -> Int {
      let elapsed = ContinuousClock.now - started
      return Int(elapsed.components.seconds) * 1000
        + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
    installCompletion()
    reader.onResize = { [weak self] in self?.rewrap() ?? false }
    var first = true
    while true {
      // After a command (`status`, `help`, …) the room is asked again, so that what the
      // facilitator sent reaches a trainee who is reading rather than answering.
      if !first, let room {
        let news = room.news()
        if news != LiveRoomNews() { return .heard(news) }
      }
      first = false
      let pending = engine.pendingWrite(in: state)
      let event: LineEvent
      if let choice = pending {
        // A copy: the reader may call back into the loop (a resize) while it holds it.
        var working = draft
        event = reader.readStatement(
          prompt: "statement> ", limit: choice.write?.characterLimit, deadline: deadline,
          draft: &working, isCommand: Self.isStatementCommand)
        draft = working
      } else {
        event = reader.readLine(prompt: screen.choicePrompt(state), deadline: deadline)
      }
      // A plain reader does not echo: end the prompt's line, so that what follows
      // starts on a line of its own in a transcript.
      if !reader.isTerminal { show("\n") }
      switch event {
      case .endOfInput, .interrupted:
        return .leave
      case .timedOut:
        // A pause that came while the trainee sat at the prompt: the time limit starts
        // again when the room resumes, and no time-out is counted.
        if let room {
          let news = room.news()
          if news.paused { return .heard(news) }
          if news != LiveRoomNews() { overheard = news }
        }
        return .input(.timeout, latencyMilliseconds: latency())
      case .tooLong(let bytes):
        show(LineEvent.tooLongMessage(bytes: bytes))
      case .line(let line):
        let answer =
          pending == nil ? command(line, latency: latency()) : statement(line, latency: latency())
        if let answer { return answer }
      }
    }
  }

  /// Whether a line at a statement prompt is a command word (`quit`, `help`, …)
  /// rather than the start of a statement.
  static func isStatementCommand(_ line: String) -> Bool {
    switch PromptCommand(parsing: line) {
    case .quit, .status, .timeline, .stakeholders, .help, .hint, .undo: return true
    case .choose, .empty, .unknown: return false
    }
  }

  /// A line typed at a statement prompt: the statement, or a command word alone. A
  /// backslash before a command word (`\quit`) writes the word itself.
  func statement(_ line: String, latency: Int) -> Answer? {
    var trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty {
      show("A statement cannot be empty. Type it, then press Enter.\n")
      return nil
    }
    if Self.isStatementCommand(trimmed) { return command(trimmed, latency: latency) }
    if trimmed.hasPrefix("\\"),
      Self.isStatementCommand(String(trimmed.dropFirst().prefix { !$0.isNewline }))
    {
      trimmed.removeFirst()
    }
    return .input(.write(trimmed), latencyMilliseconds: latency)
  }

  /// A line typed at a choice prompt: an option, or a command answered in place.
  func command(_ line: String, latency: Int) -> Answer? {
    let command = PromptCommand(parsing: line)
    if command != .empty, engine.pendingWrite(in: state) == nil {
      reader.addHistory(line.trimmingCharacters(in: .whitespaces))
    }
    let offered = engine.offeredChoices(in: state).count
    let range = offered == 1 ? "1" : "a number from 1 to \(offered)"
    switch command {
    case .choose(let number):
      guard engine.pendingWrite(in: state) == nil else {
        show("Type your statement, then press Enter.\n")
        return nil
      }
      guard (1...max(offered, 1)).contains(number) else {
        let shown = number == Int.max ? "that large" : "\(number)"
        say("There is no option \(shown). Type \(range).")
        return nil
      }
      return .input(.choose(number), latencyMilliseconds: latency)
    case .status:
      show(screen.status(state))
    case .timeline:
      show(screen.timeline(events))
    case .stakeholders:
      show(screen.stakeholders(state))
    case .help:
      show(screen.help(state))
    case .hint:
      if state.options.mode == .practice {
        show(screen.hint(state))
      } else {
        show("Hints are only given in practice mode.\n")
      }
    case .undo:
      guard state.options.mode == .practice else {
        show("Undo is only available in practice mode.\n")
        return nil
      }
      guard state.standingInputs.contains(where: \.isDecision) else {
        show("There is nothing to undo yet.\n")
        return nil
      }
      return .input(.undo, latencyMilliseconds: latency)
    case .quit:
      return .leave
    case .empty:
      say("Type \(range), or 'help'.")
    case .unknown(let text):
      let shown = Sanitizer.singleLine(text).trimmingCharacters(in: .whitespaces)
      let quoted = shown.count > 20 ? String(shown.prefix(20)) + "…" : shown
      say(
        (quoted.isEmpty ? "That" : "'\(quoted)'") + " is not an option. Type \(range), or 'help'.")
    }
    return nil
  }

  func installCompletion() {
    let count = engine.offeredChoices(in: state).count
    var words = (1...max(count, 1)).map(String.init) + PromptCommand.words
    if state.options.mode != .practice { words.removeAll { $0 == "hint" || $0 == "undo" } }
    let candidates = words
    reader.completer = { _, word in candidates.filter { $0.hasPrefix(word) } }
  }

  // MARK: - Stepping

  func apply(_ input: SessionInput, latency: Int) throws(JournalFailure) {
    let before = state
    switch engine.step(state, input) {
    case .failure(let error):
      show(error.message.prefix(1).uppercased() + error.message.dropFirst() + ".\n")
    case .success(let transition):
      do {
        let chosen = transition.events.lazy.compactMap { event -> String? in
          if case .choiceMade(_, let choice, _, _) = event { return choice }
          return nil
        }.first
        try journal.record(input, choice: chosen, latencyMilliseconds: latency)
      } catch {
        throw JournalFailure(underlying: error)
      }
      state = transition.state
      events = input == .undo ? rebuiltEvents() : events + transition.events
      show(screen.outcome(of: transition.events, state: state))
      if state.finished || state.pendingWrite != before.pendingWrite { showUnsentDraft() }
      if state.finished { return }
      let entered = transition.events.contains {
        if case .nodeEntered = $0 { return true }
        return false
      }
      if entered || input == .undo {
        showDecision()
      } else if before.pendingWrite != nil || input == .timeout {
        show("\n" + screen.wrapped(screen.statusLine(state), indent: 2) + "\n")
        showPending()
      } else {
        showPending()
      }
    }
  }

  /// After an undo the history is the replay of what still stands.
  func rebuiltEvents() -> [SessionEvent] {
    let standing = state.standingInputs
    return (try? engine.replay(standing, options: state.options).get().events) ?? events
  }

  func finish() throws(JournalFailure) {
    do {
      try journal.finish()
    } catch {
      throw JournalFailure(underlying: error)
    }
  }
}
