#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Words for a C `errno` value, for error messages.
enum Errno {
  /// `strerror(code)` starting in lower case ("no such file or directory").
  static func text(_ code: Int32) -> String {
    guard let pointer = strerror(code) else { return "error \(code)" }
    let text = String(cString: pointer)
    guard let first = text.first else { return "error \(code)" }
    return first.lowercased() + text.dropFirst()
  }
}
