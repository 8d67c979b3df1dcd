import Foundation
import SOSCore
import Testing

@testable import SOSStore

/// Stored sessions and session files replayed through the engine and re-scored.
@Suite struct ReplayTests {
  static let scenarioText = """
    format: 1
    id: replay-test
    title: Replay test
    kind: recall
    cluster: preventable
    difficulty: introductory
    minutes: 10
    role: Manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers, required: true }
    start: a
    nodes:
      a:
        text: A.
        choices:
          - { id: tell, text: Tell, takes: 1h, contacts: [customers], quality: { empathy: 2 }, goto: b }
          - { id: wait, text: Wait, takes: 2h, quality: { empathy: -1 }, goto: b }
      b:
        text: B.
        choices:
          - { id: close, text: Close, takes: 1h, contacts: [customers], quality: { clarity: 1 }, goto: end }
          - { id: drop, text: Drop, takes: 1h, quality: { clarity: -1 }, goto: end }
          - { id: stall, text: Stall, takes: 1h, quality: { clarity: 0 }, goto: end }
      end: { text: E., ending: true, outcome: 80 }

    """

  static func store(
    _ database: WorkshopDatabase, text: String = scenarioText, scenarioID: String = "replay-test",
    inputs: [SessionInput], finish: Bool = true, minute: Double = 0
  ) throws -> SessionRecord {
    let session = try database.createSession(
      NewSession(
        trainee: "Ada", scenarioID: scenarioID, scenarioText: text, seed: 1, mode: .assessment,
        timed: false, started: Sample.time(minute * 60)))
    for (index, input) in inputs.enumerated() {
      try database.appendInput(
        sessionID: session.id, input: input, at: Sample.time(minute * 60 + Double(index + 1) * 10),
        latencyMilliseconds: nil)
    }
    if finish { try database.finishSession(id: session.id, at: Sample.time(minute * 60 + 90.5)) }
    return try #require(try database.session(id: session.id))
  }

  /// Stores a session that picks options by id: the number typed for each is where
  /// the session's seed shows it, and the log keeps the id beside it.
  static func store(_ database: WorkshopDatabase, picking ids: [String]) throws -> SessionRecord {
    let scenario = try #require(ScenarioLoader.load(text: scenarioText, file: "r.yaml").scenario)
    let engine = Engine(scenario: scenario)
    let session = try database.createSession(
      NewSession(
        trainee: "Ada", scenarioID: "replay-test", scenarioText: scenarioText, seed: 1,
        mode: .assessment, timed: false, started: Sample.time()))
    var state = engine.start(session.options).state
    for (index, id) in ids.enumerated() {
      let number = try #require(engine.offeredChoices(in: state).firstIndex { $0.id == id }) + 1
      state = try engine.step(state, .choose(number)).get().state
      try database.appendInput(
        sessionID: session.id, input: .choose(number), at: Sample.time(Double(index + 1) * 10),
        latencyMilliseconds: nil, choice: id)
    }
    try database.finishSession(id: session.id, at: Sample.time(90.5))
    return try #require(try database.session(id: session.id))
  }

