#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the attached terminal can do: whether input and output are terminals, and
/// whether colour is wanted.
public struct TerminalCapabilities: Sendable, Equatable {
  /// Standard input is a terminal.
  public var inputIsTerminal: Bool
  /// Standard output is a terminal.
  public var outputIsTerminal: Bool
  /// ANSI colour may be used on standard output.
  public var colour: Bool

  /// Creates capabilities from explicit facts (for tests).
  public init(inputIsTerminal: Bool, outputIsTerminal: Bool, colour: Bool) {
    self.inputIsTerminal = inputIsTerminal
    self.outputIsTerminal = outputIsTerminal
    self.colour = colour
  }

  /// Reads the facts of this process: `isatty` on standard input and output, and the
  /// `NO_COLOR` convention (any non-empty value turns colour off), plus the user's
  /// `--no-color` flag.
  public static func current(
    noColorFlag: Bool = false,
    environment: [String: String]
  ) -> TerminalCapabilities {
    let input = isatty(0) == 1
    let output = isatty(1) == 1
    let noColor =
      noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
      || environment["TERM"] == "dumb"
    return TerminalCapabilities(
      inputIsTerminal: input,
      outputIsTerminal: output,
      // Plain mode (standard input not a terminal) is a contract: no colour at all.
      colour: output && input && !noColor
    )
  }

  /// Colour for standard error, which may be a terminal when standard output is not.
  public static func errorColour(noColorFlag: Bool, environment: [String: String]) -> Bool {
    let noColor =
      noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty
      || environment["TERM"] == "dumb"
    return isatty(2) == 1 && !noColor
  }
}
