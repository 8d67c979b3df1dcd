import ArgumentParser
import Foundation
import SOSStore

struct DatabaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Look after the workshop database: bring its schema up to date, check it.",
    subcommands: [DatabaseMigrateCommand.self, DatabaseCheckCommand.self])
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
