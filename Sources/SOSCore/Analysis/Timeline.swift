/// The times a session's score reads, as the score-bounds search carries them along
/// a path: each required stakeholder's first contact, each cadence rule's last
/// contact and overrun so far, each open promise's times, and the timeliness points
/// already settled (deadlines met, promises kept: their credit can no longer change).
///
/// The engine never reads these times (only whether someone was contacted or a
/// deadline met, which the situation keeps), so sessions that differ only in them
/// share their futures; and each score moves one way with each of them, so the
/// search keeps, of the timelines reaching a state, only those no other beats on
/// every one (see `StateGraph.front`).
struct Timeline: Hashable, Sendable {
  /// The times, laid out by ``Layout``, in seconds.
  var values: [Int32]
  /// Timeliness points settled so far: worth × credit of each deadline met and each
  /// promise kept.
  var settledPoints: Double = 0

  /// Where each time is kept, for one scenario.
  struct Layout: Sendable {
    /// Required stakeholders, in file order.
    let required: [String]
    /// Cadence rules: stakeholder, interval (seconds), weight and the quiet hours
    /// not counted in a gap.
    let cadence: [(stakeholder: String, every: Int, weight: Int, quiet: QuietHours?)]
    /// T+0 in minutes after midnight, which quiet hours need.
    let startsAt: Int?
    /// Deadlines: due, grace (seconds) and weight, by id.
    let deadlines: [String: (by: Int, grace: Int, weight: Int)]
    /// Every deadline's worth, added up, and how many there are.
    let deadlineWorth: Double
    let deadlineCount: Int

    init(_ scenario: Scenario) {
      required = scenario.stakeholders.filter(\.required).map(\.id)
      cadence = scenario.cadence.map {
        ($0.stakeholder.value, $0.every.seconds, $0.weight, $0.quiet)
      }
      startsAt = scenario.startsAt
      var deadlines: [String: (by: Int, grace: Int, weight: Int)] = [:]
      for deadline in scenario.deadlines where deadlines[deadline.id] == nil {
        deadlines[deadline.id] = (deadline.by.seconds, deadline.grace.seconds, deadline.weight)
      }
      self.deadlines = deadlines
      deadlineCount = scenario.deadlines.count
      deadlineWorth = scenario.deadlines.reduce(0) {
        $0 + ScoringDefaults.deadlineUnit * Double($1.weight)
      }
      every = cadence.map(\.every)
      hasQuiet = cadence.map { $0.quiet != nil && scenario.startsAt != nil }
      cadenceWorth = cadence.map { ScoringDefaults.cadenceUnit * Double($0.weight) }
    }

    var cadenceStart: Int { required.count }

    /// The gap from `start` to `end` (seconds) that counts against cadence `rule`:
    /// its quiet hours left out.
    func gap(from start: Int, to end: Int, rule: Int) -> Int {
      guard let quiet = cadence[rule].quiet, let startsAt else { return end - start }
      return end - start
        - quiet.overlap(
          from: ClockDuration(seconds: start), to: ClockDuration(seconds: end), startsAt: startsAt)
    }
    var promiseStart: Int { required.count + 3 * cadence.count }

    /// By cadence rule: its interval (seconds), whether it has quiet hours, and its
    /// worth (the cadence unit × its weight), read without copying the rule.
    let every: [Int]
    let hasQuiet: [Bool]
    let cadenceWorth: [Double]
  }

  /// What a score is worked out for: each reads some of the timeline.
  enum Objective: Hashable, Sendable, CaseIterable {
    case overall
    case timeliness
    case communication
  }

  /// Not contacted yet; a promise not kept.
  static let none = Int32.max
  /// A first contact early in the session whenever it ends; a promise kept.
  static let settled: Int32 = -2

  /// A timeline with nothing yet.
  init(_ layout: Layout) {
    values = Array(repeating: Self.none, count: layout.required.count)
    for _ in layout.cadence { values += [0, 0, 0] }
  }

