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

  /// One number for each kind, in the order of ``Kind``.
  private typealias Row = (Int32, Int32, Int32, Int32, Int32, Int32, Int32)

  /// By kind: the first word of its run, and how many indices it holds. Plain
  /// fields, not a vector: a vector's alignment would make every array of states
  /// allocate with `posix_memalign`.
  private var starts: Row = (0, 0, 0, 0, 0, 0, 0)
  private var capacities: Row = (0, 0, 0, 0, 0, 0, 0)
  /// How many words all the runs take.
  let wordCount: Int

  /// A layout for a scenario with these counts (nodes, options, tags, injects,
  /// deadlines, outcome slots, stakeholders), by kind.
  init(capacities counts: [Kind: Int]) {
    var next = 0
    for kind in Kind.allCases {
      let count = max(counts[kind] ?? 0, 0)
      Self.set(&starts, kind, Int32(next))
      Self.set(&capacities, kind, Int32(count))
      next += (count + 63) / 64
    }
    wordCount = next
  }

  @inline(__always)
  private static func get(_ row: Row, _ kind: Kind) -> Int {
    switch kind {
    case .visited: return Int(row.0)
    case .chosen: return Int(row.1)
    case .tag: return Int(row.2)
    case .firedInject: return Int(row.3)
    case .missedDeadline: return Int(row.4)
    case .reachedOutcome: return Int(row.5)
    case .contacted: return Int(row.6)
    }
  }

  private static func set(_ row: inout Row, _ kind: Kind, _ value: Int32) {
    switch kind {
    case .visited: row.0 = value
    case .chosen: row.1 = value
    case .tag: row.2 = value
    case .firedInject: row.3 = value
    case .missedDeadline: row.4 = value
    case .reachedOutcome: row.5 = value
    case .contacted: row.6 = value
    }
  }

  /// The first word of `kind`'s run.
  @inline(__always)
  func start(_ kind: Kind) -> Int { Self.get(starts, kind) }

  /// How many indices `kind`'s run holds.
  @inline(__always)
  func capacity(_ kind: Kind) -> Int { Self.get(capacities, kind) }

  /// The words of `kind`'s run.
  @inline(__always)
  func words(_ kind: Kind) -> Range<Int> {
    start(kind)..<start(kind) + (capacity(kind) + 63) / 64
  }
}
