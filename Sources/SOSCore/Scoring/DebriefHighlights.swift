/// Sorts a score report's ledger into the debrief's strengths and areas for
/// improvement, so that the two lists never contradict each other or the scores.
///
/// Each entry goes to at most one list:
///
/// - it is a **strength** when it could earn points and earned at least the
///   scenario's pass mark as a share of them (60 % by default: a statement scoring 59
///   is not a strength), and it does not rest on an option taken whose total quality
///   is below zero (a weak option is not praised because it happened to meet a
///   deadline, reach a stakeholder early or carry a fitting posture);
/// - otherwise it is an **area for improvement** when it lost points (at least 0.1 as
///   shown): below its maximum, or a penalty.
///
/// Entries that explain no action of the trainee's (full marks because nothing was
/// graded, the floor) are in neither list. Each list names the
/// ``Debrief/highlights`` entries that earned or cost the most.
///
/// ```swift
/// let highlights = DebriefHighlights(scenario: scenario, report: report, events: events)
/// highlights.strengths.map(\.reason)
/// ```
struct DebriefHighlights {
  /// The entries that earned the most, of those that are strengths.
  var strengths: [LedgerEntry]
  /// The entries that cost the most, of those that are not strengths.
  var improvements: [LedgerEntry]

  /// Sorts `report`'s ledger; `events` (those of the decisions that still stand) say
  /// which option met each deadline, reached each stakeholder and kept each promise.
  init(scenario: Scenario, report: ScoreReport, events: [SessionEvent], limit: Int = 3) {
    let choices = Dictionary(
      scenario.nodes.flatMap(\.choices).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }
    )
    let causes = Causes(events)
    var strong: [LedgerEntry] = []
    var weak: [LedgerEntry] = []
    for entry in report.ledger where !Self.isBookkeeping(entry) {
      let weakOptions = causes.options(behind: entry).filter { id in
        (choices[id]?.totalQuality ?? 0) < 0
      }
      if Self.earnsPass(entry, passMark: report.passMark), weakOptions.isEmpty {
        strong.append(entry)
      } else if Self.losesPoints(entry) {
        weak.append(entry)
      }
    }
    strengths = Array(
      strong.sorted { ($0.points, $0.maximum) > ($1.points, $1.maximum) }.prefix(limit))
    improvements = Array(weak.sorted { $0.shortfall > $1.shortfall }.prefix(limit))
  }

  /// Whether an entry lost points as the debrief shows them (to a tenth): below its
  /// maximum, or a penalty. A loss that would read "− 0" is not one.
  static func losesPoints(_ entry: LedgerEntry) -> Bool {
    ScoreFormat.tenths(entry.shortfall) > 0
  }

  /// Entries about no action of the trainee's: full marks because a scenario grades
  /// nothing on a score, and the floor that keeps a score from going below zero.
  static func isBookkeeping(_ entry: LedgerEntry) -> Bool {
    entry.rule == .floor || entry.subject == "none"
  }

  /// Whether an entry earned at least the pass mark as a share of its maximum, read
  /// as the scores are shown (to a tenth), so that a statement scoring 60 meets a pass
  /// mark of 60 and one scoring 59 does not.
  static func earnsPass(_ entry: LedgerEntry, passMark: Double) -> Bool {
    guard entry.maximum > 0, entry.points > 0 else { return false }
    return ScoreFormat.tenths(100 * entry.points / entry.maximum) >= passMark
  }

  /// Which option taken brought about each thing the ledger credits, read from the
  /// events: the option of the step in which it happened.
  struct Causes {
    var deadlines: [String: String] = [:]
    var firstContacts: [String: String] = [:]
    var contacts: [String: [String]] = [:]
    var keptPromises: [String: String] = [:]

    init(_ events: [SessionEvent]) {
      var option: String?
      var heard: Set<String> = []
      for event in events {
        switch event {
        case .choiceMade(_, let choice, _, _), .statementWritten(let choice, _, _, _):
          option = choice
        case .timedOut, .undone, .started:
          option = nil
        case .deadlineMet(let deadline, _):
          if let option { deadlines[deadline] = option }
        case .stakeholderContacted(let stakeholder, _):
          let first = heard.insert(stakeholder).inserted
          guard let option else { continue }
          if first { firstContacts[stakeholder] = option }
          contacts[stakeholder, default: []].append(option)
        case .promiseKept(let id, _, _):
          if let option { keptPromises["\(id)"] = option }
        default:
          break
        }
      }
    }

    /// The options taken that an entry's credit rests on.
    func options(behind entry: LedgerEntry) -> [String] {
      switch entry.rule {
      case .choice, .posture: return [entry.subject]
      case .deadline: return deadlines[entry.subject].map { [$0] } ?? []
      case .coverage: return firstContacts[entry.subject].map { [$0] } ?? []
      case .cadence: return contacts[entry.subject] ?? []
      case .promise: return keptPromises[entry.subject].map { [$0] } ?? []
      case .statement, .latency, .consistency, .brokenPromise, .floor: return []
      }
    }
  }
}
