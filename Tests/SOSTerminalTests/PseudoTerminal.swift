import Foundation

@testable import SOSTerminal

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// A pseudo-terminal driven from the test: the reader under test uses the slave side,
/// the test types on the master side, and everything the reader prints is collected.
final class PseudoTerminal: @unchecked Sendable {
  struct Failure: Error {}

  let master: Int32
  let slave: Int32
  private let lock = NSLock()
  private var collected: [UInt8] = []
  private var stopped = false
  private let drained = DispatchSemaphore(value: 0)

  init() throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure() }
    self.master = master
    self.slave = slave
    Thread.detachNewThread { [self] in drain() }
  }

  /// What the reader printed so far, escape sequences included.
  var output: String {
    lock.withLock { String(decoding: collected, as: UTF8.self) }
  }

  /// Types bytes as if at the keyboard.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits until the output holds `text` after the last `marker` (or anywhere).
  @discardableResult
  func waitFor(_ text: String, after marker: String? = nil, seconds: Double = 5) -> Bool {
    let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < end {
      var output = Substring(self.output)
      if let marker {
        guard let range = output.range(of: marker, options: .backwards) else {
          usleep(5000)
          continue
        }
        output = output[range.upperBound...]
      }
      if output.contains(text) { return true }
      usleep(5000)
    }
    return false
  }

  /// Stops collecting and closes both sides; the reader must be gone.
  func close() {
    lock.withLock { stopped = true }
    drained.wait()
    Glibc.close(slave)
    Glibc.close(master)
  }

  private func drain() {
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !lock.withLock({ stopped }) {
      var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 20) > 0 else { continue }
      let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        lock.withLock { collected += chunk[..<count] }
      } else {
        usleep(5000)
      }
    }
    drained.signal()
  }
}
