import ArgumentParser
import SOSTerminal

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check scenario files for errors.",
    discussion: """
      Prints each problem as path:line:col: error: message [CODE] with the source line. \
      Exit status: 0 when every file is valid, 1 when any has an error, 66 when a file \
      cannot be read. Folders are searched for *.yaml files.
      """
  )

  @Argument(help: "Scenario files or folders.", completion: .file(extensions: ["yaml", "yml"]))
  var files: [String]

  @Flag(help: "Print the result as JSON on standard output.")
  var json = false

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let report = ScenarioCheckReport.check(paths: files, lint: false)
    if json {
      Output.out(Output.json(report.json))
    } else {
      Output.error(report.diagnosticsText(colour: global.errorColour))
      Output.out(report.summaryText)
    }
    let status = report.exitCode(strict: false)
    if status != 0 { throw ExitCode(status) }
  }
}
