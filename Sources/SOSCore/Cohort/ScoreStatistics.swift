/// A summary of a set of scores: how many, their mean and spread, the extremes, the
/// median and a histogram.
///
/// The spread is the sample standard deviation (dividing by n − 1), `nil` for fewer
/// than two scores; the median of an even count is the mean of the middle two.
public struct ScoreStatistics: Hashable, Sendable, Codable {
  public var count: Int
  public var mean: Double?
  public var standardDeviation: Double?
  public var minimum: Double?
  public var median: Double?
  public var maximum: Double?
  public var histogram: Histogram

  /// Summarises `scores` (non-finite values are left out).
  public init(_ scores: [Double]) {
    let values = scores.filter(\.isFinite).sorted()
    count = values.count
    mean = Self.mean(values)
    standardDeviation = Self.standardDeviation(values)
    minimum = values.first
    maximum = values.last
    if values.isEmpty {
      median = nil
    } else if values.count.isMultiple(of: 2) {
      median = (values[values.count / 2 - 1] + values[values.count / 2]) / 2
    } else {
      median = values[values.count / 2]
    }
    histogram = Histogram(values)
  }

  /// The arithmetic mean, `nil` for no values.
  public static func mean(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    return values.reduce(0, +) / Double(values.count)
  }

  /// The sample standard deviation √(Σ(x − mean)² / (n − 1)), `nil` for n < 2.
  public static func standardDeviation(_ values: [Double]) -> Double? {
    guard values.count >= 2, let mean = mean(values) else { return nil }
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(values.count - 1)).squareRoot()
  }
}
