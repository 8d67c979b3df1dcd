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
    let scenarios = ShippedBank.files
    #expect(scenarios.count >= 10, "Tests/shipped-scenarios.txt lists \(scenarios.count) files")
    for scenario in scenarios {
      let path = Self.root.appendingPathComponent("scenarios/\(scenario)").path
      #expect(FileManager.default.fileExists(atPath: path), "no scenarios/\(scenario)")
    }
    let covered = try Self.playthroughFiles.map { try PlaythroughScript.load($0).file }
    for scenario in scenarios {
      #expect(covered.contains(scenario), "scenarios/\(scenario) has no playthroughs")
    }
  }

  @Test(arguments: PlaythroughTests.playthroughFiles)
  func pathsReachTheirEndings(name: String) throws {
    let playthroughs = try PlaythroughScript.load(name)
    let engine = try playthroughs.engine()
    var reached: Set<String> = []
    for path in playthroughs.paths {
      let outcome = try path.play(on: engine, options: SessionOptions(seed: 1)).get()
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

extension PlaythroughScript {
  /// Reads scenarios/playthroughs/`name`.
  static func load(_ name: String) throws -> PlaythroughScript {
    let url = PlaythroughTests.root.appendingPathComponent("scenarios/playthroughs/\(name)")
    return try parse(try String(contentsOf: url, encoding: .utf8), file: name).get()
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