  @Test(arguments: TestStore.engines) func aNumberThatNowStandsForAnotherOptionIsRefused(
    store: TestStore
  ) throws {
    let database = try store.make()
    let record = try Self.store(database, picking: ["tell", "close"])
    var file = try database.sessionFile(id: record.id)
    #expect(file.inputs.map(\.choice) == ["tell", "close"])
    var replayer = SessionReplayer()
    #expect(throws: Never.self) { try file.replay(using: &replayer, file: "f.json").get() }
    // The same number, but the log names the other option: edited by hand.
    file.inputs[0].choice = "wait"
    #expect(
      Self.reason(file.replay(using: &replayer, file: "f.json")).contains(
        "the log says option"))
  }

  /// The database and the session file keep an undo; the sessions replayed from them
  /// show only the decisions that still stand.
  @Test(arguments: TestStore.engines) func theLogKeepsAnUndoThatNoReplayedViewShows(
    store: TestStore
  ) throws {
    let scenario = try #require(
      ScenarioLoader.load(text: Self.scenarioText, file: "r.yaml").scenario)
    let engine = Engine(scenario: scenario)
    let database = try store.make()
    let session = try database.createSession(
      NewSession(
        trainee: "Ada", scenarioID: "replay-test", scenarioText: Self.scenarioText, seed: 1,
        mode: .practice, timed: false, started: Sample.time()))
    var state = engine.start(session.options).state
    for (index, id) in ["wait", "undo", "tell", "close"].enumerated() {
      var input = SessionInput.undo
      var choice: String?
      if id != "undo" {
        input = .choose(
          try #require(engine.offeredChoices(in: state).firstIndex { $0.id == id }) + 1)
        choice = id
      }
      state = try engine.step(state, input).get().state
      try database.appendInput(
        sessionID: session.id, input: input, at: Sample.time(Double(index + 1) * 10),
        latencyMilliseconds: nil, choice: choice)
    }
    try database.finishSession(id: session.id, at: Sample.time(90.5))

    #expect(try database.inputs(sessionID: session.id).map(\.input).contains(.undo))
    let file = try database.sessionFile(id: session.id)
    #expect(file.inputs.map(\.input).contains(.undo))
    var replayer = SessionReplayer()
    let fromFile = try file.replay(using: &replayer, file: "f.json").get()
    let fromDatabase = try #require(try database.replayedSessions().first)
    for replayed in [fromFile, fromDatabase] {
      let scored = try #require(replayed.scored)
      #expect(scored.state.inputs.contains(.undo))
      let taken = scored.events.compactMap { event -> String? in
        if case .choiceMade(_, let choice, _, _) = event { return choice }
        return nil
      }
      #expect(taken == ["tell", "close"])
      #expect(!scored.events.contains { if case .undone = $0 { true } else { false } })
      #expect(scored.report.decisions.map(\.chosen) == ["tell", "close"])
      let debrief = Debrief(scenario: scenario, report: scored.report, events: scored.events)
      #expect(debrief.timeline.filter { $0.kind == .decision }.map(\.text) == ["Tell", "Close"])
    }
  }

  @Test(arguments: TestStore.engines) func storedSessionsAreReplayedAndScored(store: TestStore)
    throws
  {
    let database = try store.make()
    let good = try Self.store(database, picking: ["tell", "close"])
    let refused = try Self.store(
      database, inputs: [.choose(1), .choose(9)], finish: false, minute: 1)
    let unloadable = try Self.store(
      database, text: Sample.scenarioText, scenarioID: "loyalty-data-exposed", inputs: [],
      minute: 2)
    let replayed = try database.replayedSessions()
    #expect(replayed.map(\.record.id) == [good.id, refused.id, unloadable.id])

    let scored = try #require(replayed[0].scored)
    #expect(scored.state.finished)
    #expect(scored.report.decisions.map(\.chosen) == ["tell", "close"])
    #expect(replayed[0].problem == nil)
    #expect(
      replayed[1].problem
        == "inputs[1] (option 9) does not replay: there is no option 9; choose 1 to 3")
    #expect(replayed[1].scored == nil)
    #expect(replayed[1].scenario?.id == "replay-test")
    #expect(replayed[2].problem?.hasPrefix("its scenario text does not load: ") == true)

    let attempt = replayed[0].attempt(trainee: "T-1234abcd")
    #expect(attempt.trainee == "T-1234abcd")
    #expect(attempt.session == good.idText)
    #expect(attempt.status == .finished)
    #expect(attempt.started == "2025-03-01T09:00:00.000Z")
    #expect(replayed[1].record.shuffles)
    #expect(attempt.finished == "2025-03-01T09:01:30.500Z")
    #expect(attempt.durationMilliseconds == 90_500)
    #expect(attempt.inputTimes == ["2025-03-01T09:00:10.000Z", "2025-03-01T09:00:20.000Z"])
    #expect(attempt.finishedReport?.overall == scored.report.overall)
    #expect(replayed[1].attempt(trainee: "Ada").finishedReport == nil)
  }

  @Test(arguments: TestStore.engines) func sessionFilesAreRefusedWhenTheyDoNotReplay(
    store: TestStore
  ) throws {
    let database = try store.make()
    let record = try Self.store(database, inputs: [.choose(2), .choose(3)])
    let file = try database.sessionFile(id: record.id)
    var replayer = SessionReplayer()
    #expect(throws: Never.self) { try file.replay(using: &replayer, file: "f.json").get() }

    var early = file
    early.inputs.removeLast()
    #expect(
      Self.reason(early.replay(using: &replayer, file: "f.json"))
        == "the file says the session is finished, but its inputs stop before an ending (at 'b')")
    early.status = .active
    #expect(throws: Never.self) { try early.replay(using: &replayer, file: "f.json").get() }

    var impossible = file
    impossible.inputs[0].input = .choose(5)
    #expect(
      Self.reason(impossible.replay(using: &replayer, file: "f.json"))
        == "inputs[0] (option 5) does not replay: there is no option 5; choose 1 to 2")

    var other = file
    other.scenario = SessionFile.Scenario(id: "another-id", text: Self.scenarioText)
    #expect(
      Self.reason(other.replay(using: &replayer, file: "f.json"))
        == "the session names scenario 'another-id' but its text is scenario 'replay-test'")

    var broken = file
    broken.scenario = SessionFile.Scenario(id: "replay-test", text: Self.scenarioText + "  bad: [")
    let reason = Self.reason(broken.replay(using: &replayer, file: "f.json"))
    #expect(reason.hasPrefix("its scenario text does not load: "))
  }

  static func reason(_ result: Result<ReplayedSession, SessionFileError>) -> String {
    if case .failure(let error) = result { return error.reason }
    return "(replayed)"
  }
}
