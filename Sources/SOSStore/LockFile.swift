#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a file beside the database, held while a process opens
/// and migrates it.
///
/// Several processes opening a new database at once race on the switch to WAL and on
/// the migrations; the lock makes them take turns. `flock` locks belong to the open
/// file, so two connections in one process exclude each other as well.
struct LockFile {
  private let descriptor: Int32

  /// Opens (creating with mode 0600 if needed) and locks `path`, waiting up to
  /// `timeout` for another holder to let go.
  static func acquire(
    path: String, databasePath: String, timeout: Duration
  ) throws(WorkshopDatabaseError) -> LockFile {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let code = errno
      if code == EACCES || code == EPERM || code == EROFS {
        throw .permissionDenied(path: path)
      }
      throw .cannotOpen(
        path: databasePath, reason: "cannot open lock file \(path): \(Errno.text(code))")
    }
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      guard code == EWOULDBLOCK else {
        close(descriptor)
        throw .cannotOpen(path: databasePath, reason: "cannot lock \(path): \(Errno.text(code))")
      }
      guard clock.now < deadline else {
        close(descriptor)
        throw .busy(path: databasePath)
      }
      usleep(5_000)
    }
    return LockFile(descriptor: descriptor)
  }

  /// Lets go of the lock and closes the file (the file itself stays).
  func release() {
    _ = flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
