import ArgumentParser
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the workshop server: live rooms, trainees joining, the board.",
    discussion: """
      Starts sos-server, built beside sos (swift build --product sos-server), so that \
      building sos for play never waits for the web stack. Listens on 127.0.0.1:7717 \
      unless told otherwise: --listen 0.0.0.0:7717 opens it to the room's network. \
      Ctrl-C or SIGTERM stops it cleanly; every answer it acknowledged is in the \
      database. See facilitator-guide/running-a-workshop.md.
      """)

  @Option(help: "HOST:PORT to listen on (default 127.0.0.1:7717; 0.0.0.0:7717 for the room).")
  var listen: String?

  @Option(
    help: "The workshop database (default: $SOS_DB, else $XDG_DATA_HOME/sos/sos.sqlite).",
    completion: .file())
  var db: String?

  @Option(help: "The server key's file (default: $XDG_DATA_HOME/sos/server-key).")
  var keyFile: String?

  @Option(
    help: "Scenarios the board can open rooms on (default: $SOS_SCENARIOS, else ./scenarios).",
    completion: .directory)
  var scenarios: String?

  func run() throws {
    guard let server = Self.serverExecutable() else {
      throw Failure.report(
        "the workshop server is not built beside sos: build it with"
          + " swift build --product sos-server (add -c release for the release build)",
        ExitStatus.missingInput)
    }
    var arguments = [server]
    if let listen { arguments += ["--listen", listen] }
    if let db { arguments += ["--db", db] }
    if let keyFile { arguments += ["--key-file", keyFile] }
    if let scenarios { arguments += ["--scenarios", scenarios] }
    let argv = arguments.map { strdup($0) } + [nil]
    execv(server, argv)
    throw Failure.report(
      "cannot start \(server): \(String(cString: strerror(errno)))", ExitStatus.ioFailure)
  }

  /// `sos-server` in the folder of this executable, if it is there.
  static func serverExecutable() -> String? {
    SiblingProgram.path(named: "sos-server")
  }
}
