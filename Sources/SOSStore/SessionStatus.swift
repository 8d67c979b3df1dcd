import SOSCore

/// Where a session stands: still being played, played to an ending, or given up.
public enum SessionStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// Being played; `sos resume` can continue it.
  case active
  /// Played to an ending.
  case finished
  /// Given up before an ending; kept, but not resumed.
  case abandoned
}

extension SessionStatus {
  /// The status as cohort attempts name it.
  var attemptStatus: CohortAttempt.Status {
    switch self {
    case .active: return .active
    case .finished: return .finished
    case .abandoned: return .abandoned
    }
  }
}
