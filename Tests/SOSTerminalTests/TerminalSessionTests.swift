import Foundation
import TestEnvironment
import Testing

@testable import SOSTerminal

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Readline in a pseudo-terminal, and everything else that raises signals: one test
/// at a time, since readline and the signal trap are process-wide.
///
/// Ctrl-C typed into a pseudo-terminal becomes SIGINT only for the terminal's
/// foreground process group, which the test process is not, so the tests raise
/// SIGINT themselves after typing. Every read has a deadline, so a test that goes
/// wrong fails instead of hanging.
@Suite(.serialized) struct TerminalSessionTests {
  /// Readline reads INPUTRC and TERM once, when the first reader starts: the
  /// TestEnvironment target sets them (no inputrc of the machine's, the same
  /// terminal type everywhere) when the bundle loads, before any thread runs; the
  /// tests also pass when the terminal's description is missing and readline falls
  /// back to "dumb".
  init() throws {
    try #require(sos_test_environment_is_set() == 1, "the test environment was not set at load")
  }

  func makeReader(_ terminal: PseudoTerminal, historyPath: String? = nil) -> ReadlineLineReader {
    ReadlineLineReader(
      input: terminal.slave, output: terminal.slave, historyPath: historyPath,
      palette: Palette(colour: false), bracketedPaste: false)
  }

  static let watchdog = Duration.seconds(20)

