import Foundation
import SOSCore
import Testing

@testable import SOSTerminal

/// The play loop driven by a scripted reader: what it does with statements (drafts,
/// commands, `\quit`, timeouts), resizes and the goodbye line. The reader stands in
/// for readline, so these tests are about the loop's decisions, not the keys.
@Suite struct PlayLoopTests {
  static let text = """
    format: 1
    id: loop-test
    title: Loop test
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 10
    role: Duty manager
    briefing: A test.
    time_limit: 20s
    stakeholders:
      customers: { label: Customers, required: true }
    start: first
    nodes:
      first:
        text: The service is down and customers are asking what is going on.
        choices:
          - id: post
            text: Post an update
            takes: 10m
            write:
              channel: sms
              audience: customers
              prompt: Tell customers what happened.
            goto: done
          - { id: wait, text: Wait, takes: 1h, goto: done }
      done:
        text: It is over.
        ending: true
        outcome: 70
    """

  /// Journals inputs in memory.
  final class Journal: SessionJournal {
    var inputs: [SessionInput] = []
    var choices: [String?] = []
    var finished = false
    func record(_ input: SessionInput, choice: String?, latencyMilliseconds: Int?) throws {
      inputs.append(input)
      choices.append(choice)
    }
    func finish() throws { finished = true }
  }

  /// One play: the loop, its journal and what it printed.
  struct Play {
    let loop: PlayLoop
    let journal: Journal
    let reader: ScriptedLineReader
    let exit: PlayLoop.Exit
    let output: String
  }

  static func play(
    _ steps: [ScriptedLineReader.Step], timed: Bool = false, terminal: Bool = true,
    mode: SessionOptions.Mode = .assessment
  ) throws -> Play {
    let scenario = try #require(ScenarioLoader.load(text: text, file: "loop.yaml").scenario)
    let engine = Engine(scenario: scenario)
    // File order: these tests are about the prompt, not the order of the options.
    let options = SessionOptions(mode: mode, timed: timed, seed: 1, shuffles: false)
    let start = engine.start(options)
    let pipe = try TestPipe()
    defer { pipe.close() }
    let reader = ScriptedLineReader(steps, isTerminal: terminal, width: 80)
    let journal = Journal()
    let loop = PlayLoop(
      engine: engine,
      screen: PlayScreen(engine: engine, palette: Palette(colour: false), width: 80),
      reader: reader, output: TerminalOutput(fileDescriptor: pipe.write), journal: journal,
      resumeCommand: "sos resume 1234abcd", state: start.state, events: start.events)
    loop.currentWidth = { [unowned reader] in reader.width }
    let exit = try loop.run(resumed: false)
    return Play(loop: loop, journal: journal, reader: reader, exit: exit, output: pipe.available())
  }

  @Test func ctrlDOnAContinuationLineLeavesWithoutSendingAndShowsTheDraft() throws {
    let draft = StatementDraft(lines: ["We are sorry.", "More soon."])
    let play = try Self.play([.event(.line("1")), .leaveWithDraft(draft)])
    #expect(play.exit == .saved)
    #expect(play.journal.inputs == [.choose(1)])
    let output = play.output
    let notSent = try #require(output.range(of: "Your statement was not sent"))
    #expect(output[notSent.upperBound...].contains("  We are sorry.\n  More soon.\n"))
    #expect(output.hasSuffix("Saved. Resume with: sos resume 1234abcd\n"))
  }

  @Test(arguments: ["quit", "  QUIT ", "q"])
  func quitAsTheFirstLineOfAStatementLeaves(line: String) throws {
    let play = try Self.play([.event(.line("1")), .event(.line(line))])
    #expect(play.exit == .saved)
    #expect(play.journal.inputs == [.choose(1)])
    #expect(!play.output.contains("was not sent"))
  }

  @Test(arguments: [true, false])
  func helpAsTheFirstLineOfAStatementIsACommand(terminal: Bool) throws {
    let play = try Self.play(
      [.event(.line("1")), .event(.line("help")), .event(.line("Sorry."))], terminal: terminal)
    #expect(play.exit == .finished)
    #expect(play.journal.inputs == [.choose(1), .write("Sorry.")])
    #expect(play.output.contains("save and leave (continue later with: sos resume)"))
  }

  @Test(arguments: ["\\quit", "\\help", "\\quit\nand more"])
  func aBackslashWritesTheCommandWord(line: String) throws {
    let play = try Self.play([.event(.line("1")), .event(.line(line))])
    #expect(play.exit == .finished)
    #expect(play.journal.inputs == [.choose(1), .write(String(line.dropFirst()))])
  }

