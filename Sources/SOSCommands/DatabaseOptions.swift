import ArgumentParser
import Foundation
import SOSStore

/// The `--db` option and opening the workshop database.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The workshop database: a file, or a postgres:// URL (default: $SOS_DB, else"
        + " $XDG_DATA_HOME/sos/sos.sqlite).",
      valueName: "path-or-url"),
    completion: .file())
  var db: String?

  /// The database in force: a path, or a PostgreSQL URL (which may hold a password:
  /// show ``displayPath``).
  var path: String {
    DatabaseLocation.path(option: db, environment: ProcessInfo.processInfo.environment)
  }

  /// The database as messages show it (a URL without its password).
  var displayPath: String { DatabaseLocation.display(path) }

  /// Sends a database server what an earlier `sos play` kept on this computer while
  /// the server could not be reached (see ``StoreSpool``); says so when it sent any.
  static func sendSpooledAnswers(to store: WorkshopDatabase) {
    guard let spool = try? StoreSpool.open(for: store, create: false) else { return }
    do {
      let sent = try spool.flushAll()
      if sent > 0 {
        Output.error(
          "Sent \(sent) answer\(sent == 1 ? "" : "s") kept on this computer while \(store.path)"
            + " could not be reached.\n")
      }
    } catch {
      Output.error("warning: answers kept on this computer stay there for now: \(error.message)\n")
    }
  }

  /// Opens the database for a command that only reads: a database that does not exist
  /// is not created (a mistyped `--db` would otherwise make an empty one and report
  /// "no sessions"); it fails with exit 66 naming the path.
  func openExisting() throws -> WorkshopDatabase {
    guard DatabaseLocation.isServer(path) || FileManager.default.fileExists(atPath: path) else {
      throw Failure.report(
        "no workshop database at \(path): nothing has been played or imported there yet"
          + " (check --db or SOS_DB; start with: sos play ID)", ExitStatus.missingInput)
    }
    return try open()
  }

  /// Opens the database, or reports why not and fails with exit 74 (65 for a file that
  /// is not a database).
  func open() throws -> WorkshopDatabase {
    do {
      let store = try WorkshopDatabase.open(location: path)
      if store.isPostgres { Self.sendSpooledAnswers(to: store) }
      return store
    } catch {
      throw Failure.database(error)
    }
  }
}

/// A failure reported once, at the edge, with the exit code of DESIGN §7.
enum Failure {
  /// Prints `error: message` on standard error and returns the exit code to throw.
  static func report(_ message: String, _ code: ExitCode) -> ExitCode {
    Output.error("error: \(message)\n")
    return code
  }

  /// A database error in words, with the exit code that fits it; `hints` names the
  /// commands it suggests as the shell takes them.
  static func database(_ error: WorkshopDatabaseError, hints: CommandHints? = nil)
    -> ExitCode
  {
    let code: ExitCode
    switch error {
    case .unknownCohort, .sessionNotFound, .noSessionMatching, .roomNotFound:
      code = ExitStatus.missingInput
    case .ambiguousSessionPrefix, .invalidSessionPrefix, .invalidCohortName, .invalidTrainee,
      .duplicateCohort, .duplicateTrainee, .roomClosed:
      code = ExitStatus.usage
    case .notADatabase, .emptyFile, .newerSchema, .damagedRecord, .scenarioHashMismatch,
      .inputSequenceGap,
      .sessionNotActive, .invalidInput:
      code = ExitStatus.badData
    case .cannotCreateDirectory, .cannotOpen, .permissionDenied, .busy, .diskFull, .database,
      .unreachable:
      code = ExitStatus.ioFailure
    }
    return report(hints?.adapt(error.message) ?? error.message, code)
  }
}

extension Failure {
  /// Runs `body`, turning a database error into its message and exit code.
  static func catching(hints: CommandHints? = nil, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as WorkshopDatabaseError {
      throw database(error, hints: hints)
    }
  }
}
