import ArgumentParser
import Foundation
import Logging
import SOSLive
import SOSPostgres
import SOSServer
import SOSStore
import SOSTerminal

/// `sos-server`: the workshop server that `sos serve` starts. It is its own program so
/// that building `sos` for play never waits for the web stack.
@main
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sos serve",
    abstract: "Serve live rooms: trainees join from their laptops, the board shows the room.",
    discussion: """
      Listens on 127.0.0.1:7717 unless told otherwise (--listen 0.0.0.0:7717 opens it to \
      the room's network). Open rooms with 'sos room open', and the board in a browser \
      at the address printed at start. Stops cleanly on Ctrl-C or SIGTERM: every \
      answer already acknowledged is in the database. Logs go to standard error.
      """)

  @Option(help: "HOST:PORT to listen on (default 127.0.0.1:7717; 0.0.0.0:7717 for the room).")
  var listen: String = "127.0.0.1:7717"

  @Option(help: "The workshop database (default: $SOS_DB, else $XDG_DATA_HOME/sos/sos.sqlite).")
  var db: String?

  @Option(help: "The server key's file (default: $XDG_DATA_HOME/sos/server-key).")
  var keyFile: String?

  @Option(
    help: "Scenarios the board can open rooms on (default: $SOS_SCENARIOS, else ./scenarios).")
  var scenarios: String?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    guard let address = ListenAddress(listen) else {
      fail("'\(listen)' is not an address to listen on: give HOST:PORT, such as 0.0.0.0:7717", 64)
    }
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel =
        environment["SOS_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
      return handler
    }
    let logger = Logger(label: "sos.serve")
    PostgresSupport.register()
    let path = DatabaseLocation.path(option: db, environment: environment)
    let database: WorkshopDatabase
    do {
      database = try WorkshopDatabase.open(location: path)
    } catch {
      fail(error.message, 74)
    }
    let keyPath = keyFile ?? ServerKey.defaultPath(environment: environment)
    let key: String
    do {
      key = try ServerKey.loadOrCreate(path: keyPath)
    } catch {
      fail("cannot read or make the server key at \(keyPath): \(error.localizedDescription)", 74)
    }
    // The board offers the scenarios of the folder that load without errors.
    let library = ScenarioLibrary(
      directory: ScenarioLibrary.directory(option: scenarios, environment: environment))
    let catalogue = library.loadAll().compactMap { result -> WorkshopServer.CatalogueEntry? in
      guard let scenario = result.scenario, let text = result.source else { return nil }
      return .init(
        id: scenario.id, title: scenario.title, file: (result.file as NSString).lastPathComponent,
        text: text)
    }
    let server = WorkshopServer(
      configuration: .init(
        host: address.host, port: address.port, databasePath: path, keyPath: keyPath),
      database: database, key: key, logger: logger, catalogue: catalogue)
    let loopback = address.isLoopback
    do {
      try await server.run { url in
        var line = "sos serve: listening on \(url); the board is at \(url)/board"
        line +=
          loopback
          ? " (this machine only: use --listen 0.0.0.0:\(url.split(separator: ":").last ?? "7717") to let the room join)"
          : " (open to the network)"
        let text = line + "\ndatabase: \(path); server key: \(keyPath)\n"
        FileHandle.standardOutput.write(Data(text.utf8))
      }
    } catch {
      let text = "\(error)"
      if text.contains("Address already in use") {
        fail(
          "cannot serve on \(listen): the port is already in use (another sos serve?);"
            + " choose another with --listen HOST:PORT", 74)
      }
      if text.contains("Cannot assign requested address") || text.contains("not available") {
        fail("cannot serve on \(listen): this machine has no such address", 74)
      }
      fail("cannot serve on \(listen): \(text)", 74)
    }
    logger.info("stopped")
  }

  func fail(_ message: String, _ code: Int32) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    Foundation.exit(code)
  }
}
