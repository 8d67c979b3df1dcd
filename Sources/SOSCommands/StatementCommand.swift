import ArgumentParser
import Foundation
import SOSCore
import SOSReports
import SOSTerminal

struct StatementCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "statement",
    abstract: "Analyse a draft crisis statement outside any scenario.",
    discussion: """
      Grades the statement as the scenarios do: apology, empathy, ownership, the facts a \
      first message needs, speculation, jargon, readability and the channel's length, each \
      with the words that decided it. Pass - to read the statement from standard input. \
      Exit status: 0 after an analysis, 64 for bad usage, 65 when the statement is empty.
      """
  )

  @Option(
    help: "The channel: social, sms, email, memo or regulator-notice.",
    completion: .list(Channel.allCases.map(\.rawValue)))
  var channel = Channel.social.rawValue

  @Option(help: "Who reads it, e.g. customers, front-line agents, data protection authority.")
  var audience: String?

  @Flag(help: "Print the analysis as JSON on standard output.")
  var json = false

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The statement, or - to read it from standard input.")
  var text: String

  func validate() throws {
    guard Channel(rawValue: channel) != nil else {
      let names = Channel.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("unknown channel '\(channel)'; use one of: \(names)")
    }
  }

  func run() throws {
    let statement =
      text == "-"
      ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text
    guard let channel = Channel(rawValue: channel) else { throw ExitStatus.usage }
    guard statement.contains(where: { !$0.isWhitespace }) else {
      Output.error("error: the statement is empty\n")
      throw ExitStatus.badData
    }
    let analysis = StatementAnalyzer().analyze(statement, channel: channel, audience: audience)
    if json {
      Output.out(Output.json(analysis))
    } else {
      let colour = TerminalCapabilities.current(
        noColorFlag: global.noColor, environment: global.environment
      ).colour
      Output.out(StatementReport.render(analysis, colour: colour))
    }
  }
}
