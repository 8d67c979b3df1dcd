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

  @Option(
    help: ArgumentHelp(
      "Where these sessions were played: a site's or city's label.",
      discussion:
        "The same name at two sites is two trainees until merged ('sos trainee merge')."
        + " Default: no site.",
      valueName: "label"))
  var site: String?

  @OptionGroup var global: GlobalOptions
  @OptionGroup var database: DatabaseOptions

  /// How many files are stored per transaction: enough that commits do not dominate,
  /// few enough that another process waits a moment at most.
  static let batchSize = 200

  /// A file read, replayed and verified, waiting for its batch to be stored.
  struct Pending {
    var path: String
    var file: SessionFile
    var replayed: ReplayedSession
    var flags: [String]
  }

  /// What to print for one file, in the order of the files.
  enum Step {
    /// A file refused before storing: its error line.
    case refused(String)
    /// A file to store, by its place in the batch.
    case pending(Int)
  }

  func run() throws {
    let store = try database.open()
    let verifier = HandInVerifier(
      folder: global.scenarioDirectory, store: store, trust: trustScenarioText,
      requireSeal: requireSeal)
    let cohort = try CohortLookup.named(name, in: store)
    var replayer = SessionReplayer()
    let texts = ScenarioTextHashes()
    var tally = Tally()
    var steps: [Step] = []
    var batch: [Pending] = []
    for path in try Self.expand(files, failed: &tally.failed) {
      switch prepare(
        path, cohort: cohort.name, replayer: &replayer, texts: texts, verifier: verifier)
      {
      case .success(let pending):
        steps.append(.pending(batch.count))
        batch.append(pending)
        // A text accepted on trust is one the database has once stored, for the files
        // after it: store it at once, as when every file was committed on its own.
        if !verifier.knows(pending.file.scenario.sha256) {
          try storeBatch(batch, steps: steps, in: store, verifier: verifier, tally: &tally)
          batch = []
          steps = []
        }
      case .failure(let refusal):
        steps.append(.refused(refusal.message))
      }
      if batch.count >= Self.batchSize {
        try storeBatch(batch, steps: steps, in: store, verifier: verifier, tally: &tally)
        batch = []
        steps = []
      }
    }
    try storeBatch(batch, steps: steps, in: store, verifier: verifier, tally: &tally)
    var summary =
      "Imported \(tally.imported) session\(tally.imported == 1 ? "" : "s")"
      + " into cohort '\(cohort.name)'"
    if tally.skipped > 0 { summary += "; \(tally.skipped) already present" }
    let flagged = tally.flagged
    if !flagged.isEmpty {
      summary +=
        "; \(flagged.count) hand-in\(flagged.count == 1 ? " looks" : "s look") edited ("
        + flagged.joined(separator: ", ") + ")"
    }
    if tally.failed > 0 {
      summary += "; \(tally.failed) file\(tally.failed == 1 ? "" : "s") failed"
    }
    Output.out(summary + ".\n")
    if tally.failed > 0 { throw ExitStatus.badData }
  }

  /// What the import did so far.
  struct Tally {
    var imported = 0
    var skipped = 0
    var failed = 0
    var flagged: [String] = []
  }

  /// Reads, replays and verifies one file; a refusal is its error line.
  func prepare(
    _ path: String, cohort: String, replayer: inout SessionReplayer,
    texts: ScenarioTextHashes, verifier: HandInVerifier
  ) -> Result<Pending, HandInVerifier.Refusal> {
    let file: SessionFile
    switch SessionFile.load(path: path, texts: texts) {
    case .success(let value): file = value
    case .failure(let error): return .failure(.init(message: error.message))
    }
    let replayed: ReplayedSession
    switch file.replay(using: &replayer, file: path) {
    case .success(let value): replayed = value
    case .failure(let error): return .failure(.init(message: error.message))
    }
    switch verifier.verify(file, path: path, strict: strict) {
    case .success(let flags):
      var filed = file
      filed.cohort = cohort
      return .success(Pending(path: path, file: filed, replayed: replayed, flags: flags))
    case .failure(let refusal): return .failure(refusal)
    }
  }

  /// Stores a batch in one transaction, with the scores of its replays, then prints
  /// what happened to each file in order.
  func storeBatch(
    _ batch: [Pending], steps: [Step], in store: WorkshopDatabase, verifier: HandInVerifier,
    tally: inout Tally
  ) throws {
    var results: [Result<ImportOutcome, WorkshopDatabaseError>] = []
    if !batch.isEmpty {
      do {
        results = try store.importSessions(
          batch.map { pending in
            var record = pending.file.sessionRecord
            record.flags = pending.flags
            record.site = site.flatMap { $0.isEmpty ? nil : $0 }
            return SessionImport(
              record: record, scenarioText: pending.file.scenario.text,
              inputs: pending.file.inputs, scored: pending.replayed.scored,
              scenario: pending.replayed.scenario)
          })
      } catch {
        for case .refused(let message) in steps { Output.error(message + "\n") }
        throw Failure.database(error)
      }
    }
    for step in steps {
      switch step {
      case .refused(let message):
        Output.error(message + "\n")
        tally.failed += 1
      case .pending(let index):
        report(batch[index], result: results[index], verifier: verifier, tally: &tally)
      }
    }
  }

  /// Prints what happened to one stored file.
  func report(
    _ pending: Pending, result: Result<ImportOutcome, WorkshopDatabaseError>,
    verifier: HandInVerifier, tally: inout Tally
  ) {
    let path = pending.path
    let record = pending.replayed.record
    switch result {
    case .failure(let error):
      Output.error("\(path): error: \(error.message)\n")
      tally.failed += 1
    case .success(.imported):
      tally.imported += 1
      var line =
        "imported \(path): session \(record.shortID), \(Self.oneLine(record.trainee)),"
        + " \(record.scenarioID), \(record.status.rawValue)"
      if record.status == .finished, let report = pending.replayed.scored?.report {
        line += ", overall \(ScoreFormat.points(report.overall)) \(report.grade)"
      }
      if let seal = pending.file.seal, verifier.keys[seal.key.lowercased()] != nil {
        line += ", seal intact"
      }
      Output.out(line + "\n")
      if !pending.flags.isEmpty {
        tally.flagged.append(path)
        Output.out("  flagged: " + pending.flags.joined(separator: "; ") + "\n")
      }
    case .success(.alreadyPresent):
      tally.skipped += 1
      Output.out("skipped \(path): session \(record.shortID) is already in the database\n")
    }
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
