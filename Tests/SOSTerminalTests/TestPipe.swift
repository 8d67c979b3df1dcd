import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A pipe for feeding a reader, with helpers to write from the test.
///
/// Each end is closed once: a descriptor closed twice could be another test's by the
/// second time (numbers are reused at once), and closing it would break that test.
final class TestPipe: Sendable {
  struct Failure: Error {}

  let read: Int32
  let write: Int32
  /// Whether each end is closed already.
  private let closed = Mutex((read: false, write: false))

  init() throws {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw Failure() }
    read = ends[0]
    write = ends[1]
  }

  /// Writes all bytes at once.
  func send(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        Glibc.write(write, $0.baseAddress, $0.count)
      }
      guard written > 0 else { return }
      offset += written
    }
  }

  func send(_ text: String) {
    send(Array(text.utf8))
  }

  /// Ends the input.
  func closeWrite() {
    closed.withLock { ends in
      if !ends.write { Glibc.close(write) }
      ends.write = true
    }
  }

  /// Closes both ends (those still open).
  func close() {
    closeWrite()
    closed.withLock { ends in
      if !ends.read { Glibc.close(read) }
      ends.read = true
    }
  }

  /// Everything readable now, without waiting.
  func available() -> String {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      var descriptor = pollfd(fd: read, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 0) > 0 else { break }
      let count = chunk.withUnsafeMutableBytes { Glibc.read(read, $0.baseAddress, $0.count) }
      guard count > 0 else { break }
      bytes += chunk[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Runs work on a thread of its own after a pause, so a test can block in a reader
/// while input arrives.
func later(_ milliseconds: Int, _ work: @escaping @Sendable () -> Void) {
  Thread.detachNewThread {
    usleep(UInt32(milliseconds * 1000))
    work()
  }
}

/// Raises a signal in the calling thread, unblocking it there first: the test
/// harness runs with SIGINT blocked, which would leave the signal pending for ever.
func deliver(_ signal: Int32) {
  var set = sigset_t()
  sigemptyset(&set)
  sigaddset(&set, signal)
  pthread_sigmask(SIG_UNBLOCK, &set, nil)
  raise(signal)
}

/// A count shared with a callback, for tests.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  var value: Int { lock.withLock { count } }

  func increment() {
    lock.withLock { count += 1 }
  }
}
