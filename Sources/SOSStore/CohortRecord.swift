import Foundation
import SOSCore

/// A stored cohort (a workshop group) with how many sessions and trainees it has.
public struct CohortRecord: Hashable, Sendable {
  /// The database's number for the cohort.
  public var id: Int64
  /// The cohort's unique name, as typed in `sos cohort create NAME`.
  public var name: String
  /// A free-text description, if one was given.
  public var description: String?
  /// A random 32-byte key, made when the cohort was created, for pseudonyms.
  public var secret: [UInt8]
  /// When the cohort was created.
  public var createdAt: Date
  /// How many sessions belong to the cohort.
  public var sessionCount: Int
  /// How many different trainee names those sessions have.
  public var traineeCount: Int

  /// Creates a record.
  public init(
    id: Int64, name: String, description: String?, secret: [UInt8], createdAt: Date,
    sessionCount: Int, traineeCount: Int
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.secret = secret
    self.createdAt = createdAt
    self.sessionCount = sessionCount
    self.traineeCount = traineeCount
  }

  /// A stable pseudonym for `trainee` within this cohort, such as `T-3f9a0c1e`.
  ///
  /// It is the first 8 hex digits of HMAC-SHA-256 of the name under the cohort's
  /// secret: the same name gives the same pseudonym in every report of this cohort,
  /// and it cannot be traced back to the name without the database.
  public func pseudonym(for trainee: String) -> String {
    let code = HMACSHA256.authenticationCode(key: secret, message: Array(trainee.utf8))
    return "T-" + SHA256.hex(Array(code.prefix(4)))
  }
}
