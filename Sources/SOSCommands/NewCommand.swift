import ArgumentParser
import Foundation
import SOSCore
import SOSTerminal

extension CrisisKind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write a starter scenario file to edit.",
    discussion: """
      The starter is small and complete — stakeholders, a deadline, a cadence, an \
      inject that punishes silence, a typed statement, a conditional goto and three \
      endings — and passes 'sos validate' and 'sos lint' as it is. Every field is \
      explained in facilitator-guide/authoring.md.
      """
  )

  @Argument(
    help: "The file to write, such as scenarios/my-crisis.yaml.",
    completion: .file(extensions: ["yaml"]))
  var file: String

  @Option(help: "The scenario's id (default: the file name without .yaml).")
  var id: String?

  @Option(help: "The scenario's title.")
  var title = "A new crisis"

  @Option(
    help: "The kind of crisis: \(CrisisKind.allCases.map(\.rawValue).joined(separator: ", ")).")
  var kind: CrisisKind = .outage

  @Flag(help: "Replace the file if it exists.")
  var force = false

  func run() throws {
    let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let scenarioID = id ?? name.lowercased()
    let text = ScenarioTemplate.starter(id: scenarioID, title: title, kind: kind)
    // The starter must be a valid scenario; an id that is not valid fails here.
    let check = ScenarioLoader.load(text: text, file: file)
    guard check.scenario != nil else {
      throw Failure.report(
        "'\(scenarioID)' is not a valid scenario id; use lower-case letters, digits, '-' and"
          + " '_' (give one with --id)", ExitStatus.usage)
    }
    if FileManager.default.fileExists(atPath: file), !force {
      throw Failure.report("\(file) exists; add --force to replace it", ExitStatus.usage)
    }
    let folder = (file as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    if !folder.isEmpty,
      !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
        || !isFolder.boolValue
    {
      throw Failure.report(
        "cannot write \(file): there is no folder \(folder)", ExitStatus.ioFailure)
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    } catch {
      throw Failure.report(
        "cannot write \(file): \(error.localizedDescription)", ExitStatus.ioFailure)
    }
    Output.out(
      "Wrote \(file) (\(scenarioID), \(kind.rawValue)). Next: sos lint \(file), then sos play \(file)\n"
    )
  }
}
