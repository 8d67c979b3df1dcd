import SOSCore
import Testing

/// A small cohort played through the engine on a two-decision scenario, with
/// trainee names chosen to break careless renderers.
enum CohortFixture {
  static let text = """
    format: 1
    id: cohort-test
    title: Cohort <test> & "quotes"
    kind: recall
    cluster: preventable
    difficulty: introductory
    minutes: 10
    role: Manager
    briefing: A test.
    stakeholders:
      customers: { label: Customers, required: true }
      staff: { label: Staff, required: true }
    deadlines:
      - { id: notice, label: Notice <customers>, by: 1h, grace: 2h, weight: 2, met: contacted(customers) }
    start: a
    nodes:
      a:
        title: First & foremost
        text: A.
        choices:
          - id: now
            text: Tell customers <now>
            takes: 1h
            contacts: [customers]
            quality: { empathy: 2, transparency: 1 }
            promise: { to: customers, within: 2h, label: an update }
            goto: b
          - { id: later, text: Later, takes: 2h, contacts: [customers], quality: { empathy: 0 }, goto: b }
          - { id: never, text: Never, takes: 4h, quality: { empathy: -2, transparency: -1 }, goto: b }
      b:
        title: Second
        text: B.
        choices:
          - { id: tell-staff, text: Staff, takes: 1h, contacts: [staff, customers], quality: { coverage: 2 }, goto: end }
          - { id: skip, text: Skip, takes: 30m, quality: { coverage: -2 }, goto: end }
          - id: post
            text: Post
            takes: 30m
            contacts: [staff]
            quality: { coverage: 1 }
            write:
              channel: social
              audience: customers
              prompt: Write it.
              must:
                - { id: sorry, label: Says sorry, any: [sorry] }
            goto: end
      end: { text: E., ending: true, outcome: 80 }

    """

  static let hostile = "<script>alert('x')</script> & \"friends\""

  static func scenario() throws -> Scenario {
    let loaded = ScenarioLoader.load(text: text, file: "cohort.yaml")
    return try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
  }

  static func attempt(
    _ trainee: String, _ inputs: [SessionInput], number: Int,
    status: CohortAttempt.Status = .finished
  ) throws -> CohortAttempt {
    let scenario = try scenario()
    let scored = try ScoredSession.replay(
      scenario, inputs: inputs, options: SessionOptions(shuffles: false)
    )
    .get()
    let minute = number < 10 ? "0\(number)" : "\(number)"
    return CohortAttempt(
      session: "3f9a0c1e-2b4d-4e6f-8a1b-0000000000\(minute)", trainee: trainee,
      scenarioID: scenario.id, scenarioHash: "h", scenario: scenario, status: status,
      mode: .assessment, started: "2025-03-01T09:\(minute):00.000Z",
      finished: status == .active ? nil : "2025-03-01T09:\(minute):12.345Z",
      durationMilliseconds: status == .active ? nil : 12_345,
      inputTimes: inputs.indices.map { "2025-03-01T09:\(minute):0\($0 + 1).000Z" },
      scored: scored)
  }

  static func attempts() throws -> [CohortAttempt] {
    [
      try attempt("Ada", [.choose(1), .choose(1)], number: 1),
      try attempt("Smith, Jo", [.choose(2), .choose(2)], number: 2),
      try attempt(
        "Kim \"KC\"\nChan", [.choose(1), .choose(3), .write("We are sorry.")], number: 3),
      try attempt(hostile, [.choose(3), .choose(2)], number: 4),
      try attempt("=SUM(A1:A9)", [.choose(1), .choose(2)], number: 5),
      try attempt("Lee", [.choose(1)], number: 6, status: .active),
      try attempt("Ada", [.choose(3), .choose(2)], number: 7),
    ]
  }

  static func analysis() throws -> CohortAnalysis {
    CohortAnalysis(
      cohort: "spring <b>", description: "Leeds & <i>York</i>", attempts: try attempts())
  }
}
