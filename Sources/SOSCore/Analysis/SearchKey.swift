/// How the score-bounds search tells states apart: two states with equal keys have
/// the same futures, and the score of each path from them follows from the key and
/// from what the search carries along the path to it.
///
/// A key keeps of a ``SessionState`` its ``Situation`` (where play is and the facts
/// the engine reads again: node, pending statement, the variables, tags, nodes,
/// choices, stakeholders and statements conditions name, spent injects (fired, or
/// never to fire), settled
/// deadlines (and which were met, where a condition names them), promises (whether
/// open, and to whom), the return stack; see ``SituationCoder``)
/// and the clock, where something ahead still depends on the time (an inject not yet
/// due, a deadline not yet settled, a condition on the clock), or the class of clocks
/// at its node that lead to the same futures (``ClockClasses``): elsewhere play from a
/// state goes the same way whenever it is, only later, and its clock is left out
/// (``anyClock``) and carried along the paths. It leaves
/// out the input log, the shown order and the number of random draws (the search
/// assumes its draws), and the times and decisions that only the score reads: those
/// are carried along the paths (a ``Timeline`` and a ``History``) and compared there.
/// With chance outcomes, where the expected score needs each state's own past, the
/// key keeps them too (`past`).
struct SearchKey: Hashable, Sendable {
  var situation: Situation
  /// The clock, in seconds; ``anyClock``; or below it, a class of clocks
  /// (``ClockClasses/key(node:seconds:)``).
  var clock: Int
  /// The timeline and history, when states are told apart by them too.
  var past: Past?

  /// The clock of a key where nothing ahead depends on the time any more: states
  /// of one situation then share their futures, each shifted by its own clock.
  static let anyClock = -1

  /// A state's own timeline (settled) and history.
  struct Past: Hashable, Sendable {
    var timeline: Timeline
    var history: History
  }

  /// The facts conditions can read and the ending depends on, without any time,
  /// written by a ``SituationCoder``.
  struct Situation: Hashable, Sendable {
    let words: [UInt64]
    /// The words mixed into one, worked out once: a state's key is hashed several
    /// times (looked up, stored, put on the path and taken off it), and two keys
    /// whose digests differ are not compared word by word.
    let digest: UInt64

    init(words: [UInt64]) {
      self.init(words: words, digest: Self.digest(of: words))
    }

    /// A situation of `words` whose ``digest`` is worked out already.
    init(words: [UInt64], digest: UInt64) {
      self.words = words
      self.digest = digest
    }

    /// The words mixed into one.
    static func digest(of words: [UInt64]) -> UInt64 {
      var digest: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(words.count)
      for word in words {
        digest = (digest ^ word) &* 0x9E37_79B9_7F4A_7C15
        digest ^= digest >> 31
      }
      return digest
    }

    static func == (left: Situation, right: Situation) -> Bool {
      left.digest == right.digest && left.words == right.words
    }

    /// Hashes the digest (the words are mixed into it).
    func hash(into hasher: inout Hasher) {
      hasher.combine(digest)
    }
  }

  /// What the score adds up from the decisions and statements so far: its shape
  /// (how many of each were counted) and the sums within it.
  struct History: Hashable, Sendable {
    var shape = Shape()
    /// The exact sum of the graded decisions' credits.
    var credit = Fraction.zero
    /// The sum of the postures' fits (quarters and halves: exact in a `Double`).
    var fit = 0.0
    /// The scores of the statements that say something, added up.
    var statementPoints = 0

    /// How many decisions, postures and statements count, and whether a denial and
    /// a rebuild were taken: two histories of one shape differ only in sums that the
    /// score rises with.
    struct Shape: Hashable, Sendable {
      /// Decisions whose offered options differed in quality.
      var graded = 0
      /// Options taken that have a posture.
      var postures = 0
      /// Whether a denial and a rebuild were taken (both together cost a penalty).
      var denied = false
      var rebuilt = false
      var statements = 0
      /// Set when the credit sum no longer fits exactly: the key then equals no other.
      var unique: Int?
    }

    /// Counts an option of `total` quality and `posture` (of `fit` in the crisis),
    /// taken among options whose qualities run from `low` to `high`: as
    /// ``add(_:among:in:serial:)`` counts it.
    mutating func add(
      total: Int, posture: Posture?, fit postureFit: Double?, low: Int, high: Int,
      serial: () -> Int
    ) {
      if let posture {
        shape.postures += 1
        fit += postureFit ?? 0
        if posture == .deny { shape.denied = true }
        if posture == .rebuild { shape.rebuilt = true }
      }
      guard high > low else { return }
      shape.graded += 1
      if let sum = credit.adding(Fraction(total - low, high - low)) {
        credit = sum
      } else {
        shape.unique = serial()
      }
    }

    /// Counts `choice`, taken among `offered` in a crisis of `cluster`.
    mutating func add(
      _ choice: Choice, among offered: [Choice], in cluster: CrisisCluster, serial: () -> Int
    ) {
      if let posture = choice.posture {
        shape.postures += 1
        fit += ScoringDefaults.postureFit(posture, in: cluster)
        if posture == .deny { shape.denied = true }
        if posture == .rebuild { shape.rebuilt = true }
      }
      let totals = offered.map(\.totalQuality)
      guard let high = totals.max(), let low = totals.min(), high > low else { return }
      shape.graded += 1
      if let sum = credit.adding(Fraction(choice.totalQuality - low, high - low)) {
        credit = sum
      } else {
        shape.unique = serial()
      }
    }

    /// Counts a statement.
    mutating func add(_ statement: StatementRecord) {
      shape.statements += 1
      if statement.isStatement { statementPoints += statement.score }
    }
  }

  /// An exact non-negative fraction, kept in lowest terms.
  struct Fraction: Hashable, Sendable {
    var numerator: Int
    var denominator: Int

    static let zero = Fraction(0, 1)

    init(_ numerator: Int, _ denominator: Int) {
      let divisor = Self.gcd(numerator, denominator)
      self.numerator = divisor == 0 ? numerator : numerator / divisor
      self.denominator = divisor == 0 ? denominator : denominator / divisor
    }

    /// Its value as a `Double`.
    var value: Double { Double(numerator) / Double(max(denominator, 1)) }

    /// The sum, or `nil` when it does not fit in `Int`.
    func adding(_ other: Fraction) -> Fraction? {
      let (left, overflowLeft) = numerator.multipliedReportingOverflow(by: other.denominator)
      let (right, overflowRight) = other.numerator.multipliedReportingOverflow(by: denominator)
      let (sum, overflowSum) = left.addingReportingOverflow(right)
      let (product, overflowProduct) = denominator.multipliedReportingOverflow(
        by: other.denominator)
      guard !(overflowLeft || overflowRight || overflowSum || overflowProduct) else {
        return nil
      }
      return Fraction(sum, product)
    }

    static func gcd(_ first: Int, _ second: Int) -> Int {
      var (a, b) = (first.magnitude, second.magnitude)
      while b != 0 { (a, b) = (b, a % b) }
      return Int(clamping: a)
    }
  }
}
