import Foundation
import SOSCore
import SOSLive
import SOSStore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The live workshop end to end: a real `sos serve` on loopback, trainees joining
/// through its API or with `sos join`, the facilitator's `sos room` commands.
@Suite(.serialized) struct LiveWorkshopTests {
  /// Forty trainees join one room and play to the end at once; a manual inject fired
  /// mid-round reaches every session once; the board and the room's report agree with
  /// `sos cohort report`, and an exported session scores as the board says.
  @Test func fortyTraineesPlayARoundTogether() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let room = try server.openRoom(cohort: "spring", scenario: "loyalty-data-exposed")
    let count = 40
    let joinedAll = DispatchGroup()
    let injected = DispatchSemaphore(value: 0)
    let done = DispatchGroup()
    let failures = Collected<String>()
    let injectsTaken = Collected<Int>()
    for index in 0..<count {
      joinedAll.enter()
      done.enter()
      Thread.detachNewThread {
        defer { done.leave() }
        do {
          var trainee = try SimulatedTrainee(
            client: server.client, room: room.code, name: "Trainee \(index + 1)",
            seed: UInt64(index + 1))
          try trainee.answer(trainee.nextInput())
          joinedAll.leave()
          // Everyone waits here until the facilitator has fired the inject.
          injected.wait()
          injected.signal()
          var taken = try trainee.takeInjects()
          while !trainee.state.finished {
            try trainee.answer(trainee.nextInput())
            taken += try trainee.takeInjects()
          }
          injectsTaken.append(taken)
        } catch {
          failures.append("trainee \(index + 1): \(error)")
          joinedAll.leave()
        }
      }
    }
    #expect(joinedAll.wait(timeout: .now() + 120) == .success)
    let fired = try server.sos([
      "room", "inject", room.code, "regulator-calls", "--server", server.address, "--token",
      room.token,
    ])
    #expect(fired.status == 0, "\(fired.stderr)")
    #expect(fired.stdout.contains("reaches \(count) sessions"))
    injected.signal()
    #expect(done.wait(timeout: .now() + 300) == .success)
    #expect(failures.values.isEmpty, "\(failures.values)")
    #expect(injectsTaken.values == Array(repeating: 1, count: count))

    // The board, the room's report and sos cohort report agree.
    let board = try Self.json(
      server.client.exchange("GET", "/api/rooms/\(room.code)/board", token: room.token))
    let trainees = try #require(board["trainees"] as? [[String: Any]])
    #expect(trainees.count == count)
    #expect(trainees.allSatisfy { $0["finished"] as? Bool == true })
    let cohortText = try server.sos([
      "cohort", "report", "spring", "--scenario", "loyalty-data-exposed", "--format", "json",
      "--db", server.database,
    ])
    #expect(cohortText.status == 0, "\(cohortText.stderr)")
    let roomReport = String(
      decoding: try server.client.exchange(
        "GET", "/api/rooms/\(room.code)/report?format=json", token: room.token), as: UTF8.self)
    #expect(roomReport == cohortText.stdout)
    let report = try Self.json(Data(cohortText.stdout.utf8))
    let sessions = try #require(report["sessions"] as? [[String: Any]])
    #expect(sessions.count == count)
    var overallBySession: [String: Double] = [:]
    for session in sessions {
      overallBySession[session["session"] as? String ?? ""] = session["overall"] as? Double
    }
    for trainee in trainees {
      let id = trainee["session"] as? String ?? ""
      #expect(trainee["overall"] as? Double == overallBySession[id], "\(id)")
    }

