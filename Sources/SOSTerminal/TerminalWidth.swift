#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The width to wrap text to.
public enum TerminalWidth {
  /// The narrowest and widest widths used, whatever the terminal says.
  public static let range = 20...500
  /// The width when nothing says otherwise.
  public static let fallback = 80

  /// The columns of the terminal on standard output (asked with `TIOCGWINSZ`), else
  /// the `COLUMNS` variable, else 80; always within ``range``.
  public static func columns(environment: [String: String]) -> Int {
    columns(environment: environment, fileDescriptor: 1)
  }

  /// Like ``columns(environment:)``, asking the terminal on another descriptor (`-1`
  /// for none).
  static func columns(environment: [String: String], fileDescriptor: Int32) -> Int {
    var size = winsize()
    let measured =
      fileDescriptor >= 0 && ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
      ? Int(size.ws_col) : nil
    let columns =
      measured
      ?? environment["COLUMNS"].flatMap { Int($0) }
      .flatMap { $0 > 0 ? $0 : nil }
      ?? fallback
    return min(max(columns, range.lowerBound), range.upperBound)
  }
}
