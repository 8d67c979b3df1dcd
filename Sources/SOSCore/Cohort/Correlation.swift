/// Pearson's product-moment correlation, for the item–rest correlation of a decision.
///
/// With one variable 0/1 (took the strongest option or not) it is the point-biserial
/// correlation: `r = (M₁ − M₀) / sₙ × √(p q)`, where M₁ and M₀ are the mean rest scores
/// of those who took the strongest option and of those who did not, sₙ the standard
/// deviation (dividing by n) of all rest scores, p the share who took it and q = 1 − p.
/// Both forms give the same number; this one is computed as
///
///     r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²)
enum Correlation {
  /// The fewest pairs a correlation is computed from: two points always lie on a line.
  static let minimumPairs = 3

  /// The correlation of `x` and `y` (paired by position), −1…1; `nil` for fewer than
  /// ``minimumPairs`` pairs, lists of different lengths, or when either variable does
  /// not vary (everyone took the strongest option, say) — never NaN.
  static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count, x.count >= minimumPairs,
      let meanX = ScoreStatistics.mean(x), let meanY = ScoreStatistics.mean(y)
    else { return nil }
    var products = 0.0
    var squaresX = 0.0
    var squaresY = 0.0
    for (left, right) in zip(x, y) {
      products += (left - meanX) * (right - meanY)
      squaresX += (left - meanX) * (left - meanX)
      squaresY += (right - meanY) * (right - meanY)
    }
    // Values that are equal but for rounding dust count as not varying.
    let tolerance = 1e-12 * Double(x.count)
    guard squaresX > tolerance, squaresY > tolerance else { return nil }
    let r = products / (squaresX * squaresY).squareRoot()
    guard r.isFinite else { return nil }
    return min(max(r, -1), 1)
  }
}