  /// The timeline of `state`, read from its contacts, deadlines and promises.
  init(_ state: SessionState, layout: Layout) {
    self.init(layout)
    var contacts: [(stakeholder: String, at: ClockDuration)] = []
    for (stakeholder, times) in state.contacts {
      for time in times { contacts.append((stakeholder, time)) }
    }
    for contact in contacts.sorted(by: { $0.at < $1.at }) {
      apply(
        Self.contact(contact.stakeholder, at: Self.seconds(contact.at), layout: layout),
        layout: layout)
    }
    for (id, time) in state.metDeadlines.sorted(by: { $0.key < $1.key }) {
      if let change = Self.met(id, at: Self.seconds(time), layout: layout) {
        apply(change, layout: layout)
      }
    }
    for (index, promise) in state.promises.enumerated() {
      apply(
        .promise(madeAt: Self.seconds(promise.madeAt), due: Self.seconds(promise.due)),
        layout: layout)
      if case .kept(let time) = promise.status {
        apply(.kept(index + 1, at: Self.seconds(time)), layout: layout)
      }
    }
  }

  /// The timeline of a compact `state`, read as ``init(_:layout:)`` reads the same
  /// session: contacts by time, then met deadlines in the order of their ids
  /// (`deadlineOrder`, deadline indices), then promises.
  init(
    _ state: CompactState, layout: Layout, contacts terms: [(first: Int, cadence: [Int])],
    deadlineIDs: [String], deadlineOrder: [Int]
  ) {
    self.init(layout)
    // The contacts are kept in order of time.
    for contact in state.contacts {
      let stakeholder = contact.stakeholder
      apply(
        .contact(
          first: terms[stakeholder].first, cadence: terms[stakeholder].cadence,
          at: Self.seconds(contact.at)), layout: layout)
    }
    for index in deadlineOrder {
      if let time = state.metDeadlines[index],
        let change = Self.met(deadlineIDs[index], at: Self.seconds(time), layout: layout)
      {
        apply(change, layout: layout)
      }
    }
    for (index, promise) in state.promises.enumerated() {
      apply(
        .promise(madeAt: Self.seconds(promise.madeAt), due: Self.seconds(promise.due)),
        layout: layout)
      if case .kept(let time) = promise.status {
        apply(.kept(index + 1, at: Self.seconds(time)), layout: layout)
      }
    }
  }

  static func seconds(_ duration: ClockDuration) -> Int32 {
    Int32(clamping: duration.seconds)
  }

  /// Something that happened to a timeline in a step.
  enum Change: Hashable, Sendable {
    /// A stakeholder heard from the trainee: the index of their first contact's
    /// time (`-1` if not required) and of the cadence rules about them.
    case contact(first: Int, cadence: [Int], at: Int32)
    /// A deadline due `by`, with `grace` after it, was met `at` (seconds); `worth` is
    /// what it settles at full credit (``Timeline/metPoints(worth:by:grace:at:)``).
    case met(worth: Double, by: Int32, grace: Int32, at: Int32)
    case promise(madeAt: Int32, due: Int32)
    /// The promise with this 1-based id was kept.
    case kept(Int, at: Int32)
  }

  /// The change of `stakeholder` hearing from the trainee at `time`.
  static func contact(_ stakeholder: String, at time: Int32, layout: Layout) -> Change {
    .contact(
      first: layout.required.firstIndex(of: stakeholder) ?? -1,
      cadence: layout.cadence.indices.filter { layout.cadence[$0].stakeholder == stakeholder },
      at: time)
  }

  /// The change of `deadline` being met at `time`.
  static func met(_ deadline: String, at time: Int32, layout: Layout) -> Change? {
    guard let terms = layout.deadlines[deadline] else { return nil }
    return .met(
      worth: ScoringDefaults.deadlineUnit * Double(terms.weight),
      by: Int32(clamping: terms.by), grace: Int32(clamping: terms.grace), at: time)
  }

  /// What a deadline of `worth` met at `time` settles: full credit by `by`, falling
  /// to none over `grace`.
  @inline(__always)
  static func metPoints(worth: Double, by: Int32, grace: Int32, at time: Int32) -> Double {
    var credit = 1.0
    if time > by {
      credit = grace > 0 ? 1 - Double(Int(time) - Int(by)) / Double(grace) : 0
    }
    return worth * min(max(credit, 0), 1)
  }