  @Test func ctrlCClearsTheLineAndPromptsAgain() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("abc")
      terminal.waitFor("abc")
      deliver(SIGINT)
      terminal.waitFor("sos> ", after: "^C")
      terminal.type("xyz\r")
    }
    let event = reader.readLine(prompt: "sos> ", deadline: .now + Self.watchdog)
    #expect(event == .line("xyz"), "\(terminal.output.debugDescription)")
    #expect(terminal.output.contains("abc^C"))
  }

  @Test func ctrlDOnAnEmptyLineEndsInput() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("ab\u{04}")  // Ctrl-D on text deletes, it does not end
      terminal.waitFor("ab")
      terminal.type("\u{08}\u{08}\u{04}")
    }
    #expect(reader.readLine(prompt: "sos> ", deadline: .now + Self.watchdog) == .endOfInput)
  }

  @Test func historyIsKeptInTheFileAndRecalled() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("sos-history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/state/sos/history"
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    do {
      let reader = makeReader(terminal, historyPath: path)
      for line in ["list", "play data-breach", "play data-breach", "  ", "", "two\nlines"] {
        reader.addHistory(line)
      }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "list\nplay data-breach\n")
      let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/state/sos")
      #expect((attributes[.posixPermissions] as? Int) == 0o700)
      later(0) {
        terminal.waitFor("sos> ")
        terminal.type("\u{1B}[A\u{1B}[A\r")
      }
      #expect(reader.readLine(prompt: "sos> ", deadline: .now + Self.watchdog) == .line("list"))
    }
    // A new reader (a new session) starts from the file.
    let reader = makeReader(terminal, historyPath: path)
    later(0) {
      terminal.waitFor("again> ")
      terminal.type("\u{1B}[A\r")
    }
    #expect(
      reader.readLine(prompt: "again> ", deadline: .now + Self.watchdog)
        == .line("play data-breach"))
  }

  @Test func tabCompletesFromTheCompleter() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    reader.completer = { line, word in
      line.hasPrefix("play ") ? ["data-breach", "product-recall"] : ["play", "playtest", "list"]
    }
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("li\t\r")
    }
    #expect(reader.readLine(prompt: "sos> ", deadline: .now + Self.watchdog) == .line("list "))
    later(0) {
      terminal.waitFor("next> ")
      terminal.type("pl\t da\t\r")
    }
    #expect(
      reader.readLine(prompt: "next> ", deadline: .now + Self.watchdog)
        == .line("play data-breach "))
    // No file names when nothing matches.
    later(0) {
      terminal.waitFor("third> ")
      terminal.type("zz\t\r")
    }
    #expect(reader.readLine(prompt: "third> ", deadline: .now + Self.watchdog) == .line("zz"))
  }

  @Test func countdownTicksWithoutLosingTheTypedText() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("ab")
      usleep(1_300_000)
      terminal.type("c\r")
    }
    // A deadline far beyond the pause, so a busy machine cannot make the line late.
    let event = reader.readLine(prompt: "sos> ", deadline: .now + .milliseconds(12_500))
    #expect(event == .line("abc"), "\(terminal.output.debugDescription)")
    // Readline redraws only what changed: the seconds digit, after the prompt.
    let output = terminal.output
    let afterPrompt = output.range(of: "[0:13] sos> ").map { output[$0.upperBound...] }
    #expect(afterPrompt?.contains("2") == true, "\(output.debugDescription)")
  }

  @Test func deadlineAbandonsTheLine() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("zz")
    }
    // The deadline leaves the typist time on a loaded machine: "zz" typed after it
    // would be read by the next line.
    let start = ContinuousClock.now
    let event = reader.readLine(prompt: "sos> ", deadline: start + .milliseconds(1_500))
    let waited = ContinuousClock.now - start
    #expect(event == .timedOut)
    #expect(waited >= .milliseconds(1_500))
    #expect(waited < .seconds(5))
    // The abandoned text does not leak into the next line.
    later(0) {
      terminal.waitFor("next> ")
      terminal.type("ok\r")
    }
    #expect(reader.readLine(prompt: "next> ", deadline: .now + Self.watchdog) == .line("ok"))
  }

  @Test func statementSpansLinesUntilAnEmptyLine() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("statement> ")
      terminal.type("Hello\r")
      terminal.waitFor("  …  5/280 > ")
      terminal.type("wörld ☕\r")
      terminal.waitFor("  …  13/280 > ")
      terminal.type("\r")
    }
    let event = reader.readStatement(
      prompt: "statement> ", limit: 280, deadline: .now + Self.watchdog)
    #expect(event == .line("Hello\nwörld ☕"), "\(terminal.output.debugDescription)")
  }

  @Test func ctrlCDiscardsOnlyTheLineBeingTyped() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("statement> ")
      terminal.type("first\r")
      terminal.waitFor("  …  5 chars > ")
      terminal.type("abc")
      terminal.waitFor("abc")
      deliver(SIGINT)
      terminal.waitFor(
        "  …  5 chars > ", after: "(line discarded; the rest of your statement is kept)")
      terminal.type("second\r")
      terminal.waitFor("  …  12 chars > ")
      terminal.type("\r")
    }
    let event = reader.readStatement(
      prompt: "statement> ", limit: nil, deadline: .now + Self.watchdog)
    #expect(event == .line("first\nsecond"), "\(terminal.output.debugDescription)")
  }

  @Test func ctrlCOnTheFirstLineOfAStatementJustClearsIt() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("statement> ")
      terminal.type("abc")
      terminal.waitFor("abc")
      deliver(SIGINT)
      terminal.waitFor("statement> ", after: "^C")
      terminal.type("x\r")
      terminal.waitFor("  …  1 char > ")
      terminal.type("\r")
    }
    let event = reader.readStatement(
      prompt: "statement> ", limit: nil, deadline: .now + Self.watchdog)
    #expect(event == .line("x"), "\(terminal.output.debugDescription)")
    #expect(!terminal.output.contains("line discarded"))
  }

  @Test func ctrlDOnAContinuationLineLeavesAndKeepsTheDraft() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("statement> ")
      terminal.type("We are sorry.\r")
      terminal.waitFor("  …  13/160 > ")
      terminal.type("\u{04}")
    }
    var draft = StatementDraft()
    let event = reader.readStatement(
      prompt: "statement> ", limit: 160, deadline: .now + Self.watchdog, draft: &draft,
      isCommand: { _ in false })
    #expect(event == .endOfInput, "\(terminal.output.debugDescription)")
    #expect(draft == StatementDraft(lines: ["We are sorry."]))
  }

  @Test func aCommandOnTheFirstLineOfAStatementComesBackAtOnce() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("statement> ")
      terminal.type("quit\r")
    }
    var draft = StatementDraft()
    let event = reader.readStatement(
      prompt: "statement> ", limit: nil, deadline: .now + Self.watchdog, draft: &draft,
      isCommand: { $0 == "quit" })
    #expect(event == .line("quit"), "\(terminal.output.debugDescription)")
    // Later lines are text, whatever they say.
    later(0) {
      terminal.waitFor("again> ")
      terminal.type("Dear all,\r")
      terminal.waitFor("  …  9 chars > ")
      terminal.type("quit\r\r")
    }
    let second = reader.readStatement(
      prompt: "again> ", limit: nil, deadline: .now + Self.watchdog, draft: &draft,
      isCommand: { $0 == "quit" })
    #expect(second == .line("Dear all,\nquit"), "\(terminal.output.debugDescription)")
  }

  @Test func aTimeoutKeepsTheDraftAndTheNextReadContinuesIt() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("statement> ")
      terminal.type("We are sorry.\r")
      terminal.waitFor("  …  13 chars > ")
      terminal.type("Back at 1")
    }
    var draft = StatementDraft()
    let event = reader.readStatement(
      prompt: "statement> ", limit: nil, deadline: .now + .milliseconds(2_500), draft: &draft,
      isCommand: { _ in false })
    #expect(event == .timedOut, "\(terminal.output.debugDescription)")
    #expect(draft == StatementDraft(lines: ["We are sorry."], partial: "Back at 1"))
    // The next read shows the kept lines and puts the unfinished one back to edit.
    later(0) {
      // The kept line is drawn again, then the unfinished one (after a countdown).
      terminal.waitFor("Back at 1", after: "statement> We are sorry.\r\n")
      terminal.type("pm.\r\r")
    }
    let second = reader.readStatement(
      prompt: "statement> ", limit: nil, deadline: .now + Self.watchdog, draft: &draft,
      isCommand: { _ in false })
    #expect(second == .line("We are sorry.\nBack at 1pm."), "\(terminal.output.debugDescription)")
    #expect(draft == StatementDraft())
  }

  @Test func resizingKeepsTheLine() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("wide")
      terminal.waitFor("wide")
      var size = winsize(ws_row: 30, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
      _ = ioctl(terminal.master, UInt(TIOCSWINSZ), &size)
      deliver(SIGWINCH)
      usleep(100_000)
      terminal.type("r\r")
    }
    #expect(reader.readLine(prompt: "sos> ", deadline: .now + Self.watchdog) == .line("wider"))
  }

  @Test func aSettledResizeLetsTheCallerRedrawAboveTheLine() throws {
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal)
    let calls = Counter()
    reader.onResize = {
      calls.increment()
      _ = write(terminal.slave, "REDRAWN\n", 8)
      return true
    }
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("wide")
      terminal.waitFor("wide")
      // Dragging a window sends several signals; the caller redraws once.
      for columns in [100, 110, 120] {
        var size = winsize(ws_row: 30, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(terminal.master, UInt(TIOCSWINSZ), &size)
        deliver(SIGWINCH)
        usleep(20_000)
      }
      terminal.waitFor("sos> wide", after: "REDRAWN")
      terminal.type("r\r")
    }
    #expect(reader.readLine(prompt: "sos> ", deadline: .now + Self.watchdog) == .line("wider"))
    #expect(calls.value == 1)
    reader.onResize = nil
  }

  @Test func answersDuringPlayStayOutOfTheHistoryFile() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("sos-history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/history"
    let terminal = try PseudoTerminal()
    defer { terminal.close() }
    let reader = makeReader(terminal, historyPath: path)
    reader.addHistory("play data-breach")
    reader.historyScope = .play
    reader.addHistory("2")
    reader.addHistory("status")
    // During play, the up arrow recalls this play's answers only.
    later(0) {
      terminal.waitFor("choice> ")
      terminal.type("\u{1B}[A\u{1B}[A\u{1B}[A\r")
    }
    #expect(reader.readLine(prompt: "choice> ", deadline: .now + Self.watchdog) == .line("2"))
    reader.historyScope = .commands
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "play data-breach\n")
    // Back in the shell, its own commands come back.
    later(0) {
      terminal.waitFor("sos> ")
      terminal.type("\u{1B}[A\r")
    }
    #expect(
      reader.readLine(prompt: "sos> ", deadline: .now + Self.watchdog) == .line("play data-breach"))
  }

  @Test func plainReaderReportsCtrlC() throws {
    let input = try TestPipe()
    let output = try TestPipe()
    defer {
      input.close()
      output.close()
    }
    let reader = PlainLineReader(input: input.read, output: output.write)
    later(100) { deliver(SIGINT) }
    #expect(reader.readLine(prompt: "> ", deadline: .now + Self.watchdog) == .interrupted)
    // Ctrl-C wins over lines already waiting; the lines stay for later.
    input.send("queued\n")
    later(0) { deliver(SIGINT) }
    usleep(100_000)
    #expect(reader.readLine(prompt: "> ") == .interrupted)
    #expect(reader.readLine(prompt: "> ") == .line("queued"))
  }
}