    // Every session holds the inject once, and its export scores as the board says.
    let first = try #require(trainees.first?["session"] as? String)
    let exported = server.folder.appendingPathComponent("first.json").path
    let export = try server.sos(["export", first, "--db", server.database, "--out", exported])
    #expect(export.status == 0, "\(export.stderr)")
    let file = try String(contentsOfFile: exported, encoding: .utf8)
    #expect(file.components(separatedBy: "\"kind\" : \"inject\"").count - 1 == 1)
    let scored = try server.sos(["score", exported, "--json"])
    #expect(scored.status == 0, "\(scored.stderr)")
    let score = try Self.json(Data(scored.stdout.utf8))["report"] as? [String: Any]
    #expect(score?["overall"] as? Double == overallBySession[first])
  }

  /// Two people who give the same name in two rooms of one cohort stay two people in
  /// the cohort report, and each room's report is `sos cohort report`'s.
  @Test func theSameNameInTwoRoomsIsTwoPeople() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let morning = try server.openRoom(cohort: "march", scenario: "broken-cello")
    let afternoon = try server.openRoom(cohort: "march", scenario: "broken-cello")
    for (index, room) in [morning, afternoon].enumerated() {
      var alex = try SimulatedTrainee(
        client: server.client, room: room.code, name: "Alex Morgan", seed: UInt64(index + 1))
      while !alex.state.finished { try alex.answer(alex.nextInput()) }
    }
    let cohort = try server.sos([
      "cohort", "report", "march", "--scenario", "broken-cello", "--format", "json", "--db",
      server.database,
    ])
    #expect(cohort.status == 0, "\(cohort.stderr)")
    let report = try Self.json(Data(cohort.stdout.utf8))
    let names = Set(
      (report["sessions"] as? [[String: Any]] ?? []).compactMap { $0["trainee"] as? String })
    #expect(
      names == ["Alex Morgan (room \(morning.code))", "Alex Morgan (room \(afternoon.code))"])
    #expect((report["counts"] as? [String: Any])?["trainees"] as? Int == 2)
    let roomReport = String(
      decoding: try server.client.exchange(
        "GET", "/api/rooms/\(morning.code)/report?format=json", token: morning.token),
      as: UTF8.self)
    #expect(roomReport == cohort.stdout)
  }

  /// Requests a trainee or a stranger could forge are refused and change nothing.
  @Test func forgedRequestsAreRefused() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let room = try server.openRoom(cohort: "autumn", scenario: "loyalty-data-exposed")
    var ada = try SimulatedTrainee(client: server.client, room: room.code, name: "Ada", seed: 1)
    let bob = try SimulatedTrainee(client: server.client, room: room.code, name: "Bob", seed: 2)
    try ada.answer(.choose(1))
    func post(_ path: String, _ body: some Encodable, token: String?) -> Int? {
      do {
        _ = try server.client.exchange("POST", path, body: body, token: token)
        return 200
      } catch {
        if case .refused(let status, _) = error { return status }
        return nil
      }
    }
    let inputs = "/api/sessions/\(ada.joined.session)/inputs"
    // An option the engine refuses.
    #expect(
      post(
        inputs, LiveAPI.Input(sequence: 1, kind: "choose", value: "99", choice: nil, latencyMs: 1),
        token: ada.joined.token)
        == 422)
    // An answer sent with another trainee's token.
    #expect(
      post(
        inputs, LiveAPI.Input(sequence: 1, kind: "choose", value: "1", choice: nil, latencyMs: 1),
        token: bob.joined.token)
        == 403)
    // A changed earlier answer, and a gap.
    #expect(
      post(
        inputs, LiveAPI.Input(sequence: 0, kind: "choose", value: "2", choice: nil, latencyMs: 1),
        token: ada.joined.token)
        == 409)
    #expect(
      post(
        inputs, LiveAPI.Input(sequence: 5, kind: "choose", value: "1", choice: nil, latencyMs: 1),
        token: ada.joined.token)
        == 409)
    // An inject nobody fired, as an answer.
    #expect(
      post(
        inputs,
        LiveAPI.Input(
          sequence: 1, kind: "inject", value: "regulator-calls", choice: nil, latencyMs: nil),
        token: ada.joined.token)
        == 403)
    // Facilitator actions without the room's token, or with a trainee's.
    #expect(
      post(
        "/api/rooms/\(room.code)/inject",
        LiveAPI.FireInject(inject: "regulator-calls", trainee: nil), token: nil)
        == 403)
    #expect(
      post(
        "/api/rooms/\(room.code)/inject",
        LiveAPI.FireInject(inject: "regulator-calls", trainee: nil), token: ada.joined.token)
        == 403)
    #expect(post("/api/rooms/\(room.code)/close", LiveAPI.Broadcast(text: ""), token: nil) == 403)
    #expect(
      post(
        "/api/rooms",
        LiveAPI.OpenRoom(
          cohort: "x", scenarioFile: "x", scenarioText: "x", mode: "assessment", timed: false),
        token: nil)
        == 403)
    // A body over the bound, and one that is not the message.
    let huge = LiveAPI.Input(
      sequence: 1, kind: "write", value: String(repeating: "a", count: 70_000), choice: nil,
      latencyMs: 1)
    #expect(post(inputs, huge, token: ada.joined.token) == 413)
    #expect(post(inputs, ["nonsense": true], token: ada.joined.token) == 400)
    // The same first answer again is a harmless repeat.
    #expect(
      post(
        inputs, LiveAPI.Input(sequence: 0, kind: "choose", value: "1", choice: nil, latencyMs: 1),
        token: ada.joined.token)
        == 200)
    let inbox: LiveAPI.Inbox = try server.client.send(
      "GET", "/api/sessions/\(ada.joined.session)/inbox", token: ada.joined.token)
    #expect(inbox.inputs == 1)
    // The name is taken in this room.
    #expect(post("/api/join", LiveAPI.Join(code: room.code, name: "Ada"), token: nil) == 409)
  }

  /// The board is the facilitator's: it asks for the token (never in an address),
  /// keeps it in a cookie, and escapes what trainees typed.
  @Test func theBoardNeedsTheTokenAndEscapesNames() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let room = try server.openRoom(cohort: "board", scenario: "broken-cello")
    #expect(!room.board.contains(room.token))
    var trainee = try SimulatedTrainee(
      client: server.client, room: room.code, name: "<script>alert(1)</script>", seed: 3)
    try trainee.answer(.choose(1))
    let anonymous = try Self.fetch(server.address, "/board/\(room.code)")
    #expect(anonymous.status == 401)
    #expect(anonymous.body.contains("Facilitator login"))
    let login = try Self.fetch(
      server.address, "/login", method: "POST",
      body: "code=\(room.code)&token=\(room.token)")
    #expect(login.status == 303)
    let cookie = try #require(login.headers["Set-Cookie"])
    #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
    let page = try Self.fetch(
      server.address, "/board/\(room.code)",
      headers: ["Cookie": String(cookie.prefix { $0 != ";" })])
    #expect(page.status == 200)
    #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!page.body.contains("<script>alert(1)"))
    #expect(!page.body.contains(room.token))
    #expect(page.body.contains("Fire inject: producer-on-the-phone"))
    let wrong = try Self.fetch(
      server.address, "/login", method: "POST", body: "code=\(room.code)&token=nope")
    #expect(wrong.status == 403)
    // A room opened from the board needs the server key.
    let form = "cohort=board-two&scenario=no-chicken&mode=practice&timed=on&key="
    #expect(
      try Self.fetch(server.address, "/board/open", method: "POST", body: form + "x").status == 403)
    let opened = try Self.fetch(
      server.address, "/board/open", method: "POST", body: form + server.key)
    #expect(opened.status == 200)
    let code = try #require(
      opened.body.firstMatch(of: /Room <span class="code">([A-Z0-9-]{11})</)?.1)
    #expect(
      opened.headers["Set-Cookie"]?.contains(
        "sos_room_" + code.replacingOccurrences(of: "-", with: "")) == true)
    let listed: [LiveAPI.Room] = try server.client.send("GET", "/api/rooms", token: server.key)
    #expect(listed.contains { $0.code == String(code) && $0.mode == "practice" && $0.timed })
  }

  /// The same `sos join` twice at once (two terminals) would interleave two games into
  /// one log; the second is refused while the first plays. A different database on
  /// this laptop is named as the reason, not the name being taken.
  @Test func oneJoinPlaysASessionAtATime() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let room = try server.openRoom(cohort: "twice", scenario: "broken-cello")
    let local = server.folder.appendingPathComponent("laptop.sqlite").path
    let command = ["join", server.address, room.code, "--as", "Dee", "--db", local]
    let first = try LiveSOS(command, environment: server.environment)
    try first.waitForPrompt(number: 1, matching: try Regex<Substring>(#"choice \[1-\d\]> "#))
    let second = try server.sos(command, stdin: "1\n")
    #expect(second.status != 0)
    #expect(second.stderr.contains("another terminal"))
    try first.type("quit")
    #expect(try first.finish() == 0)
    let elsewhere = server.folder.appendingPathComponent("other.sqlite").path
    let moved = try server.sos(
      ["join", server.address, room.code, "--as", "Dee", "--db", elsewhere])
    #expect(moved.status != 0)
    #expect(moved.stderr.contains("another database"))
    let workshop = try WorkshopDatabase.open(path: server.database)
    let theirs = try #require(try workshop.sessions(cohort: "twice").first)
    #expect(try workshop.inputs(sessionID: theirs.id).isEmpty)
    let laptop = try WorkshopDatabase.open(path: local)
    let mine = try #require(try laptop.sessions().first)
    #expect(try laptop.inputs(sessionID: mine.id).isEmpty)
  }

  /// A room closed mid-play: the trainee is told once and plays on to a debrief here;
  /// an inject fired before the close is not handed out after it, and no answer is
  /// called refused (nothing to tell the facilitator, who closed it).
  @Test func aRoomClosedMidPlayIsNotAnError() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let room = try server.openRoom(cohort: "closing", scenario: "broken-cello")
    let local = server.folder.appendingPathComponent("laptop.sqlite").path
    let play = try LiveSOS(
      ["join", server.address, room.code, "--as", "Eve", "--db", local],
      environment: server.environment)
    let prompt = try Regex<Substring>(#"(?:choice \[1-\d\]|statement)> "#)
    try play.waitForPrompt(number: 1, matching: prompt)
    let steer = ["--server", server.address, "--token", room.token]
    #expect(
      try server.sos(["room", "inject", room.code, "producer-on-the-phone"] + steer).status == 0)
    #expect(try server.sos(["room", "close", room.code] + steer).status == 0)
    try play.type("status")
    try play.wait(for: "the closing notice") { $0.contains("closed the room") }
    try play.waitForPrompt(number: 2, matching: prompt)
    try play.type("1")
    try play.waitForPrompt(number: 3, matching: prompt)
    #expect(try play.finish() == 0)
    #expect(!play.stdout.contains("refused"))
    #expect(!play.stdout.contains("producer from the evening news"))
    let laptop = try WorkshopDatabase.open(path: local)
    let mine = try #require(try laptop.sessions().first)
    #expect(try laptop.inputs(sessionID: mine.id).map(\.input) == [.choose(1)])
  }

  /// In timed play a pause that comes while a trainee sits at a prompt does not run
  /// their clock out: the limit starts again when the room resumes, as the guide says.
  @Test func aPauseDoesNotRunATimedDecisionOut() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let scenario = server.folder.appendingPathComponent("quick.yaml")
    try """
    format: 1
    id: quick
    title: Quick
    kind: pr-disaster
    cluster: preventable
    difficulty: introductory
    minutes: 5
    role: Head of communications
    briefing: A test.
    time_limit: 2s
    stakeholders:
      press: { label: Press }
    start: first
    nodes:
      first:
        text: The video is out.
        choices:
          - { id: post, text: Post, takes: 1h, quality: { clarity: 2 }, goto: done }
          - { id: wait, text: Wait, takes: 1h, quality: { clarity: 0 }, goto: done }
      done: { text: Done., ending: true, outcome: 80 }

    """.write(to: scenario, atomically: true, encoding: .utf8)
    let opened = try server.sos([
      "room", "open", "quick", "--scenario", scenario.path, "--timed", "--server",
      server.address, "--key-file", server.keyFile, "--json",
    ])
    #expect(opened.status == 0, "\(opened.stderr)")
    let room = try LiveAPI.decoder().decode(
      LiveAPI.OpenedRoom.self, from: Data(opened.stdout.utf8))
    let local = server.folder.appendingPathComponent("laptop.sqlite").path
    let play = try LiveSOS(
      ["join", server.address, room.code, "--as", "Fay", "--db", local],
      environment: server.environment)
    let prompt = try Regex<Substring>(#"choice \[1-\d\]> "#)
    try play.waitForPrompt(number: 1, matching: prompt)
    let steer = ["--server", server.address, "--token", room.token]
    #expect(try server.sos(["room", "pause", room.code] + steer).status == 0)
    try play.wait(for: "the pause") { $0.contains("paused the room") }
    #expect(try server.sos(["room", "resume", room.code] + steer).status == 0)
    try play.wait(for: "the resume") { $0.contains("playing again") }
    try play.type("quit")
    #expect(try play.finish() == 0)
    let laptop = try WorkshopDatabase.open(path: local)
    let mine = try #require(try laptop.sessions().first)
    #expect(try laptop.inputs(sessionID: mine.id).isEmpty)
  }

  /// A laptop whose log differs from the server's (a copied database played twice) is
  /// told so at once, not left to drift on with the differing answer dropped.
  @Test func aDifferingAnswerIsNotDroppedSilently() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let room = try server.openRoom(cohort: "copied", scenario: "broken-cello")
    let first = server.folder.appendingPathComponent("laptop.sqlite").path
    let copy = server.folder.appendingPathComponent("copy.sqlite").path
    let join = ["join", server.address, room.code, "--as", "Gus", "--db"]
    #expect(try server.sos(join + [first]).status == 0)
    try FileManager.default.copyItem(atPath: first, toPath: copy)
    #expect(try server.sos(join + [first], stdin: "1\n").status == 0)
    let differing = try server.sos(join + [copy], stdin: "2\n")
    #expect(differing.stdout.contains("answer 1 is already recorded,"), "\(differing.stdout)")
  }

  /// A server killed mid-round loses nothing: `sos join` plays on, keeps its answers,
  /// and sends them once the server is back; none is doubled.
  @Test func aKilledServerLosesNothing() throws {
    let server = try WorkshopServerHarness()
    defer { _ = try? server.stop() }
    let room = try server.openRoom(cohort: "kill", scenario: "broken-cello")
    let local = server.folder.appendingPathComponent("laptop.sqlite").path
    let play = try LiveSOS(
      ["join", server.address, room.code, "--as", "Cara", "--db", local],
      environment: server.environment)
    // Answers whatever the prompt asks: an option, or a statement.
    var prompts = 0
    func answer() throws {
      prompts += 1
      let text = try play.waitForPrompt(
        number: prompts, matching: try Regex<Substring>(#"(?:choice \[1-\d\]|statement)> "#))
      let last = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
      try play.type(
        last.hasPrefix("statement")
          ? "We are sorry. We got this wrong and we will call Saoirse today." : "1")
    }
    try answer()
    try answer()
    try server.kill()
    try answer()
    try play.wait(for: "the offline notice") { $0.contains("cannot be reached") }
    try answer()
    try server.restart()
    try answer()
    try play.wait(for: "the notice that the server is back") { $0.contains("is back") }
    prompts += 1
    try play.waitForPrompt(
      number: prompts, matching: try Regex<Substring>(#"(?:choice \[1-\d\]|statement)> "#))
    #expect(try play.finish() == 0)
    let laptop = try WorkshopDatabase.open(path: local)
    let workshop = try WorkshopDatabase.open(path: server.database)
    let mine = try #require(try laptop.sessions().first)
    let theirs = try #require(try workshop.sessions(cohort: "kill").first)
    let kept = try laptop.inputs(sessionID: mine.id).map(\.input)
    #expect(kept.count == 5)
    #expect(try workshop.inputs(sessionID: theirs.id).map(\.input) == kept)
  }

  static func json(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  struct Page {
    var status: Int
    var headers: [String: String]
    var body: String
  }

  /// One HTTP request without following redirects, as a browser's first step.
  static func fetch(
    _ address: String, _ path: String, method: String = "GET", body: String? = nil,
    headers: [String: String] = [:]
  ) throws -> Page {
    let url = try #require(URL(string: "http://\(address)\(path)"))
    var request = URLRequest(url: url)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    if let body {
      request.httpBody = Data(body.utf8)
      request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    }
    let outcome = Collected<Page>()
    let done = DispatchSemaphore(value: 0)
    let session = URLSession(
      configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
    session.dataTask(with: request) { data, response, _ in
      let http = response as? HTTPURLResponse
      var fields: [String: String] = [:]
      for (name, value) in http?.allHeaderFields ?? [:] {
        fields["\(name)"] = "\(value)"
      }
      outcome.append(
        Page(
          status: http?.statusCode ?? 0, headers: fields,
          body: String(decoding: data ?? Data(), as: UTF8.self)))
      done.signal()
    }.resume()
    done.wait()
    return try #require(outcome.values.first)
  }

  final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
      _ session: URLSession, task: URLSessionTask,
      willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
      completionHandler: @escaping (URLRequest?) -> Void
    ) {
      completionHandler(nil)
    }
  }
}
