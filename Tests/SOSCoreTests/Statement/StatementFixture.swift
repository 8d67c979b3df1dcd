import Testing

@testable import SOSCore

/// A statement written for the tests as a crisis-communication expert would judge it,
/// with its quality tier and the results expected for the criteria that matter.
struct StatementFixture: Sendable, CustomTestStringConvertible {
  enum Tier: Int, Comparable, Sendable {
    case poor
    case middling
    case strong

    static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  var name: String
  var channel: Channel
  var audience: String
  var tier: Tier
  var text: String
  var expect: [String: StatementCriterion.Result]

  var testDescription: String { name }

  static let all: [StatementFixture] = social + sms + email + memo + regulator
}
