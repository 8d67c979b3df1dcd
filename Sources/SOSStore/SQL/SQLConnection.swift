/// One transaction of a store engine: statements written once, with `?` placeholders,
/// in the SQL both engines speak.
///
/// Values are always bound, never spliced into the text.
package protocol SQLConnection {
  /// Runs a statement that returns no rows.
  func execute(_ sql: String, _ arguments: [SQLValue]) throws
  /// Runs a query and returns all its rows.
  func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
  /// Runs `body` in a savepoint: what it wrote is kept if it returns, undone if it
  /// throws (and the error rethrown), while the transaction goes on.
  func savepoint(_ body: () throws -> Void) throws
}

extension SQLConnection {
  package func execute(_ sql: String) throws { try execute(sql, []) }

  package func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }

  /// The first row, if any.
  package func row(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLRow? {
    try rows(sql, arguments).first
  }

  /// The first column of the first row as an integer (`COUNT(*)`, `MAX(id)`).
  package func integer(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64? {
    guard let row = try rows(sql, arguments).first, let value = row.values.first else {
      return nil
    }
    switch value {
    case .integer(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .text(let text): return Int64(text)
    case .null, .blob: return nil
    }
  }

  /// `COUNT(*)` of a query.
  package func count(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
    Int(try integer(sql, arguments) ?? 0)
  }

  /// The first column of every row as text.
  package func texts(_ sql: String, _ arguments: [SQLValue] = []) throws -> [String] {
    try rows(sql, arguments).compactMap { row in
      if case .text(let text) = row.values.first { return text }
      return nil
    }
  }
}
