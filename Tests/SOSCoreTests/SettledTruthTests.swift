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

  @Test func theClockComparedWithADurationIsSettledOncePast() throws {
    // Two hours in.
    let (_, state) = try Self.state(after: 2)
    func clock(_ comparison: ComparisonOperator, _ hours: Int, mirrored: Bool = false)
      -> Bool?
    {
      let limit = CompiledCondition.literal(.duration(ClockDuration(seconds: hours * 3600)))
      return
        (mirrored
        ? CompiledCondition.compare(comparison, limit, .elapsed)
        : CompiledCondition.compare(comparison, .elapsed, limit)).settledTruth(in: state)
    }
    #expect(clock(.lessThanOrEqual, 1) == false)
    #expect(clock(.lessThan, 2) == false)
    #expect(clock(.greaterThanOrEqual, 2) == true)
    #expect(clock(.greaterThan, 1) == true)
    #expect(clock(.equal, 1) == false)
    #expect(clock(.notEqual, 1) == true)
    // Not yet past: the clock can still cross it.
    #expect(clock(.lessThanOrEqual, 3) == nil)
    #expect(clock(.greaterThan, 2) == nil)
    #expect(clock(.equal, 2) == nil)
    // `1h >= elapsed` reads as `elapsed <= 1h`.
    #expect(clock(.greaterThanOrEqual, 1, mirrored: true) == false)
    #expect(clock(.lessThan, 1, mirrored: true) == true)
  }

  @Test func aConditionCanNeverHoldWhenASideItNeedsCannot() throws {
    let (_, state) = try Self.state(after: 2)
    let trust = CompiledCondition.compare(.lessThan, .variable(0), .literal(.integer(40)))
    let past = CompiledCondition.compare(
      .lessThanOrEqual, .elapsed, .literal(.duration(ClockDuration(seconds: 3600))))
    // A variable may be no yes or no, so `and` is not settled; but it can never hold.
    #expect(CompiledCondition.and(trust, past).settledTruth(in: state) == nil)
    #expect(CompiledCondition.and(trust, past).canNeverHold(in: state))
    #expect(!CompiledCondition.or(trust, past).canNeverHold(in: state))
    #expect(CompiledCondition.or(.met(0), past).canNeverHold(in: state))
    #expect(CompiledCondition.not(.not(past)).canNeverHold(in: state))
    #expect(!trust.canNeverHold(in: state))
  }

  @Test func aFactPlayCanNoLongerSetIsSettledFalse() throws {
    let engine = try ScoreBoundsTests.engine(Self.text)
    let compact = try #require(CompactEngine(engine: engine))
    let compiled = compact.compiled
    let writes = FutureWrites(compiled, live: LiveFacts(compiled))
    let tagged = CompiledCondition.tagged(
      try #require(compiled.tagNames.firstIndex(of: "answered")))
    let contacted = CompiledCondition.contacted(
      try #require(compiled.stakeholderIDs.firstIndex(of: "customers")))
    // Only facts some condition reads are worked out: these two are.
    func settled(_ condition: CompiledCondition, in state: CompactState) -> Bool? {
      var mask: [UInt64] = []
      let spent = [UInt64](repeating: 0, count: (compiled.injects.count + 63) / 64)
      writes.mask(for: state, spent: spent, into: &mask)
      return condition.settledTruth(in: state, settable: SettableFacts(writes: writes, mask: mask))
    }
    // At the start the tag can still be set; no option contacts the customers.
    let start = compact.start(ScoreBoundsTests.analysis)
    #expect(settled(tagged, in: start) == nil)
    #expect(settled(contacted, in: start) == false)
    #expect(contacted.settledTruth(in: start) == nil)
    // Once the customer waited, at the ending, the tag can no longer be set.
    let (_, waited) = try Self.state(after: 2)
    #expect(settled(tagged, in: waited) == false)
    #expect(tagged.settledTruth(in: waited) == nil)
    let (_, answered) = try Self.state(after: 1)
    #expect(settled(tagged, in: answered) == true)
  }
}
