import Foundation
import SOSCore

/// A live room: one cohort playing one scenario text together on a workshop server.
public struct RoomRecord: Hashable, Sendable {
  /// The join code trainees type (`KXT-4MP-Q9W`).
  public var code: String
  /// The cohort its sessions belong to.
  public var cohort: String
  /// The scenario's `id` field.
  public var scenarioID: String
  /// The SHA-256 of the scenario text every session of the room plays.
  public var scenarioHash: String
  public var mode: SessionOptions.Mode
  public var timed: Bool
  public var openedAt: Date
  /// When it was closed; a closed room takes no one new and no more answers.
  public var closedAt: Date?
  /// Whether the facilitator has paused play.
  public var paused: Bool
  /// How many sessions it has.
  public var sessions: Int

  /// Whether it still takes joins and answers.
  public var isOpen: Bool { closedAt == nil }
}

/// Something a facilitator sent to a room: an inject fired, or a message.
public struct RoomNotice: Hashable, Sendable {
  public enum Kind: String, Sendable {
    case inject
    case message
  }

  /// Its number in the room's order of notices.
  public var id: Int64
  public var kind: Kind
  /// The inject's id, or the message's text.
  public var value: String
  /// The one session it is for; `nil` for everyone.
  public var sessionID: UUID?
  public var at: Date
}
