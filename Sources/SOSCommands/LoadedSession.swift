import ArgumentParser
import Foundation
import SOSCore
import SOSStore

/// A session — from a portable session file or from the database — with its scenario,
/// replayed through the engine and scored. Scores are never read from anywhere: they
/// are derived here.
struct LoadedSession {
  var record: SessionRecord
  var inputs: [RecordedInput]
  var scenario: Scenario
  var scenarioText: String
  var scored: ScoredSession
  /// What the hand-in check found odd about a session file (or what import stored).
  var flags: [String] = []

  var report: ScoreReport { scored.report }

  /// The flags as lines to print after a report, or nothing.
  var flagLines: String {
    guard !flags.isEmpty else { return "" }
    return "\nThis hand-in looks edited:\n" + flags.map { "  - \($0)\n" }.joined()
  }
  var events: [SessionEvent] { scored.events }

  /// `FILE` (an existing path) is read as a session file, and must carry a scenario
  /// text the facilitator has (``HandInVerifier``) unless `trust`; anything else names
  /// a session in the database by id or id prefix.
  static func load(
    _ argument: String, database: DatabaseOptions, scenarios: String, trust: Bool
  ) throws -> LoadedSession {
    if FileManager.default.fileExists(atPath: argument) {
      switch SessionFile.load(path: argument) {
      case .failure(let error):
        Output.error(error.message + "\n")
        throw ExitStatus.badData
      case .success(let file):
        // The database is consulted only when it exists: scoring a file creates nothing.
        let store =
          (DatabaseLocation.isServer(database.path)
            || FileManager.default.fileExists(atPath: database.path))
          ? try? WorkshopDatabase.open(location: database.path) : nil
        let verifier = HandInVerifier(folder: scenarios, store: store, trust: trust)
        let flags: [String]
        switch verifier.verify(file, path: argument, strict: false) {
        case .success(let found): flags = found
        case .failure(let refusal):
          Output.error(refusal.message + "\n")
          throw ExitStatus.badData
        }
        var loaded = try scored(
          record: file.sessionRecord, inputs: file.inputs, text: file.scenario.text,
          origin: argument)
        loaded.flags = flags
        return loaded
      }
    }
    if argument.contains("/") || argument.hasSuffix(".json") {
      throw Failure.report("no such file: \(argument)", ExitStatus.missingInput)
    }
    let store = try database.openExisting()
    do {
      let record = try store.session(prefix: argument)
      guard let text = try store.scenarioText(hash: record.scenarioHash) else {
        throw Failure.report(
          "the scenario text of session \(record.shortID) is missing from the database",
          ExitStatus.badData)
      }
      var loaded = try scored(
        record: record, inputs: try store.inputs(sessionID: record.id), text: text,
        origin: "session \(record.shortID)")
      loaded.flags = record.flags
      return loaded
    } catch let error as WorkshopDatabaseError {
      throw Failure.database(error)
    }
  }

  /// Replays and scores; an input that does not replay is named, with exit 65.
  static func scored(record: SessionRecord, inputs: [RecordedInput], text: String, origin: String)
    throws -> LoadedSession
  {
    let loaded = ScenarioLoader.load(text: text, file: "\(origin) (scenario \(record.scenarioID))")
    guard let scenario = loaded.scenario else {
      throw Failure.report(
        "\(origin): its scenario does not load: "
          + (loaded.diagnostics.first?.headline ?? "unknown error"), ExitStatus.badData)
    }
    guard scenario.id == record.scenarioID else {
      throw Failure.report(
        "\(origin): the session names scenario '\(record.scenarioID)' but its text is '\(scenario.id)'",
        ExitStatus.badData)
    }
    switch ScoredSession.replay(
      scenario, inputs: inputs.map(\.input), options: record.options,
      latencies: inputs.map(\.latencyMilliseconds), choices: inputs.map(\.choice))
    {
    case .failure(let error):
      throw Failure.report(
        "\(origin): input \(error.index + 1) (inputs[\(error.index)], \(SessionReplayer.describe(error.input))) does not replay:"
          + " \(error.error.message)", ExitStatus.badData)
    case .success(let scored):
      return LoadedSession(
        record: record, inputs: inputs, scenario: scenario, scenarioText: text, scored: scored)
    }
  }

  /// The scores as a session file carries them, for people to read (never trusted).
  var scoresForFile: JSONValue? {
    guard record.status == .finished else { return nil }
    return .object([
      "overall": .number(ScoreFormat.tenths(report.overall)),
      "timeliness": .number(ScoreFormat.tenths(report.timeliness)),
      "communication": .number(ScoreFormat.tenths(report.communication)),
      "grade": .string(report.grade),
      "note": .string("for reading only: sos re-scores every session from its inputs"),
    ])
  }

}
