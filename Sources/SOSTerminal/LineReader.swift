/// Offers completions for the word under the cursor: `line` is the text of the line up
/// to the cursor, which ends with `word`. Candidates that do not begin with `word`
/// are ignored.
public typealias LineCompleter = @Sendable (_ line: String, _ word: String) -> [String]

/// Where the shell and the play loop get their input: line editing with history and
/// completion on a terminal (``ReadlineLineReader``), plain lines from a pipe or file
/// otherwise (``PlainLineReader``). ``LineReaderFactory`` picks one.
///
/// A reader is used from one thread at a time.
public protocol LineReader: AnyObject {
  /// Whether the person types at a terminal with line editing. Plain readers print
  /// prompts exactly as given and never echo, colour or move the cursor.
  var isTerminal: Bool { get }

  /// Offers tab completions on a terminal; plain readers ignore it.
  var completer: LineCompleter? { get set }

  /// Prints the prompt and reads one line.
  ///
  /// With a deadline the result is ``LineEvent/timedOut`` once it has passed; on a
  /// terminal a countdown (`[0:42] `) stands before the prompt and ticks every second,
  /// keeping what the person has typed so far.
  func readLine(prompt: String, deadline: ContinuousClock.Instant?) -> LineEvent

  /// Reads a free-text statement, such as a press release.
  ///
  /// Plain readers read one line after the prompt as given. On a terminal the
  /// statement may span several lines and ends with an empty line; the continuation
  /// prompt shows the characters typed so far against the `limit` (`  …  143/280 > `),
  /// and the lines come back joined with `"\n"`.
  ///
  /// The `draft` is where the statement is kept while it is written. A reader starts
  /// from it (showing its lines again, the unfinished one ready to edit) and leaves in
  /// it what was typed when reading stops without sending: at the deadline
  /// (``LineEvent/timedOut``) and at Ctrl-D on an empty line
  /// (``LineEvent/endOfInput``, on the first line or a later one). Ctrl-C discards
  /// only the line being typed. A sent statement empties the draft.
  ///
  /// A first line that `isCommand` accepts (`quit`, `help`, …) comes back at once as
  /// the line, so a command works at a statement prompt without an empty line after
  /// it.
  func readStatement(
    prompt: String, limit: Int?, deadline: ContinuousClock.Instant?,
    draft: inout StatementDraft, isCommand: (String) -> Bool
  ) -> LineEvent

  /// Called on a terminal when the window was resized while the person is typing
  /// (once the resizing has settled): the caller shows again what it wants rewrapped
  /// at the new width and returns `true` if it wrote anything, and the reader then
  /// draws the prompt and the text typed so far below it. Plain readers never call
  /// it.
  var onResize: (() -> Bool)? { get set }

  /// Where ``addHistory(_:)`` puts lines: in the history file (``HistoryScope/commands``,
  /// the default) or only in memory for one play (``HistoryScope/play``). Changing it
  /// starts the recalled history afresh for that scope.
  var historyScope: HistoryScope { get set }

  /// Records a line in the history (on a terminal, also in the history file). Empty
  /// lines, lines with line breaks and repeats of the latest entry are skipped. The
  /// readers never add lines on their own: the caller decides what is worth recalling.
  func addHistory(_ line: String)
}

extension LineReader {
  /// Reads one line with no deadline.
  public func readLine(prompt: String) -> LineEvent {
    readLine(prompt: prompt, deadline: nil)
  }

  /// Reads a statement with no deadline.
  public func readStatement(prompt: String, limit: Int?) -> LineEvent {
    readStatement(prompt: prompt, limit: limit, deadline: nil)
  }

  /// Reads a statement from scratch, with no commands: a draft left unsent is dropped.
  public func readStatement(prompt: String, limit: Int?, deadline: ContinuousClock.Instant?)
    -> LineEvent
  {
    var draft = StatementDraft()
    return readStatement(
      prompt: prompt, limit: limit, deadline: deadline, draft: &draft, isCommand: { _ in false })
  }
}
