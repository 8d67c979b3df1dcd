import Testing

@testable import SOSCore

/// The scorer scores a statement a tool assumes (a hypothetical analysis) without
/// reading text, and real text exactly as before.
@Suite struct ScorerAssumptionTests {
  static let options = SessionOptions(shuffles: false)

  @Test func anAssumedStatementEarnsItsScore() throws {
    let engine = try EngineAssumptionTests.engine(EngineAssumptionTests.statement)
    let scorer = Scorer(engine: engine)
    let record = EngineAssumptionTests.record(score: 80, met: ["apology"], isStatement: true)
    let report = try scorer.score(
      inputs: [.choose(1), .write("")], options: Self.options,
      assuming: [1: Engine.Assumption(statement: record)]
    ).get()
    #expect(report.ending == "praised")
    let analysis = try #require(report.statements.first?.analysis)
    #expect(analysis.score == 80)
    #expect(analysis.isStatement)
    #expect(analysis.metCriteria == ["apology"])
    let entry = try #require(report.ledger.first { $0.rule == .statement })
    #expect(abs(entry.points - entry.maximum * 0.8) < 1e-9)
  }

  @Test func anAssumedStatementThatSaysNothingEarnsNothing() throws {
    let engine = try EngineAssumptionTests.engine(EngineAssumptionTests.statement)
    let record = EngineAssumptionTests.record(score: 30, met: ["apology"], isStatement: false)
    let report = try Scorer(engine: engine).score(
      inputs: [.choose(1), .write("")], options: Self.options,
      assuming: [1: Engine.Assumption(statement: record)]
    ).get()
    #expect(report.ending == "criticised")
    #expect(report.statements.first?.analysis.isStatement == false)
    #expect(report.ledger.first { $0.rule == .statement }?.points == 0)
  }

  @Test func realTextIsScoredAsBefore() throws {
    let engine = try EngineAssumptionTests.engine(EngineAssumptionTests.statement)
    let scorer = Scorer(engine: engine)
    let text = "We are sorry. Our app was down this morning and we are fixing it now."
    let inputs: [SessionInput] = [.choose(1), .write(text)]
    let real = try scorer.score(inputs: inputs, options: Self.options).get()
    let nothingAssumed = try scorer.score(inputs: inputs, options: Self.options, assuming: [:])
      .get()
    #expect(real == nothingAssumed)
    #expect(
      real.statements.first?.analysis
        == StatementAnalyzer().analyze(text, channel: .social, audience: "customers"))
  }
}
