import ArgumentParser
import Foundation
import SOSTerminal

/// Writing a report or an export where `--out` says, with exit 74 when that fails.
enum OutputFile {
  /// Writes `text` to `path` atomically (a reader never sees half a file), through
  /// ``Sanitizer/output(_:)`` as everything SOS prints, and private (0600) as
  /// ``PrivateFile`` makes it.
  static func write(_ text: String, to path: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw Failure.report("cannot write \(path): it is a folder", ExitStatus.ioFailure)
    }
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
      throw Failure.report(
        "cannot write \(path): the folder \(folder) does not exist", ExitStatus.ioFailure)
    }
    do {
      try PrivateFile.write(Data(Sanitizer.output(text).utf8), to: path)
    } catch {
      throw Failure.report("cannot write \(path): \(error.reason)", ExitStatus.ioFailure)
    }
  }

  /// Creates the folder `path` (and its parents) unless it exists.
  static func makeFolder(_ path: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw Failure.report("cannot write into \(path): it is a file", ExitStatus.ioFailure)
      }
      return
    }
    do {
      try PrivateFile.makeFolder(path)
    } catch {
      throw Failure.report(
        "cannot create the folder \(path): \(reason(error))", ExitStatus.ioFailure)
    }
  }

  static func reason(_ error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}
