import Testing

@testable import SOSCore

@Suite struct StatementFixtureTests {
  static func analyze(_ fixture: StatementFixture) -> StatementAnalysis {
    StatementAnalyzer().analyze(fixture.text, channel: fixture.channel, audience: fixture.audience)
  }

  @Test(arguments: StatementFixture.all)
  func fixtureMeetsItsExpectations(_ fixture: StatementFixture) {
    let analysis = Self.analyze(fixture)
    for (id, expected) in fixture.expect.sorted(by: { $0.key < $1.key }) {
      let criterion = analysis.criterion(id)
      #expect(
        criterion?.result == expected,
        "\(id): expected \(expected), got \(criterion.map { "\($0.result) \($0.evidence)" } ?? "none")"
      )
    }
    switch fixture.tier {
    case .strong: #expect(analysis.score >= 85, "score \(analysis.score)")
    case .middling: #expect(analysis.score > 40 && analysis.score < 85, "score \(analysis.score)")
    case .poor: #expect(analysis.score <= 40, "score \(analysis.score)")
    }
  }

  @Test func tiersAreOrderedWithinEachChannelAndAudience() {
    let groups = Dictionary(grouping: StatementFixture.all) { fixture in
      "\(fixture.channel.rawValue)/"
        + StatementProfile.of(channel: fixture.channel, audience: fixture.audience).rawValue
    }
    for (group, fixtures) in groups.sorted(by: { $0.key < $1.key }) {
      let scored = fixtures.map { ($0, Self.analyze($0).score) }
      for (higher, higherScore) in scored {
        for (lower, lowerScore) in scored where lower.tier < higher.tier {
          #expect(
            higherScore > lowerScore,
            "\(group): \(higher.name) (\(higherScore)) should beat \(lower.name) (\(lowerScore))")
        }
      }
    }
  }

  @Test func fixturesCoverEveryChannelAndTier() {
    #expect(StatementFixture.all.count >= 60)
    for channel in Channel.allCases {
      let tiers = Set(StatementFixture.all.filter { $0.channel == channel }.map(\.tier))
      #expect(tiers == [.poor, .middling, .strong], "\(channel)")
    }
    #expect(Set(StatementFixture.all.map(\.name)).count == StatementFixture.all.count)
  }
}
