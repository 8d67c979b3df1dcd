import ArgumentParser
import Foundation
import SOSStore
import SOSTerminal

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a session as a portable session file (JSON).",
    discussion: """
      The file carries the scenario's full text and its SHA-256, the seed, the mode and \
      every input with its time, so it replays anywhere: hand it to your facilitator, \
      who imports it with 'sos cohort import' or scores it with 'sos score FILE'. \
      A session played with --hand-in-key is sealed: an import refuses the file if \
      anything in it changed afterwards.
      """
  )

  @Argument(
    help: "The session's id, or its first characters (default: the latest in the database).",
    completion: .custom(CompletionCandidates.sessionIDs))
  var session: String?

  @Option(
    name: .shortAndLong, help: "Write to this file (default: standard output).",
    completion: .file(extensions: ["json"]))
  var out: String?

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    var file: SessionFile
    let key: HandInKey?
    do {
      let record: SessionRecord
      if let session {
        record = try store.session(prefix: session)
      } else if let latest = try store.sessions().last {
        record = latest
      } else {
        throw Failure.report("there are no sessions to export", ExitStatus.missingInput)
      }
      file = try store.sessionFile(id: record.id)
      key = try store.handInKey(sessionID: record.id)
    } catch let error as WorkshopDatabaseError {
      throw Failure.database(error)
    }
    if let scored = try? LoadedSession.scored(
      record: file.sessionRecord, inputs: file.inputs, text: file.scenario.text, origin: "export")
    {
      file.scores = scored.scoresForFile
    }
    if let key { file.seal(with: key) }
    let data = Data(Sanitizer.output(String(decoding: file.encode(), as: UTF8.self)).utf8)
    guard let out else {
      FileHandle.standardOutput.write(data)
      return
    }
    do {
      try PrivateFile.write(data, to: out)
    } catch {
      throw Failure.report("cannot write \(out): \(error.reason)", ExitStatus.ioFailure)
    }
    Output.error("Wrote session \(file.session.uuidString.lowercased().prefix(8)) to \(out)\n")
  }
}
