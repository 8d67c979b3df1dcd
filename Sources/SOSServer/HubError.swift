import SOSStore

/// Why the hub refused a request, with the HTTP status that says so.
struct HubError: Error, Equatable {
  /// The HTTP status code.
  var status: Int
  /// The reason in words, for the client to show.
  var message: String

  static func invalid(_ message: String) -> HubError { HubError(status: 400, message: message) }
  static func forbidden(_ message: String) -> HubError { HubError(status: 403, message: message) }
  static func notFound(_ message: String) -> HubError { HubError(status: 404, message: message) }
  static func conflict(_ message: String) -> HubError { HubError(status: 409, message: message) }
  static func unprocessable(_ message: String) -> HubError {
    HubError(status: 422, message: message)
  }
  static func unavailable(_ message: String) -> HubError {
    HubError(status: 503, message: message)
  }

  /// A store error as the client should see it.
  init(_ error: WorkshopDatabaseError) {
    switch error {
    case .roomNotFound, .sessionNotFound, .unknownCohort:
      self.init(status: 404, message: error.message)
    case .roomClosed, .duplicateTrainee, .sessionNotActive, .duplicateCohort:
      self.init(status: 409, message: error.message)
    case .invalidTrainee, .invalidCohortName, .invalidInput:
      self.init(status: 400, message: error.message)
    default:
      self.init(status: 503, message: "the server's store failed: " + error.message)
    }
  }

  init(status: Int, message: String) {
    self.status = status
    self.message = message
  }
}
