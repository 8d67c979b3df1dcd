/// A named range of overall scores, such as "Strong" from 75.
public struct GradeBand: Hashable, Sendable, Codable {
  /// The lowest overall score in the band.
  public var minimum: Double
  public var name: String

  /// Creates a band.
  public init(minimum: Double, name: String) {
    self.minimum = minimum
    self.name = name
  }

  /// The band a score falls in: the one with the highest minimum not above it.
  public static func band(for score: Double, in bands: [GradeBand]) -> GradeBand {
    let sorted = bands.sorted { $0.minimum > $1.minimum }
    return sorted.first { score >= $0.minimum } ?? sorted.last
      ?? GradeBand(minimum: 0, name: "Not graded")
  }
}
