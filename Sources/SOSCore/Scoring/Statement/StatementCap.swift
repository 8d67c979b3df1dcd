/// A ceiling on a statement's score, from a fault that no number of good phrases can
/// make up for: stuffing, a reversal, polite hostility or blame, a channel misused, a
/// notice missing what the law asks for (facilitator-guide/scoring.md §10.4 and §14.4).
public struct StatementCap: Hashable, Sendable, Codable {
  /// A stable identifier: "stuffing", "reversal", "hostility", "channel", ….
  public var id: String
  /// The grade on the 1–5 rubric the fault caps a statement at.
  public var grade: Int
  /// The highest score the statement can have with this fault.
  public var ceiling: Int
  /// Why, in one plain sentence.
  public var reason: String
  /// The words that show it, as written.
  public var evidence: [String]

  /// Creates a cap at `grade`, with that grade's ceiling.
  public init(id: String, grade: Int, reason: String, evidence: [String] = []) {
    self.id = id
    self.grade = grade
    self.ceiling = Self.ceiling(grade: grade)
    self.reason = reason
    self.evidence = evidence
  }

  /// The score ceiling of each capped grade: 1 → 10, 2 → 30, 3 → 50, 4 → 70.
  public static func ceiling(grade: Int) -> Int {
    switch grade {
    case ...1: return 10
    case 2: return 30
    case 3: return 50
    case 4: return 70
    default: return 100
    }
  }
}
