@preconcurrency import CReadline

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines at a terminal with GNU readline: line editing, persistent history, tab
/// completion, Ctrl-C that clears the line, and timed input with a countdown.
///
/// Readline runs through its callback interface, fed by a `poll()` loop that also
/// watches for signals and deadlines:
/// - **Ctrl-C** clears the line, prints `^C` and prompts again (with the same
///   deadline); it never ends the process. Readline's own signal handling is off;
///   ``SignalTrap`` reports SIGINT and SIGWINCH (the window resized) to the loop.
/// - **Ctrl-D** on an empty line is ``LineEvent/endOfInput``.
/// - **Deadlines**: the prompt starts with a countdown (`[0:42] `) that ticks every
///   second without disturbing what the person typed; when it reaches zero the line
///   is abandoned and the result is ``LineEvent/timedOut``.
/// - **Statements** span lines until an empty line, with the running character count
///   in the continuation prompt. Ctrl-C there discards only the line being typed;
///   Ctrl-D on an empty line leaves without sending, and a deadline stops reading,
///   both keeping the draft (see ``StatementDraft``).
/// - **Resizing** the window rewraps the line at once (`rl_resize_terminal`); once the
///   resizing settles, ``onResize`` lets the caller show its text again at the new
///   width, and the prompt and the typed text are drawn again below it.
///
/// Escape sequences in prompts (colour) are marked for readline automatically. The
/// person's `~/.inputrc` applies (`$if sos` selects this program); readline's
/// bracketed paste stays as configured there (on by default), which keeps a pasted
/// multi-paragraph statement from being cut short at its first blank line. Two
/// settings are forced because they would block the loop: completions are listed
/// without asking "Display all …?" and without paging.
///
/// Readline's state is global: have one reader at a time, used from one thread.
public final class ReadlineLineReader: LineReader {
  public var isTerminal: Bool { true }

  public var completer: LineCompleter? {
    didSet { ReadlineCallbacks.completer = completer }
  }

  public var onResize: (() -> Bool)?

  public var historyScope: HistoryScope {
    get { history.persists ? .commands : .play }
    set {
      let persists = newValue == .commands
      if persists != history.persists { history.restart(persisting: persists) }
    }
  }

  /// How long the window must keep its size before ``onResize`` is called: a window
  /// dragged to a new size sends many SIGWINCH, and the text is redrawn once.
  static let resizeSettling = Duration.milliseconds(150)

  /// The colours of the countdown and the character count.
  public let palette: Palette

  private var history: ReadlineHistory
  private let input: UnsafeMutablePointer<FILE>
  private let output: UnsafeMutablePointer<FILE>
  private let ownsStreams: Bool
  private let inputDescriptor: Int32

  /// Creates a reader of standard input and output, which must both be terminals
  /// (see ``LineReaderFactory``).
  ///
  /// - Parameters:
  ///   - historyPath: The history file, created with its folder if missing; `nil`
  ///     keeps history in memory only.
  ///   - palette: The colours of the countdown and the character count.
  public convenience init(historyPath: String?, palette: Palette) {
    self.init(input: 0, output: 1, historyPath: historyPath, palette: palette)
  }

  /// Creates a reader of a terminal other than standard input and output (a
  /// pseudo-terminal in tests). `bracketedPaste`, when set, overrides readline's
  /// setting.
  init(
    input: Int32, output: Int32, historyPath: String?, palette: Palette,
    bracketedPaste: Bool? = nil
  ) {
    self.palette = palette
    if input == 0, output == 1, let stdin, let stdout {
      self.input = stdin
      self.output = stdout
      ownsStreams = false
    } else if let inputStream = fdopen(dup(input), "r"),
      let outputStream = fdopen(dup(output), "w")
    {
      self.input = inputStream
      self.output = outputStream
      ownsStreams = true
    } else {
      preconditionFailure("cannot open streams on descriptors \(input) and \(output)")
    }
    inputDescriptor = fileno(self.input)

    rl_readline_name = ReadlineCallbacks.applicationName
    rl_instream = self.input
    rl_outstream = self.output
    // Signals are the loop's job: readline's handlers would end the process on
    // Ctrl-C, and it must not touch LINES and COLUMNS behind other threads' backs.
    rl_catch_signals = 0
    rl_catch_sigwinch = 0
    rl_change_environment = 0
    // Reads ~/.inputrc the first time, so settings made after it win.
    rl_initialize()
    if let bracketedPaste {
      rl_variable_bind("enable-bracketed-paste", bracketedPaste ? "on" : "off")
    }
    rl_variable_bind("page-completions", "off")
    rl_completion_query_items = 0
    rl_attempted_completion_function = readlineCompletion
    rl_completer_word_break_characters = ReadlineCallbacks.wordBreaks
    history = ReadlineHistory(path: historyPath)
    ReadlineCallbacks.completer = nil
    SignalTrap.acquire()
    SignalTrap.guardTerminal(inputDescriptor)
  }

