/// One row a query returned: its columns by name, in the engine's own order.
package struct SQLRow: Sendable {
  package var names: [String]
  package var values: [SQLValue]

  package init(names: [String], values: [SQLValue]) {
    self.names = names
    self.values = values
  }

  /// The value of column `name`; `null` when the query had no such column.
  subscript(_ name: String) -> SQLValue {
    guard let index = names.firstIndex(of: name), index < values.count else { return .null }
    return values[index]
  }

  package func text(_ name: String) throws(SQLRowError) -> String {
    guard let value = try optionalText(name) else { throw .missing(name) }
    return value
  }

  package func optionalText(_ name: String) throws(SQLRowError) -> String? {
    switch self[name] {
    case .null: return nil
    case .text(let value): return value
    case .integer(let value): return String(value)
    case .blob, .bool: throw .wrongType(name, expected: "text")
    }
  }

  package func integer(_ name: String) throws(SQLRowError) -> Int64 {
    guard let value = try optionalInteger(name) else { throw .missing(name) }
    return value
  }

  package func optionalInteger(_ name: String) throws(SQLRowError) -> Int64? {
    switch self[name] {
    case .null: return nil
    case .integer(let value): return value
    case .bool(let value): return value ? 1 : 0
    case .text, .blob: throw .wrongType(name, expected: "an integer")
    }
  }

  package func int(_ name: String) throws(SQLRowError) -> Int {
    let value = try integer(name)
    guard let int = Int(exactly: value) else { throw .wrongType(name, expected: "an integer") }
    return int
  }

  package func optionalInt(_ name: String) throws(SQLRowError) -> Int? {
    try optionalInteger(name).flatMap { Int(exactly: $0) }
  }

  package func bool(_ name: String) throws(SQLRowError) -> Bool {
    switch self[name] {
    case .bool(let value): return value
    case .integer(let value): return value != 0
    case .null: throw .missing(name)
    case .text, .blob: throw .wrongType(name, expected: "a boolean")
    }
  }

  package func blob(_ name: String) throws(SQLRowError) -> [UInt8] {
    switch self[name] {
    case .blob(let value): return value
    case .text(let value): return Array(value.utf8)
    case .null: throw .missing(name)
    case .integer, .bool: throw .wrongType(name, expected: "bytes")
    }
  }
}

/// Why a row's column could not be read as asked.
package enum SQLRowError: Error, CustomStringConvertible {
  case missing(String)
  case wrongType(String, expected: String)

  package var description: String {
    switch self {
    case .missing(let column): "column \(column) is empty"
    case .wrongType(let column, let expected): "column \(column) is not \(expected)"
    }
  }
}
