import Testing

@testable import SOSCore

@Suite struct ScenarioTemplateTests {
  @Test(arguments: CrisisKind.allCases)
  func theStarterIsValidAndLintCleanForEveryKind(kind: CrisisKind) throws {
    let text = ScenarioTemplate.starter(id: "starter", title: "A \"quoted\" title", kind: kind)
    let result = ScenarioLoader.load(text: text, file: "starter.yaml")
    let scenario = try #require(result.scenario, "\(result.diagnostics.map(\.headline))")
    #expect(scenario.kind == kind)
    #expect(scenario.title == "A \"quoted\" title")
    #expect(ScenarioLinter.warnings(for: scenario, file: "starter.yaml").map(\.headline) == [])
    let summary = Playtester(engine: Engine(scenario: scenario)).playtest(runs: 30, seed: 3)
    #expect(summary.problems == [])
    #expect(summary.endings.count == 3, "random play should reach every ending: \(summary.endings)")
  }
}
