import Testing

@testable import SOSCore

@Suite struct ScoringTests {
  static let text = """
    format: 1
    id: scoring-test
    title: Scoring test
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
      - { id: notice, label: Notice, by: 1h, grace: 2h, weight: 2, met: contacted(customers) }
    cadence:
      - { stakeholder: customers, every: 2h }
    start: a
    nodes:
      a:
        title: First
        text: A.
        choices:
          - id: now
            text: Now
            takes: 1h
            contacts: [customers]
            posture: rebuild
            quality: { empathy: 2, transparency: 1 }
            promise: { to: customers, within: 2h, label: an update }
            goto: b
          - { id: later, text: Later, takes: 2h, contacts: [customers], posture: diminish, quality: { empathy: 0 }, goto: b }
          - { id: never, text: Never, takes: 4h, posture: deny, quality: { empathy: -2, transparency: -1 }, goto: b }
      b:
        text: B.
        choices:
          - { id: tell-staff, text: Staff, takes: 1h, contacts: [staff, customers], update: true, quality: { coverage: 2 }, goto: end }
          - { id: skip, text: Skip, takes: 30m, quality: { coverage: -2 }, goto: end }
          - { id: blame, text: Blame, takes: 30m, posture: deny, quality: { coverage: -1 }, goto: end }
          - { id: dither, text: Dither, takes: 3h, quality: { coverage: 0 }, goto: end }
      end: { text: E., ending: true, outcome: 80 }

    """

  func score(_ inputs: [SessionInput], options: SessionOptions = SessionOptions(shuffles: false))
    throws
    -> ScoreReport
  {
    let loaded = ScenarioLoader.load(text: Self.text, file: "scoring.yaml")
    let scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
    return try Scorer(engine: Engine(scenario: scenario)).score(inputs: inputs, options: options)
      .get()
  }

  func entry(_ report: ScoreReport, _ rule: LedgerEntry.Rule, _ subject: String) throws
    -> LedgerEntry
  {
    try #require(report.ledger.first { $0.rule == rule && $0.subject == subject })
  }

  // MARK: - The ledger adds up

  @Test(arguments: [[1, 1], [2, 2], [3, 2], [1, 3], [3, 3]])
  func componentsAreTheSumsOfTheirEntries(choices: [Int]) throws {
    let report = try score(choices.map(SessionInput.choose))
    let timeliness = report.entries(.timeliness).reduce(0) { $0 + $1.points }
    let communication = report.entries(.communication).reduce(0) { $0 + $1.points }
    #expect(abs(timeliness - report.timeliness) < 1e-9)
    #expect(abs(communication - report.communication) < 1e-9)
    #expect((0...100).contains(report.timeliness))
    #expect((0...100).contains(report.communication))
    let overall = (40 * report.timeliness + 45 * report.communication + 15 * report.outcome) / 100
    #expect(abs(overall - report.overall) < 1e-9)
    let maxima = report.entries(.timeliness).reduce(0) { $0 + $1.maximum }
    #expect(abs(maxima - 100) < 1e-9)
  }

  // MARK: - Timeliness

  @Test func bestPathByHand() throws {
    // now (contact at 1h = by), tell-staff (customers again at 2h; promise due 3h kept).
    let report = try score([.choose(1), .choose(1)])
    #expect(report.timeliness == 100)
    // Deadline worth 20, cadence 10, promise 5: 35 in all.
    #expect(abs(try entry(report, .deadline, "notice").maximum - 100 * 20 / 35) < 1e-9)
    // Communication: choices 60, coverage 10, posture 10 (no statement): 80 shares.
    // Choices full (75); posture full (12.5); coverage: customers first at 1h, staff at
    // 2h, of a 2h session whose early limit is 30m: 1 − 0.5 × 30/90 and 1 − 0.5 × 90/90.
    let coverage = 12.5 * ((1 - 0.5 * 30 / 90) + 0.5) / 2
    #expect(abs(report.communication - (75 + 12.5 + coverage)) < 1e-9)
    #expect(report.outcome == 80)
    #expect(abs(report.overall - (40 * 100 + 45 * (87.5 + coverage) + 15 * 80) / 100) < 1e-9)
    #expect(report.grade == "Exemplary")
    #expect(report.passed)
  }

  @Test func deadlineMetExactlyAtByIsOnTime() throws {
    let report = try score([.choose(1), .choose(2)])
    let notice = try entry(report, .deadline, "notice")
    #expect(notice.points == notice.maximum)
    #expect(notice.reason == "Notice: met at T+1h, on time (by T+1h)")
  }

  @Test func deadlineInGraceDecaysLinearly() throws {
    // later: customers hear at 2h, one hour into a two-hour grace: half credit.
    let report = try score([.choose(2), .choose(2)])
    let notice = try entry(report, .deadline, "notice")
    #expect(abs(notice.points - notice.maximum / 2) < 1e-9)
    #expect(notice.reason.hasSuffix("50%"))
    // 20 × 0.5 + 10 (cadence: gaps of 2h and 30m, none over) of 30.
    #expect(abs(report.timeliness - 100 * 20 / 30) < 1e-9)
  }

