import Foundation
import Testing
import Yams

@testable import SOSCore

/// Plays every path in scenarios/playthroughs/*.yaml through the engine: each step
/// must be on offer, the path must end at the ending it names, and together the
/// paths of a scenario must reach every one of its endings.
@Suite struct PlaythroughTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static var playthroughFiles: [String] {
    let folder = root.appendingPathComponent("scenarios/playthroughs").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }

  @Test func everyShippedScenarioHasPlaythroughs() throws {
    let scenarios = try FileManager.default.contentsOfDirectory(
      atPath: Self.root.appendingPathComponent("scenarios").path
    ).filter { $0.hasSuffix(".yaml") }
    let covered = try Self.playthroughFiles.map { try Playthroughs.load($0).file }
    for scenario in scenarios {
      #expect(covered.contains(scenario), "scenarios/\(scenario) has no playthroughs")
    }
  }

  @Test(arguments: PlaythroughTests.playthroughFiles)
  func pathsReachTheirEndings(name: String) throws {
    let playthroughs = try Playthroughs.load(name)
    let engine = try playthroughs.engine()
    var reached: Set<String> = []
    for path in playthroughs.paths {
      let outcome = try path.play(on: engine)
      #expect(outcome.state.finished, "\(name) \(path.name): did not finish")
      #expect(
        outcome.state.node == path.ending, "\(name) \(path.name): ended at \(outcome.state.node)")
      reached.insert(outcome.state.node)
      let report = try Scorer(engine: engine).score(
        inputs: outcome.state.inputs, options: outcome.state.options
      ).get()
      #expect((0...100).contains(report.overall))
      if let minimum = path.minOverall {
        #expect(report.overall >= minimum, "\(name) \(path.name): \(report.summary)")
      }
      if let maximum = path.maxOverall {
        #expect(report.overall <= maximum, "\(name) \(path.name): \(report.summary)")
      }
    }
    let endings = Set(engine.scenario.endings.map(\.id))
    #expect(
      reached == endings, "\(name): no tested path reaches \(endings.subtracting(reached).sorted())"
    )
  }
}

/// One file of scenarios/playthroughs.
struct Playthroughs {
  var scenario: String
  var file: String
  var paths: [Path]

  struct Path {
    var name: String
    var ending: String
    var minOverall: Double?
    var maxOverall: Double?
    var steps: [Step]
  }

  enum Step {
    case choose(String)
    case write(String)
    case timeout
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func load(_ name: String) throws -> Playthroughs {
    let url = PlaythroughTests.root.appendingPathComponent("scenarios/playthroughs/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    guard let root = try Yams.load(yaml: text) as? [String: Any],
      let scenario = root["scenario"] as? String, let file = root["file"] as? String,
      let paths = root["paths"] as? [[String: Any]]
    else { throw Failure(description: "\(name): needs scenario, file and paths") }
    return Playthroughs(
      scenario: scenario, file: file,
      paths: try paths.map { path in
        guard let pathName = path["name"] as? String, let ending = path["ending"] as? String,
          let steps = path["steps"] as? [Any]
        else { throw Failure(description: "\(name): a path needs name, ending and steps") }
        return Path(
          name: pathName, ending: ending,
          minOverall: (path["min_overall"] as? Int).map(Double.init),
          maxOverall: (path["max_overall"] as? Int).map(Double.init),
          steps: try steps.map { step in
            if let word = step as? String, word == "timeout" { return .timeout }
            if let map = step as? [String: Any] {
              if let id = map["choose"] as? String { return .choose(id) }
              if let text = map["write"] as? String { return .write(text) }
            }
            throw Failure(description: "\(name) \(pathName): bad step \(step)")
          })
      })
  }

  func engine() throws -> Engine {
    let url = PlaythroughTests.root.appendingPathComponent("scenarios/\(file)")
    let result = ScenarioLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: file)
    guard let scenario = result.scenario else {
      throw Failure(description: "\(file): \(result.diagnostics.map(\.headline))")
    }
    #expect(scenario.id == self.scenario)
    return Engine(scenario: scenario)
  }
}

extension Playthroughs.Path {
  /// Plays the path, mapping each choice id to its number among the offered options.
  func play(on engine: Engine, options: SessionOptions = SessionOptions(seed: 1)) throws
    -> Engine.Transition
  {
    var transition = engine.start(options)
    for (index, step) in steps.enumerated() {
      let input: SessionInput
      switch step {
      case .choose(let id):
        let offered = engine.offeredChoices(in: transition.state)
        guard let position = offered.firstIndex(where: { $0.id == id }) else {
          throw Playthroughs.Failure(
            description:
              "\(name) step \(index + 1): '\(id)' is not offered at \(transition.state.node); offered: \(offered.map(\.id))"
          )
        }
        input = .choose(position + 1)
      case .write(let text):
        input = .write(text)
      case .timeout:
        input = .timeout
      }
      switch engine.step(transition.state, input) {
      case .success(let next):
        transition = Engine.Transition(
          state: next.state, events: transition.events + next.events)
      case .failure(let error):
        throw Playthroughs.Failure(
          description: "\(name) step \(index + 1): \(error.message)")
      }
    }
    return transition
  }
}

extension ScoreReport {
  /// The scores in one line, for a failed expectation.
  var summary: String {
    let parts = [
      "overall \(Int(overall.rounded()))", "timeliness \(Int(timeliness.rounded()))",
      "communication \(Int(communication.rounded()))", "outcome \(Int(outcome))",
    ]
    let costs = ledger.sorted { $0.shortfall > $1.shortfall }.prefix(6).map {
      "  -\(Int($0.shortfall.rounded())) \($0.component.rawValue) \($0.reason)"
    }
    return parts.joined(separator: ", ") + "\n" + costs.joined(separator: "\n")
  }
}
