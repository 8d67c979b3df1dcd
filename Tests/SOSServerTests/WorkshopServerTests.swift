import Foundation
import Logging
import SOSCore
import SOSLive
import SOSStore
import Testing

@testable import SOSServer

/// The hub's rules without a network: rooms, joins, answers, injects and the board,
/// over a database in memory and a clock the test moves.
@Suite struct WorkshopHubTests {
  static let scenarioText = """
    format: 1
    id: hub-test
    title: Hub test
    kind: pr-disaster
    cluster: preventable
    difficulty: introductory
    minutes: 10
    role: Head of communications
    briefing: A test.
    stakeholders:
      press: { label: Press }
    injects:
      - id: journalist
        manual: true
        text: A journalist is on the phone.
        goto: call
    start: first
    nodes:
      first:
        text: The video is out.
        choices:
          - { id: post, text: Post, takes: 1h, quality: { clarity: 2 }, goto: second }
          - { id: wait, text: Wait, takes: 1h, quality: { clarity: 0 }, goto: second }
      call:
        text: The journalist waits.
        choices:
          - { id: answer, text: Answer, takes: 15m, contacts: [press], quality: { clarity: 2 }, goto: return }
      second:
        text: Later.
        choices:
          - { id: close, text: Close, takes: 1h, quality: { clarity: 1 }, goto: done }
      done: { text: Done., ending: true, outcome: 80 }

    """

