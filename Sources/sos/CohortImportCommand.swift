import ArgumentParser
import Foundation
import SOSCore
import SOSStore

struct CohortImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import session files into a cohort, replaying and re-scoring each.",
    discussion: """
      Each file is replayed through the engine on the scenario text it carries; scores \
      written in files are ignored. A folder stands for the .json files in it. A session \
      already in the database is skipped and reported. A file that cannot be used is \
      reported by name with the reason, and the other files are still imported. \
      A file's scenario text must be one you have (a file in the scenario folder or a \
      text already in the database), unless --trust-scenario-text; a log that looks \
      edited (times out of order or in the future, latencies longer than the time that \
      passed, answers faster than anyone reads) is flagged in the summary and in every \
      report, and refused with --strict. A file sealed with a cohort's hand-in key \
      (see 'sos cohort key') is refused if anything in it changed after it was \
      written; --require-seal refuses files without a seal. \
      Exit status: 0 when every file was imported or skipped, 65 when any failed, 66 for \
      an unknown cohort.
      """
  )

  @Argument(help: "The cohort's name.", completion: .custom(CompletionCandidates.cohortNames))
  var name: String

  @Argument(
    help: "Session files (or folders of them).", completion: .file(extensions: ["json"]))
  var files: [String]

  @Flag(help: "Accept a scenario text that is not one of yours (reports mark the session).")
  var trustScenarioText = false

  @Flag(help: "Refuse a file whose log looks edited, instead of flagging it.")
  var strict = false

  @Flag(help: "Refuse a file without a hand-in seal (see 'sos cohort key').")
  var requireSeal = false

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.open()
    let verifier = HandInVerifier(
      folder: global.scenarioDirectory, store: store, trust: trustScenarioText,
      requireSeal: requireSeal)
    var flagged: [String] = []
    let cohort = try CohortSessions.cohort(name, in: store)
    var replayer = SessionReplayer()
    var imported = 0
    var skipped = 0
    var failed = 0
    for path in try Self.expand(files, failed: &failed) {
      let file: SessionFile
      switch SessionFile.load(path: path) {
      case .success(let value): file = value
      case .failure(let error):
        Output.error(error.message + "\n")
        failed += 1
        continue
      }
      let replayed: ReplayedSession
      switch file.replay(using: &replayer, file: path) {
      case .success(let value): replayed = value
      case .failure(let error):
        Output.error(error.message + "\n")
        failed += 1
        continue
      }
      let flags: [String]
      switch verifier.verify(file, path: path, strict: strict) {
      case .success(let found): flags = found
      case .failure(let refusal):
        Output.error(refusal.message + "\n")
        failed += 1
        continue
      }
      var filed = file
      filed.cohort = cohort.name
      let outcome: ImportOutcome
      do {
        var record = filed.sessionRecord
        record.flags = flags
        outcome = try store.importSession(
          record, scenarioText: filed.scenario.text, inputs: filed.inputs)
      } catch {
        switch error {
        case .busy, .diskFull, .permissionDenied, .cannotOpen, .cannotCreateDirectory, .database:
          throw Failure.database(error)
        default:
          Output.error("\(path): error: \(error.message)\n")
          failed += 1
          continue
        }
      }
      let record = replayed.record
      switch outcome {
      case .imported:
        imported += 1
        var line =
          "imported \(path): session \(record.shortID), \(Self.oneLine(record.trainee)),"
          + " \(record.scenarioID), \(record.status.rawValue)"
        if record.status == .finished, let report = replayed.scored?.report {
          line += ", overall \(ScoreFormat.points(report.overall)) \(report.grade)"
        }
        if let seal = file.seal, verifier.keys[seal.key.lowercased()] != nil {
          line += ", seal intact"
        }
        Output.out(line + "\n")
        if !flags.isEmpty {
          flagged.append(path)
          Output.out("  flagged: " + flags.joined(separator: "; ") + "\n")
        }
      case .alreadyPresent:
        skipped += 1
        Output.out(
          "skipped \(path): session \(record.shortID) is already in the database\n")
      }
    }
    var summary =
      "Imported \(imported) session\(imported == 1 ? "" : "s") into cohort '\(cohort.name)'"
    if skipped > 0 { summary += "; \(skipped) already present" }
    if !flagged.isEmpty {
      summary +=
        "; \(flagged.count) hand-in\(flagged.count == 1 ? " looks" : "s look") edited ("
        + flagged.joined(separator: ", ") + ")"
    }
    if failed > 0 { summary += "; \(failed) file\(failed == 1 ? "" : "s") failed" }
    Output.out(summary + ".\n")
    if failed > 0 { throw ExitStatus.badData }
  }

  static func oneLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }

  /// The files named, with each folder replaced by the .json files in it (sorted); an
  /// unreadable or empty folder is reported and counted as failed.
  static func expand(_ paths: [String], failed: inout Int) throws -> [String] {
    var files: [String] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
        isFolder.boolValue
      else {
        files.append(path)
        continue
      }
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
        Output.error("\(path): error: cannot read the folder\n")
        failed += 1
        continue
      }
      let json = names.filter { $0.hasSuffix(".json") }.sorted()
      if json.isEmpty {
        Output.error("\(path): error: the folder holds no .json session files\n")
        failed += 1
      }
      files += json.map { (path as NSString).appendingPathComponent($0) }
    }
    return files
  }
}
