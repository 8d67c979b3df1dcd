import SOSCore

/// Replays sessions through the engine and re-scores them, loading each scenario text
/// once (by its SHA-256). Scores are never read from a file or the database.
///
/// ```swift
/// var replayer = SessionReplayer()
/// let replayed = replayer.replay(record, inputs: inputs, scenarioText: text)
/// print(replayed.scored?.report.overall ?? replayed.problem ?? "")
/// ```
public struct SessionReplayer: Sendable {
  private var scenarios: [String: Result<Scenario, ScenarioProblem>] = [:]

  /// Why a scenario text cannot be used.
  public struct ScenarioProblem: Error, Hashable, Sendable {
    /// The problem in words.
    public var message: String
  }

  /// Creates a replayer with an empty cache.
  public init() {}

  /// The scenario in `text` (whose SHA-256 is `hash`), loaded and validated once; it
  /// must be the scenario `id`.
  public mutating func scenario(text: String, hash: String, id: String) -> Result<
    Scenario, ScenarioProblem
  > {
    let loaded: Result<Scenario, ScenarioProblem>
    if let known = scenarios[hash] {
      loaded = known
    } else {
      let result = ScenarioLoader.load(text: text, file: "\(id) (sha256 \(hash.prefix(12)))")
      if let scenario = result.scenario {
        loaded = .success(scenario)
      } else {
        let first = result.diagnostics.first { $0.severity == .error }?.headline ?? "unknown error"
        loaded = .failure(ScenarioProblem(message: "its scenario text does not load: \(first)"))
      }
      scenarios[hash] = loaded
    }
    if case .success(let scenario) = loaded, scenario.id != id {
      return .failure(
        ScenarioProblem(
          message: "the session names scenario '\(id)' but its text is scenario '\(scenario.id)'"))
    }
    return loaded
  }

  /// Replays a session's inputs on its scenario text (`nil` when the text is missing).
  public mutating func replay(
    _ record: SessionRecord, inputs: [RecordedInput], scenarioText: String?
  ) -> ReplayedSession {
    func failed(_ problem: String, scenario: Scenario? = nil) -> ReplayedSession {
      ReplayedSession(
        record: record, inputs: inputs, scenario: scenario, scored: nil, problem: problem)
    }
    guard let scenarioText else {
      return failed("its scenario text (sha256 \(record.scenarioHash)) is missing")
    }
    let scenario: Scenario
    switch self.scenario(text: scenarioText, hash: record.scenarioHash, id: record.scenarioID) {
    case .success(let value): scenario = value
    case .failure(let problem): return failed(problem.message)
    }
    switch ScoredSession.replay(
      scenario, inputs: inputs.map(\.input), options: record.options,
      latencies: inputs.map(\.latencyMilliseconds), choices: inputs.map(\.choice))
    {
    case .success(let scored):
      return ReplayedSession(
        record: record, inputs: inputs, scenario: scenario, scored: scored, problem: nil)
    case .failure(let error):
      return failed(Self.describe(error), scenario: scenario)
    }
  }

  /// `inputs[3] (option 7) does not replay: there is no option 7; choose 1 to 4`.
  public static func describe(_ error: Engine.ReplayError) -> String {
    "inputs[\(error.index)] (\(describe(error.input))) does not replay: \(error.error.message)"
  }

  /// An input in a few words, for messages: `option 2`, `statement "We are…"`.
  public static func describe(_ input: SessionInput) -> String {
    switch input {
    case .choose(let number): return "option \(number)"
    case .write(let text):
      let short = text.count > 30 ? String(text.prefix(30)) + "…" : text
      return "statement \"\(short)\""
    case .timeout: return "a timeout"
    case .undo: return "undo"
    case .inject(let id): return "inject '\(id)'"
    }
  }
}