  deinit {
    SignalTrap.unguardTerminal()
    SignalTrap.release()
    ReadlineCallbacks.completer = nil
    if ownsStreams {
      rl_instream = stdin
      rl_outstream = stdout
      fclose(input)
      fclose(output)
    }
  }

  public func readLine(prompt: String, deadline: ContinuousClock.Instant?) -> LineEvent {
    while true {
      switch edit(prompt: prompt, deadline: deadline, resized: onResize) {
      case .line(let line):
        if line.utf8.count > LineEvent.maximumLineBytes {
          return .tooLong(bytes: line.utf8.count)
        }
        // A pasted block may hold line breaks; a single line never does.
        return .line(String(line.map { $0.isNewline ? " " : $0 }))
      case .endOfInput: return .endOfInput
      case .timedOut: return .timedOut
      case .cancelled: continue
      }
    }
  }

  public func readStatement(
    prompt: String, limit: Int?, deadline: ContinuousClock.Instant?,
    draft: inout StatementDraft, isCommand: (String) -> Bool
  ) -> LineEvent {
    var lines = draft.lines
    var partial = draft.partial
    /// The prompt of line `index`: the caller's for the first, the running count after.
    func promptOfLine(_ index: Int) -> String {
      index == 0
        ? prompt
        : StatementPrompt.continuation(
          count: StatementPrompt.count(Array(lines[..<index])), limit: limit, palette: palette)
    }
    /// Shows the kept lines again, each after the prompt it was typed at, so a draft
    /// reads as one statement below whatever the caller printed.
    func showLines() {
      for index in lines.indices {
        let line = ReadlinePrompt.visible(promptOfLine(index)) + lines[index] + "\n"
        fputs(Sanitizer.output(line), output)
      }
      fflush(output)
    }
    showLines()
    let resized = onResize.map { redraw in
      {
        let drew = redraw()
        if drew { showLines() }
        return drew
      }
    }
    while true {
      let outcome = edit(
        prompt: promptOfLine(lines.count), deadline: deadline, text: partial, resized: resized)
      partial = ""
      switch outcome {
      case .line(let line):
        let kept = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        if kept + line.utf8.count > LineEvent.maximumLineBytes {
          // The lines already kept stay in the draft; only this one goes.
          draft = StatementDraft(lines: lines)
          return .tooLong(bytes: kept + line.utf8.count)
        }
        if line.allSatisfy(\.isWhitespace) {
          draft = StatementDraft()
          return .line(lines.joined(separator: "\n"))
        }
        if lines.isEmpty, isCommand(line) {
          draft = StatementDraft()
          return .line(line)
        }
        lines.append(line)
      case .endOfInput:
        draft = StatementDraft(lines: lines)
        return .endOfInput
      case .timedOut(let typed):
        draft = StatementDraft(lines: lines, partial: typed)
        return .timedOut
      case .cancelled:
        // Only the line being typed goes; the lines already finished are the
        // trainee's work, and losing them to a stray Ctrl-C would hurt.
        if !lines.isEmpty {
          fputs(palette.dim("(line discarded; the rest of your statement is kept)") + "\n", output)
          fflush(output)
        }
      }
    }
  }

  public func addHistory(_ line: String) {
    history.add(line)
  }

  // MARK: - The loop

  /// How one prompt ended.
  private enum Outcome {
    case line(String)
    case endOfInput
    /// The deadline passed; what had been typed on the line.
    case timedOut(String)
    /// Ctrl-C: the line was cleared.
    case cancelled
  }

