import ArgumentParser
import Foundation
import SOSCore
import SOSReports
import SOSStore
import SOSTerminal

/// Runs the play loop for a stored session — new or resumed — and shows the debrief
/// at the end. Wiring only: the loop is SOSTerminal's, the store SOSStore's.
struct SessionPlayer {
  let database: WorkshopDatabase
  let terminal: TerminalSetup
  /// How the goodbye and failure messages name `resume`.
  let hints: CommandHints

  /// Plays `record` from where its stored inputs leave it. A session of a live room
  /// has its own journal (local first, then the server), its room, and the command
  /// that carries on with it.
  func play(
    _ record: SessionRecord, scenario: Scenario, resumed: Bool,
    journal: (any SessionJournal)? = nil, room: (any LiveRoom)? = nil,
    resumeCommand: String? = nil
  ) throws {
    let engine = Engine(scenario: scenario)
    let stored = try database.inputs(sessionID: record.id)
    // A resumed session starts from the replay of its log; its history (the timeline)
    // is what still stands, without decisions taken back with undo.
    let replayed: ScoredSession
    switch ScoredSession.replay(
      scenario, inputs: stored.map(\.input), options: record.options,
      latencies: stored.map(\.latencyMilliseconds), choices: stored.map(\.choice))
    {
    case .success(let value):
      replayed = value
    case .failure(let error):
      throw Failure.report(
        "session \(record.shortID) does not replay: input \(error.index + 1)"
          + " (\(SessionReplayer.describe(error.input))) is refused: \(error.error.message)",
        ExitStatus.badData)
    }
    // On a database server, answers go to a spool on this computer first, so that a
    // store that goes away mid-round loses nothing.
    var journal = journal
    var spool: StoreSpool?
    if journal == nil, database.isPostgres {
      do {
        if let opened = try StoreSpool.open(for: database, create: true) {
          try opened.mirror(
            record, scenarioText: try database.scenarioText(hash: record.scenarioHash) ?? "",
            inputs: stored)
          spool = opened
          let terminal = terminal
          journal = SpooledJournal(spool: opened, sessionID: record.id) { line in
            _ = terminal.output.write(terminal.palette.warning(terminal.wrap(line)) + "\n")
          }
        }
      } catch {
        throw Failure.database(error)
      }
    }
    var screen = terminal.screen(for: engine)
    screen.resumeCommand = hints.command("resume")
    let loop = PlayLoop(
      engine: engine, screen: screen, reader: terminal.reader,
      output: terminal.output,
      journal: journal ?? DatabaseJournal(database: database, sessionID: record.id),
      resumeCommand: resumeCommand ?? hints.resume(record.shortID), state: replayed.state,
      events: replayed.events)
    loop.room = room
    // Answers typed during play are recalled while it lasts but kept out of the
    // history file, which holds the shell's commands.
    let scope = terminal.reader.historyScope
    terminal.reader.historyScope = .play
    defer { terminal.reader.historyScope = scope }
    if terminal.isInteractive {
      let environment = ProcessInfo.processInfo.environment
      loop.currentWidth = { TerminalWidth.columns(environment: environment) }
    }
    let exit: PlayLoop.Exit
    do {
      exit = try loop.run(resumed: resumed)
    } catch {
      let reason = (error.underlying as? WorkshopDatabaseError)?.message ?? "\(error.underlying)"
      throw Failure.report(
        "could not save your last answer: \(reason). Your earlier answers are saved;"
          + " resume with: \(resumeCommand ?? hints.resume(record.shortID))", ExitStatus.ioFailure)
    }
    guard exit == .finished else { return }
    // The debrief replays the saved log, as `sos debrief` does, so both show the same
    // decisions: those that still stand.
    let inputs: [RecordedInput]
    do {
      inputs = try database.inputs(sessionID: record.id)
    } catch {
      // The server went away at the end: the spool has every answer.
      guard let spool else { throw error }
      inputs = try spool.local.inputs(sessionID: record.id)
    }
    if case .success(let scored) = ScoredSession.replay(
      scenario, inputs: inputs.map(\.input), options: record.options,
      latencies: inputs.map(\.latencyMilliseconds), choices: inputs.map(\.choice))
    {
      let text = DebriefReport(
        scenario: scenario, report: scored.report, events: scored.events,
        trainee: record.trainee, session: record.shortID
      ).text(style: terminal.palette, brief: true)
      _ = terminal.output.write("\n" + terminal.wrap(text))
    }
    _ = terminal.output.write(
      "\n"
        + terminal.wrap(
          "Session \(record.shortID) finished. The full debrief: sos debrief \(record.shortID)")
        + "\n")
  }
}
