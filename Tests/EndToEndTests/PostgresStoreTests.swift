import Foundation
import SOSCore
import SOSStore
import Testing

/// The store on PostgreSQL as trainees and facilitators use it: many `sos` processes
/// writing one database at once, copies between the engines, and a server that dies
/// mid-round (facilitator-guide/multi-site.md).
@Suite(.enabled(if: PostgresServer.isConfigured, "no PostgreSQL server (SOS_TEST_POSTGRES)"))
struct PostgresStoreTests {
  /// The scripted round: broken-cello's strong path, played by `workers` processes at
  /// once, each playing `sessionsEach` sessions one after another.
  static let workers = 8
  static let sessionsEach = 25

  /// Plays the round into `db` and returns the cohort report (text) it gives.
  static func playRound(into db: String, workshop: Workshop) throws -> String {
    let scenario = try ScriptedScenario.load("broken-cello")
    let script = try scenario.script("strong")
    var settings = workshop.environment
    settings["SOS_DB"] = db
    let environment = settings
    let created = try SOSProcess.run(
      ["cohort", "create", "round", "--db", db], environment: environment)
    #expect(created.status == 0, "\(created.stderr)")
    let failures = Collected<String>()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for number in 0..<sessionsEach {
        do {
          let played = try SOSProcess.run(
            [
              "play", "scenarios/\(scenario.file)", "--as", "W\(worker)-\(number)", "--seed", "7",
              "--cohort", "round", "--db", db,
            ], stdin: script.stdin, environment: environment)
          if played.status != 0 { failures.append("W\(worker)-\(number): \(played.stderr)") }
        } catch {
          failures.append("W\(worker)-\(number): \(error)")
        }
      }
    }
    #expect(failures.values.isEmpty, "\(failures.values.prefix(3))")
    let report = try SOSProcess.run(
      ["cohort", "report", "round", "--db", db], environment: environment)
    #expect(report.status == 0, "\(report.stderr)")
    return report.stdout
  }

  /// 8 processes × 25 sessions into one PostgreSQL database and into one SQLite file at
  /// once: every session kept on each, and the same report from both.
  @Test func eightProcessesKeepEverySessionOnBothEngines() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let postgres = try PostgresServer.newDatabase()
    let sqlite = workshop.db
    let fromPostgres = try Self.playRound(into: postgres, workshop: workshop)
    let fromSQLite = try Self.playRound(into: sqlite, workshop: workshop)
    let total = Self.workers * Self.sessionsEach
    for location in [postgres, sqlite] {
      let store = try WorkshopDatabase.open(location: location)
      let sessions = try store.sessions(cohort: "round")
      #expect(sessions.count == total, "\(location)")
      #expect(sessions.allSatisfy { $0.status == .finished }, "\(location)")
      #expect(Set(sessions.map(\.trainee)).count == total)
    }
    #expect(fromPostgres.contains("\(total) sessions (\(total) finished)"))
    #expect(fromPostgres == fromSQLite)
  }

  /// SQLite → PostgreSQL → SQLite with `sos db copy`: every session, input and score as
  /// it was, trainee ids and sites included.
  @Test func aCopyThereAndBackChangesNothing() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let original = workshop.db
    for (index, lines) in [["1", "2"], ["2", "1", "1"], []].enumerated() {
      let scenario = try ScriptedScenario.load("broken-cello")
      let script = try scenario.script("strong")
      _ = try workshop.run(
        ["play", "scenarios/\(scenario.file)", "--as", "T\(index)", "--seed", "\(index)"],
        stdin: (lines.isEmpty ? script.lines : lines).map { $0 + "\n" }.joined())
    }
    let postgres = try PostgresServer.newDatabase()
    let back = workshop.folder.appendingPathComponent("back.sqlite").path
    for (from, to) in [(original, postgres), (postgres, back)] {
      let copied = try SOSProcess.run(["db", "copy", from, to], environment: workshop.environment)
      #expect(copied.status == 0, "\(copied.stderr)")
      #expect(copied.stdout.contains("Copied 3 sessions"), "\(copied.stdout)")
      #expect(copied.stdout.contains("replays to the same scores in both"))
    }
    let stores = try [original, postgres, back].map { try WorkshopDatabase.open(location: $0) }
    let sessions = try stores.map { try $0.sessions(storedOrder: true) }
    #expect(sessions[0].count == 3)
    #expect(sessions[1] == sessions[0])
    #expect(sessions[2] == sessions[0])
    for session in sessions[0] {
      let inputs = try stores.map { try $0.inputs(sessionID: session.id) }
      #expect(inputs[1] == inputs[0] && inputs[2] == inputs[0])
    }
    let scores = try stores.map { try $0.sessionScores().sessions.map(\.score) }
    #expect(scores[1] == scores[0] && scores[2] == scores[0])
    // Copying again adds nothing.
    let again = try SOSProcess.run(
      ["db", "copy", original, postgres], environment: workshop.environment)
    #expect(
      again.stdout.contains("Copied 0 sessions")
        && again.stdout.contains("3 sessions were there already"))
  }

  /// PostgreSQL stopped at once mid-round (pg_ctl stop -m immediate) and started again:
  /// `sos play` says the store is unreachable, keeps the answers on this computer, and
  /// once the store is back every answer is there and the session scores as an
  /// uninterrupted one does.
  @Test(.enabled(if: PostgresServer.isInstalled, "PostgreSQL is not installed"))
  func aStoreKilledMidRoundLosesNothing() throws {
    let server = try PostgresServer.Own.start()
    defer { server.stop() }
    _ = PostgresServer.registered
    var workshop = try Workshop()
    defer { workshop.remove() }
    workshop.environment["PGPASSWORD"] = server.password
    let db = server.url
    let scenario = try ScriptedScenario.load("broken-cello")
    let script = try scenario.script("strong")
    let prompt = KillAndResumeTests.anyPrompt
    let live = try LiveSOS(
      ["play", "scenarios/\(scenario.file)", "--as", "T", "--seed", "7", "--db", db],
      environment: workshop.environment)
    let half = script.lines.count / 2
    for (number, line) in script.lines.prefix(half).enumerated() {
      try live.waitForPrompt(number: number + 1, matching: prompt)
      try live.type(line)
    }
    try live.waitForPrompt(number: half + 1, matching: prompt)
    try server.kill()
    // Two answers while the store is down.
    for (offset, line) in script.lines.dropFirst(half).prefix(2).enumerated() {
      if offset > 0 { try live.waitForPrompt(number: half + 1 + offset, matching: prompt) }
      try live.type(line)
    }
    try live.wait(for: "the notice that the store is unreachable") {
      $0.contains("cannot be reached")
    }
    try server.restart()
    for (offset, line) in script.lines.dropFirst(half + 2).enumerated() {
      try live.waitForPrompt(number: half + 3 + offset, matching: prompt)
      try live.type(line)
    }
    #expect(try live.finish(seconds: 60) == 0, "\(live.stderr)")

    // Any sos command on the database sends what the spool still holds.
    let sessions = try SOSProcess.run(
      ["sessions", "--json", "--db", db], environment: workshop.environment)
    #expect(sessions.status == 0, "\(sessions.stderr)")
    let store = try WorkshopDatabase.open(
      location: db, environment: ["PGPASSWORD": server.password])
    let session = try #require(try store.sessions().first)
    #expect(session.status == .finished)
    let inputs = try store.inputs(sessionID: session.id)
    #expect(inputs.count == script.inputs.count)
    #expect(inputs.map(\.input) == script.inputs)

    let uninterrupted = try workshop.play("scenarios/\(scenario.file)", script.lines)
    #expect(uninterrupted.status == 0)
    let local = try WorkshopDatabase.open(location: workshop.db)
    let expected = try local.sessionScores().sessions.first?.score
    #expect(try store.sessionScores().sessions.first?.score == expected)
    #expect(expected != nil)
  }

  /// A server that is not there, wrong credentials, a database that does not exist:
  /// one line each, exit 74, and never the password.
  @Test func anUnreachableServerOrWrongCredentialsGetOneLine() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let server = try #require(PostgresServer.environment["SOS_TEST_POSTGRES"])
    let closed = try SOSProcess.run(
      ["sessions", "--db", "postgres://sos@127.0.0.1:1/sos"], environment: workshop.environment)
    #expect(closed.status == 74)
    #expect(closed.stderr.hasPrefix("error: the database server at postgres://sos@127.0.0.1:1/sos"))
    #expect(closed.stderr.contains("is unreachable"))
    #expect(closed.stderr.split(separator: "\n").count == 1)
    let wrong = server.replacingOccurrences(of: "postgres://sos@", with: "postgres://sos:not-it@")
    let refused = try SOSProcess.run(
      ["sessions", "--db", wrong], environment: workshop.environment)
    #expect(refused.status == 74)
    #expect(refused.stderr.contains("the server refused the credentials"))
    #expect(!refused.stderr.contains("not-it"))
    #expect(refused.stderr.split(separator: "\n").count == 1)
  }

  /// A server that offers TLS (as `.ci/postgres` starts it, with a self-signed
  /// certificate) is used over TLS: `sslmode=require` connects, and `verify-full`
  /// refuses the certificate in one line; a server without TLS refuses `require`.
  @Test(.enabled(if: PostgresServer.isInstalled, "PostgreSQL is not installed"))
  func tlsIsUsedWhenTheServerOffersIt() throws {
    let server = try PostgresServer.Own.start()
    defer { server.stop() }
    var workshop = try Workshop()
    defer { workshop.remove() }
    workshop.environment["PGPASSWORD"] = server.password
    let required = try SOSProcess.run(
      ["db", "check", "--db", server.url + "?sslmode=require"], environment: workshop.environment)
    #expect(required.status == 0, "\(required.stderr)")
    let verified = try SOSProcess.run(
      ["db", "check", "--db", server.url + "?sslmode=verify-full"],
      environment: workshop.environment)
    #expect(verified.status == 74)
    #expect(verified.stderr.contains("TLS certificate could not be verified"), "\(verified.stderr)")
    #expect(verified.stderr.split(separator: "\n").count == 1)
  }
}
