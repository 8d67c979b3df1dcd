import ArgumentParser
import SOSTerminal

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check scenario files for errors and warnings.",
    discussion: """
      Warnings point at what is probably not meant: unreachable nodes, choices without \
      quality points, deadlines no path can meet, and more (see the authoring guide). \
      Exit status: 0 when there are no errors (with --strict: no warnings either), 1 \
      otherwise, 66 when a file cannot be read.
      """
  )

  @Argument(help: "Scenario files or folders.", completion: .file(extensions: ["yaml", "yml"]))
  var files: [String]

  @Flag(help: "Fail on warnings too.")
  var strict = false

  @Flag(help: "Print the result as JSON on standard output.")
  var json = false

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let report = ScenarioCheckReport.check(paths: files, lint: true)
    if json {
      Output.out(Output.json(report.json))
    } else {
      Output.error(report.diagnosticsText(colour: global.errorColour))
      Output.out(report.summaryText)
    }
    let status = report.exitCode(strict: strict)
    if status != 0 { throw ExitCode(status) }
  }
}
