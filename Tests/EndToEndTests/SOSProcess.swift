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
    directory: URL? = nil, limit: Double = 120
  ) throws -> Outcome {
    let process = configured(arguments, environment: extra, directory: directory)
    _ = ignoreBrokenPipes
    let (input, output, error) = try spawn(process)
    // A child that never finishes fails its test instead of hanging the whole run.
    let watchdog = Watchdog(process: process, seconds: limit)
    defer { watchdog.cancel() }
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
    if watchdog.fired {
      throw Hung(
        description: "sos \(arguments.joined(separator: " ")) did not finish in \(Int(limit)) s;"
          + " its output: \(String(decoding: outputData.suffix(600), as: UTF8.self))")
    }
    return Outcome(
      status: process.terminationStatus,
      stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData, as: UTF8.self))
  }

  /// Serialises making pipes and starting children: tests run in parallel, and a child
  /// started by one test must not inherit another test's pipes.
  static let spawning = NSLock()

  /// Starts `process` with fresh pipes for its standard input, output and error. Every
  /// pipe end is close-on-exec, so no other child holds it open (a child that held
  /// another's standard input would keep it from ever seeing the end of its input).
  static func spawn(_ process: Process) throws -> (input: Pipe, output: Pipe, error: Pipe) {
    spawning.lock()
    defer { spawning.unlock() }
    let pipes = (input: Pipe(), output: Pipe(), error: Pipe())
    for pipe in [pipes.input, pipes.output, pipes.error] {
      for descriptor in [
        pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor,
      ] {
        _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
      }
    }
    process.standardInput = pipes.input
    process.standardOutput = pipes.output
    process.standardError = pipes.error
    try process.run()
    return pipes
  }

  /// A run of `sos` that did not finish in time.
  struct Hung: Error, CustomStringConvertible {
    var description: String
  }

  /// Kills a child process that outlives its time limit.
  final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var didFire = false

    init(process: Process, seconds: Double) {
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        didFire = true
        Foundation.kill(pid, SIGKILL)
      }
    }

    var fired: Bool {
      lock.lock()
      defer { lock.unlock() }
      return didFire
    }

    func cancel() {
      lock.lock()
      done = true
      lock.unlock()
    }
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
  /// A new folder for one test, removed when the test process exits (tests that
  /// remove their folder earlier lose nothing by it), so a run leaves nothing in /tmp.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sos-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryFolders.register(url.path)
    return url
  }
}
