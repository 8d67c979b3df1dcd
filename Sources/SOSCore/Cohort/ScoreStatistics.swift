/// A summary of a set of scores: how many, their mean and spread, the extremes, the
/// median and quartiles, whether they are skewed, and a histogram.
///
/// The spread is the sample standard deviation (dividing by n − 1), `nil` for fewer
/// than two scores. Quantiles interpolate linearly between the two nearest ranks (the
/// rule of Excel's `QUARTILE.INC`, R's and NumPy's default): the p-quantile of the
/// sorted scores x₀ … xₙ₋₁ is `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])` with
/// `h = (n − 1)p`; so the median of an even count is the mean of the middle two.
///
/// Scores are ``skewed`` when the mean and the median lie more than a fifth of a
/// standard deviation apart: `|mean − median| > 0.2 × SD`, which is Pearson's second
/// skewness coefficient `3(mean − median) / SD` beyond ±0.6. Then a few very low or very
/// high scores pull the mean away from most trainees, and the median with the
/// interquartile range (Q1–Q3, the middle half of the scores) describe the group
/// better than the mean ± SD; the reports show both.
///
/// ```swift
/// let statistics = ScoreStatistics([20, 70, 72, 75, 80])
/// statistics.median       // 72
/// statistics.skewed       // true: the mean, 63.4, is pulled down by the 20
/// ```
public struct ScoreStatistics: Hashable, Sendable, Codable {
  public var count: Int
  public var mean: Double?
  public var standardDeviation: Double?
  public var minimum: Double?
  /// The first quartile: a quarter of the scores lie below it.
  public var lowerQuartile: Double?
  public var median: Double?
  /// The third quartile: a quarter of the scores lie above it.
  public var upperQuartile: Double?
  public var maximum: Double?
  /// Whether `|mean − median| > 0.2 × SD` (never with fewer than three scores or no
  /// spread): read the median and quartiles rather than the mean and SD.
  public var skewed: Bool
  public var histogram: Histogram

  /// The share of a standard deviation by which mean and median must differ for the
  /// scores to count as skewed.
  public static let skewThreshold = 0.2

  /// Summarises `scores` (non-finite values are left out).
  public init(_ scores: [Double]) {
    let values = scores.filter(\.isFinite).sorted()
    count = values.count
    mean = Self.mean(values)
    standardDeviation = Self.standardDeviation(values)
    minimum = values.first
    maximum = values.last
    lowerQuartile = Self.quantile(0.25, ofSorted: values)
    median = Self.quantile(0.5, ofSorted: values)
    upperQuartile = Self.quantile(0.75, ofSorted: values)
    skewed = Self.isSkewed(mean: mean, median: median, standardDeviation: standardDeviation)
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

  /// The `p`-quantile (0…1) of values sorted in ascending order, interpolated linearly
  /// between the nearest ranks; `nil` for no values.
  public static func quantile(_ p: Double, ofSorted values: [Double]) -> Double? {
    guard let first = values.first else { return nil }
    let position = Double(values.count - 1) * min(max(p, 0), 1)
    let below = Int(position.rounded(.down))
    guard below + 1 < values.count else { return values.last ?? first }
    let fraction = position - Double(below)
    return values[below] + fraction * (values[below + 1] - values[below])
  }

  /// Whether the mean and the median lie more than ``skewThreshold`` standard
  /// deviations apart; `false` when any of them is unknown or the spread is 0.
  public static func isSkewed(mean: Double?, median: Double?, standardDeviation: Double?)
    -> Bool
  {
    guard let mean, let median, let standardDeviation, standardDeviation > 0 else {
      return false
    }
    return abs(mean - median) > skewThreshold * standardDeviation
  }
}
