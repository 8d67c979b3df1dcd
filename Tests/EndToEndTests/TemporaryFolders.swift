import Foundation
import Synchronization

/// The temporary folders the end-to-end tests made, removed when the test process
/// exits.
enum TemporaryFolders {
  static let paths = Mutex<[String]>([])
  static let installed = Mutex(false)

  static func register(_ path: String) {
    paths.withLock { $0.append(path) }
    let first = installed.withLock { done in
      defer { done = true }
      return !done
    }
    if first {
      atexit {
        for path in TemporaryFolders.paths.withLock({ $0 }) {
          try? FileManager.default.removeItem(atPath: path)
        }
      }
    }
  }
}
