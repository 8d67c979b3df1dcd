/// For each state of a graph, the graded decisions and the sum of their credits that
/// the paths from it to a finished state take, kept as the corners of their convex
/// hull on one side: above (the most credit for each count) or below (the least).
///
/// A history of `count` decisions and `sum` credit that goes on by a path of `n`
/// decisions and `c` credit ends with the mean `(sum + c) / (count + n)`: the slope
/// from `(-count, -sum)` to `(n, c)`, a point left of every path's. The steepest such
/// slope is at a corner of the hull above, the shallowest at one below, so a state's
/// corners bound the mean any path through it can end with.
struct CreditHull: Sendable {
  /// A count of graded decisions and their credit.
  struct Corner: Sendable {
    var count: Int32
    var sum: Double
  }

  /// Whether the hull is the one above (the most credit) or below.
  let above: Bool
  private var corners: [Corner] = []
  /// By state: its corners, in order of count.
  private var ranges: [Range<Int32>]
  /// The corners gathered for the state being closed.
  private var gathered: [Corner] = []

  init(states: Int, above: Bool) {
    self.above = above
    ranges = Array(repeating: 0..<0, count: states)
  }

  /// Gathers the corners of `target`'s hull, reached by a step that is `graded` and
  /// gives `credit`, for the state being worked out.
  mutating func gather(_ target: Int, graded: Bool, credit: Double) {
    let step: Int32 = graded ? 1 : 0
    for index in ranges[target] {
      let corner = corners[Int(index)]
      gathered.append(Corner(count: corner.count + step, sum: corner.sum + credit))
    }
  }

  /// Sets the hull of `state` to that of the corners gathered since the last state
  /// closed; a finished state's is the one corner of no decision.
  mutating func close(_ state: Int, finished: Bool = false) {
    if finished { gathered.append(Corner(count: 0, sum: 0)) }
    let above = self.above
    gathered.sort {
      $0.count != $1.count ? $0.count < $1.count : above ? $0.sum > $1.sum : $0.sum < $1.sum
    }
    let start = corners.count
    var previous: Int32?
    for corner in gathered {
      // Of one count, only the most (least) credit, sorted first, can be a corner.
      if corner.count == previous { continue }
      previous = corner.count
      // A corner left behind the line from the one before it to this one is dropped
      // (one on the line too, within rounding: the line's ends bound it).
      while corners.count - start >= 2 {
        let (first, second) = (corners[corners.count - 2], corners[corners.count - 1])
        let turn =
          Double(second.count - first.count) * (corner.sum - first.sum)
          - (second.sum - first.sum) * Double(corner.count - first.count)
        guard above ? turn >= -1e-9 : turn <= 1e-9 else { break }
        corners.removeLast()
      }
      corners.append(corner)
    }
    ranges[state] = Int32(start)..<Int32(corners.count)
    gathered.removeAll(keepingCapacity: true)
  }

  /// The highest (above) or lowest (below) mean credit a path through `state` ends
  /// with, after a history of `count` graded decisions and `sum` credit; `nil` when
  /// no path from there ends with a graded decision in all.
  func mean(at state: Int, count: Int, sum: Double) -> Double? {
    var best: Double?
    for index in ranges[state] {
      let corner = corners[Int(index)]
      let decisions = count + Int(corner.count)
      guard decisions > 0 else { continue }
      let mean = (sum + corner.sum) / Double(decisions)
      if let known = best {
        best = above ? max(known, mean) : min(known, mean)
      } else {
        best = mean
      }
    }
    return best
  }
}
