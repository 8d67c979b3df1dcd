@preconcurrency import CReadline

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state readline's C callbacks read and write. Readline is one per process and
/// is driven from one thread at a time, by the one live ``ReadlineLineReader``.
enum ReadlineCallbacks {
  /// The line handler ran since the prompt was installed.
  nonisolated(unsafe) static var finished = false
  /// What it received: a line, or `nil` for end of input (Ctrl-D on an empty line).
  nonisolated(unsafe) static var line: String?
  /// The caller's completer.
  nonisolated(unsafe) static var completer: LineCompleter?
  /// The candidates of the completion in progress, handed out by the generator.
  nonisolated(unsafe) static var matches: [String] = []
  nonisolated(unsafe) static var nextMatch = 0

  /// Characters that separate words for completion: only white space, so ids such as
  /// `data-breach` or `loyalty.yaml` complete whole.
  nonisolated(unsafe) static let wordBreaks: UnsafePointer<CChar>? = UnsafePointer(strdup(" \t\n"))
  /// The application name for `$if sos` in `~/.inputrc`.
  nonisolated(unsafe) static let applicationName: UnsafePointer<CChar>? = UnsafePointer(
    strdup("sos"))

  /// The candidates for a word, from the completer: only those that begin with the
  /// word, made safe to print, without duplicates.
  static func candidates(line: String, word: String) -> [String] {
    guard let completer else { return [] }
    var seen = Set<String>()
    return completer(line, word).map(Sanitizer.singleLine).filter {
      $0.hasPrefix(word) && seen.insert($0).inserted
    }
  }
}

/// Receives a finished line (or `nil` at end of input) and takes the prompt down, so
/// readline does not prompt again before the caller asks.
let readlineLineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
  ReadlineCallbacks.finished = true
  if let line {
    ReadlineCallbacks.line = String(cString: line)
    free(line)
  } else {
    ReadlineCallbacks.line = nil
  }
  rl_callback_handler_remove()
}

/// Completes with the caller's completer and never falls back to file names.
let readlineCompletion:
  @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<
    UnsafeMutablePointer<CChar>?
  >? = { text, start, end in
    rl_attempted_completion_over = 1
    guard let text, let buffer = rl_line_buffer, end >= 0 else { return nil }
    let line = UnsafeRawBufferPointer(start: buffer, count: Int(end))
    ReadlineCallbacks.matches = ReadlineCallbacks.candidates(
      line: String(decoding: line, as: UTF8.self), word: String(cString: text))
    ReadlineCallbacks.nextMatch = 0
    guard !ReadlineCallbacks.matches.isEmpty else { return nil }
    return rl_completion_matches(text, readlineCompletionGenerator)
  }

/// Hands readline one candidate per call, in memory readline frees.
let readlineCompletionGenerator:
  @convention(c) (UnsafePointer<CChar>?, Int32) ->
    UnsafeMutablePointer<CChar>? = { _, state in
      if state == 0 { ReadlineCallbacks.nextMatch = 0 }
      guard ReadlineCallbacks.nextMatch < ReadlineCallbacks.matches.count else { return nil }
      defer { ReadlineCallbacks.nextMatch += 1 }
      return strdup(ReadlineCallbacks.matches[ReadlineCallbacks.nextMatch])
    }
