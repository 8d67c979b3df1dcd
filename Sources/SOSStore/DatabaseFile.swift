#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prepares the place of a database file: private folders (0700) and a private file
/// (0600), so that trainees' names and answers are not readable by other accounts.
enum DatabaseFile {
  /// Creates the folders above `path` that are missing, each with mode 0700.
  ///
  /// Folders that already exist keep their mode.
  static func createParentDirectories(of path: String) throws(WorkshopDatabaseError) {
    guard let slash = path.lastIndex(of: "/") else { return }
    let parent = String(path[..<slash])
    guard !parent.isEmpty else { return }
    var prefix = path.hasPrefix("/") ? "" : "."
    for component in parent.split(separator: "/", omittingEmptySubsequences: true) {
      prefix += "/" + component
      if component == "." || component == ".." { continue }
      var info = stat()
      if stat(prefix, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else {
          throw .cannotCreateDirectory(path: prefix, reason: "a file of that name is in the way")
        }
        continue
      }
      if mkdir(prefix, 0o700) == 0 {
        _ = chmod(prefix, 0o700)
        continue
      }
      let code = errno
      if code == EEXIST, stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
        continue  // another process made it meanwhile
      }
      throw .cannotCreateDirectory(path: prefix, reason: Errno.text(code))
    }
  }

  /// Creates `path` as an empty file with mode 0600 if it does not exist, and checks
  /// that an existing one is a file this process may read and write.
  ///
  /// SQLite gives its `-wal` and `-shm` files the mode of the database file.
  static func prepare(_ path: String) throws(WorkshopDatabaseError) {
    var info = stat()
    if stat(path, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFDIR {
        throw .cannotOpen(path: path, reason: "it is a folder, not a file")
      }
      if info.st_mode & S_IFMT != S_IFREG {
        throw .cannotOpen(path: path, reason: "it is not a regular file")
      }
      // SQLite would take an empty file for a new database; an empty file where a
      // database should be means something went wrong, so it is not silently reused.
      if info.st_size == 0 {
        throw .emptyFile(path: path)
      }
      if access(path, R_OK | W_OK) != 0 {
        let code = errno
        if code == EACCES || code == EPERM || code == EROFS {
          throw .permissionDenied(path: path)
        }
        throw .cannotOpen(path: path, reason: Errno.text(code))
      }
      return
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor >= 0 {
      _ = fchmod(descriptor, 0o600)
      close(descriptor)
      return
    }
    let code = errno
    if code == EEXIST { return }
    if code == EACCES || code == EPERM || code == EROFS {
      throw .permissionDenied(path: path)
    }
    throw .cannotOpen(path: path, reason: Errno.text(code))
  }
}
