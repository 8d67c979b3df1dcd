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
///   in the continuation prompt; Ctrl-C there starts the statement afresh.
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

  /// The colours of the countdown and the character count.
  public let palette: Palette

  private let history: ReadlineHistory
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
      switch edit(prompt: prompt, deadline: deadline) {
      case .line(let line):
        // A pasted block may hold line breaks; a single line never does.
        return .line(String(line.map { $0.isNewline ? " " : $0 }))
      case .endOfInput: return .endOfInput
      case .timedOut: return .timedOut
      case .cancelled: continue
      }
    }
  }

  public func readStatement(prompt: String, limit: Int?, deadline: ContinuousClock.Instant?)
    -> LineEvent
  {
    var lines: [String] = []
    while true {
      let shown =
        lines.isEmpty
        ? prompt
        : StatementPrompt.continuation(
          count: StatementPrompt.count(lines), limit: limit, palette: palette)
      switch edit(prompt: shown, deadline: deadline) {
      case .line(let line):
        if line.allSatisfy(\.isWhitespace) { return .line(lines.joined(separator: "\n")) }
        lines.append(line)
      case .endOfInput:
        return lines.isEmpty ? .endOfInput : .line(lines.joined(separator: "\n"))
      case .timedOut:
        return .timedOut
      case .cancelled:
        lines.removeAll()
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
    case timedOut
    /// Ctrl-C: the line was cleared.
    case cancelled
  }

  /// Shows the prompt and feeds readline until it has a line, Ctrl-C arrives, or the
  /// deadline passes.
  private func edit(prompt: String, deadline: ContinuousClock.Instant?) -> Outcome {
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

    var hangups = 0
    while !ReadlineCallbacks.finished {
      var timeout: Int32 = -1
      if let deadline {
        let left = ContinuousClock.now.duration(to: deadline)
        if left <= .zero {
          abandonLine(mark: "")
          return .timedOut
        }
        timeout = PollTimeout.milliseconds(min(left, Countdown.untilNextTick(left)))
        let next = shown(left)
        if next != current, canRedrawPrompt {
          current = next
          rl_set_prompt(ReadlinePrompt.protect(current))
          rl_redisplay()
        }
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
      }
      if signals.interrupt {
        abandonLine(mark: "^C")
        return .cancelled
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
