import Testing

@testable import SOSCore

/// ``CompiledCondition/settledTruth(in:)`` and ``SpentInjects``: a condition is
/// settled only where no step can change it, read from facts play never takes back.
@Suite struct SettledTruthTests {
  /// Customers told within the hour (a deadline), a tag, and a variable.
  static let text = ScoreBoundsTests.scenario(
    "settled-truth",
    """
    state:
      trust: 50
    stakeholders:
      customers: { label: Customers, required: true }
    deadlines:
      - { id: told, label: Customers told, by: 1h, grace: 0m, weight: 1, met: contacted(customers) }
    injects:
      - { id: chaser, at: 3h, text: A chaser., unless: tagged(answered) }
      - { id: praise, at: 3h, text: Praise., when: met(told) and tagged(answered) }
      - { id: audit, at: 3h, text: An audit., when: trust < 40 }
    start: first
    nodes:
      first:
        text: First.
        choices:
          - { id: answer, text: Answer, takes: 2h, tags: [answered], quality: { clarity: 1 }, goto: done }
          - { id: wait, text: Wait, takes: 2h, quality: { clarity: 0 }, goto: done }
      done: { text: Done., ending: true, outcome: 50 }

    """)

  /// The compact state after the first option `number`, two hours in: the deadline
  /// missed, and the tag set by the first option only.
  static func state(after number: Int) throws -> (CompiledScenario, CompactState) {
    let engine = try ScoreBoundsTests.engine(text)
    let compact = try #require(CompactEngine(engine: engine))
    var state = compact.start(ScoreBoundsTests.analysis)
    guard case .success = compact.perform(&state, .choose(number)) else {
      Issue.record("option \(number) refused")
      throw CancellationError()
    }
    return (compact.compiled, state)
  }

  @Test func factsAreSettledOnlyOnceTheyCanNoLongerChange() throws {
    let (compiled, answered) = try Self.state(after: 1)
    let (_, waited) = try Self.state(after: 2)
    let tag = try #require(compiled.tagNames.firstIndex(of: "answered"))
    // A tag set stays set; one not set can still be.
    #expect(CompiledCondition.tagged(tag).settledTruth(in: answered) == true)
    #expect(CompiledCondition.tagged(tag).settledTruth(in: waited) == nil)
    #expect(CompiledCondition.not(.tagged(tag)).settledTruth(in: answered) == false)
    // The deadline was missed on both paths: it is never met now.
    #expect(CompiledCondition.met(0).settledTruth(in: waited) == false)
    #expect(CompiledCondition.not(.met(0)).settledTruth(in: waited) == true)
    // `and` is settled false by either side, `or` true by either side, when the other
    // is always a yes or no.
    #expect(CompiledCondition.and(.tagged(tag), .met(0)).settledTruth(in: waited) == false)
    #expect(CompiledCondition.or(.tagged(tag), .not(.met(0))).settledTruth(in: waited) == true)
    #expect(CompiledCondition.and(.tagged(tag), .tagged(tag)).settledTruth(in: waited) == nil)
    // A variable can still change, and a comparison may be neither yes nor no: an `and`
    // with one on its left is not settled by its right.
    let trust = CompiledCondition.compare(.lessThan, .variable(0), .literal(.integer(40)))
    #expect(trust.settledTruth(in: answered) == nil)
    #expect(CompiledCondition.and(trust, .met(0)).settledTruth(in: waited) == nil)
    #expect(CompiledCondition.and(.met(0), trust).settledTruth(in: waited) == false)
  }

  @Test func anInjectIsSpentOnceItHasFiredOrCanNeverFire() throws {
    let (compiled, answered) = try Self.state(after: 1)
    let (_, waited) = try Self.state(after: 2)
    let spent = SpentInjects(compiled)
    func position(_ id: String) throws -> Int {
      try #require(
        compiled.injects.firstIndex { compiled.scenario.injects[$0.declared].id == id })
    }
    // The chaser cannot fire once the customer was answered; it still can if not.
    #expect(spent.isSpent(try position("chaser"), in: answered))
    #expect(!spent.isSpent(try position("chaser"), in: waited))
    // Praise needs the deadline met, and it was missed.
    #expect(spent.isSpent(try position("praise"), in: answered))
    #expect(spent.isSpent(try position("praise"), in: waited))
    // The audit reads a variable, which can still change.
    #expect(!spent.isSpent(try position("audit"), in: answered))
  }
}
