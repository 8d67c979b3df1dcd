import Testing

@testable import SOSCore

/// Item analysis and cohort statistics, checked against numbers worked out by hand.
@Suite struct CohortAnalysisTests {
  // MARK: - Item analysis on a hand-made decision

  /// Eight trainees at one decision with options A (the strongest), B and C.
  ///
  /// | overall | 90 | 85 | 80 | 70 | 60 | 50 | 40 | 30 |
  /// | choice  |  A |  A |  B |  A |  C |  B |  B |  C |
  ///
  /// | rest    |  1 |.75 | .5 |.75 | .5 |.25 |.25 |  0 |
  ///
  /// g = round(0.27 × 8) = 2: the upper group is 90, 85 (A, A), the lower 40, 30 (B, C).
  ///
  /// Item–rest r for A (x = 1 for A): n = 8, Σx = 3, Σy = 4, Σxy = 1 + .75 + .75 = 2.5,
  /// Σx² = 3, Σy² = 1 + .5625 + .25 + .5625 + .25 + .0625 + .0625 + 0 = 2.75.
  /// Sxy = 2.5 − 3 × 4 / 8 = 1; Sxx = 3 − 9 / 8 = 1.875; Syy = 2.75 − 16 / 8 = 0.75;
  /// r = 1 / √(1.875 × 0.75) = 1 / √1.40625 = √(32/45) ≈ 0.8433.
  static let responses: [ItemAnalysis.Response] = [
    (90, "a", 1), (85, "a", 0.75), (80, "b", 0.5), (70, "a", 0.75), (60, "c", 0.5),
    (50, "b", 0.25), (40, "b", 0.25), (30, "c", 0),
  ].map { overall, choice, rest in
    ItemAnalysis.Response(
      overall: overall, choice: choice, choiceText: choice.uppercased(), tookBest: choice == "a",
      rest: rest)
  }

  static let choices: [(id: String, text: String, best: Bool)] = [
    ("a", "Option A", true), ("b", "Option B", false), ("c", "Option C", false),
    ("d", "Option D", false),
  ]

  @Test func sharesMeansAndDiscriminationMatchTheHandWorkedFigures() throws {
    let item = ItemAnalysis(
      node: "n", title: "The decision", choices: Self.choices, responses: Self.responses)
    #expect(item.reached == 8)
    #expect(item.groupSize == 2)
    #expect(item.upperTookBest == 2)
    #expect(item.lowerTookBest == 0)
    #expect(item.discrimination == 1.0)
    #expect(abs((item.itemRest ?? 0) - (32.0 / 45).squareRoot()) < 1e-12)
    #expect(item.itemRestCount == 8)
    #expect(item.indicative)
    // Fewer than 15 trainees: D ≥ 0.3 flags only because r ≥ 0.3 agrees.
    #expect(item.flag == .separates)
    #expect(item.options.map(\.id) == ["a", "b", "c", "d"])
    #expect(item.options.map(\.chosen) == [3, 3, 2, 0])
    #expect(item.options.map(\.share) == [0.375, 0.375, 0.25, 0])
    let means = item.options.map(\.meanOverall)
    #expect(abs((means[0] ?? 0) - 245.0 / 3) < 1e-9)  // (90 + 85 + 70) / 3
    #expect(abs((means[1] ?? 0) - 170.0 / 3) < 1e-9)  // (80 + 50 + 40) / 3
    #expect(means[2] == 45)  // (60 + 30) / 2
    #expect(means[3] == nil)
    #expect(item.options.map(\.upper) == [2, 0, 0, 0])
    #expect(item.options.map(\.lower) == [0, 1, 1, 0])
    #expect(item.options.map(\.discrimination) == [1.0, -0.5, -0.5, 0])
    // B and C tie in the lower group: the scenario's order decides.
    #expect(item.lowerGroupChoice?.id == "b")
  }