  @Test func deadlinePastGraceEarnsNothing() throws {
    let report = try score([.choose(3), .choose(2)])
    let notice = try entry(report, .deadline, "notice")
    #expect(notice.points == 0)
    #expect(notice.reason == "Notice: missed — not met by T+3h")
    let cadence = try entry(report, .cadence, "customers")
    #expect(cadence.points == 0)
    #expect(report.timeliness == 0)
  }

  @Test func cadenceLosesInProportionToTheOvershoot() throws {
    // never (4h, no contact), tell-staff: customers first hear at 5h. Gaps 0–5h (3h
    // over a 2h cadence): credit 1 − 3/2 → 0.
    let report = try score([.choose(3), .choose(1)])
    #expect(try entry(report, .cadence, "customers").points == 0)
    // later (customers at 2h), tell-staff (again at 3h): gaps 2h, 1h, 0 — none over.
    let steady = try score([.choose(2), .choose(1)])
    let cadence = try entry(steady, .cadence, "customers")
    #expect(cadence.points == cadence.maximum)
  }

  @Test func brokenPromiseEarnsNothingAndCostsAccountability() throws {
    // now (promise due 3h), dither: play ends at 4h without customers hearing again.
    let report = try score([.choose(1), .choose(4)])
    #expect(try entry(report, .promise, "1").points == 0)
    let penalty = try entry(report, .brokenPromise, "1")
    #expect(penalty.points == -3)
    #expect(penalty.dimension == .accountability)
  }

  @Test func aPromiseNotYetDueWhenPlayEndsIsNeitherKeptNorBroken() throws {
    // now (promise due 3h), skip: play ends at 1h30, before the promise falls due.
    let report = try score([.choose(1), .choose(2)])
    let promise = try entry(report, .promise, "1")
    #expect(promise.maximum == 0)
    #expect(promise.reason.contains("not yet due"))
    #expect(!report.ledger.contains { $0.rule == .brokenPromise })
  }

  // MARK: - Communication

  @Test func choicesAreNormalisedPerDecision() throws {
    // a: totals 3, 0, −3 → 'later' earns half; b: totals 2, −2, −1 → 'blame' a quarter.
    let report = try score([.choose(2), .choose(3)])
    let later = try entry(report, .choice, "later")
    let blame = try entry(report, .choice, "blame")
    #expect(abs(later.points / later.maximum - 0.5) < 1e-9)
    #expect(abs(blame.points / blame.maximum - 0.25) < 1e-9)
    #expect(report.decisions.map(\.best) == ["now", "tell-staff"])
  }

  @Test func denialInAPreventableCrisisFitsBadly() throws {
    let report = try score([.choose(3), .choose(1)])
    let posture = try entry(report, .posture, "never")
    #expect(posture.points == 0)
    #expect(posture.reason.contains("does not fit a preventable crisis"))
  }

  @Test func mixingDenialWithRebuildIsPenalised() throws {
    let report = try score([.choose(1), .choose(3)])
    let penalty = try entry(report, .consistency, "deny+rebuild")
    #expect(penalty.points == -5)
  }

  @Test func worstPathIsFloorAware() throws {
    let report = try score([.choose(3), .choose(3)])
    #expect(report.communication >= 0)
    #expect(report.grade == "Not yet")
    #expect(!report.passed)
  }

  // MARK: - Dimensions and bands

  @Test func dimensionsReflectTheOptionsTaken() throws {
    let best = try score([.choose(1), .choose(1)])
    #expect(best.score(of: .empathy) == 100)
    #expect(best.score(of: .clarity) == nil)
    let worst = try score([.choose(3), .choose(2)])
    #expect(worst.score(of: .empathy) == 0)
  }

  @Test func gradeBandsPickTheHighestMinimumNotAbove() {
    let bands = ScoringDefaults.bands
    #expect(GradeBand.band(for: 90, in: bands).name == "Exemplary")
    #expect(GradeBand.band(for: 89.9, in: bands).name == "Strong")
    #expect(GradeBand.band(for: 0, in: bands).name == "Not yet")
  }

  @Test func undoneDecisionsDoNotCount() throws {
    let practice = SessionOptions(mode: .practice, shuffles: false)
    let undone = try score([.choose(3), .undo, .choose(1), .choose(1)], options: practice)
    let straight = try score([.choose(1), .choose(1)], options: practice)
    #expect(undone.overall == straight.overall)
    #expect(undone.ledger == straight.ledger)
  }

  @Test func timedLatencyCountsInTimeliness() throws {
    let timed = SessionOptions(timed: true, shuffles: false)
    let quick = try score([.choose(1), .choose(1)], options: timed)
    #expect(try entry(quick, .latency, "timed").points == 0)  // no latencies given
    let loaded = ScenarioLoader.load(text: Self.text, file: "scoring.yaml")
    let scenario = try #require(loaded.scenario)
    let scorer = Scorer(engine: Engine(scenario: scenario))
    // 90 s limit: 30 s is within half (full credit), 67.5 s is halfway to the limit.
    let report = try scorer.score(
      inputs: [.choose(1), .choose(1)], options: timed, latencies: [30_000, 67_500]
    ).get()
    let latency = try entry(report, .latency, "timed")
    #expect(abs(latency.points / latency.maximum - 0.75) < 1e-9)
  }
}