  final class Clock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
  }

  static func hub(clock: Clock = Clock()) throws -> WorkshopHub {
    WorkshopHub(
      database: try WorkshopDatabase.inMemory(), logger: Logger(label: "test"),
      now: { clock.now })
  }

  static func open(_ hub: WorkshopHub) async throws -> (LiveAPI.OpenedRoom, RoomRecord) {
    let opened = try await hub.openRoom(
      LiveAPI.OpenRoom(
        cohort: "spring", scenarioFile: "hub.yaml", scenarioText: scenarioText,
        mode: "assessment", timed: false), boardBase: "http://127.0.0.1:7717")
    let room = try await hub.authorizedRoom(opened.code, token: opened.token)
    return (opened, room)
  }

  static func input(_ sequence: Int, _ input: SessionInput) -> LiveAPI.Input {
    LiveAPI.Input(sequence: sequence, input: input, choice: nil, latencyMs: 500)
  }

  @Test func anAnswerIsStoredOnceAndRepeatsChangeNothing() async throws {
    let hub = try Self.hub()
    let (opened, _) = try await Self.open(hub)
    #expect(opened.board == "http://127.0.0.1:7717/board/" + opened.code)
    let joined = try await hub.join(LiveAPI.Join(code: opened.code.lowercased(), name: "Ada"))
    let first = try await hub.submit(
      Self.input(0, .choose(1)), session: joined.session, token: joined.token)
    #expect(first.inputs == 1 && !first.duplicate)
    let again = try await hub.submit(
      Self.input(0, .choose(1)), session: joined.session, token: joined.token)
    #expect(again.inputs == 1 && again.duplicate)
    await #expect(throws: HubError.self) {
      try await hub.submit(Self.input(0, .choose(2)), session: joined.session, token: joined.token)
    }
    await #expect(throws: HubError.self) {
      try await hub.submit(Self.input(1, .choose(1)), session: joined.session, token: "forged")
    }
    let stored = try await hub.database.inputs(
      sessionID: try #require(UUID(uuidString: joined.session)))
    #expect(stored.map(\.input) == [.choose(1)])
    // Option 1 is the first option shown in the session's own (seeded) order.
    let scenario = try #require(
      ScenarioLoader.load(text: Self.scenarioText, file: "hub.yaml").scenario)
    let engine = Engine(scenario: scenario)
    let shown = engine.offeredChoices(
      in: engine.start(SessionOptions(seed: joined.seed, shuffles: joined.shuffles)).state)
    #expect(stored.first?.choice == shown.first?.id)
  }

  @Test func aFiredInjectWaitsUntilTakenOnce() async throws {
    let hub = try Self.hub()
    let (opened, room) = try await Self.open(hub)
    let ada = try await hub.join(LiveAPI.Join(code: opened.code, name: "Ada"))
    #expect(try await hub.inbox(session: ada.session, token: ada.token).injects.isEmpty)
    #expect(try await hub.fire(room, inject: "journalist", trainee: nil) == 1)
    // Someone who joins after the inject does not get it.
    let late = try await hub.join(LiveAPI.Join(code: opened.code, name: "Late"))
    #expect(try await hub.inbox(session: late.session, token: late.token).injects.isEmpty)
    let waiting = try await hub.inbox(session: ada.session, token: ada.token)
    #expect(waiting.injects.map(\.value) == ["journalist"])
    _ = try await hub.submit(
      Self.input(0, .inject("journalist")), session: ada.session, token: ada.token)
    #expect(try await hub.inbox(session: ada.session, token: ada.token).injects.isEmpty)
    // Taking it twice is refused: it was fired once.
    await #expect(throws: HubError.self) {
      try await hub.submit(
        Self.input(1, .inject("journalist")), session: ada.session, token: ada.token)
    }
    await #expect(throws: HubError.self) {
      try await hub.fire(room, inject: "nope", trainee: nil)
    }
    let board = try await hub.board(room)
    #expect(board.trainees.map(\.place) == ["call", "first"])
  }

  @Test func theBoardShowsWhereEveryoneIsAndWhoIsIdle() async throws {
    let clock = Clock()
    let hub = try Self.hub(clock: clock)
    let (opened, room) = try await Self.open(hub)
    let ada = try await hub.join(LiveAPI.Join(code: opened.code, name: "Ada"))
    let bob = try await hub.join(LiveAPI.Join(code: opened.code, name: "Bob"))
    _ = try await hub.submit(Self.input(0, .choose(1)), session: ada.session, token: ada.token)
    _ = try await hub.submit(Self.input(1, .choose(1)), session: ada.session, token: ada.token)
    clock.now += 300
    _ = try await hub.submit(Self.input(0, .choose(2)), session: bob.session, token: bob.token)
    let board = try await hub.board(room)
    #expect(board.finished == 1)
    #expect(board.trainees.first { $0.name == "Ada" }?.finished == true)
    #expect(board.trainees.first { $0.name == "Bob" }?.status == "playing")
    #expect(board.places.map(\.node) == ["second"])
    #expect(board.decisions.first?.options.reduce(0) { $0 + $1.count } == 2)
    clock.now += 600
    let later = try await hub.board(room)
    #expect(later.idle == 1)
    #expect(later.trainees.first { $0.name == "Bob" }?.status == "idle 10 min")
  }

  @Test func aPausedOrClosedRoomSaysSo() async throws {
    let hub = try Self.hub()
    let (opened, room) = try await Self.open(hub)
    let ada = try await hub.join(LiveAPI.Join(code: opened.code, name: "Ada"))
    try await hub.setPaused(room, true)
    #expect(try await hub.inbox(session: ada.session, token: ada.token).paused)
    try await hub.broadcast(room, text: "  Five minutes left  ")
    #expect(
      try await hub.inbox(session: ada.session, token: ada.token).messages.map(\.value)
        == ["Five minutes left"])
    try await hub.close(room)
    let inbox = try await hub.inbox(session: ada.session, token: ada.token)
    #expect(inbox.closed && !inbox.paused)
    await #expect(throws: HubError.self) {
      try await hub.submit(Self.input(0, .choose(1)), session: ada.session, token: ada.token)
    }
    await #expect(throws: HubError.self) {
      try await hub.join(LiveAPI.Join(code: opened.code, name: "Bob"))
    }
  }

  @Test func practiceUndoAndOneTraineesInjectReplayOnTheServer() async throws {
    let hub = try Self.hub()
    let opened = try await hub.openRoom(
      LiveAPI.OpenRoom(
        cohort: "practice", scenarioFile: "hub.yaml", scenarioText: Self.scenarioText,
        mode: "practice", timed: false), boardBase: "")
    let room = try await hub.authorizedRoom(opened.code, token: opened.token)
    let ada = try await hub.join(LiveAPI.Join(code: opened.code, name: "Ada"))
    let bob = try await hub.join(LiveAPI.Join(code: opened.code, name: "Bob"))
    _ = try await hub.submit(Self.input(0, .choose(1)), session: ada.session, token: ada.token)
    _ = try await hub.submit(Self.input(1, .undo), session: ada.session, token: ada.token)
    _ = try await hub.fire(room, inject: "journalist", trainee: "Bob")
    #expect(try await hub.inbox(session: ada.session, token: ada.token).injects.isEmpty)
    #expect(
      try await hub.inbox(session: bob.session, token: bob.token).injects.map(\.value)
        == ["journalist"])
    let board = try await hub.board(room)
    #expect(board.trainees.first { $0.name == "Ada" }?.decisions == 0)
    await #expect(throws: HubError.self) {
      try await hub.fire(room, inject: "journalist", trainee: "Nobody")
    }
  }

  /// A trainee's client is not trusted: places far out of range are refused, not
  /// counted on (answer Int.max + 1 once stopped the server).
  @Test func answersOutOfPlaceAreRefusedWithoutStoppingTheServer() async throws {
    let hub = try Self.hub()
    let (opened, _) = try await Self.open(hub)
    let ada = try await hub.join(LiveAPI.Join(code: opened.code, name: "Ada"))
    for sequence in [Int.max, Int.min, -1, 5] {
      await #expect(throws: HubError.self) {
        try await hub.submit(
          Self.input(sequence, .choose(1)), session: ada.session, token: ada.token)
      }
    }
    let inbox = try await hub.inbox(session: ada.session, token: ada.token)
    #expect(inbox.inputs == 0)
  }

  /// A name is counted in what it is made of as well as in what it shows: one letter
  /// under thousands of combining marks is one character, and smears over the board.
  @Test func aNameOfStackedMarksIsRefused() async throws {
    let hub = try Self.hub()
    let (opened, _) = try await Self.open(hub)
    let smeared = "e" + String(repeating: "\u{0301}", count: 5000)
    #expect(smeared.count == 1)
    await #expect(throws: HubError.self) {
      try await hub.join(LiveAPI.Join(code: opened.code, name: smeared))
    }
    // Names in scripts that combine marks still fit.
    _ = try await hub.join(LiveAPI.Join(code: opened.code, name: "Nguyễn Thị Ánh"))
    _ = try await hub.join(LiveAPI.Join(code: opened.code, name: "अनुष्का शर्मा"))
  }

  /// An inject fired to a trainee who has finished reaches nobody, and says so.
  @Test func anInjectForSomeoneFinishedIsRefused() async throws {
    let hub = try Self.hub()
    let (opened, room) = try await Self.open(hub)
    let ada = try await hub.join(LiveAPI.Join(code: opened.code, name: "Ada"))
    _ = try await hub.submit(Self.input(0, .choose(1)), session: ada.session, token: ada.token)
    let last = try await hub.submit(
      Self.input(1, .choose(1)), session: ada.session, token: ada.token)
    #expect(last.inbox.inputs == 2)
    #expect(try await hub.board(room).trainees.first?.finished == true)
    await #expect(throws: HubError.self) {
      try await hub.fire(room, inject: "journalist", trainee: "Ada")
    }
    #expect(try await hub.fire(room, inject: "journalist", trainee: nil) == 0)
  }

  @Test func namesInAnotherCaseAndAbsurdLatenciesAreRefused() async throws {
    let hub = try Self.hub()
    let (opened, _) = try await Self.open(hub)
    let ada = try await hub.join(LiveAPI.Join(code: opened.code, name: "Mallory"))
    await #expect(throws: HubError.self) {
      try await hub.join(LiveAPI.Join(code: opened.code, name: "MALLORY"))
    }
    var late = Self.input(0, .choose(1))
    late.latencyMs = WorkshopHub.latencyLimit + 1
    await #expect(throws: HubError.self) {
      try await hub.submit(late, session: ada.session, token: ada.token)
    }
    late.latencyMs = WorkshopHub.latencyLimit
    #expect(try await hub.submit(late, session: ada.session, token: ada.token).inputs == 1)
  }

  @Test func aFullRoomTakesNobodyMore() async throws {
    let hub = WorkshopHub(
      database: try WorkshopDatabase.inMemory(), logger: Logger(label: "test"), roomLimit: 3)
    let (opened, _) = try await Self.open(hub)
    for name in ["A", "B", "C"] {
      _ = try await hub.join(LiveAPI.Join(code: opened.code, name: name))
    }
    await #expect(
      throws: HubError.conflict(
        "room \(opened.code) is full (3 trainees); ask the facilitator to open another")
    ) {
      try await hub.join(LiveAPI.Join(code: opened.code, name: "D"))
    }
  }

  @Test func aScenarioWithErrorsOpensNoRoom() async throws {
    let hub = try Self.hub()
    await #expect(throws: HubError.self) {
      try await hub.openRoom(
        LiveAPI.OpenRoom(
          cohort: "spring", scenarioFile: "bad.yaml", scenarioText: "format: 1\nid: [",
          mode: "assessment", timed: false), boardBase: "")
    }
  }
}

