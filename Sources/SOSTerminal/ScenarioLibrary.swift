import Foundation
import SOSCore

/// Finds and reads scenario files on disk: the one place the shell touches them.
public struct ScenarioLibrary: Sendable {
  /// The folder of shipped or local scenarios.
  public var directory: String

  /// Creates a library over a folder.
  public init(directory: String) {
    self.directory = directory
  }

  /// The folder named by `--scenarios`, else `$SOS_SCENARIOS`, else `./scenarios`.
  public static func directory(option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let variable = environment["SOS_SCENARIOS"], !variable.isEmpty { return variable }
    return "scenarios"
  }

  /// Why a file could not be read.
  public enum ReadFailure: Error, Equatable, Sendable {
    case missing(String)
    case unreadable(String, reason: String)
    case isDirectory(String)

    /// The failure as a diagnostic on the file.
    public var diagnostic: Diagnostic {
      switch self {
      case .missing(let path):
        return Diagnostic(.error, .unreadable, "no such file", at: SourceLocation(file: path))
      case .unreadable(let path, let reason):
        return Diagnostic(
          .error, .unreadable, "cannot read file: \(reason)", at: SourceLocation(file: path))
      case .isDirectory(let path):
        return Diagnostic(
          .error, .unreadable, "is a folder, not a scenario file", at: SourceLocation(file: path))
      }
    }
  }

  /// Reads at most one byte more than the loader accepts, so a 30 MB file costs no
  /// more than a 1 MB one before it is refused.
  public static func read(_ path: String) -> Result<(bytes: [UInt8], size: Int), ReadFailure> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(.missing(path))
    }
    if isDirectory.boolValue { return .failure(.isDirectory(path)) }
    // A FIFO or a device named *.yaml would block the read forever.
    let type =
      (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    guard type == .typeRegular else {
      return .failure(.unreadable(path, reason: "it is not a regular file"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(.unreadable(path, reason: "permission denied"))
    }
    defer { try? handle.close() }
    do {
      let data = try handle.read(upToCount: (1 << 20) + 1) ?? Data()
      let size = (try? handle.seekToEnd()).map(Int.init) ?? data.count
      return .success((Array(data), size))
    } catch {
      return .failure(.unreadable(path, reason: error.localizedDescription))
    }
  }

  /// Loads one file; a file that cannot be read becomes a result with one diagnostic.
  public static func load(_ path: String) -> ScenarioLoadResult {
    switch read(path) {
    case .success(let (bytes, size)):
      return ScenarioLoader.load(bytes: consume bytes, file: path, fileSize: size)
    case .failure(let failure):
      return ScenarioLoadResult(
        file: path, source: nil, scenario: nil, diagnostics: [failure.diagnostic])
    }
  }

  /// The scenario files in the folder (`*.yaml`, `*.yml`), sorted by name.
  public func files() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { (directory as NSString).appendingPathComponent($0) }
  }

  /// Every file in the folder, loaded.
  public func loadAll() -> [ScenarioLoadResult] {
    files().map(Self.load)
  }

  /// Expands folders among the paths into the scenario files they hold.
  public static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return ScenarioLibrary(directory: path).files()
      }
      return [path]
    }
  }

  /// Whether the folder exists.
  public var exists: Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}

// MARK: - Finding a scenario to play

extension ScenarioLibrary {
  /// What `sos play ID|FILE` found.
  public enum Lookup: Sendable {
    /// A valid scenario, with the text it was loaded from.
    case found(Scenario, text: String, file: String)
    /// The file exists but has errors.
    case invalid(ScenarioLoadResult)
    /// Nothing by that id or path.
    case notFound(String)
    /// Two or more files in the folder declare the id.
    case ambiguous(String, files: [String])
  }

  /// A path to an existing file is loaded; anything else is looked up in the folder
  /// by scenario id, then by file name without `.yaml`.
  public func lookup(_ idOrPath: String) -> Lookup {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: idOrPath, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      return Self.lookupResult(Self.load(idOrPath))
    }
    // Only the file that declares the id is loaded and validated: a glance at each
    // file's top-level `id:` line finds it without parsing the whole bank.
    let files = files()
    let declaring = files.filter { Self.declaredID(in: $0) == idOrPath }
    let matches = declaring.map(Self.load).filter { $0.scenario?.id == idOrPath }
    if matches.count > 1 {
      return .ambiguous(idOrPath, files: matches.map(\.file))
    }
    if let match = matches.first { return Self.lookupResult(match) }
    let byName = files.first { file in
      let name = (file as NSString).lastPathComponent
      return name == idOrPath + ".yaml" || name == idOrPath + ".yml"
    }
    if let byName { return Self.lookupResult(Self.load(byName)) }
    // An id written in an unusual way (quoted, in a flow mapping) is still found.
    if let match = loadAll().first(where: { $0.scenario?.id == idOrPath }) {
      return Self.lookupResult(match)
    }
    return .notFound(idOrPath)
  }

  static func lookupResult(_ result: ScenarioLoadResult) -> Lookup {
    guard let scenario = result.scenario, let text = result.source else { return .invalid(result) }
    return .found(scenario, text: text, file: result.file)
  }

  /// The ids the scenario files in the folder declare, for completion and hints (a
  /// glance at each file's top-level `id:` line; the files are not validated).
  public func ids() -> [String] {
    files().compactMap(Self.declaredID).sorted()
  }

  /// The value of a file's top-level `id:` line, if it has a plain one.
  static func declaredID(in path: String) -> String? {
    guard case .success(let read) = read(path),
      let declared = SourceLines.declaredID(in: String(decoding: read.bytes, as: UTF8.self)),
      !declared.id.isEmpty
    else { return nil }
    return declared.id
  }
}
