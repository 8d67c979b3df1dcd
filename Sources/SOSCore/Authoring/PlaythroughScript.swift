import Yams

/// Scripted paths through one scenario: each path names its options by id (so the
/// shuffled order does not matter), types its statements, and says which ending it
/// must reach and within which scores. scenarios/playthroughs holds one per shipped
/// scenario; `sos playtest SCENARIO --paths FILE` plays one.
///
/// ```yaml
/// scenario: no-chicken
/// file: supply-chain.yaml
/// paths:
///   - name: strong
///     ending: better-than-before
///     min_overall: 90
///     steps:
///       - choose: crisis-call
///       - write: We're sorry. ...
///       - timeout
/// ```
public struct PlaythroughScript: Hashable, Sendable {
  /// The id of the scenario the paths play.
  public var scenario: String
  /// The scenario's file name, relative to the scenario folder.
  public var file: String
  public var paths: [Path]

  /// One scripted path.
  public struct Path: Hashable, Sendable {
    public var name: String
    public var ending: String
    public var minOverall: Double?
    public var maxOverall: Double?
    public var steps: [Step]
  }

  /// One input of a path.
  public enum Step: Hashable, Sendable {
    case choose(String)
    case write(String)
    case timeout
  }

  /// Why a script could not be read or a path could not be played.
  public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Reads a script from YAML text; `file` names it in messages.
  public static func parse(_ text: String, file: String) -> Result<PlaythroughScript, Failure> {
    guard let loaded = try? Yams.load(yaml: text) else {
      return .failure(Failure(description: "\(file): error: not valid YAML"))
    }
    guard let root = loaded as? [String: Any], let scenario = root["scenario"] as? String,
      let scenarioFile = root["file"] as? String, let paths = root["paths"] as? [[String: Any]]
    else {
      return .failure(
        Failure(description: "\(file): error: needs 'scenario', 'file' and a list of 'paths'"))
    }
    var parsed: [Path] = []
    for path in paths {
      guard let name = path["name"] as? String, let ending = path["ending"] as? String,
        let steps = path["steps"] as? [Any]
      else {
        return .failure(
          Failure(description: "\(file): error: every path needs 'name', 'ending' and 'steps'"))
      }
      var parsedSteps: [Step] = []
      for step in steps {
        if let word = step as? String, word == "timeout" {
          parsedSteps.append(.timeout)
        } else if let map = step as? [String: Any], let id = map["choose"] as? String {
          parsedSteps.append(.choose(id))
        } else if let map = step as? [String: Any], let text = map["write"] as? String {
          parsedSteps.append(.write(text))
        } else {
          return .failure(
            Failure(
              description:
                "\(file): error: path '\(name)': a step is 'choose: ID', 'write: TEXT' or 'timeout'"
            ))
        }
      }
      parsed.append(
        Path(
          name: name, ending: ending, minOverall: Self.number(path["min_overall"]),
          maxOverall: Self.number(path["max_overall"]), steps: parsedSteps))
    }
    return .success(PlaythroughScript(scenario: scenario, file: scenarioFile, paths: parsed))
  }

  static func number(_ value: Any?) -> Double? {
    if let value = value as? Int { return Double(value) }
    return value as? Double
  }
}

extension PlaythroughScript.Path {
  /// Plays the path, each option id becoming its number among the options offered.
  public func play(on engine: Engine, options: SessionOptions) -> Result<
    Engine.Transition, PlaythroughScript.Failure
  > {
    var transition = engine.start(options)
    for (index, step) in steps.enumerated() {
      let input: SessionInput
      switch step {
      case .choose(let id):
        let offered = engine.offeredChoices(in: transition.state)
        guard let position = offered.firstIndex(where: { $0.id == id }) else {
          return .failure(
            PlaythroughScript.Failure(
              description:
                "\(name) step \(index + 1): '\(id)' is not offered at '\(transition.state.node)';"
                + " offered: \(offered.map(\.id).joined(separator: ", "))"))
        }
        input = .choose(position + 1)
      case .write(let text):
        input = .write(text)
      case .timeout:
        input = .timeout
      }
      switch engine.step(transition.state, input) {
      case .success(let next):
        transition = Engine.Transition(state: next.state, events: transition.events + next.events)
      case .failure(let error):
        return .failure(
          PlaythroughScript.Failure(description: "\(name) step \(index + 1): \(error.message)"))
      }
    }
    return .success(transition)
  }

  /// What playing the path under `seed` showed: its ending and scores, and any way it
  /// missed what the script asks of it.
  public func check(on engine: Engine, seed: UInt64) -> (
    report: ScoreReport?, ending: String?, problems: [String]
  ) {
    let options = SessionOptions(mode: .assessment, timed: false, seed: seed)
    let transition: Engine.Transition
    switch play(on: engine, options: options) {
    case .success(let played): transition = played
    case .failure(let failure): return (nil, nil, [failure.description])
    }
    var problems: [String] = []
    let state = transition.state
    let ending = state.finished ? state.node : nil
    if !state.finished {
      problems.append("\(name): did not finish (stopped at '\(state.node)')")
    } else if state.node != self.ending {
      problems.append("\(name): ended at '\(state.node)', not '\(self.ending)'")
    }
    guard
      let report = try? Scorer(engine: engine).score(inputs: state.inputs, options: options).get()
    else { return (nil, ending, problems + ["\(name): could not be scored"]) }
    if let minOverall, report.overall < minOverall {
      problems.append(
        "\(name): overall \(ScoreFormat.points(report.overall)), below \(ScoreFormat.points(minOverall))"
      )
    }
    if let maxOverall, report.overall > maxOverall {
      problems.append(
        "\(name): overall \(ScoreFormat.points(report.overall)), above \(ScoreFormat.points(maxOverall))"
      )
    }
    return (report, ending, problems)
  }
}
