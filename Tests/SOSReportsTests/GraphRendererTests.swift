import SOSCore
import SOSReports
import Testing

@Suite struct GraphRendererTests {
  static let text = """
    format: 1
    id: graph-test
    title: Graph "test"
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 5
    role: R
    briefing: B
    stakeholders: { c: { label: C } }
    state: { trust: 5 }
    injects:
      - { id: call, at: 1h, text: A call., goto: press }
    start: a
    nodes:
      a:
        title: Start here
        text: A
        choices:
          - { text: Say "yes", takes: 2h, goto: [{ when: trust > 1, to: good }, { to: bad }] }
          - { text: No, goto: bad }
      press:
        text: P
        choices:
          - { text: Answer, goto: return }
      good: { text: G, ending: true, outcome: 90 }
      bad: { text: B, ending: true, outcome: 10 }

    """

  func renderer() throws -> GraphRenderer {
    let result = ScenarioLoader.load(text: Self.text, file: "graph.yaml")
    return GraphRenderer(scenario: try #require(result.scenario, "\(result.diagnostics)"))
  }

  @Test func dotHasNodesEdgesAndEscapedLabels() throws {
    let dot = try renderer().render(.dot)
    #expect(dot.hasPrefix("digraph \"graph-test\" {"))
    #expect(dot.contains("label=\"Graph \\\"test\\\"\""))
    #expect(dot.contains("\"a\" -> \"good\" [label=\"1. Say \\\"yes\\\" [if trust > 1]\"];"))
    #expect(dot.contains("\"a\" -> \"bad\" [label=\"1. Say \\\"yes\\\" [otherwise]\"];"))
    #expect(dot.contains("\"inject:call\" -> \"press\" [label=\"at T+1h\", style=dashed];"))
    #expect(dot.contains("\"good\" [label=\"good\\noutcome 90\", shape=doubleoctagon];"))
    #expect(dot.hasSuffix("}\n"))
  }

  @Test func mermaidUsesSafeIDs() throws {
    let mermaid = try renderer().render(.mermaid)
    #expect(mermaid.hasPrefix("flowchart TD\n"))
    #expect(mermaid.contains("n_a[\"Start here\"]"))
    #expect(mermaid.contains("n_inject_call -.->|\"at T+1h\"| n_press"))
    #expect(mermaid.contains("n_press -.->|\"1. Answer\"| n_return"))
    #expect(!mermaid.contains("Say \"yes\""))
  }
}
