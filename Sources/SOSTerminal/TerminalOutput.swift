#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A writer to a file descriptor (standard output by default) through `write(2)`,
/// so that what it writes is on the descriptor when `write` returns: a prompt is
/// visible before the program waits for input, and nothing is held in a buffer.
///
/// Everything passes ``Sanitizer/output(_:)`` first. Text that other code printed through standard I/O (`print`) is flushed first, so
/// the two keep their order.
public struct TerminalOutput: Sendable {
  /// Where the text goes.
  public let fileDescriptor: Int32

  /// Creates a writer to a file descriptor.
  public init(fileDescriptor: Int32 = 1) {
    self.fileDescriptor = fileDescriptor
  }

  /// Writes the whole text, retrying after interruptions and partial writes; returns
  /// `false` if the descriptor refused it (closed pipe, full disk).
  @discardableResult
  public func write(_ text: String) -> Bool {
    flush()
    var bytes = Array(Sanitizer.output(text).utf8)
    return bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = writeBytes(
          fileDescriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0, errno == EINTR {
          continue
        } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
          var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
          _ = poll(&descriptor, 1, -1)
        } else {
          return false
        }
      }
      return true
    }
  }

  /// Pushes out whatever standard I/O still holds for standard output.
  public func flush() {
    fflush(nil)
  }
}

/// `write(2)`, which the method above hides.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}
