import Foundation
import SOSCore

/// The scripted paths of scenarios/playthroughs/*.yaml as the standard input of
/// `sos play --seed 1` in plain mode: one option number or statement per line, each
/// number where seed 1 shows the option.
struct TypedPlaythrough {
  var scenario: String
  var path: String
  /// The lines to type, each ending in a newline.
  var stdin: String

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The seed the scripts are laid out for: play them with `--seed 1`.
  static let seed: UInt64 = 1

  /// Every untimed path of the playthroughs of `scenario` (its id).
  static func load(_ scenario: String) throws -> [TypedPlaythrough] {
    let root = SOSProcess.repositoryRoot
    let url = root.appendingPathComponent("scenarios/playthroughs/\(scenario).yaml")
    let script = try PlaythroughScript.parse(
      try String(contentsOf: url, encoding: .utf8), file: url.path
    ).get()
    let text = try String(
      contentsOf: root.appendingPathComponent("scenarios/\(script.file)"), encoding: .utf8)
    guard let loaded = ScenarioLoader.load(text: text, file: script.file).scenario else {
      throw Failure(description: "\(script.file) does not load")
    }
    let engine = Engine(scenario: loaded)
    return try script.paths.compactMap { path in
      guard !path.steps.contains(.timeout) else { return nil }  // timed paths
      let played = try path.play(on: engine, options: SessionOptions(seed: Self.seed)).get()
      let lines = played.state.inputs.map { input in
        switch input {
        case .choose(let number): String(number)
        case .write(let text): text.replacingOccurrences(of: "\n", with: " ")
        default: ""
        }
      }
      return TypedPlaythrough(
        scenario: scenario, path: path.name, stdin: lines.map { $0 + "\n" }.joined())
    }
  }
}
