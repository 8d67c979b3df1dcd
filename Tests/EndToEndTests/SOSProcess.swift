import Foundation

/// Runs the built `sos` binary as a user would, with arguments, environment and
/// standard input, and captures what it prints and how it exits.
struct SOSProcess {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The folder holding the built products (`.build/debug`).
  static var productsDirectory: URL {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
      }
      fatalError("no .xctest bundle")
    #else
      return Bundle.main.bundleURL
    #endif
  }

  /// The repository root, for the shipped scenarios.
  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  static func run(
    _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:],
    directory: URL? = nil
  ) throws -> Outcome {
    try run(arguments, input: Data(stdin.utf8), environment: extra, directory: directory)
  }

  /// Runs `sos` with these bytes on standard input (which need not be UTF-8).
  static func run(
    _ arguments: [String], input bytes: Data, environment extra: [String: String] = [:],
    directory: URL? = nil
  ) throws -> Outcome {
    let process = configured(arguments, environment: extra, directory: directory)
    let input = Pipe()
    let output = Pipe()
    let error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    _ = ignoreBrokenPipes
    try process.run()
    // Write standard input, and read both pipes to the end before waiting, each on its
    // own thread, so that no full pipe can block the child or the test.
    let group = DispatchGroup()
    let writer = input.fileHandleForWriting
    group.enter()
    DispatchQueue.global().async {
      try? writer.write(contentsOf: bytes)
      try? writer.close()
      group.leave()
    }
    nonisolated(unsafe) var errorData = Data()
    group.enter()
    DispatchQueue.global().async {
      errorData = error.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus,
      stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self))
  }

  /// A child that exits before reading all its input must not kill the tests with
  /// SIGPIPE: the write fails instead.
  static let ignoreBrokenPipes: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  /// A process for the built `sos`, with NO_COLOR set, not yet started.
  static func configured(
    _ arguments: [String], environment extra: [String: String], directory: URL?
  ) -> Process {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("sos")
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "SOS_SCENARIOS")
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    process.currentDirectoryURL = directory ?? repositoryRoot
    return process
  }

  /// A fresh temporary folder.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sos-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