@Suite struct LiveWordsTests {
  @Test func joinCodesAreReadableAndRandom() {
    var seen: Set<String> = []
    for _ in 0..<500 {
      let code = JoinCode.make()
      #expect(code.count == 11)
      #expect(!code.contains { "01OIL".contains($0) })
      #expect(JoinCode.normalized(code) == code)
      seen.insert(code)
    }
    #expect(seen.count == 500)
    #expect(JoinCode.normalized("kxt 4mp q9w") == "KXT-4MP-Q9W")
    #expect(JoinCode.normalized("KXT-4MP-Q9") == nil)
    #expect(JoinCode.normalized("KXT-4MP-Q9O") == nil)
  }

  @Test func tokensMatchOnlyThemselves() {
    let token = LiveSecret.make()
    #expect(token.count == 64)
    #expect(LiveSecret.matches(token, hash: LiveSecret.hash(token)))
    #expect(!LiveSecret.matches(token + "x", hash: LiveSecret.hash(token)))
    #expect(!LiveSecret.matches("", hash: LiveSecret.hash(token)))
  }

  @Test func listenAddresses() {
    #expect(ListenAddress("0.0.0.0:7717") == ListenAddress(host: "0.0.0.0", port: 7717))
    #expect(ListenAddress(":8080") == ListenAddress(host: "127.0.0.1", port: 8080))
    #expect(ListenAddress("[::1]:7717") == ListenAddress(host: "::1", port: 7717))
    #expect(ListenAddress("7717") == nil)
    #expect(ListenAddress("host:99999") == nil)
    #expect(ListenAddress.standard.isLoopback)
    #expect(ListenAddress("0.0.0.0:1")?.isLoopback == false)
  }
}
