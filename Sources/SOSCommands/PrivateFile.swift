import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing a file that holds names, statements or scores: created 0600 whatever the
/// umask, written to a temporary file beside it and renamed into place, so a reader
/// never sees half a file and no one else can read it, as the database itself.
enum PrivateFile {
  /// Why the write failed, in words.
  struct Failure: Error {
    var reason: String
  }

  static func write(_ data: Data, to path: String) throws(Failure) {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let unique = "\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(unique).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
    var failure: String?
    if fchmod(descriptor, 0o600) != 0 { failure = String(cString: strerror(errno)) }
    data.withUnsafeBytes { buffer in
      var offset = 0
      while failure == nil, offset < buffer.count {
        let start = buffer.baseAddress.map { $0 + offset }
        #if canImport(Glibc)
          let written = Glibc.write(descriptor, start, buffer.count - offset)
        #else
          let written = Darwin.write(descriptor, start, buffer.count - offset)
        #endif
        if written > 0 {
          offset += written
        } else if written < 0, errno == EINTR {
          continue
        } else {
          failure = String(cString: strerror(errno))
        }
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    close(descriptor)
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw Failure(reason: failure)
    }
  }

  /// Creates a folder (and its parents) 0700.
  static func makeFolder(_ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }
}
