import Foundation
import SOSCore
import Testing

/// A shipped scenario with its scripted paths (scenarios/playthroughs/<id>.yaml),
/// turned into the lines a trainee types in plain mode.
///
/// Paths name choices by id; what a trainee types is the number of the option at
/// that point, so each path is replayed through the engine to find the number
/// `engine.offeredChoices` puts it at. Statements are typed on one line.
struct ScriptedScenario: Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// A path as plain-mode input.
  struct Script: Sendable {
    var name: String
    /// The ending the path file says it reaches.
    var ending: String
    /// One line per step: an option number or a statement.
    var lines: [String]
    /// The engine input for each line.
    var inputs: [SessionInput]

    /// The lines, each ended with a line break, as standard input.
    var stdin: String { lines.map { $0 + "\n" }.joined() }
  }

  /// The scenario's id (also the playthrough file's name).
  var id: String
  /// The scenario's file name in scenarios/.
  var file: String
  var engine: Engine
  var scripts: [Script]

  func script(_ name: String) throws -> Script {
    guard let script = scripts.first(where: { $0.name == name }) else {
      throw Failure(description: "\(id): no path named '\(name)'")
    }
    return script
  }

  static let root = SOSProcess.repositoryRoot
  static let playthroughFolder = root.appendingPathComponent("scenarios/playthroughs")

  /// The ids of the shipped scenarios, one per file that Tests/shipped-scenarios.txt
  /// lists (a file whose id cannot be read is listed by its file name, so that its
  /// test fails loudly); an author's own file in scenarios/ is not one of them.
  static let shippedIDs: [String] = {
    let folder = root.appendingPathComponent("scenarios")
    let manifest = root.appendingPathComponent("Tests/shipped-scenarios.txt")
    let files = ((try? String(contentsOf: manifest, encoding: .utf8)) ?? "")
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    return files.map { file in
      let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
      return text.flatMap { ScenarioLoader.load(text: $0, file: file).scenario?.id } ?? file
    }
  }()

  /// Loads the scenario with this id and its playthroughs.
  static func load(_ id: String) throws -> ScriptedScenario {
    let url = playthroughFolder.appendingPathComponent("\(id).yaml")
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw Failure(description: "scenario '\(id)' has no scenarios/playthroughs/\(id).yaml")
    }
    let text = try String(contentsOf: url, encoding: .utf8)
    let playthroughs: PlaythroughScript
    switch PlaythroughScript.parse(text, file: "\(id).yaml") {
    case .success(let parsed): playthroughs = parsed
    case .failure(let failure): throw Failure(description: failure.description)
    }
    let file = playthroughs.file
    let source = try String(
      contentsOf: Self.root.appendingPathComponent("scenarios/\(file)"), encoding: .utf8)
    let loaded = ScenarioLoader.load(text: source, file: file)
    guard let scenario = loaded.scenario else {
      throw Failure(description: "\(file): \(loaded.diagnostics.map(\.headline))")
    }
    guard scenario.id == id else {
      throw Failure(description: "\(file) has id '\(scenario.id)', not '\(id)'")
    }
    let engine = Engine(scenario: scenario)
    let scripts = try playthroughs.paths.map { path in
      try script(path, engine: engine)
    }
    return ScriptedScenario(id: id, file: file, engine: engine, scripts: scripts)
  }

  /// Replays the steps through the engine, turning choice ids into option numbers.
  static func script(_ path: PlaythroughScript.Path, engine: Engine) throws -> Script {
    let name = path.name
    let ending = path.ending
    var state = engine.start(SessionOptions(seed: 7)).state
    var lines: [String] = []
    var inputs: [SessionInput] = []
    for (index, step) in path.steps.enumerated() {
      let place = "\(engine.scenario.id) \(name) step \(index + 1)"
      let line: String
      let input: SessionInput
      switch step {
      case .choose(let id):
        let offered = engine.offeredChoices(in: state)
        guard let position = offered.firstIndex(where: { $0.id == id }) else {
          throw Failure(
            description: "\(place): '\(id)' is not offered; offered: \(offered.map(\.id))")
        }
        line = String(position + 1)
        input = .choose(position + 1)
      case .write(let text):
        line = oneLine(text)
        input = .write(line)
      case .timeout:
        throw Failure(description: "\(place): plain mode cannot script a timeout")
      }
      switch engine.step(state, input) {
      case .success(let next): state = next.state
      case .failure(let error): throw Failure(description: "\(place): \(error.message)")
      }
      lines.append(line)
      inputs.append(input)
    }
    guard state.finished, state.node == ending else {
      throw Failure(description: "\(engine.scenario.id) \(name): ends at \(state.node)")
    }
    return Script(name: name, ending: ending, lines: lines, inputs: inputs)
  }

  /// The lines to type under `seed` for answers written in file order: a number k
  /// picks the node's k-th option as the file lists it, and is typed as the number
  /// the seed shows it at; any other line (a statement) is typed as it is.
  func lines(fileOrder answers: [String], seed: UInt64) throws -> [String] {
    var state = engine.start(SessionOptions(seed: seed)).state
    var lines: [String] = []
    for answer in answers {
      var line = answer
      var input = SessionInput.write(answer)
      if state.pendingWrite == nil, let k = Int(answer) {
        let node = try #require(engine.node(of: state))
        let id = node.choices[k - 1].id
        let shown = engine.offeredChoices(in: state)
        let position = try #require(shown.firstIndex { $0.id == id })
        line = String(position + 1)
        input = .choose(position + 1)
      }
      switch engine.step(state, input) {
      case .success(let next): state = next.state
      case .failure(let error): throw Failure(description: "\(id): \(error.message)")
      }
      lines.append(line)
    }
    return lines
  }

  /// The lines to type under `seed` to play to an ending taking, at the k-th decision
  /// (0-based), the option `options[k]` in file order (1 where not given), and typing
  /// `statement` at every statement.
  func lines(fileOrder options: [Int: Int], statement: String, seed: UInt64) throws -> [String] {
    var state = engine.start(SessionOptions(seed: seed)).state
    var lines: [String] = []
    var decision = 0
    while !state.finished, lines.count < 200 {
      let input: SessionInput
      if state.pendingWrite != nil {
        input = .write(statement)
        lines.append(statement)
      } else {
        let node = try #require(engine.node(of: state))
        let shown = engine.offeredChoices(in: state)
        let wanted =
          node.choices.indices.contains((options[decision] ?? 1) - 1)
          ? node.choices[(options[decision] ?? 1) - 1].id : node.choices[0].id
        let position = shown.firstIndex { $0.id == wanted } ?? 0
        input = .choose(position + 1)
        lines.append(String(position + 1))
        decision += 1
      }
      switch engine.step(state, input) {
      case .success(let next): state = next.state
      case .failure(let error): throw Failure(description: "\(id): \(error.message)")
      }
    }
    return lines
  }

  /// A statement as one typed line: line breaks become spaces.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
      .trimmingCharacters(in: .whitespaces)
  }

  /// The state after the first `count` inputs of a script.
  func state(after script: Script, count: Int) throws -> SessionState {
    switch engine.replay(Array(script.inputs.prefix(count)), options: SessionOptions(seed: 7)) {
    case .success(let transition): return transition.state
    case .failure(let error): throw Failure(description: "\(id): \(error.error.message)")
    }
  }

  /// The title of a node, as the screen shows it.
  func title(of node: String) -> String? {
    engine.scenario.nodes.first { $0.id == node }?.title
  }
}

extension String {
  /// The text with every run of white space made one space, for finding wrapped text.
  var collapsingWhitespace: String {
    split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
