import Foundation
import Testing

@testable import SOSTerminal

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

@Suite struct TerminalOutputTests {
  @Test func writesEverythingThroughPartialWrites() throws {
    let pipe = try TestPipe()
    defer { pipe.close() }
    // A non-blocking pipe accepts 64 KiB at a time, so the writer must wait and resume.
    _ = fcntl(pipe.write, F_SETFL, fcntl(pipe.write, F_GETFL) | O_NONBLOCK)
    let text = String(repeating: "crisis ☕ ", count: 40_000)
    let received = LockedBytes()
    let reader = pipe.read
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      var chunk = [UInt8](repeating: 0, count: 8192)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        received.append(chunk[..<count])
        if received.count >= text.utf8.count { break }
      }
      done.signal()
    }
    #expect(TerminalOutput(fileDescriptor: pipe.write).write(text))
    #expect(done.wait(timeout: .now() + 10) == .success)
    #expect(received.string == text)
  }

  @Test func reportsAClosedDescriptor() {
    #expect(TerminalOutput(fileDescriptor: -1).write("x") == false)
  }
}

/// Bytes collected by another thread.
final class LockedBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes: [UInt8] = []

  func append(_ more: ArraySlice<UInt8>) {
    lock.withLock { bytes += more }
  }

  var count: Int { lock.withLock { bytes.count } }
  var string: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}