  @Test func reversedDecisionIsFlagged() {
    let flipped = Self.responses.map { response in
      var response = response
      response.tookBest = response.choice == "c"
      return response
    }
    let choices: [(id: String, text: String, best: Bool)] = [
      ("a", "A", false), ("b", "B", false), ("c", "C", true),
    ]
    let item = ItemAnalysis(node: "n", title: nil, choices: choices, responses: flipped)
    // Upper: A, A (0 took C); lower: B, C (1 took C): D = (0 − 1) / 2.
    #expect(item.discrimination == -0.5)
    // x = 1 for the C at 60 (rest .5) and 30 (rest 0): Σxy = .5, Σx = 2, Σx² = 2.
    // Sxy = .5 − 2 × 4 / 8 = −.5; Sxx = 2 − 4 / 8 = 1.5; Syy = .75 (above);
    // r = −.5 / √1.125 = −√(2/9) ≈ −0.4714, which agrees with D.
    #expect(abs((item.itemRest ?? 0) + (2.0 / 9).squareRoot()) < 1e-12)
    #expect(item.flag == .reversed)
  }

  @Test func smallGroupsNeedTheItemRestCorrelationToAgreeBeforeAFlag() {
    // The same answers with rest scores that do not follow the choice: D is still +1,
    // but r is 0, so with 8 trainees nothing is flagged.
    // x = A at 90, 85, 70; y = 1, 0, 0, 0, 1, 0, 1, 0: Σxy = 1, Σx = 3, Σy = 3:
    // Sxy = 1 − 3 × 3 / 8 = −0.125: r < 0.3.
    let unrelated = zip(Self.responses, [1.0, 0, 0, 0, 1, 0, 1, 0]).map { response, rest in
      var response = response
      response.rest = rest
      return response
    }
    let item = ItemAnalysis(node: "n", title: nil, choices: Self.choices, responses: unrelated)
    #expect(item.discrimination == 1.0)
    #expect((item.itemRest ?? 1) < 0.3)
    #expect(item.flag == nil)

    // Without rest scores (nobody met another decision) there is no r: no flag either.
    let alone = Self.responses.map { response in
      var response = response
      response.rest = nil
      return response
    }
    let single = ItemAnalysis(node: "n", title: nil, choices: Self.choices, responses: alone)
    #expect(single.itemRest == nil)
    #expect(single.itemRestCount == 0)
    #expect(single.flag == nil)

    // From 15 trainees D flags on its own: twice the eight, still without rest scores.
    let settled = ItemAnalysis(
      node: "n", title: nil, choices: Self.choices, responses: alone + alone)
    #expect(settled.reached == 16)
    #expect(!settled.indicative)
    #expect(settled.groupSize == 4)  // round(0.27 × 16) = round(4.32)
    // Upper 90, 90, 85, 85 (all A); lower 40, 40, 30, 30 (none): D = 1.
    #expect(settled.discrimination == 1.0)
    #expect(settled.flag == .separates)
  }

