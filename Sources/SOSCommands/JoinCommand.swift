import ArgumentParser
import Foundation
import SOSCore
import SOSLive
import SOSStore
import SOSTerminal

struct JoinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Join a live room and play in it, as sos play does.",
    discussion: """
      The facilitator runs sos serve and reads out the server's address and the room's \
      join code. The scenario runs here; every answer is saved on this laptop first and \
      then sent to the server, so a dropped network loses nothing: play goes on, and \
      the answers are sent when it is back. Run the same command again to carry on \
      after leaving or a crash. What the facilitator sends (injects, messages, a pause) \
      arrives at your next prompt. Exit status: 0 when play ends or is saved, 64 for a \
      bad address or code, 66 for an unknown room, 65 when the room refuses the name, \
      74 when the server cannot be reached to join.
      """)

  @Argument(help: "The workshop server's address, such as 192.168.1.20:7717.")
  var server: String

  @Argument(help: "The room's join code, such as KXT-4MP-Q9W (case and hyphens do not matter).")
  var code: String

  @Option(name: .customLong("as"), help: "Your name, as your facilitator will see it.")
  var trainee: String?

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    guard let client = LiveClient(address: server) else {
      throw Failure.report(
        "'\(server)' is not a server address: give HOST:PORT, such as 192.168.1.20:7717 (the workshop server speaks plain HTTP)",
        ExitStatus.usage)
    }
    guard let room = JoinCode.normalized(code) else {
      throw Failure.report(
        "'\(code)' is not a join code: it has nine letters and digits, such as KXT-4MP-Q9W",
        ExitStatus.usage)
    }
    let terminal = TerminalSetup(noColor: global.noColor)
    guard let name = trainee ?? TraineeName.ask(terminal) else { return }
    let store = try database.open()
    let environment = ProcessInfo.processInfo.environment
    let address = client.server.absoluteString
    let hints = CommandHints.commandLine(database)
    guard
      let hold = JoinTicket.hold(
        server: address, room: room, name: name, environment: environment)
    else {
      throw Failure.report(
        "you are already playing room \(room) as '\(Sanitizer.singleLine(name))' in another"
          + " terminal on this laptop: carry on there (or type quit there first)",
        ExitStatus.badData)
    }
    defer { withExtendedLifetime(hold) {} }
    try Failure.catching {
      var ticket = JoinTicket.find(
        server: address, room: room, name: name, environment: environment)
      var record = try ticket.flatMap { try store.session(id: $0.local) }
      if let ticket, record == nil {
        // The server has this session; only the database it is journalled in differs.
        throw Failure.report(
          "this laptop joined room \(room) as '\(Sanitizer.singleLine(name))' with another"
            + " database (session \(ticket.local.uuidString.prefix(8).lowercased()) is not in"
            + " \(store.path)): run the same sos join with the --db you used then",
          ExitStatus.badData)
      }
      if record == nil {
        let joined: LiveAPI.Joined = try Self.join(client, room: room, name: name)
        let scenario = try Self.scenario(joined.scenarioText, room: room)
        var new = NewSession(
          trainee: name, scenarioID: scenario.id, scenarioText: joined.scenarioText,
          options: SessionOptions(
            mode: SessionOptions.Mode(rawValue: joined.mode) ?? .assessment, timed: joined.timed,
            seed: joined.seed, shuffles: joined.shuffles), started: Date())
        new.cohort = nil
        let created = try store.createSession(new)
        let made = JoinTicket(
          server: address, room: room, name: name, session: joined.session, token: joined.token,
          local: created.id)
        do {
          try made.save(environment: environment)
        } catch {
          Output.error(
            "warning: could not keep the join on this laptop (\(error.localizedDescription));"
              + " if play stops, you cannot carry on with this session\n")
        }
        ticket = made
        record = created
      }
      guard let ticket, let record else { return }
      let text = try store.scenarioText(hash: record.scenarioHash) ?? ""
      let scenario = try Self.scenario(text, room: room)
      let stored = try store.inputs(sessionID: record.id)
      // During play the server gets a few seconds to answer, not the join's ten: a
      // trainee should not wait at a prompt for a network that has gone.
      var playing = client
      playing.timeout = 3
      let journal = LiveJournal(
        local: DatabaseJournal(database: store, sessionID: record.id), client: playing,
        ticket: ticket, stored: stored
      ) { line in
        _ = terminal.output.write(terminal.palette.warning(terminal.wrap(line)) + "\n")
      }
      let again = "sos join \(ShellWord.quote(server)) \(room) --as \(ShellWord.quote(name))"
      if record.status != .active {
        journal.flush()
        Output.out(
          "You have finished this session in room \(room). Your debrief: \(hints.command("debrief")) \(record.shortID)\n"
        )
        return
      }
      try SessionPlayer(database: store, terminal: terminal, hints: hints).play(
        record, scenario: scenario, resumed: !stored.isEmpty,
        journal: journal, room: journal, resumeCommand: again)
    }
  }

  /// Joins the room on the server, or fails with the server's reason.
  static func join(_ client: LiveClient, room: String, name: String) throws -> LiveAPI.Joined {
    do {
      return try client.send("POST", "/api/join", body: LiveAPI.Join(code: room, name: name))
    } catch {
      switch error {
      case .unreachable:
        throw Failure.report(error.message, ExitStatus.ioFailure)
      case .refused(let status, let message):
        throw Failure.report(message, status == 404 ? ExitStatus.missingInput : ExitStatus.badData)
      case .badAnswer(let message):
        throw Failure.report(message, ExitStatus.ioFailure)
      }
    }
  }

  /// The room's scenario, loaded from the text the server sent.
  static func scenario(_ text: String, room: String) throws -> Scenario {
    guard let scenario = ScenarioLoader.load(text: text, file: "room \(room)").scenario else {
      throw Failure.report(
        "the scenario of room \(room) does not load on this laptop; tell your facilitator",
        ExitStatus.badData)
    }
    return scenario
  }
}
