import ArgumentParser
import Foundation
import SOSStore

struct DatabaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Look after the workshop database: bring its schema up to date, check it, copy it.",
    discussion: """
      A database is an SQLite file (the default; one laptop, one room) or a PostgreSQL \
      database named by a URL, postgres://USER@HOST[:PORT]/DATABASE (one store for many \
      rooms and sites). The password comes from the URL, $PGPASSWORD or ~/.pgpass.
      """,
    subcommands: [DatabaseMigrateCommand.self, DatabaseCheckCommand.self, DatabaseCopyCommand.self])
}

struct DatabaseMigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Bring the database's schema up to date (every command does this on open).",
    discussion: """
      Creates the database if it does not exist. Safe while other sos processes use \
      it: they take turns. Exit status: 0 when done, 65 for a file that is not a \
      workshop database or was written by a newer sos, 74 when it cannot be written.
      """)

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let location = database.path
    let before: [String]
    do {
      before = try WorkshopDatabase.appliedMigrations(location: location)
    } catch {
      throw Failure.database(error)
    }
    let path = try database.open().path
    let applied = WorkshopDatabase.knownMigrations.filter { !before.contains($0) }
    let known = WorkshopDatabase.knownMigrations
    if applied.isEmpty {
      Output.out(
        "\(path) is up to date (schema \(known.last ?? "none"), \(known.count) migrations).\n")
    } else {
      Output.out(
        "Applied \(applied.joined(separator: ", ")) to \(path); its schema is now"
          + " \(known.last ?? "none").\n")
    }
  }
}

struct DatabaseCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the database: integrity, rows without their parent, every session replayed.",
    discussion: """
      Reads only. Exit status: 0 when nothing is wrong, 1 when something is (each \
      finding is listed), 65 for a file that is not a workshop database, 66 when there \
      is no database.
      """)

  @Flag(help: "Print the findings as JSON.")
  var json = false

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    let check: DatabaseCheck
    do {
      check = try store.check()
    } catch {
      throw Failure.database(error)
    }
    if json {
      let object: [String: Any] = [
        "healthy": check.isHealthy, "schema": check.migrations.last ?? "",
        "integrity": check.integrity, "orphans": check.orphans,
        "unreplayable": check.unreplayable.map {
          ["session": $0.session, "trainee": $0.trainee, "problem": $0.problem]
        },
        "cohorts": check.cohorts, "sessions": check.sessions, "finished": check.finished,
        "inputs": check.inputs, "scenario_texts": check.scenarioTexts, "rooms": check.rooms,
      ]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      Output.out(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      var lines = [
        "\(store.path): schema \(check.migrations.last ?? "none");"
          + " \(check.cohorts) cohort\(check.cohorts == 1 ? "" : "s"),"
          + " \(check.sessions) session\(check.sessions == 1 ? "" : "s") (\(check.finished) finished),"
          + " \(check.inputs) input\(check.inputs == 1 ? "" : "s"),"
          + " \(check.scenarioTexts) scenario text\(check.scenarioTexts == 1 ? "" : "s"),"
          + " \(check.rooms) room\(check.rooms == 1 ? "" : "s")"
      ]
      lines += check.integrity.map { "integrity: \($0)" }
      lines += check.orphans.map { "orphan: \($0)" }
      lines += check.unreplayable.map {
        "session \($0.session) (\($0.trainee)) does not replay: \($0.problem)"
      }
      lines.append(
        check.isHealthy
          ? "Every session replays; no damage found."
          : "Found \(check.integrity.count + check.orphans.count + check.unreplayable.count) problem(s)."
      )
      Output.out(lines.joined(separator: "\n") + "\n")
    }
    if !check.isHealthy { throw ExitStatus.checkFailed }
  }
}

struct DatabaseCopyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy",
    abstract: "Copy every cohort, session and room from one database into another.",
    discussion: """
      FROM and TO are SQLite files or postgres:// URLs, in either direction: \
      sos db copy workshop.sqlite postgres://sos@db.example/sos moves a laptop's \
      sessions into the team's store. TO is created (a file) or migrated as needed. \
      The copy is one transaction: all of it or nothing. Sessions, cohorts, texts and \
      rooms TO has already are left alone, so copying twice changes nothing. Afterwards \
      every session is replayed in both and its scores compared. Exit status: 0 when \
      every session scores the same in both, 1 when one does not, 66 when FROM does not \
      exist, 74 when a database cannot be reached or written.
      """)

  @Argument(help: ArgumentHelp("The database to copy from.", valueName: "from"))
  var from: String

  @Argument(help: ArgumentHelp("The database to copy into.", valueName: "to"))
  var to: String

  func run() throws {
    guard DatabaseLocation.display(from) != DatabaseLocation.display(to) else {
      throw Failure.report("FROM and TO are the same database", ExitStatus.usage)
    }
    guard DatabaseLocation.isServer(from) || FileManager.default.fileExists(atPath: from) else {
      throw Failure.report("no workshop database at \(from)", ExitStatus.missingInput)
    }
    try Failure.catching {
      let source = try WorkshopDatabase.open(location: from)
      let target = try WorkshopDatabase.open(location: to)
      let copy = try source.copy(to: target)
      Output.out(
        "Copied \(copy.sessions) session\(copy.sessions == 1 ? "" : "s")"
          + " (\(copy.inputs) input\(copy.inputs == 1 ? "" : "s")),"
          + " \(copy.cohorts) cohort\(copy.cohorts == 1 ? "" : "s"),"
          + " \(copy.scenarioTexts) scenario text\(copy.scenarioTexts == 1 ? "" : "s") and"
          + " \(copy.rooms) room\(copy.rooms == 1 ? "" : "s") from \(source.path) to \(target.path)"
          + (copy.sessionsAlreadyThere > 0
            ? "; \(copy.sessionsAlreadyThere) session\(copy.sessionsAlreadyThere == 1 ? " was" : "s were") there already"
            : "") + ".\n")
      // Every session replayed in both: the copy is only as good as its scores.
      let before = Dictionary(
        try source.sessionScores().sessions.map { ($0.record.id, $0) },
        uniquingKeysWith: { first, _ in first })
      var differing: [String] = []
      var compared = 0
      for after in try target.sessionScores(rescore: true).sessions {
        guard let original = before[after.record.id] else { continue }
        compared += 1
        if original.score != after.score || original.problem != after.problem {
          differing.append(after.record.shortID)
        }
      }
      if differing.isEmpty {
        Output.out(
          "Every one of the \(compared) session\(compared == 1 ? "" : "s") replays to the same"
            + " scores in both.\n")
      } else {
        Output.error(
          "error: \(differing.count) session(s) score differently after the copy:"
            + " \(differing.joined(separator: ", "))\n")
        throw ExitStatus.checkFailed
      }
    }
  }
}
