import ArgumentParser
import Foundation
import SOSCore
import SOSTerminal

struct ImportTweeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-twee",
    abstract: "Turn a Twine story (Twee) into the skeleton of a scenario.",
    discussion: """
      Every passage becomes a node, every link a choice, and a passage without links \
      an ending. SugarCube, Harlowe and Chapbook code (macros, HTML, JavaScript) is \
      taken out of the text, with a note per passage. The crisis clock, stakeholders, \
      deadlines and quality points are left for you: the file says where, and \
      'sos lint' lists what is still missing. A story that cannot make a valid \
      scenario is refused (exit 65) and nothing is written.
      """
  )

  @Argument(
    help: "The Twee 3 file (in Twine: Build → Export as Twee).",
    completion: .file(extensions: ["twee", "tw"]))
  var twee: String

  @Option(
    name: .shortAndLong, help: "The scenario file to write (default: standard output).",
    completion: .file(extensions: ["yaml"]))
  var out: String?

  @Option(help: "The scenario's id (default: from the output file's name, else 'imported').")
  var id: String?

  @Option(help: "The kind of crisis.")
  var kind: CrisisKind = .outage

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  func run() throws {
    guard let data = FileManager.default.contents(atPath: twee) else {
      throw Failure.report("cannot read \(twee)", ExitStatus.missingInput)
    }
    guard data.count <= 4 << 20 else {
      throw Failure.report("\(twee) is larger than 4 MiB; is it a Twee file?", ExitStatus.badData)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw Failure.report("\(twee): error: not UTF-8 text", ExitStatus.badData)
    }
    let name = out.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
    let scenarioID = id ?? name.flatMap(TweeImporter.identifier(from:)) ?? "imported"
    let converted: TweeImporter.Import
    switch TweeImporter.convert(text, id: scenarioID, kind: kind) {
    case .failure(let failure):
      let place = failure.line.map { "\(twee):\($0)" } ?? twee
      Output.error("\(place): error: \(failure.message)\n")
      Output.error("nothing was written\n")
      throw ExitStatus.badData
    case .success(let result):
      converted = result
    }
    let check = ScenarioLoader.load(text: converted.yaml, file: out ?? "imported.yaml")
    for note in converted.notes { Output.error("note: \(note)\n") }
    if check.scenario == nil {
      Output.error(
        DiagnosticRenderer(colour: false).render(check.diagnostics, source: converted.yaml))
      throw Failure.report(
        "the story does not make a valid scenario, so nothing was written; fix the story in"
          + " Twine (or write the scenario by hand: sos new)", ExitStatus.badData)
    }
    guard let out else {
      Output.out(converted.yaml)
      return
    }
    if FileManager.default.fileExists(atPath: out), !force {
      throw Failure.report("\(out) exists; add --force to replace it", ExitStatus.usage)
    }
    do {
      try Data(converted.yaml.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      throw Failure.report(
        "cannot write \(out): \(error.localizedDescription)", ExitStatus.ioFailure)
    }
    func count(_ number: Int, _ noun: String) -> String {
      "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
    Output.out(
      "Wrote \(out): \(count(converted.nodes, "node")), \(count(converted.choices, "choice")),"
        + " \(count(converted.endings, "ending")). Next: sos lint \(out)\n")
  }
}
