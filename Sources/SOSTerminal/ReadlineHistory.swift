@preconcurrency import CReadline

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Readline's history, kept in a file between sessions: at most ``limit`` entries,
/// the file's folder created (mode 0700) if missing, and the file (0600) appended to
/// after each new entry. Failing to read or write the file is never an error: the
/// history then lasts as long as the process.
///
/// While it does not persist (during play, see ``HistoryScope``), entries are kept in
/// memory only, and the file's history comes back when it persists again.
struct ReadlineHistory {
  /// The most entries kept, in memory and in the file.
  static let limit: Int32 = 1000

  /// The history file, if any.
  let path: String?
  /// Whether new entries go to the file, and the file's entries are the ones recalled.
  private(set) var persists = true

  /// Starts the history afresh and loads the file.
  init(path: String?) {
    self.path = path.flatMap { $0.isEmpty ? nil : $0 }
    if let path = self.path { Self.createFolder(of: path) }
    restart(persisting: true)
  }

  /// Starts the in-memory history afresh: from the file when persisting, empty
  /// otherwise.
  mutating func restart(persisting: Bool) {
    persists = persisting
    clear_history()
    using_history()
    if persisting, let path { _ = read_history(path) }
    stifle_history(Self.limit)
  }

  /// The latest entry.
  var latest: String? {
    guard history_length > 0, let entry = history_get(history_base + history_length - 1),
      let line = entry.pointee.line
    else { return nil }
    return String(cString: line)
  }

  /// Adds a line unless it is blank, holds a line break, or repeats the latest entry.
  func add(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace), !line.contains(where: \.isNewline),
      line != latest
    else { return }
    add_history(line)
    guard persists, let path else { return }
    // append_history() does not create a missing file.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    close(descriptor)
    if append_history(1, path) == 0 {
      _ = history_truncate_file(path, Self.limit)
    }
  }

  /// Creates the missing folders on the way to the file, each with mode 0700.
  private static func createFolder(of path: String) {
    var components = path.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast()
    var folder = ""
    for (index, component) in components.enumerated() {
      folder += (index == 0 ? "" : "/") + component
      if folder.isEmpty || component.isEmpty || component == "." { continue }
      _ = mkdir(folder, 0o700)
    }
  }
}
