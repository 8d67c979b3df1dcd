import ArgumentParser

/// The exit codes of DESIGN §7, by name.
enum ExitStatus {
  /// A check found problems (validate, lint, playtest).
  static let checkFailed = ExitCode(1)
  /// Bad usage.
  static let usage = ExitCode(64)
  /// A scenario or session file that cannot be used.
  static let badData = ExitCode(65)
  /// Missing input.
  static let missingInput = ExitCode(66)
  /// An I/O failure.
  static let ioFailure = ExitCode(74)
}
