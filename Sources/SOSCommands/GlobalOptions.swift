import ArgumentParser
import Foundation
import SOSTerminal

/// Options every command understands.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long, help: "Folder of scenario files (default: $SOS_SCENARIOS, else ./scenarios).",
    completion: .directory)
  var scenarios: String?

  @Flag(name: .customLong("no-color"), help: "Never use colour (also set by NO_COLOR).")
  var noColor = false

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  var scenarioDirectory: String {
    ScenarioLibrary.directory(option: scenarios, environment: environment)
  }

  /// Whether diagnostics on standard error may be coloured.
  var errorColour: Bool {
    TerminalCapabilities.errorColour(noColorFlag: noColor, environment: environment)
  }
}
