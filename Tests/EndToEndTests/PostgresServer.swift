import Foundation
import SOSPostgres
import SOSStore

/// The PostgreSQL server the end-to-end tests use, as `.ci/run` starts it
/// (`SOS_TEST_POSTGRES`, the password in `PGPASSWORD`), and throw-away servers of their
/// own for tests that stop one (`.ci/postgres`).
enum PostgresServer {
  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// Whether the PostgreSQL tests run: a server is named, or one is required (then a
  /// missing one fails them rather than leaving them out).
  static var isConfigured: Bool {
    !(environment["SOS_TEST_POSTGRES"] ?? "").isEmpty || environment["SOS_REQUIRE_POSTGRES"] == "1"
  }

  /// Whether PostgreSQL's programs are installed (for a server of a test's own).
  static var isInstalled: Bool {
    let folder = "/usr/lib/postgresql"
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return versions.contains {
      FileManager.default.fileExists(atPath: "\(folder)/\($0)/bin/initdb")
    }
  }

  /// The PostgreSQL engine, registered once for this test process (the tests open
  /// databases themselves as well as through `sos`).
  static let registered: Void = PostgresSupport.register()

  /// A new, empty database on the shared test server.
  static func newDatabase() throws -> String {
    _ = registered
    guard let server = environment["SOS_TEST_POSTGRES"], !server.isEmpty else {
      throw Missing()
    }
    let name = "sos_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    return try WorkshopDatabase.createPostgresDatabaseForTesting(named: name, server: server)
  }

  struct Missing: Error, CustomStringConvertible {
    var description: String { "SOS_TEST_POSTGRES names no server (see .ci/run)" }
  }

  /// A server of one test's own, in a temporary folder, that it may stop and start.
  struct Own {
    let folder: String
    /// The URL of its `postgres` database; the password is `password`.
    let url: String
    let password: String

    static func start() throws -> Own {
      let folder = try SOSProcess.temporaryDirectory().appendingPathComponent("pg").path
      let exports = try control(["start", folder])
      var values: [String: String] = [:]
      for line in exports.split(separator: "\n") {
        let parts = line.replacingOccurrences(of: "export ", with: "").split(
          separator: "=", maxSplits: 1)
        if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
      }
      guard let url = values["SOS_TEST_POSTGRES"], let password = values["PGPASSWORD"] else {
        throw ControlFailed(description: ".ci/postgres start printed: \(exports)")
      }
      return Own(folder: folder, url: url, password: password)
    }

    /// Stops the server at once, as a crash or a pulled plug would.
    func kill() throws { _ = try Self.control(["kill", folder]) }
    func restart() throws { _ = try Self.control(["restart", folder]) }
    func stop() { _ = try? Self.control(["stop", folder]) }

    /// Runs `.ci/postgres` and returns what it printed.
    static func control(_ arguments: [String]) throws -> String {
      // Its output goes to files, not pipes: the server it starts lives on, and must
      // not hold a pipe the test reads to its end.
      let folder = try SOSProcess.temporaryDirectory()
      let printed = folder.appendingPathComponent("out")
      let complaint = folder.appendingPathComponent("err")
      _ = FileManager.default.createFile(atPath: printed.path, contents: nil)
      _ = FileManager.default.createFile(atPath: complaint.path, contents: nil)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments =
        [SOSProcess.repositoryRoot.appendingPathComponent(".ci/postgres").path] + arguments
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: printed)
      process.standardError = try FileHandle(forWritingTo: complaint)
      SOSProcess.spawning.lock()
      do {
        try process.run()
        SOSProcess.spawning.unlock()
      } catch {
        SOSProcess.spawning.unlock()
        throw error
      }
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        throw ControlFailed(
          description: ".ci/postgres \(arguments.joined(separator: " ")) failed: "
            + ((try? String(contentsOf: complaint, encoding: .utf8)) ?? ""))
      }
      return (try? String(contentsOf: printed, encoding: .utf8)) ?? ""
    }
  }

  struct ControlFailed: Error, CustomStringConvertible {
    var description: String
  }
}
