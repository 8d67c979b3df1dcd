import Foundation

/// Writing CSV as RFC 4180 says: fields separated by commas, records ended by CRLF,
/// a field holding a comma, a double quote, CR or LF enclosed in double quotes with
/// each double quote doubled.
enum CSVText {
  /// One record, ended by CRLF.
  static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, quoted when it must be. Text that a spreadsheet would run as a formula
  /// (starting with `=`, `+`, `-`, `@`, a tab or CR) is prefixed with `'`, so that a
  /// trainee's name can never become a formula.
  static func field(_ value: String) -> String {
    var value = value
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
      Double(value) == nil
    {
      value = "'" + value
    }
    let needsQuotes = value.unicodeScalars.contains { "\",\r\n".unicodeScalars.contains($0) }
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
