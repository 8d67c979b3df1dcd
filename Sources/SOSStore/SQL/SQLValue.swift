import Foundation

/// A value bound to a statement or read from a row, in either engine.
///
/// Times are stored as text (``Timestamp``), booleans as `BOOLEAN` in PostgreSQL and
/// as 0 or 1 in SQLite, and a session's `UInt64` seed as the `Int64` with the same
/// bits.
package enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case text(String)
  case blob([UInt8])
  case bool(Bool)

  /// `text`, or `null` for `nil`.
  package static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }

  /// `integer`, or `null` for `nil`.
  package static func integer(_ value: Int?) -> SQLValue {
    value.map { .integer(Int64($0)) } ?? .null
  }

  /// `integer`, or `null` for `nil`.
  package static func integer(_ value: Int64?) -> SQLValue { value.map { .integer($0) } ?? .null }
}
