import SOSStore

/// Finds a cohort by name for the `cohort` commands.
enum CohortLookup {
  /// The cohort named `name`, or a failure (exit 66) with the hint to create it.
  static func named(_ name: String, in store: WorkshopDatabase) throws -> CohortRecord {
    var found: CohortRecord?
    try Failure.catching {
      guard let cohort = try store.cohort(named: name) else {
        throw WorkshopDatabaseError.unknownCohort(name)
      }
      found = cohort
    }
    guard let found else { throw ExitStatus.missingInput }
    return found
  }
}