  /// Shows the prompt, with `text` already typed after it, and feeds readline until it
  /// has a line, Ctrl-C arrives, or the deadline passes. `resized` is called once a
  /// resizing of the window has settled.
  private func edit(
    prompt: String, deadline: ContinuousClock.Instant?, text: String = "",
    resized: (() -> Bool)?
  ) -> Outcome {
    fflush(stdout)
    // Ctrl-C pressed while the program was busy is no reason to clear a fresh line,
    // and the screen size is read afresh anyway.
    _ = SignalTrap.take()
    rl_reset_screen_size()
    using_history()

    func shown(_ left: Duration?) -> String {
      guard let left else { return prompt }
      return ReadlinePrompt.prefixing(prompt, with: Countdown.prefix(left, palette: palette))
    }
    var current = shown(deadline.map { ContinuousClock.now.duration(to: $0) })
    ReadlineCallbacks.finished = false
    ReadlineCallbacks.line = nil
    rl_callback_handler_install(ReadlinePrompt.protect(current), readlineLineHandler)
    if !text.isEmpty {
      rl_insert_text(text)
      rl_redisplay()
    }

    var hangups = 0
    var resizedAt: ContinuousClock.Instant?
    while !ReadlineCallbacks.finished {
      var timeout: Int32 = -1
      if let deadline {
        let left = ContinuousClock.now.duration(to: deadline)
        if left <= .zero {
          let typed = rl_line_buffer.map { String(cString: $0) } ?? ""
          abandonLine(mark: "")
          return .timedOut(typed)
        }
        timeout = PollTimeout.milliseconds(min(left, Countdown.untilNextTick(left)))
        let next = shown(left)
        if next != current, canRedrawPrompt {
          current = next
          rl_set_prompt(ReadlinePrompt.protect(current))
          rl_redisplay()
        }
      }
      if let resizedAt {
        let settling = PollTimeout.milliseconds(
          ContinuousClock.now.duration(to: resizedAt + Self.resizeSettling))
        timeout = timeout < 0 ? settling : min(timeout, settling)
      }
      var descriptors = [
        pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: SignalTrap.wakeDescriptor, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, 2, timeout)
      if ready < 0, errno == EINTR {
        rl_check_signals()
      } else if ready < 0 {
        abandonLine(mark: "")
        return .endOfInput
      }
      let signals = SignalTrap.take()
      if signals.resume {
        // Stopped with Ctrl-Z while editing: the shell put the terminal back in
        // normal mode, so prepare it again and redraw.
        rl_deprep_terminal()
        rl_prep_terminal(1)
        rl_reset_screen_size()
        rl_forced_update_display()
      } else if signals.resize {
        rl_resize_terminal()
        resizedAt = .now
      }
      if signals.interrupt {
        abandonLine(mark: "^C")
        return .cancelled
      }
      if let at = resizedAt, ContinuousClock.now >= at + Self.resizeSettling {
        resizedAt = nil
        if let resized { redraw(after: resized) }
      }
      guard ready > 0 else { continue }
      let events = descriptors[0].revents
      if events & Int16(POLLNVAL) != 0 {
        abandonLine(mark: "")
        return .endOfInput
      }
      if events != 0 { rl_callback_read_char() }
      // A terminal that hung up reads as end of input; readline needs a few reads to
      // give up a half-typed line, after which this stops the loop for good.
      if events & Int16(POLLIN) == 0, events & Int16(POLLHUP | POLLERR) != 0 {
        hangups += 1
        if hangups > 3, !ReadlineCallbacks.finished {
          abandonLine(mark: "")
          return .endOfInput
        }
      }
    }
    if let line = ReadlineCallbacks.line { return .line(line) }
    // Readline leaves the cursor after the prompt at end of input.
    fputs("\n", output)
    fflush(output)
    return .endOfInput
  }

  /// Lets the caller show its text again after a resize: the prompt and line are
  /// taken off the screen, the caller writes, and readline draws them again below
  /// (or in place, if the caller wrote nothing), keeping what was typed.
  private func redraw(after resized: () -> Bool) {
    guard canRedrawPrompt else { return }
    rl_clear_visible_line()
    fflush(output)
    if resized() { rl_on_new_line() }
    rl_forced_update_display()
  }

  /// Whether readline shows its own prompt now (searching the history, reading a
  /// numeric argument, completing), which a countdown tick must not replace.
  private var canRedrawPrompt: Bool {
    let busy =
      RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_NUMERICARG | RL_STATE_COMPLETING
    return rl_readline_state & UInt(busy) == 0
  }

  /// Gives up the line being edited (Ctrl-C or the deadline): the mark (`^C`) goes
  /// after the text, readline's state for the line is freed, the terminal is back in
  /// normal mode and the cursor on a fresh line.
  private func abandonLine(mark: String) {
    rl_point = rl_end
    rl_redisplay()
    // Before the clean-up: leaving bracketed-paste mode returns the cursor to column 0.
    fputs(mark, output)
    fflush(output)
    rl_free_line_state()
    rl_callback_sigcleanup()
    rl_cleanup_after_signal()
    fputs("\n", output)
    fflush(output)
    rl_callback_handler_remove()
  }
}