  /// Applies one change.
  mutating func apply(_ change: Change, layout: Layout) {
    switch change {
    case .contact(let first, let rules, let time):
      values.withUnsafeMutableBufferPointer { values in
        guard let base = values.baseAddress else { return }
        Self.contact(first: first, rules: rules, at: time, values: base, layout: layout)
      }
    case .met(let worth, let by, let grace, let time):
      settledPoints += Self.metPoints(worth: worth, by: by, grace: grace, at: time)
    case .promise(let madeAt, let due):
      values += [madeAt, due, Self.none]
    case .kept(let id, let time):
      let count = values.count
      values.withUnsafeMutableBufferPointer { values in
        guard let base = values.baseAddress else { return }
        Self.keep(
          id, at: time, values: base, count: count, settledPoints: &settledPoints, layout: layout)
      }
    }
  }

  /// A stakeholder's contact at `time` (``Change/contact(first:cadence:at:)``) applied
  /// to the times at `values`: their first contact (index `first`, `-1` if not
  /// required) and the cadence `rules` about them.
  @inline(__always)
  static func contact(
    first: Int, rules: some Sequence<Int>, at time: Int32, values: UnsafeMutablePointer<Int32>,
    layout: Layout
  ) {
    if first >= 0, time < values[first] { values[first] = time }
    for rule in rules {
      let base = layout.cadenceStart + 3 * rule
      let every = layout.every[rule]
      // The gap since the last contact (or since T+0) beyond the interval; an overrun
      // of a whole interval already leaves no credit.
      let last = values[base] == 1 ? values[base + 1] : 0
      let gap =
        layout.hasQuiet[rule]
        ? layout.gap(from: Int(last), to: Int(time), rule: rule) : Int(time) - Int(last)
      let over = max(0, gap - every)
      values[base] = 1
      values[base + 1] = time
      values[base + 2] = Int32(clamping: min(Int(values[base + 2]) + over, every))
    }
  }

  /// The promise with 1-based `id` kept at `time` (``Change/kept(_:at:)``), applied to
  /// the `count` times at `values`: its credit settled into `settledPoints`.
  @inline(__always)
  static func keep(
    _ id: Int, at time: Int32, values: UnsafeMutablePointer<Int32>, count: Int,
    settledPoints: inout Double, layout: Layout
  ) {
    let base = layout.promiseStart + 3 * (id - 1)
    guard base + 2 >= 0, base + 2 < count, values[base + 2] == Self.none else { return }
    let due = Int(values[base + 1])
    let span = max(due - Int(values[base]), 60)
    let credit = Int(time) <= due ? 1 : 1 - Double(Int(time) - due) / Double(span)
    settledPoints += ScoringDefaults.promiseWorth * min(max(credit, 0), 1)
    values[base] = Self.settled
    values[base + 1] = Self.settled
    values[base + 2] = Self.settled
  }

  /// The same timeline with the times that can no longer change a score, at `clock`,
  /// settled: first contacts within the early share of the session so far (play
  /// only moves on, so they are early when it ends), and cadence overruns of a whole
  /// interval (no credit whatever follows).
  func settled(at clock: Int, layout: Layout) -> Timeline {
    var next = self
    next.settle(at: clock, layout: layout)
    return next
  }

  /// Settles, in place, what ``settled(at:layout:)`` settles.
  mutating func settle(at clock: Int, layout: Layout) {
    values.withUnsafeMutableBufferPointer { values in
      guard let base = values.baseAddress else { return }
      Self.settle(values: base, at: clock, layout: layout)
    }
  }

  /// ``settle(at:layout:)`` on the times at `values`.
  @inline(__always)
  static func settle(values: UnsafeMutablePointer<Int32>, at clock: Int, layout: Layout) {
    let early = Int(Double(clock) * ScoringDefaults.earlyContactShare)
    for index in 0..<layout.required.count {
      let first = values[index]
      if first != Self.none, first != Self.settled, Int(first) <= early {
        values[index] = Self.settled
      }
    }
    for rule in 0..<layout.every.count {
      let base = layout.cadenceStart + 3 * rule
      if Int(values[base + 2]) >= layout.every[rule], values[base + 1] != 0 {
        values[base + 1] = 0
      }
    }
  }
}
