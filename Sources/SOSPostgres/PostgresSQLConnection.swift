import Foundation
import Logging
import NIOCore
import PostgresNIO
import SOSStore

/// One PostgreSQL transaction as an ``SQLConnection``: the store's `?` placeholders
/// become `$1, $2, …`, and every value is bound, never spliced into the text.
struct PostgresSQLConnection: SQLConnection {
  let connection: PostgresConnection
  let logger: Logger

  func execute(_ sql: String, _ arguments: [SQLValue]) throws {
    _ = try connection.query(try query(sql, arguments), logger: logger).wait()
  }

  func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
    let result = try connection.query(try query(sql, arguments), logger: logger).wait()
    var rows: [SQLRow] = []
    var names: [String]?
    for row in result.rows {
      let columnNames = names ?? row.map(\.columnName)
      names = columnNames
      var values: [SQLValue] = []
      values.reserveCapacity(columnNames.count)
      for cell in row { values.append(try Self.value(cell)) }
      rows.append(SQLRow(names: columnNames, values: values))
    }
    return rows
  }

  func savepoint(_ body: () throws -> Void) throws {
    try execute("SAVEPOINT sos_item")
    do {
      try body()
      try execute("RELEASE SAVEPOINT sos_item")
    } catch {
      if !connection.isClosed { try execute("ROLLBACK TO SAVEPOINT sos_item") }
      throw error
    }
  }

  private func query(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQuery {
    var bindings = PostgresBindings(capacity: arguments.count)
    for argument in arguments {
      switch argument {
      case .null: bindings.appendNull()
      case .integer(let number): bindings.append(number)
      case .text(let text): bindings.append(text)
      case .blob(let bytes): try bindings.append(Data(bytes))
      case .bool(let flag): bindings.append(flag)
      }
    }
    return PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
  }

  /// `sql` with each `?` outside a quoted string replaced by `$1`, `$2`, …
  static func numbered(_ sql: String) -> String {
    var result = ""
    result.reserveCapacity(sql.utf8.count + 8)
    var number = 0
    var quoted = false
    for character in sql {
      if character == "'" { quoted.toggle() }
      if character == "?" && !quoted {
        number += 1
        result += "$\(number)"
      } else {
        result.append(character)
      }
    }
    return result
  }

  private static func value(_ cell: PostgresCell) throws -> SQLValue {
    guard cell.bytes != nil else { return .null }
    switch cell.dataType {
    case .bool: return .bool(try cell.decode(Bool.self))
    case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
    case .bytea: return .blob([UInt8](try cell.decode(Data.self)))
    default: return .text(try cell.decode(String.self))
    }
  }
}
