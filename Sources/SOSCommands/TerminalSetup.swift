import Foundation
import SOSCore
import SOSReports
import SOSTerminal

/// The terminal as this process has it: capabilities, a reader (readline on a
/// terminal, plain lines otherwise), the output writer, colours and width.
struct TerminalSetup {
  let capabilities: TerminalCapabilities
  let reader: any LineReader
  let output = TerminalOutput()
  let palette: Palette
  let width: Int

  init(noColor: Bool) {
    let environment = ProcessInfo.processInfo.environment
    capabilities = TerminalCapabilities.current(noColorFlag: noColor, environment: environment)
    reader = LineReaderFactory.make(
      capabilities: capabilities,
      historyPath: LineReaderFactory.historyPath(environment: environment))
    palette = Palette(capabilities: capabilities)
    width = TerminalWidth.columns(environment: environment)
  }

  /// Whether a person is typing at a terminal (not a script through a pipe).
  var isInteractive: Bool { reader.isTerminal }

  /// Text wrapped to the terminal's width, continuation lines indented.
  func wrap(_ text: String) -> String {
    TextWrapper(width: width, indent: "      ").wrap(text)
  }

  func screen(for engine: Engine) -> PlayScreen {
    PlayScreen(engine: engine, palette: palette, width: width)
  }
}

extension Palette: ReportStyle {}