  @Test func aBackslashBeforeOtherTextIsKept() throws {
    let play = try Self.play([.event(.line("1")), .event(.line("\\o/ back up"))])
    #expect(play.journal.inputs == [.choose(1), .write("\\o/ back up")])
  }

  @Test func aStatementGetsThreeTimesTheDecisionsLimit() throws {
    let play = try Self.play([.event(.line("1")), .event(.line("Sorry."))], timed: true)
    let limits = play.reader.prompts.map(\.seconds)
    #expect(limits == [20, 60])
  }

  @Test func aTimeoutAtAStatementKeepsTheDraftAndAsksAgain() throws {
    let draft = StatementDraft(lines: ["We are sorry."], partial: "Back at 1")
    let play = try Self.play(
      [.event(.line("1")), .timeOutLeaving(draft), .event(.line("We are sorry.\nBack at 1pm."))],
      timed: true)
    #expect(play.exit == .finished)
    #expect(play.journal.inputs == [.choose(1), .timeout, .write("We are sorry.\nBack at 1pm.")])
    // The second statement prompt starts from the draft, with its own full limit.
    #expect(play.reader.draftsOffered == [StatementDraft(), draft])
    #expect(play.reader.prompts.map(\.prompt) == ["choice [1-2]> ", "statement> ", "statement> "])
    #expect(play.reader.prompts.last?.seconds == 60)
    #expect(play.output.contains("Time is up."))
    #expect(play.output.contains("Your draft is kept below"))
    #expect(!play.output.contains("was not sent"))
  }

  @Test func theStatementHelpLineWrapsToTheWidth() throws {
    for width in [60, 40, 24] {
      let scenario = try #require(ScenarioLoader.load(text: Self.text, file: "loop.yaml").scenario)
      let screen = PlayScreen(
        engine: Engine(scenario: scenario), palette: Palette(colour: false), width: width)
      let help = screen.statementHelp(draftKept: true)
      #expect(help.contains("\\quit"))
      for line in help.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
      }
    }
  }

  @Test func plainModeShowsNoStatementHelp() throws {
    let play = try Self.play([.event(.line("1")), .event(.line("Sorry."))], terminal: false)
    #expect(!play.output.contains("Type your statement"))
  }

  @Test func aResizeShowsTheDecisionAgainAtTheNewWidth() throws {
    let play = try Self.play([.resize(80), .resize(40), .event(.line("2"))])
    // The same width (a change of height only) shows nothing again.
    #expect(play.reader.redraws == [false, true])
    let text = "The service is down and customers are asking what is going on."
    #expect(play.output.contains(text))
    #expect(play.output.contains("The service is down and customers are\nasking what is going on."))
    #expect(play.output.components(separatedBy: "2. Wait").count == 3)
    // Play over, the reader has no callback into the finished loop.
    #expect(play.reader.onResize == nil)
  }

  @Test func aResizeAtAStatementShowsTheTaskAgain() throws {
    let play = try Self.play([.event(.line("1")), .resize(50), .event(.line("Sorry."))])
    #expect(play.reader.redraws == [true])
    #expect(play.output.components(separatedBy: "Tell customers what happened.").count == 3)
  }

  @Test func undoCountsAgreeInNumber() throws {
    let scenario = try #require(ScenarioLoader.load(text: Self.text, file: "loop.yaml").scenario)
    let engine = Engine(scenario: scenario)
    let screen = PlayScreen(engine: engine, palette: Palette(colour: false), width: 80)
    let state = engine.start(SessionOptions(mode: .practice, shuffles: false)).state
    #expect(
      screen.outcome(of: [.undone(decisions: 1)], state: state) == "Undone. 1 decision stands.\n")
    #expect(
      screen.outcome(of: [.undone(decisions: 2)], state: state) == "Undone. 2 decisions stand.\n")
  }

  @Test func theBriefingAndTaskCountAgreeInNumber() throws {
    let text = Self.text.replacingOccurrences(of: "minutes: 10", with: "minutes: 1")
      .replacingOccurrences(of: "prompt: Tell", with: "limit: 1\n          prompt: Tell")
    let scenario = try #require(ScenarioLoader.load(text: text, file: "loop.yaml").scenario)
    let engine = Engine(scenario: scenario)
    let screen = PlayScreen(engine: engine, palette: Palette(colour: false), width: 80)
    #expect(screen.briefing(options: SessionOptions()).contains("about 1 minute ·"))
    let choice = try #require(scenario.nodes.first?.choices.first)
    #expect(screen.writeTask(choice).contains("(sms, at most 1 character)"))
  }

  @Test func theGoodbyeNamesTheResumeCommandItWasGiven() throws {
    let play = try Self.play([.event(.endOfInput)])
    #expect(play.output.hasSuffix("Saved. Resume with: sos resume 1234abcd\n"))
  }
}
