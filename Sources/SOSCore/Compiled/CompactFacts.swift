/// Where each kind of yes-or-no fact of a ``CompactState`` lies in its one word list
/// (``CompactState/flags``): visited nodes, chosen options, tags, fired injects,
/// missed deadlines, reached playtest outcomes and contacted stakeholders, each a
/// run of whole 64-bit words. Keeping them in one list means a step that changes
/// several of them copies and frees one list, not one for each.
struct CompactFacts: Sendable {
  /// A kind of fact, by index into the layout.
  enum Kind: Int, CaseIterable, Sendable {
    case visited, chosen, tag, firedInject, missedDeadline, reachedOutcome, contacted
  }

  /// By kind: the first word of its run, and how many indices it holds.
  private let starts: SIMD8<Int32>
  private let capacities: SIMD8<Int32>
  /// How many words all the runs take.
  let wordCount: Int

  /// A layout for a scenario with these counts (nodes, options, tags, injects,
  /// deadlines, outcome slots, stakeholders), by kind.
  init(capacities counts: [Kind: Int]) {
    var starts = SIMD8<Int32>(repeating: 0)
    var capacities = SIMD8<Int32>(repeating: 0)
    var next = 0
    for kind in Kind.allCases {
      let count = max(counts[kind] ?? 0, 0)
      starts[kind.rawValue] = Int32(next)
      capacities[kind.rawValue] = Int32(count)
      next += (count + 63) / 64
    }
    self.starts = starts
    self.capacities = capacities
    wordCount = next
  }

  /// The first word of `kind`'s run.
  @inline(__always)
  func start(_ kind: Kind) -> Int { Int(starts[kind.rawValue]) }

  /// How many indices `kind`'s run holds.
  @inline(__always)
  func capacity(_ kind: Kind) -> Int { Int(capacities[kind.rawValue]) }

  /// The words of `kind`'s run.
  @inline(__always)
  func words(_ kind: Kind) -> Range<Int> {
    start(kind)..<start(kind) + (capacity(kind) + 63) / 64
  }
}
