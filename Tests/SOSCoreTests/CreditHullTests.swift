import Testing

@testable import SOSCore

/// The credit hulls a score-bounds sweep bounds the choices' mean by
/// (``CreditHull``): their means equal the highest and lowest of every path's.
@Suite struct CreditHullTests {
  /// A step of a random graph: where it leads, whether it is graded and its credit.
  struct Step {
    var target: Int
    var graded: Bool
    var credit: Double
  }

  /// A graph of `states` states, each stepping only to later ones, the last
  /// `finished` of them finished.
  static func graph(states: Int, finished: Int, using generator: inout SeededGenerator)
    -> [[Step]]
  {
    let credits = [0, 1.0 / 3, 0.5, 2.0 / 3, 1]
    return (0..<states).map { state in
      guard state < states - finished else { return [] }
      return (0..<Int.random(in: 1...3, using: &generator)).map { _ in
        // An ungraded step gives no credit, as in play.
        let graded = Int.random(in: 0..<4, using: &generator) != 0
        let credit = credits[Int.random(in: 0..<credits.count, using: &generator)]
        return Step(
          target: Int.random(in: (state + 1)..<states, using: &generator), graded: graded,
          credit: graded ? credit : 0)
      }
    }
  }

  @Test(arguments: 1...40)
  func theMeansAreThoseOfTheBestAndWorstPath(seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    let steps = Self.graph(states: 14, finished: 3, using: &generator)
    var above = CreditHull(states: steps.count, above: true)
    var below = CreditHull(states: steps.count, above: false)
    // Every path's count and credit from each state, listed in full.
    var paths: [[(count: Int, sum: Double)]] = Array(repeating: [], count: steps.count)
    for state in steps.indices.reversed() {
      if steps[state].isEmpty {
        paths[state] = [(0, 0)]
        above.close(state, finished: true)
        below.close(state, finished: true)
        continue
      }
      for step in steps[state] {
        above.gather(step.target, graded: step.graded, credit: step.credit)
        below.gather(step.target, graded: step.graded, credit: step.credit)
        paths[state] += paths[step.target].map {
          ($0.count + (step.graded ? 1 : 0), $0.sum + step.credit)
        }
      }
      above.close(state)
      below.close(state)
    }
    for state in steps.indices {
      for (count, sum) in [(0, 0.0), (1, 0), (1, 1), (3, 2), (7, 1.5)] {
        let means = paths[state].compactMap { path in
          count + path.count > 0 ? (sum + path.sum) / Double(count + path.count) : nil
        }
        let highest = above.mean(at: state, count: count, sum: sum)
        let lowest = below.mean(at: state, count: count, sum: sum)
        #expect(
          highest == nil && means.isEmpty || abs((highest ?? -1) - (means.max() ?? -2)) < 1e-9)
        #expect(lowest == nil && means.isEmpty || abs((lowest ?? -1) - (means.min() ?? -2)) < 1e-9)
      }
    }
  }
}