  @Test(
    arguments: [
      // (D, r, trainees, flag)
      (0.5, 0.3, 8, ItemAnalysis.Flag.separates), (0.5, 0.29, 8, nil), (0.5, nil, 8, nil),
      (0.5, nil, 15, .separates), (0.5, -0.5, 15, .separates), (0.29, 0.9, 20, nil),
      (-0.5, -0.3, 6, .reversed), (-0.5, 0.2, 14, nil), (-0.3, nil, 15, .reversed),
      (1.0, 1.0, 5, nil),
    ] as [(Double, Double?, Int, ItemAnalysis.Flag?)])
  func theFlagRule(
    discrimination: Double, itemRest: Double?, reached: Int, flag: ItemAnalysis.Flag?
  ) {
    #expect(
      ItemAnalysis.flag(discrimination: discrimination, itemRest: itemRest, reached: reached)
        == flag)
  }

  @Test func groupsOfFewerThanSixAreAnalysedButNotFlagged() {
    let item = ItemAnalysis(
      node: "n", title: nil, choices: Self.choices, responses: Array(Self.responses.prefix(5)))
    // 90 A, 85 A, 80 B, 70 A, 60 C: g = round(1.35) = 1; top 90 (A), bottom 60 (C).
    #expect(item.groupSize == 1)
    #expect(item.discrimination == 1.0)
    #expect(item.flag == nil)
  }

  @Test func tiesInOverallKeepTheOrderGiven() {
    let responses = ["a", "a", "a", "b", "b", "b"].map {
      ItemAnalysis.Response(overall: 50, choice: $0, choiceText: $0, tookBest: $0 == "a")
    }
    let item = ItemAnalysis(node: "n", title: nil, choices: [], responses: responses)
    #expect(item.groupSize == 2)
    #expect(item.discrimination == 1.0)
    // Options the scenario version does not list are added from the responses.
    #expect(item.options.map(\.id) == ["a", "b"])
  }

  @Test(arguments: [
    (0, 0), (1, 0), (2, 1), (3, 1), (5, 1), (6, 2), (8, 2), (10, 3), (12, 3), (20, 5), (100, 27),
  ])
  func groupsAreTwentySevenPercentRounded(count: Int, size: Int) {
    #expect(ItemAnalysis.groupSize(for: count) == size)
  }

  // MARK: - Statistics

  @Test func meanSpreadMedianAndHistogram() throws {
    let statistics = ScoreStatistics([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(statistics.count == 8)
    #expect(statistics.mean == 5)
    // Σ(x − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; 32 / 7.
    #expect(abs((statistics.standardDeviation ?? 0) - (32.0 / 7).squareRoot()) < 1e-12)
    #expect(statistics.median == 4.5)
    #expect(statistics.minimum == 2)
    #expect(statistics.maximum == 9)
    // Quartiles by linear interpolation, h = (8 − 1) p on 2 4 4 4 5 5 7 9 (ranks 0–7):
    // Q1: h = 1.75, 4 + .75 × (4 − 4) = 4; Q3: h = 5.25, 5 + .25 × (7 − 5) = 5.5.
    #expect(statistics.lowerQuartile == 4)
    #expect(statistics.upperQuartile == 5.5)
    // |mean − median| = 0.5 > 0.2 × SD = 0.2 × √(32/7) ≈ 0.428: skewed.
    #expect(statistics.skewed)
    #expect(ScoreStatistics([7]).standardDeviation == nil)
    #expect(ScoreStatistics([]).mean == nil)

    let histogram = Histogram([0, 9.99, 10, 95, 100, 59.5])
    #expect(histogram.bins.map(\.count) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2])
    #expect(histogram.bins.first?.upper == 9)
    #expect(histogram.bins.last?.lower == 90)
    #expect(histogram.bins.last?.upper == 100)
    #expect(histogram.total == 6)
  }

  @Test func skewIsMeanAgainstMedianInUnitsOfSD() {
    // 20 70 72 75 80: mean 63.4, median 72; Σ(x − mean)² = 1883.56 + 43.56 + 73.96
    // + 134.56 + 275.56 = 2411.2, SD = √(2411.2 / 4) ≈ 24.55; |63.4 − 72| = 8.6 > 4.91.
    let low = ScoreStatistics([20, 70, 72, 75, 80])
    #expect(low.median == 72)
    #expect(abs((low.mean ?? 0) - 63.4) < 1e-9)
    #expect(low.lowerQuartile == 70)
    #expect(low.upperQuartile == 75)
    #expect(low.skewed)
    // 1 2 3 4 5: mean = median, Q1 = 2, Q3 = 4: symmetric.
    let even = ScoreStatistics([5, 1, 4, 2, 3])
    #expect(even.lowerQuartile == 2)
    #expect(even.upperQuartile == 4)
    #expect(!even.skewed)
    // Two scores: mean and median agree; one: no SD; none: nothing.
    #expect(!ScoreStatistics([10, 90]).skewed)
    #expect(ScoreStatistics([10, 90]).lowerQuartile == 30)  // h = 0.25: 10 + .25 × 80
    #expect(!ScoreStatistics([50]).skewed)
    #expect(ScoreStatistics([50]).upperQuartile == 50)
    #expect(ScoreStatistics([]).median == nil)
    #expect(!ScoreStatistics([]).skewed)
    // All equal: SD 0, not skewed.
    #expect(!ScoreStatistics([60, 60, 60]).skewed)
  }

  // MARK: - Reliability and item–rest correlation, by hand

  /// Five trainees, three decisions every one of them met; the credit of each answer:
  ///
  /// | trainee | d1 | d2 | d3 | total |
  /// |---------|----|----|----|-------|
  /// | T1      | 1  | 1  | 1  | 3     |
  /// | T2      | 1  | 1  | .5 | 2.5   |
  /// | T3      | 1  | 0  | .5 | 1.5   |
  /// | T4      | 0  | .5 | 0  | 0.5   |
  /// | T5      | 0  | 0  | .5 | 0.5   |
  ///
  /// Sums of squared deviations (the n − 1 cancels in the ratio):
  /// d1: mean .6, 3 × .16 + 2 × .36 = 1.2; d2: mean .5, 4 × .25 + 0 = 1.0;
  /// d3: mean .5, .25 + 0 + 0 + .25 + 0 = 0.5; Σ = 2.7.
  /// Totals: mean 1.6, 1.96 + .81 + .01 + 1.21 + 1.21 = 5.2.
  /// α = 3/2 × (1 − 2.7 / 5.2) = 1.5 × 2.5 / 5.2 = 75/104 ≈ 0.7212.
  static let fiveTrainees: [[String: Double]] = [
    ["d1": 1, "d2": 1, "d3": 1], ["d1": 1, "d2": 1, "d3": 0.5], ["d1": 1, "d2": 0, "d3": 0.5],
    ["d1": 0, "d2": 0.5, "d3": 0], ["d1": 0, "d2": 0, "d3": 0.5],
  ]

  @Test func cronbachsAlphaMatchesTheHandWorkedFigure() {
    let reliability = Reliability(scores: Self.fiveTrainees)
    #expect(abs((reliability.alpha ?? 0) - 75.0 / 104) < 1e-12)
    #expect(reliability.decisions == 3)
    #expect(reliability.decisionsMet == 3)
    #expect(reliability.trainees == 5)
    #expect(reliability.missing == nil)
    #expect(reliability.indicative)
  }

  @Test func itemRestCorrelationMatchesTheHandWorkedFigure() {
    // d1 against the mean credit at d2 and d3: x = 1 1 1 0 0, rest y = 1, .75, .25,
    // .25, .25. x̄ = .6, ȳ = .5; Sxy = .4 × .5 + .4 × .25 + .4 × (−.25) + 2 × (−.6)(−.25)
    // = .2 + .1 − .1 + .3 = .5; Sxx = 1.2; Syy = .25 + .0625 + 3 × .0625 = .5.
    // r = .5 / √(1.2 × .5) = √(5/12) ≈ 0.6455. As a point-biserial: M₁ = 2/3, M₀ = .25,
    // sₙ = √(.5 / 5), √(pq) = √.24: (2/3 − 1/4) / √.1 × √.24 ≈ 0.6455 too.
    let responses = Self.fiveTrainees.enumerated().map { index, row in
      ItemAnalysis.Response(
        overall: Double(90 - 10 * index), choice: row["d1"] == 1 ? "best" : "other",
        choiceText: "", tookBest: row["d1"] == 1, rest: ((row["d2"] ?? 0) + (row["d3"] ?? 0)) / 2)
    }
    let item = ItemAnalysis(node: "d1", title: nil, choices: [], responses: responses)
    #expect(abs((item.itemRest ?? 0) - (5.0 / 12).squareRoot()) < 1e-12)
    #expect(item.itemRestCount == 5)
    #expect(
      abs(
        (Correlation.pearson([1, 1, 1, 0, 0], [1, 0.75, 0.25, 0.25, 0.25]) ?? 0)
          - (5.0 / 12).squareRoot()) < 1e-12)
  }

  @Test func noCorrelationOrAlphaWithoutVariationOrPeople() {
    // Everyone took the strongest option: x does not vary.
    #expect(Correlation.pearson([1, 1, 1, 1], [0.2, 0.4, 0.6, 0.8]) == nil)
    // The rest scores do not vary.
    #expect(Correlation.pearson([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]) == nil)
    // Two points always lie on a line.
    #expect(Correlation.pearson([1, 0], [1, 0]) == nil)
    #expect(Correlation.pearson([1, 0, 1], [1, 0]) == nil)
    #expect(Correlation.pearson([1, 0, 0], [1, 0, 0]) == 1)

    #expect(Reliability(scores: [["d1": 1, "d2": 0]]).missing == .tooFewTrainees)
    #expect(Reliability(scores: []).missing == .tooFewTrainees)
    #expect(Reliability(scores: [["d1": 1], ["d1": 0]]).missing == .tooFewDecisions)
    let same = Reliability(scores: [["d1": 1, "d2": 0], ["d1": 0, "d2": 1], ["d1": 1, "d2": 0]])
    #expect(same.missing == .noVariance)
    #expect(same.alpha == nil)
    // Items that pull against each other give a negative alpha, reported as it is:
    // d1: 1 0 1 0, d2: 0 1 0 .5; SS 1, 0.6875; totals 1 1 1 .5: SS .1875.
    // α = 2 × (1 − 1.6875 / .1875) = 2 × (1 − 9) = −16.
    let against = Reliability(scores: [
      ["d1": 1, "d2": 0], ["d1": 0, "d2": 1], ["d1": 1, "d2": 0], ["d1": 0, "d2": 0.5],
    ])
    #expect(abs((against.alpha ?? 0) + 16) < 1e-9)
  }

  @Test func alphaUsesOnlyTheDecisionsEveryTraineeMet() {
    // A branching scenario: T4 went down another path at d3 and met e1 instead. Alpha
    // uses d1 and d2, the two decisions all four met, and says it is 2 of 4.
    // d1: 1 1 0 0 (SS 1); d2: 1 .5 .5 0 (mean .5, SS .5); totals 2 1.5 .5 0 (mean 1,
    // SS 1 + .25 + .25 + 1 = 2.5). α = 2 × (1 − 1.5 / 2.5) = 0.8.
    let reliability = Reliability(scores: [
      ["d1": 1, "d2": 1, "d3": 1], ["d1": 1, "d2": 0.5, "d3": 0], ["d1": 0, "d2": 0.5, "d3": 1],
      ["d1": 0, "d2": 0, "e1": 1],
    ])
    #expect(reliability.decisions == 2)
    #expect(reliability.decisionsMet == 4)
    #expect(reliability.trainees == 4)
    #expect(abs((reliability.alpha ?? 0) - 0.8) < 1e-12)
  }

  @Test func proportionsAndDecimals() {
    #expect(Proportion(count: 2, total: 3).percent == "67%")
    #expect(Proportion(count: 0, total: 0).value == nil)
    #expect(CohortAnalysis.decimal(0.666) == "0.67")
    #expect(CohortAnalysis.decimal(-0.5) == "-0.50")
    #expect(CohortAnalysis.decimal(1) == "1.00")
  }

  // MARK: - A whole cohort, played through the engine

  static let text = """
    format: 1
    id: cohort-test
    title: Cohort test
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
            quality: { empathy: 2, transparency: 1 }
            promise: { to: customers, within: 2h, label: an update }
            goto: b
          - { id: later, text: Later, takes: 2h, contacts: [customers], quality: { empathy: 0 }, goto: b }
          - { id: never, text: Never, takes: 4h, quality: { empathy: -2, transparency: -1 }, goto: b }
      b:
        title: Second
        text: B.
        choices:
          - { id: tell-staff, text: Staff, takes: 1h, contacts: [staff, customers], update: true, quality: { coverage: 2 }, goto: end }
          - { id: skip, text: Skip, takes: 30m, quality: { coverage: -2 }, goto: end }
          - { id: blame, text: Blame, takes: 30m, quality: { coverage: -1 }, goto: end }
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

  static func scenario() throws -> Scenario {
    let loaded = ScenarioLoader.load(text: text, file: "cohort.yaml")
    return try #require(loaded.scenario, "\(loaded.diagnostics.map(\.headline))")
  }

  static func attempt(
    _ trainee: String, _ inputs: [SessionInput], hour: Int, status: CohortAttempt.Status = .finished
  ) throws -> CohortAttempt {
    let scenario = try scenario()
    let scored = try ScoredSession.replay(
      scenario, inputs: inputs, options: SessionOptions(shuffles: false)
    )
    .get()
    return CohortAttempt(
      session: "0000000\(hour)-0000-4000-8000-000000000000", trainee: trainee,
      scenarioID: scenario.id, scenarioHash: "h", scenario: scenario, status: status,
      mode: .assessment, started: "2025-03-01T\(hour < 10 ? "0" : "")\(hour):00:00.000Z",
      finished: status == .active ? nil : "2025-03-01T\(hour < 10 ? "0" : "")\(hour):20:00.000Z",
      durationMilliseconds: status == .active ? nil : 1_200_000,
      inputTimes: inputs.indices.map { _ in "2025-03-01T09:10:00.000Z" }, scored: scored)
  }

  static func cohort() throws -> (CohortAnalysis, [CohortAttempt]) {
    let attempts = [
      try attempt("Ada", [.choose(3), .choose(2)], hour: 1),
      try attempt("Ada", [.choose(1), .choose(1)], hour: 2),
      try attempt("Ada", [.choose(1)], hour: 3, status: .active),
      try attempt("Bob", [.choose(2), .choose(3)], hour: 4),
      try attempt("Cy", [.choose(1), .choose(4), .write("We are sorry for the recall.")], hour: 5),
      try attempt("Dee", [.choose(3)], hour: 6, status: .abandoned),
      try attempt("Eve", [.choose(1), .choose(2)], hour: 7),
    ]
    // Given in the order they were stored; the sessions are listed by start time.
    return (CohortAnalysis(cohort: "spring", attempts: attempts), attempts)
  }

  @Test func theLatestAttemptIsTheLastStoredNotTheLastStarted() throws {
    let (_, attempts) = try Self.cohort()
    // Ada's second attempt was stored first (an import can bring in an older session
    // later, and a file can claim any date): her latest is the one stored last.
    var stored = attempts
    stored.swapAt(0, 1)
    let analysis = CohortAnalysis(cohort: "spring", attempts: stored)
    #expect(analysis.sessions.map(\.trainee) == ["Ada", "Ada", "Ada", "Bob", "Cy", "Dee", "Eve"])
    let ada = try #require(analysis.trainees.first { $0.trainee == "Ada" })
    #expect(ada.latest?.overall == attempts[0].scored?.report.overall)
    #expect(ada.best?.overall == attempts[1].scored?.report.overall)
  }

  @Test func practiceIsListedButNotCountedUnlessAskedFor() throws {
    var (_, attempts) = try Self.cohort()
    attempts[1].mode = .practice
    let analysis = CohortAnalysis(cohort: "spring", attempts: attempts)
    let ada = try #require(analysis.trainees.first { $0.trainee == "Ada" })
    #expect(ada.finished == 2)
    #expect(ada.latest?.overall == attempts[0].scored?.report.overall)
    #expect(analysis.sessions[1].mode == .practice)
    let counted = CohortAnalysis(cohort: "spring", attempts: attempts, includePractice: true)
    #expect(counted.trainees.first?.latest?.overall == attempts[1].scored?.report.overall)
  }

  @Test func countsLatestAndBestAttempts() throws {
    let (analysis, attempts) = try Self.cohort()
    #expect(analysis.counts.sessions == 7)
    #expect(analysis.counts.trainees == 5)
    #expect(analysis.counts.finished == 5)
    #expect(analysis.counts.active == 1)
    #expect(analysis.counts.abandoned == 1)
    #expect(analysis.sessions.map(\.trainee) == ["Ada", "Ada", "Ada", "Bob", "Cy", "Dee", "Eve"])
    #expect(analysis.sessions[2].overall == nil)

    let ada = try #require(analysis.trainees.first { $0.trainee == "Ada" })
    #expect(ada.attempts == 3)
    #expect(ada.finished == 2)
    let first = try #require(attempts[0].scored?.report.overall)
    let second = try #require(attempts[1].scored?.report.overall)
    #expect(first < second)
    #expect(ada.latest?.overall == second)
    #expect(ada.best?.overall == second)
    let dee = try #require(analysis.trainees.first { $0.trainee == "Dee" })
    #expect(dee.latest == nil)
    #expect(dee.finished == 0)
  }

  @Test func ratesCountEachTraineesLatestFinishedAttempt() throws {
    let (analysis, _) = try Self.cohort()
    let scenario = try #require(analysis.scenarios.first)
    // Ada (latest), Bob, Cy, Eve; Ada's first attempt missed the deadline but no longer
    // counts. Bob met it at 2h, after 1h: late.
    #expect(scenario.counted == 4)
    #expect(scenario.deadlines.map(\.missed) == [Proportion(count: 0, total: 4)])
    #expect(scenario.deadlines.map(\.late) == [1])
    // Promises: Ada, Cy and Eve chose "now"; Eve never updated customers again, but
    // her play ended before the promise fell due, so it is not broken.
    #expect(scenario.promises.made == 3)
    #expect(scenario.promises.keptOnTime == 2)
    #expect(scenario.promises.broken == Proportion(count: 0, total: 3))
    #expect(analysis.promisesBroken == Proportion(count: 0, total: 3))
    let sorry = try #require(scenario.criteria.first { $0.label == "Says sorry" })
    #expect(sorry.passed == Proportion(count: 1, total: 1))
    #expect(scenario.statements == 1)
  }

  @Test func itemAnalysisAndWrongTurnFromPlayedSessions() throws {
    let (analysis, attempts) = try Self.cohort()
    let scenario = try #require(analysis.scenarios.first)
    #expect(scenario.decisions.map(\.node) == ["a", "b"])
    let first = scenario.decisions[0]
    #expect(first.reached == 4)
    #expect(first.options.map(\.id) == ["now", "later", "never"])
    #expect(first.options.map(\.chosen) == [3, 1, 0])
    #expect(first.options.map(\.best) == [true, false, false])
    let takers = [attempts[1], attempts[4], attempts[6]].compactMap { $0.scored?.report.overall }
    let mean = takers.reduce(0, +) / 3
    #expect(abs((first.options[0].meanOverall ?? 0) - mean) < 1e-9)

    // At b every one of Bob, Cy and Eve went wrong once; Eve's "skip" earns no credit,
    // the least of them, so it is the most common wrong turn on the tie.
    let turn = try #require(analysis.commonWrongTurn)
    #expect(turn.node == "b")
    #expect(turn.choice == "skip")
    #expect(turn.best == "tell-staff")
    #expect(turn.takers == Proportion(count: 1, total: 4))
  }

  /// Five trainees through the engine. Credits: at a, now (quality 3) 1, later (0) .5,
  /// never (−3) 0; at b, tell-staff (2) 1, skip (−2) 0, blame (−1) .25, post (1) .75.
  ///
  /// | trainee | a  | b   | total |
  /// |---------|----|-----|-------|
  /// | Ada     | 1  | 1   | 2     |
  /// | Bob     | .5 | 0   | .5    |
  /// | Cy      | 1  | .75 | 1.75  |
  /// | Eve     | 1  | 0   | 1     |
  /// | Fay     | 0  | .25 | .25   |
  ///
  /// a: mean .7, SS .09 + .04 + .09 + .09 + .49 = .8; b: mean .4, SS .36 + .16 + .1225
  /// + .16 + .0225 = .825; totals: mean 1.1, SS .81 + .36 + .4225 + .01 + .7225 = 2.325.
  /// α = 2 × (1 − 1.625 / 2.325) = 1.4 / 2.325 = 56/93 ≈ 0.6022.
  ///
  /// Item–rest at a: x = 1 0 1 1 0 (took "now"), rest = credit at b = 1 0 .75 0 .25;
  /// x̄ = .6, ȳ = .4; Sxy = .24 + .24 + .14 − .16 + .09 = .55; Sxx = 1.2; Syy = .825;
  /// r = .55 / √.99 = √11 / 6 ≈ 0.5528.
  /// At b: x = 1 0 0 0 0, rest = credit at a = 1 .5 1 1 0; x̄ = .2, ȳ = .7;
  /// Sxy = .8 × .3 + (−.2)(−.2 + .3 + .3 − .7) = .24 + .06 = .3; Sxx = .8; Syy = .8;
  /// r = .3 / .8 = 0.375.
  @Test func reliabilityAndItemRestFromPlayedSessions() throws {
    let attempts = [
      try Self.attempt("Ada", [.choose(1), .choose(1)], hour: 1),
      try Self.attempt("Bob", [.choose(2), .choose(2)], hour: 2),
      try Self.attempt("Cy", [.choose(1), .choose(4), .write("Sorry.")], hour: 3),
      try Self.attempt("Eve", [.choose(1), .choose(2)], hour: 4),
      try Self.attempt("Fay", [.choose(3), .choose(3)], hour: 5),
    ]
    let analysis = CohortAnalysis(cohort: "spring", attempts: attempts)
    let scenario = try #require(analysis.scenarios.first)
    #expect(scenario.counted == 5)
    #expect(scenario.indicative)
    #expect(abs((scenario.reliability.alpha ?? 0) - 56.0 / 93) < 1e-12)
    #expect(scenario.reliability.decisions == 2)
    #expect(scenario.reliability.trainees == 5)
    let a = try #require(scenario.decisions.first { $0.node == "a" })
    let b = try #require(scenario.decisions.first { $0.node == "b" })
    #expect(abs((a.itemRest ?? 0) - Double(11).squareRoot() / 6) < 1e-12)
    #expect(abs((b.itemRest ?? 0) - 0.375) < 1e-12)
    #expect(a.itemRestCount == 5)
    // Five trainees: fewer than six, so nothing is flagged whatever D and r say.
    #expect(scenario.decisions.allSatisfy { $0.flag == nil })
  }

  @Test func scoredSessionsPointAtTheirInputs() throws {
    let scenario = try Self.scenario()
    let scored = try ScoredSession.replay(
      scenario, inputs: [.choose(1), .undo, .choose(2), .choose(4), .write("Sorry.")],
      options: SessionOptions(mode: .practice, shuffles: false)
    ).get()
    #expect(scored.report.decisions.map(\.chosen) == ["later", "post"])
    #expect(scored.decisionInputs == [2, 3])
    #expect(scored.statementInputs == [4])
    #expect(scored.state.finished)
  }

  @Test func inputsThatDoNotReplayNameTheFirstBadOne() throws {
    let scenario = try Self.scenario()
    let result = ScoredSession.replay(
      scenario, inputs: [.choose(1), .choose(9)], options: SessionOptions(shuffles: false))
    guard case .failure(let error) = result else {
      Issue.record("an impossible option replayed")
      return
    }
    #expect(error.index == 1)
    #expect(error.error == .noSuchOption(9, offered: 4))
  }

  @Test func thePromisePriorityAgreesInNumber() {
    func text(_ broken: Int, of made: Int) -> String? {
      CohortAnalysis.priorities(
        scenarios: [], wrongTurn: nil, promises: Proportion(count: broken, total: made)
      ).first { $0.kind == .promise }?.text
    }
    #expect(text(1, of: 1)?.hasPrefix("1 of 1 promise made during play was broken") == true)
    #expect(text(1, of: 3)?.hasPrefix("1 of 3 promises made during play was broken") == true)
    #expect(text(2, of: 3)?.hasPrefix("2 of 3 promises made during play were broken") == true)
  }
}
