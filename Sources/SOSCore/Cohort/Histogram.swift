/// Counts of scores (0–100) in ten bands of ten points: 0–9, 10–19, …, 90–100 (a
/// perfect 100 falls in the last band).
public struct Histogram: Hashable, Sendable, Codable {
  /// One band of scores and how many fell in it.
  public struct Bin: Hashable, Sendable, Codable {
    /// The lowest score in the band.
    public var lower: Int
    /// The highest whole score in the band (9, 19, …, 100).
    public var upper: Int
    public var count: Int
  }

  public var bins: [Bin]

  /// The histogram of `scores`; values outside 0–100 are clamped into it.
  public init(_ scores: [Double]) {
    var counts = [Int](repeating: 0, count: 10)
    for score in scores where score.isFinite {
      counts[min(max(Int(score / 10), 0), 9)] += 1
    }
    bins = counts.enumerated().map { index, count in
      Bin(lower: index * 10, upper: index == 9 ? 100 : index * 10 + 9, count: count)
    }
  }

  /// The number of scores counted.
  public var total: Int { bins.reduce(0) { $0 + $1.count } }

  /// The largest count of any band.
  public var largestCount: Int { bins.map(\.count).max() ?? 0 }
}
