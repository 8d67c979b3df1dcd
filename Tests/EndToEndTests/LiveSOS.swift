import Foundation

/// A running `sos` whose standard input stays open: the test writes lines when it
/// likes and waits for what the program prints, as a trainee at a keyboard would.
final class LiveSOS: @unchecked Sendable {
  struct Timeout: Error, CustomStringConvertible {
    var description: String
  }

  let process: Process
  private let input: Pipe
  private let output: Pipe
  private let error: Pipe
  private let lock = NSLock()
  private var printed = Data()
  private var errors = Data()
  private let drained = DispatchGroup()

  /// Starts `sos` with these arguments (NO_COLOR set, as for ``SOSProcess/run``).
  init(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil)
    throws
  {
    _ = SOSProcess.ignoreBrokenPipes
    process = SOSProcess.configured(arguments, environment: environment, directory: directory)
    (input, output, error) = try SOSProcess.spawn(process)
    drain(output.fileHandleForReading) { self.printed.append($0) }
    drain(error.fileHandleForReading) { self.errors.append($0) }
  }

  /// Reads a pipe until its end on a thread of its own.
  private func drain(_ handle: FileHandle, into append: @escaping @Sendable (Data) -> Void) {
    drained.enter()
    Thread.detachNewThread { [lock, drained] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.lock()
        append(chunk)
        lock.unlock()
      }
      drained.leave()
    }
  }

  /// Everything printed on standard output so far.
  var stdout: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: printed, as: UTF8.self)
  }

  /// Everything printed on standard error so far.
  var stderr: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: errors, as: UTF8.self)
  }

  /// Types a line.
  func type(_ line: String) throws {
    try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
  }

  /// Waits until standard output satisfies `condition`, or fails after `seconds` or
  /// when the program exits without satisfying it.
  @discardableResult
  func wait(seconds: Double = 20, for what: String, until condition: (String) -> Bool) throws
    -> String
  {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      let text = stdout
      if condition(text) { return text }
      if !process.isRunning {
        drained.wait()
        if condition(stdout) { return stdout }
        throw Timeout(description: "sos exited before \(what); \(tail)")
      }
      if Date() > deadline { throw Timeout(description: "no \(what) in time; \(tail)") }
      Thread.sleep(forTimeInterval: 0.005)
    }
  }

  /// The end of what was printed, for a failure message.
  var tail: String {
    "stdout ends:\n\(stdout.suffix(800))\nstderr:\n\(stderr)"
  }

  /// Waits until `count` prompts matching `prompt` have been printed and the output
  /// ends with one, that is, until the program is waiting at it.
  @discardableResult
  func waitForPrompt(number count: Int, matching prompt: Regex<Substring>) throws -> String {
    try wait(for: "prompt \(count)") { text in
      let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
      return text.matches(of: prompt).count >= count && lastLine.wholeMatch(of: prompt) != nil
    }
  }

  /// Closes standard input (end of input: save and exit) and waits for the exit.
  func finish(seconds: Double = 20) throws -> Int32 {
    try? input.fileHandleForWriting.close()
    return try waitForExit(seconds: seconds)
  }

  /// Kills the process with SIGKILL and waits for it.
  func kill() throws {
    _ = Foundation.kill(process.processIdentifier, SIGKILL)
    _ = try waitForExit(seconds: 20)
    try? input.fileHandleForWriting.close()
  }

  func waitForExit(seconds: Double) throws -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        throw Timeout(description: "sos did not exit; \(tail)")
      }
      Thread.sleep(forTimeInterval: 0.005)
    }
    drained.wait()
    return process.terminationStatus
  }
}
