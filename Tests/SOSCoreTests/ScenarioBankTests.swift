import Foundation
import Testing

@testable import SOSCore

/// The shipped scenario bank meets the bar the workshop sets for every scenario.
@Suite struct ScenarioBankTests {
  static var scenarios: [Scenario] {
    PlaytesterTests.scenarioFiles.compactMap { file in
      let url = PlaythroughTests.root.appendingPathComponent("scenarios/\(file)")
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
      return ScenarioLoader.load(text: text, file: file).scenario
    }
  }

  @Test func theBankCoversEveryKindOfCrisis() {
    let scenarios = Self.scenarios
    #expect(
      scenarios.count == PlaytesterTests.scenarioFiles.count, "a shipped scenario does not load")
    #expect(Set(scenarios.map(\.kind)) == Set(CrisisKind.allCases))
    #expect(Set(scenarios.map(\.difficulty)) == Set(Difficulty.allCases))
  }

  @Test(arguments: ScenarioBankTests.scenarios.map(\.id))
  func eachScenarioMeetsTheBar(id: String) throws {
    let scenario = try #require(Self.scenarios.first { $0.id == id })
    #expect(scenario.nodes.count >= 12)
    #expect(scenario.injects.count >= 2)
    #expect(scenario.injects.contains { $0.unless != nil || $0.when != nil })
    #expect(scenario.deadlines.count >= 2)
    #expect(scenario.cadence.count >= 1)
    #expect(scenario.endings.count >= 3)
    #expect((15...45).contains(scenario.minutes))
    let outcomes = scenario.endings.compactMap(\.outcome)
    // The best ending need not be a full recovery (mercia-cure-period's is a renewal on
    // the client's terms, 80), but it is clearly good, and the worst clearly bad.
    #expect((outcomes.max() ?? 0) >= 75 && (outcomes.min() ?? 100) <= 15)
    let writes = scenario.nodes.flatMap(\.choices).compactMap(\.write)
    #expect(writes.contains { !$0.must.isEmpty && !$0.avoid.isEmpty })
    let required = Set(scenario.stakeholders.filter(\.required).map(\.id))
    #expect(required.count >= 3)
    let choices = scenario.nodes.flatMap(\.choices)
    #expect(choices.allSatisfy { $0.feedback != nil }, "every choice has feedback")
    #expect(choices.allSatisfy { !$0.quality.isEmpty }, "every choice has quality points")
    #expect(choices.contains { $0.hint != nil })
    #expect(choices.contains { $0.posture != nil })
    #expect(Set(choices.flatMap(\.plan)).count >= 3)
    #expect(!scenario.reflection.isEmpty)
    // Every lint warning is an error in a shipped scenario, the length give-away
    // (SOS110) included: the strongest option is not the one to pick by length.
    let warnings = ScenarioLinter.warnings(for: scenario, file: id)
    #expect(warnings.isEmpty, "\(warnings)")
  }

  @Test(arguments: ScenarioBankTests.scenarios.map(\.id))
  func everyPathToAnEndingTakesAtLeastSixDecisions(id: String) throws {
    let scenario = try #require(Self.scenarios.first { $0.id == id })
    #expect(Self.fewestDecisions(scenario) >= 6)
  }

  /// The fewest decisions on any path from the start to an ending, conditions ignored
  /// (so a lower bound on what play can take).
  static func fewestDecisions(_ scenario: Scenario) -> Int {
    let nodes = Dictionary(uniqueKeysWithValues: scenario.nodes.map { ($0.id, $0) })
    var best: [String: Int] = [scenario.start.value: 0]
    var queue = [scenario.start.value]
    while !queue.isEmpty {
      let id = queue.removeFirst()
      guard let node = nodes[id], let count = best[id], !node.isEnding else { continue }
      for target in node.choices.flatMap({ $0.goto.targets.map(\.value) })
      where best[target].map({ count + 1 < $0 }) ?? true {
        best[target] = count + 1
        queue.append(target)
      }
    }
    return scenario.endings.compactMap { best[$0.id] }.min() ?? 0
  }
}
