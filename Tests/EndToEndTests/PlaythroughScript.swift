import Foundation
import SOSCore
import Yams

/// The scripted paths of scenarios/playthroughs/*.yaml as the standard input of
/// `sos play --seed 1` in plain mode: one option number or statement per line, each
/// number where seed 1 shows the option.
struct PlaythroughScript {
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
  static func load(_ scenario: String) throws -> [PlaythroughScript] {
    let root = SOSProcess.repositoryRoot
    let url = root.appendingPathComponent("scenarios/playthroughs/\(scenario).yaml")
    guard
      let document = try Yams.load(yaml: try String(contentsOf: url, encoding: .utf8))
        as? [String: Any], let file = document["file"] as? String,
      let paths = document["paths"] as? [[String: Any]]
    else { throw Failure(description: "\(url.path): needs file and paths") }
    let text = try String(
      contentsOf: root.appendingPathComponent("scenarios/\(file)"), encoding: .utf8)
    guard let loaded = ScenarioLoader.load(text: text, file: file).scenario else {
      throw Failure(description: "\(file) does not load")
    }
    let engine = Engine(scenario: loaded)
    return try paths.compactMap { path in
      guard let name = path["name"] as? String, let steps = path["steps"] as? [Any] else {
        throw Failure(description: "\(scenario): a path needs a name and steps")
      }
      var state = engine.start(SessionOptions(seed: Self.seed)).state
      var lines: [String] = []
      for step in steps {
        guard let map = step as? [String: Any] else { return nil }  // timed paths
        let input: SessionInput
        if let id = map["choose"] as? String {
          guard let index = engine.offeredChoices(in: state).firstIndex(where: { $0.id == id })
          else { throw Failure(description: "\(scenario) \(name): \(id) is not offered") }
          input = .choose(index + 1)
          lines.append(String(index + 1))
        } else if let statement = map["write"] as? String {
          let line = statement.replacingOccurrences(of: "\n", with: " ")
          input = .write(line)
          lines.append(line)
        } else {
          return nil
        }
        guard case .success(let next) = engine.step(state, input) else {
          throw Failure(description: "\(scenario) \(name): a step is refused")
        }
        state = next.state
      }
      return PlaythroughScript(
        scenario: scenario, path: name, stdin: lines.map { $0 + "\n" }.joined())
    }
  }
}
