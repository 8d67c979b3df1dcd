import SOSCore
import Yams

/// One file of `scenarios/playthroughs`: scripted paths through a scenario, each
/// step a choice id, a typed statement or a timeout (the format the root package's
/// `PlaythroughTests` checks).
struct Playthroughs: Sendable {
  /// A scripted path, such as `strong` or `poor`.
  struct Path: Sendable {
    var name: String
    var steps: [Step]
  }

  /// One step of a path, as written in the file.
  enum Step: Sendable {
    case choose(String)
    case write(String)
    case timeout
  }

  /// The file, as named in messages.
  var source: String
  /// The scenario's id.
  var scenario: String
  /// The scenario's file name inside `scenarios/`.
  var file: String
  var paths: [Path]

  /// Reads a playthrough file's text.
  static func parse(_ text: String, file source: String) throws -> Playthroughs {
    let loaded: Any?
    do {
      loaded = try Yams.load(yaml: text)
    } catch {
      throw ShippedBank.Failure(description: "\(source): \(error)")
    }
    guard let root = loaded as? [String: Any], let scenario = root["scenario"] as? String,
      let file = root["file"] as? String, let paths = root["paths"] as? [[String: Any]]
    else {
      throw ShippedBank.Failure(description: "\(source): needs scenario, file and paths")
    }
    return Playthroughs(
      source: source, scenario: scenario, file: file,
      paths: try paths.map { path in
        guard let name = path["name"] as? String, let steps = path["steps"] as? [Any] else {
          throw ShippedBank.Failure(description: "\(source): a path needs a name and steps")
        }
        return Path(name: name, steps: try steps.map { try step($0, in: source) })
      })
  }

  private static func step(_ value: Any, in source: String) throws -> Step {
    if let word = value as? String, word == "timeout" { return .timeout }
    if let map = value as? [String: Any] {
      if let id = map["choose"] as? String { return .choose(id) }
      if let text = map["write"] as? String { return .write(text) }
    }
    throw ShippedBank.Failure(description: "\(source): a step that is not understood: \(value)")
  }

  /// Every statement typed on any path, in file order.
  var statements: [String] {
    paths.flatMap { path in
      path.steps.compactMap { step in
        if case .write(let text) = step { return text }
        return nil
      }
    }
  }
}

extension Playthroughs.Path {
  /// The path as engine inputs: each choice id becomes its 1-based number among the
  /// options offered at that point, as a trainee would type it.
  func inputs(on engine: Engine, options: SessionOptions = SessionOptions(seed: 1)) throws
    -> [SessionInput]
  {
    var state = engine.start(options).state
    var inputs: [SessionInput] = []
    for (index, step) in steps.enumerated() {
      let input: SessionInput
      switch step {
      case .choose(let id):
        let offered = engine.offeredChoices(in: state)
        guard let position = offered.firstIndex(where: { $0.id == id }) else {
          throw ShippedBank.Failure(
            description: "\(name) step \(index + 1): '\(id)' is not offered at \(state.node)")
        }
        input = .choose(position + 1)
      case .write(let text):
        input = .write(text)
      case .timeout:
        input = .timeout
      }
      switch engine.step(state, input) {
      case .success(let next):
        state = next.state
      case .failure(let error):
        throw ShippedBank.Failure(description: "\(name) step \(index + 1): \(error.message)")
      }
      inputs.append(input)
    }
    return inputs
  }
}
