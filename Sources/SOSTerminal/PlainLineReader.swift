#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads plain lines when standard input is not a terminal: for scripted
/// playthroughs, tests, and screen readers.
///
/// The contract:
/// - The prompt is written exactly as given, through `write(2)` after flushing
///   standard I/O, so everything printed before it is out before the reader waits.
/// - Input is read with `read(2)` into the reader's own buffer (never through
///   standard I/O, which would hide buffered lines from `poll()`), split on `"\n"`
///   with a trailing `"\r"` dropped, and decoded as UTF-8 with invalid bytes turned
///   into U+FFFD. A line over ``LineEvent/maximumLineBytes`` is
///   ``LineEvent/tooLong(bytes:)``, never a piece of it.
/// - Deadlines are kept with `poll()`; a line that arrives in time is returned even
///   if the reader looks at it late.
/// - At the end of the input a last line without a line break is returned first,
///   then ``LineEvent/endOfInput`` for good.
/// - SIGINT while the reader exists does not kill the process: the next (or current)
///   read returns ``LineEvent/interrupted`` so the caller can save and exit.
/// - No echo, no colour, no cursor movement, no history, no completion.
public final class PlainLineReader: LineReader {
  public var isTerminal: Bool { false }
  public var completer: LineCompleter?
  /// Never called: plain output is not redrawn.
  public var onResize: (() -> Bool)?
  /// Ignored: plain readers keep no history.
  public var historyScope = HistoryScope.commands

  private let input: Int32
  private let output: TerminalOutput
  private let trapsInterrupts: Bool
  private var buffer = LineBuffer()
  private var reachedEnd = false

  /// Creates a reader of the input descriptor that prompts on the output descriptor.
  public convenience init(input: Int32 = 0, output: Int32 = 1) {
    self.init(input: input, output: output, trapsInterrupts: true)
  }

  /// Creates a reader; tests that run side by side turn the SIGINT trap off, since
  /// the trap is shared by the whole process.
  init(input: Int32, output: Int32, trapsInterrupts: Bool) {
    self.input = input
    self.output = TerminalOutput(fileDescriptor: output)
    self.trapsInterrupts = trapsInterrupts && SignalTrap.acquire()
  }

  deinit {
    if trapsInterrupts { SignalTrap.release() }
  }

  public func readLine(prompt: String, deadline: ContinuousClock.Instant?) -> LineEvent {
    output.write(prompt)
    return nextLine(deadline: deadline)
  }

  /// Reads exactly one line: a statement in a script is one line, so there is never
  /// a draft to keep, and a command is a line like any other.
  public func readStatement(
    prompt: String, limit: Int?, deadline: ContinuousClock.Instant?,
    draft: inout StatementDraft, isCommand: (String) -> Bool
  ) -> LineEvent {
    let event = readLine(prompt: prompt, deadline: deadline)
    if case .line = event { draft = StatementDraft() }
    return event
  }

  public func addHistory(_ line: String) {}

  private func nextLine(deadline: ContinuousClock.Instant?) -> LineEvent {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      if trapsInterrupts, SignalTrap.take().interrupt { return .interrupted }
      if let line = buffer.nextLine() { return line }
      if reachedEnd { return buffer.remainder() ?? .endOfInput }
      var timeout: Int32 = -1
      if let deadline {
        let left = ContinuousClock.now.duration(to: deadline)
        if left <= .zero { return .timedOut }
        timeout = PollTimeout.milliseconds(left)
      }
      var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0)]
      if trapsInterrupts {
        descriptors.append(
          pollfd(fd: SignalTrap.wakeDescriptor, events: Int16(POLLIN), revents: 0))
      }
      let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
      if ready < 0 {
        if errno == EINTR { continue }
        reachedEnd = true
        continue
      }
      guard descriptors[0].revents != 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count > 0 {
        chunk.withUnsafeBytes { buffer.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
      } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
        reachedEnd = true
      }
    }
  }
}
