import SOSCore
import SOSStore

/// A stored session as a cohort's report or export takes it: replayed
/// (``ReplayedSession``, for the exports) or as the score cache gives it
/// (``SessionScore``, for the report).
protocol CohortMember {
  var record: SessionRecord { get }
  /// Why the session could not be replayed, in words.
  var problem: String? { get }
  /// The session as cohort reports see it, under `trainee`.
  func attempt(trainee: String) -> CohortAttempt
}

extension ReplayedSession: CohortMember {}
extension SessionScore: CohortMember {}

/// A cohort's sessions with their scores, as the cohort report and the exports take
/// them: named by trainee or by pseudonym, optionally of one scenario only.
struct CohortSessions<Member: CohortMember> {
  let cohort: CohortRecord
  let replayed: [Member]
  let anonymise: Bool

  /// Loads the sessions of the cohort named `name` with `members`; fails with exit 66
  /// for an unknown cohort or a scenario the cohort has no sessions of.
  static func load(
    _ name: String, from store: WorkshopDatabase, scenario: String?, anonymise: Bool,
    members: (WorkshopDatabase, String) throws(WorkshopDatabaseError) -> [Member]
  ) throws -> CohortSessions {
    var sessions = CohortSessions(
      cohort: try CohortLookup.named(name, in: store), replayed: [],
      anonymise: anonymise)
    try Failure.catching {
      sessions = CohortSessions(
        cohort: sessions.cohort, replayed: try members(store, name), anonymise: anonymise)
    }
    guard let scenario else { return sessions }
    let matching = sessions.replayed.filter { $0.record.scenarioID == scenario }
    if matching.isEmpty {
      let played = Set(sessions.replayed.map(\.record.scenarioID)).sorted()
      let known =
        played.isEmpty
        ? "it has no sessions yet" : "its scenarios: " + played.joined(separator: ", ")
      throw Failure.report(
        "cohort '\(name)' has no sessions of scenario '\(scenario)' (\(known))",
        ExitStatus.missingInput)
    }
    return CohortSessions(cohort: sessions.cohort, replayed: matching, anonymise: anonymise)
  }

  /// The name reports show for a trainee.
  func displayName(_ trainee: String) -> String {
    anonymise ? cohort.pseudonym(for: trainee) : trainee
  }

  /// A secret drawn afresh for each anonymised report or export, from which its
  /// session ids are derived: an anonymised file shares no session id, xAPI
  /// registration or statement id with a named one, nor with another anonymised one,
  /// so the two cannot be joined to re-identify trainees.
  let exportSecret: [UInt8] = (0..<16).map { _ in UInt8.random(in: 0...255) }

  var attempts: [CohortAttempt] {
    // The same name in two live rooms is two people.
    let names = TraineeNames.distinct(replayed.map(\.record))
    return replayed.map { session in
      let name = names[session.record.id] ?? session.record.trainee
      var attempt = session.attempt(trainee: displayName(name))
      if anonymise { attempt.session = pseudonymousSession(attempt.session) }
      return attempt
    }
  }

  /// A stable pseudonym for the cohort itself, such as `C-1a2b3c4d`, for anonymised
  /// exports that name the cohort: the first 8 hex digits of HMAC-SHA-256 of its name
  /// under its secret, after a prefix, so that it differs from the pseudonym of a
  /// trainee who happens to share the cohort's name. A cohort's name can name people;
  /// this cannot.
  var cohortPseudonym: String {
    let code = HMACSHA256.authenticationCode(
      key: cohort.secret, message: Array("cohort\u{0}".utf8) + Array(cohort.name.utf8))
    return "C-" + SHA256.hex(Array(code.prefix(4)))
  }

  /// A UUID-shaped id derived from `session` and this export's secret.
  func pseudonymousSession(_ session: String) -> String {
    let digest = SHA256.digest(exportSecret + Array(session.utf8))
    let hex = digest.prefix(16).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(hex.dropFirst(range.lowerBound).prefix(range.count))
    }
    return parts.joined(separator: "-")
  }

  /// Warns on standard error about sessions that could not be replayed.
  func warnAboutProblems() {
    for session in replayed {
      guard let problem = session.problem else { continue }
      Output.error(
        "warning: session \(session.record.shortID) (\(displayName(session.record.trainee)))"
          + " is left out of the scores: \(problem)\n")
    }
  }
}

extension String {
  /// The string with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
