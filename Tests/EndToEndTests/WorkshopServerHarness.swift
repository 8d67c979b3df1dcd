import Foundation
import SOSCore
import SOSLive
import SOSStore

/// A real workshop server for a test: `sos serve` on a loopback port chosen by the
/// system, over a database and key in a folder of the test's own.
final class WorkshopServerHarness: @unchecked Sendable {
  let folder: URL
  let database: String
  let keyFile: String
  /// The environment every `sos` the test runs gets (its own data and state folders).
  let environment: [String: String]
  private(set) var process: LiveSOS
  private(set) var address: String
  let key: String

  /// Starts a server; `port` reuses a port (after a restart).
  init(folder: URL? = nil, port: Int = 0) throws {
    let folder = try folder ?? SOSProcess.temporaryDirectory()
    self.folder = folder
    database = folder.appendingPathComponent("workshop.sqlite").path
    keyFile = folder.appendingPathComponent("server-key").path
    environment = [
      "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
      "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
    ]
    (process, address) = try Self.start(
      database: database, keyFile: keyFile, port: port, environment: environment)
    key = try String(contentsOfFile: keyFile, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func start(
    database: String, keyFile: String, port: Int, environment: [String: String]
  ) throws -> (LiveSOS, String) {
    let process = try LiveSOS(
      ["serve", "--listen", "127.0.0.1:\(port)", "--db", database, "--key-file", keyFile],
      environment: environment)
    let text = try process.wait(seconds: 60, for: "the startup line") {
      $0.contains("sos serve: listening on ")
    }
    guard let match = text.firstMatch(of: /listening on http:\/\/(127\.0\.0\.1:\d+)/) else {
      throw LiveSOS.Timeout(description: "no address in: \(text)")
    }
    return (process, String(match.1))
  }

  /// The port the server listens on.
  var port: Int { Int(address.split(separator: ":").last ?? "0") ?? 0 }

  /// Kills the server with SIGKILL.
  func kill() throws { try process.kill() }

  /// Starts the server again on the same port and database.
  func restart() throws {
    (process, address) = try Self.start(
      database: database, keyFile: keyFile, port: port, environment: environment)
  }

  /// Stops the server with SIGTERM and waits for it.
  func stop() throws -> Int32 {
    process.process.terminate()
    return try process.waitForExit(seconds: 30)
  }

  var client: LiveClient {
    guard let client = LiveClient(address: address, timeout: 30) else {
      preconditionFailure("the harness's own address does not parse")
    }
    return client
  }

  /// Runs `sos` with the harness's environment.
  func sos(_ arguments: [String], stdin: String = "") throws -> SOSProcess.Outcome {
    try SOSProcess.run(arguments, stdin: stdin, environment: environment)
  }

  /// Opens a room with `sos room open … --json`.
  func openRoom(cohort: String, scenario: String, mode: String = "assessment") throws
    -> LiveAPI.OpenedRoom
  {
    let outcome = try sos([
      "room", "open", cohort, "--scenario", scenario, "--mode", mode, "--server", address,
      "--key-file", keyFile, "--json",
    ])
    guard outcome.status == 0 else {
      throw LiveSOS.Timeout(description: "sos room open failed: \(outcome.stderr)")
    }
    return try LiveAPI.decoder().decode(LiveAPI.OpenedRoom.self, from: Data(outcome.stdout.utf8))
  }
}

/// A trainee simulated through the server's API, playing with the engine locally as
/// `sos join` does: it joins, answers, takes the injects its inbox holds.
struct SimulatedTrainee {
  let client: LiveClient
  let joined: LiveAPI.Joined
  let engine: Engine
  var state: SessionState
  var generator: SeededGenerator
  var sent = 0

  init(client: LiveClient, room: String, name: String, seed: UInt64) throws {
    self.client = client
    joined = try client.send("POST", "/api/join", body: LiveAPI.Join(code: room, name: name))
    guard let scenario = ScenarioLoader.load(text: joined.scenarioText, file: "room").scenario
    else { throw LiveClientError.badAnswer("the room's scenario does not load") }
    engine = Engine(scenario: scenario)
    state =
      engine.start(
        SessionOptions(
          mode: SessionOptions.Mode(rawValue: joined.mode) ?? .assessment, timed: joined.timed,
          seed: joined.seed, shuffles: joined.shuffles)
      ).state
    generator = SeededGenerator(seed: seed)
  }

  static let statements = [
    "ok",
    "We are sorry. Some of your data was exposed online this morning. We have closed it."
      + " Please watch for fake emails. Call 0800 123 456. Next update at 5pm today.",
  ]

  /// The next answer: a random offered option, or a statement.
  mutating func nextInput() -> SessionInput {
    if engine.pendingWrite(in: state) != nil {
      return .write(Self.statements.randomElement(using: &generator) ?? "ok")
    }
    let count = engine.offeredChoices(in: state).count
    return .choose(Int.random(in: 1...max(count, 1), using: &generator))
  }

  /// Plays `input` locally and sends it; the server's answer.
  @discardableResult
  mutating func answer(_ input: SessionInput) throws -> LiveAPI.Accepted {
    var choice: String?
    if case .choose(let number) = input {
      choice = engine.offeredChoices(in: state)[number - 1].id
    }
    state = try engine.step(state, input).get().state
    let accepted: LiveAPI.Accepted = try client.send(
      "POST", "/api/sessions/\(joined.session)/inputs",
      body: LiveAPI.Input(sequence: sent, input: input, choice: choice, latencyMs: 1000),
      token: joined.token)
    sent += 1
    return accepted
  }

  /// Takes the injects waiting in the inbox, as the play loop does at a prompt.
  mutating func takeInjects() throws -> Int {
    let inbox: LiveAPI.Inbox = try client.send(
      "GET", "/api/sessions/\(joined.session)/inbox", token: joined.token)
    var taken = 0
    for inject in inbox.injects where !state.finished {
      guard case .success = engine.step(state, .inject(inject.value)) else { continue }
      try answer(.inject(inject.value))
      taken += 1
    }
    return taken
  }
}
