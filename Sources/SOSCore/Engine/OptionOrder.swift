/// The order in which a decision's options are shown: drawn from the session's seed,
/// with pinned options kept first or last, so that the strongest option is not always
/// in the same place and the same seed always gives the same order.
enum OptionOrder {
  /// The ids of `choices` in the order to show them, for the `draw`-th draw of a
  /// session seeded with `seed`.
  static func arrange(_ choices: [Choice], seed: UInt64, draw: UInt64) -> [String] {
    // Read by position, so that no option is copied whole.
    var first: [String] = []
    var middle: [String] = []
    var last: [String] = []
    middle.reserveCapacity(choices.count)
    for index in choices.indices {
      switch choices[index].pin {
      case .first: first.append(choices[index].id)
      case .last: last.append(choices[index].id)
      case nil: middle.append(choices[index].id)
      }
    }
    var generator = Self.generator(seed: seed, draw: draw)
    // Fisher–Yates with the seeded generator: the same seed and draw, the same order.
    if middle.count > 1 {
      for index in stride(from: middle.count - 1, to: 0, by: -1) {
        let other = Int(generator.next() % UInt64(index + 1))
        middle.swapAt(index, other)
      }
    }
    guard !first.isEmpty || !last.isEmpty else { return middle }
    return first + middle + last
  }

  /// A generator for one draw of a session: independent draws from one seed.
  static func generator(seed: UInt64, draw: UInt64) -> SeededGenerator {
    var mixer = SeededGenerator(seed: seed ^ (draw &* 0xD1B5_4A32_D192_ED03))
    return SeededGenerator(seed: mixer.next())
  }

  /// The index of the outcome drawn among weighted `chances`, for the `draw`-th draw.
  static func pick(_ chances: [Int], seed: UInt64, draw: UInt64) -> Int {
    let total = chances.reduce(0) { $0 + max($1, 0) }
    guard total > 0 else { return 0 }
    var generator = generator(seed: seed, draw: draw)
    var roll = Int(generator.next() % UInt64(total))
    for (index, chance) in chances.enumerated() {
      roll -= max(chance, 0)
      if roll < 0 { return index }
    }
    return chances.count - 1
  }
}
