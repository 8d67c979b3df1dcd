import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the release `sos` binary as a trainee or facilitator would, with standard
/// input and output as pipes (plain mode), for whole-process timings.
struct SOSProcess {
  /// Why a run did not go as expected.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The repository root: the folder above `Benchmarks/`. `SOS_ROOT` overrides it.
  static var root: URL {
    if let root = ProcessInfo.processInfo.environment["SOS_ROOT"], !root.isEmpty {
      return URL(fileURLWithPath: root)
    }
    // This file is Benchmarks/Benchmarks/CommandLineBenchmarks/SOSProcess.swift.
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }

  /// The binary under test: `SOS_BINARY`, else the release build made with
  /// `swift build -c release --scratch-path .build-release` at the root.
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["SOS_BINARY"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return root.appendingPathComponent(".build-release/release/sos")
  }

  /// The benchmark runner is started with the malloc interposer preloaded; `sos`
  /// runs with the system allocator, as it does for a trainee.
  static var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["LD_PRELOAD"] = nil
    environment["NO_COLOR"] = "1"
    return environment
  }

  /// CPU time (user and system, in microseconds) of all the child processes that
  /// have ended so far. The difference around one run is that run's CPU time, which
  /// other work on a shared machine does not inflate the way it inflates wall time.
  static func childrenCPUMicroseconds() -> Int {
    var usage = rusage()
    #if os(Linux)
      let children = RUSAGE_CHILDREN.rawValue
    #else
      let children = RUSAGE_CHILDREN
    #endif
    guard getrusage(children, &usage) == 0 else { return 0 }
    let user = Int(usage.ru_utime.tv_sec) * 1_000_000 + Int(usage.ru_utime.tv_usec)
    let system = Int(usage.ru_stime.tv_sec) * 1_000_000 + Int(usage.ru_stime.tv_usec)
    return user + system
  }

  let arguments: [String]

  private func makeProcess() -> Process {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = Self.root
    process.environment = Self.environment
    process.standardError = FileHandle.nullDevice
    return process
  }

  /// Runs to the end with no input, and returns the exit status.
  func runToExit() throws -> Int32 {
    let process = makeProcess()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Starts the process with standard input a pipe, returns once its output ends in
  /// a prompt that contains `prompt` and ends in `"> "`, then calls `reached`, closes
  /// standard input (end of input: `sos` saves and exits) and waits for the exit.
  func runToPrompt(_ prompt: String, reached: () -> Void) throws {
    let process = makeProcess()
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    var seen = Data()
    let marker = Data(prompt.utf8)
    let end = Data("> ".utf8)
    var found = false
    while !found {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen.append(chunk)
      found = seen.suffix(end.count) == end && seen.range(of: marker) != nil
    }
    reached()
    try? input.fileHandleForWriting.close()
    _ = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard found else {
      let tail = String(decoding: seen.suffix(300), as: UTF8.self)
      throw Failure(
        description: "no '\(prompt)…> ' prompt; exit \(process.terminationStatus); "
          + "output ended: \(tail)")
    }
  }
}
