/// The colours of the play screen, as ANSI SGR codes that are used only when colour
/// is on; with colour off every method returns its text unchanged.
///
/// Styles nest: a styled text inside another keeps the outer style after its own
/// reset.
///
/// ```swift
/// let palette = Palette(colour: capabilities.colour)
/// print(palette.clock("T+01:45") + " " + palette.warning("holding statement due in 15m"))
/// ```
public struct Palette: Sendable, Equatable {
  /// Whether styles are applied.
  public var colour: Bool

  /// Creates a palette.
  public init(colour: Bool) {
    self.colour = colour
  }

  /// A palette with colour exactly when the terminal wants it.
  public init(capabilities: TerminalCapabilities) {
    self.init(colour: capabilities.colour)
  }

  /// The simulated crisis clock and countdowns: bold magenta.
  public func clock(_ text: String) -> String { style(text, "1;35") }
  /// Headings such as a node's title: bold and underlined.
  public func heading(_ text: String) -> String { style(text, "1;4") }
  /// Words that matter: bold.
  public func emphasis(_ text: String) -> String { style(text, "1") }
  /// Secondary text such as hints and ids: faint.
  public func dim(_ text: String) -> String { style(text, "2") }
  /// Deadlines at risk: yellow.
  public func warning(_ text: String) -> String { style(text, "33") }
  /// Missed deadlines and broken promises: bold red.
  public func danger(_ text: String) -> String { style(text, "1;31") }
  /// Deadlines met and promises kept: green.
  public func good(_ text: String) -> String { style(text, "32") }
  /// Feedback after a decision: cyan.
  public func feedback(_ text: String) -> String { style(text, "36") }
  /// The input prompt: bold.
  public func prompt(_ text: String) -> String { style(text, "1") }

  static let reset = "\u{1B}[0m"

  private func style(_ text: String, _ code: String) -> String {
    guard colour, !text.isEmpty else { return text }
    let open = "\u{1B}[\(code)m"
    return open + text.replacing(Self.reset, with: Self.reset + open) + Self.reset
  }
}
