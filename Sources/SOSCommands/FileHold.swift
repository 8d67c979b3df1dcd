import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive `flock` on a file, held until this is released (or the process ends):
/// what keeps two `sos` processes from playing, or sending, one session at once.
final class FileHold {
  private let descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// Takes the lock on `path` (made with mode 0600, its folder with 0700); `nil` when
  /// another process holds it. A lock that cannot be made at all (a read-only folder)
  /// is a hold of nothing, so that it never stops play.
  static func take(_ path: String) -> FileHold? {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return FileHold(descriptor: -1) }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    return FileHold(descriptor: descriptor)
  }
}
