import Foundation
import SOSStore
import SOSTerminal

/// What Tab offers in bash, zsh and fish for the arguments that name things in a
/// folder or the database: scenario ids, cohort names and session ids. The scripts
/// that `sos --generate-completion-script SHELL` writes call `sos` back with the
/// words typed so far; these functions answer from the scenario folder and the
/// database those words (or the environment) name.
///
/// They are quiet: nothing is printed, a database that does not exist is not
/// created, and any failure offers nothing rather than an error in the middle of the
/// person's command line.
enum CompletionCandidates {
  /// Ids of the scenarios in the folder in force.
  @Sendable static func scenarioIDs(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    let prefix = typed(words, index, prefix)
    let folder = ScenarioLibrary.directory(
      option: option("--scenarios", in: words, except: index), environment: environment)
    return ScenarioLibrary(directory: folder).ids().filter { $0.hasPrefix(prefix) }
  }

  /// Scenario ids, and scenario files once the word looks like a path (it holds a
  /// `/` or starts with `.` or `~`).
  @Sendable static func scenarioIDsAndFiles(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    let prefix = typed(words, index, prefix)
    let looksLikePath = prefix.contains("/") || prefix.hasPrefix(".") || prefix.hasPrefix("~")
    return looksLikePath
      ? paths(prefix, extensions: ["yaml", "yml"]) : scenarioIDs(words, index, prefix)
  }

  /// Names of the cohorts in the database.
  @Sendable static func cohortNames(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    let prefix = typed(words, index, prefix)
    guard let store = existingDatabase(words, except: index),
      let cohorts = try? store.cohorts()
    else { return [] }
    return cohorts.map(\.name).filter { $0.hasPrefix(prefix) }
  }

  /// Short ids of every session in the database.
  @Sendable static func sessionIDs(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    sessions(words, index, prefix, activeOnly: false)
  }

  /// Short ids of the sessions that can still be resumed or abandoned.
  @Sendable static func activeSessionIDs(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    sessions(words, index, prefix, activeOnly: true)
  }

  /// Session ids, and session files once the word looks like a path.
  @Sendable static func sessionIDsAndFiles(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    let prefix = typed(words, index, prefix)
    let looksLikePath = prefix.contains("/") || prefix.hasPrefix(".") || prefix.hasPrefix("~")
    return looksLikePath
      ? paths(prefix, extensions: ["json"]) : sessionIDs(words, index, prefix)
  }

  // MARK: - Helpers

  /// The part of the word being completed before the cursor. Argument Parser cuts it
  /// from the last word of the line, which is another word when the cursor is not at
  /// the end of the line (`sos resume <Tab> --db x`); then the whole word at `index`
  /// is taken, the cursor being at its end in the usual case.
  static func typed(_ words: [String], _ index: Int, _ prefix: String) -> String {
    guard words.indices.contains(index), index != words.count - 1 else { return prefix }
    return words[index]
  }

  static var environment: [String: String] { ProcessInfo.processInfo.environment }

  static func sessions(_ words: [String], _ index: Int, _ prefix: String, activeOnly: Bool)
    -> [String]
  {
    let prefix = typed(words, index, prefix)
    guard let store = existingDatabase(words, except: index),
      let sessions = try? store.sessions()
    else { return [] }
    return sessions.filter { !activeOnly || $0.status == .active }.map(\.shortID)
      .filter { $0.hasPrefix(prefix) }
  }

  /// The database the command line names (`--db`), else the default, if the file
  /// exists: completing must never create one.
  static func existingDatabase(_ words: [String], except index: Int) -> WorkshopDatabase? {
    let path = DatabaseLocation.path(
      option: option("--db", in: words, except: index), environment: environment)
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    // Completion never waits on a network: a server's names are not offered.
    guard !DatabaseLocation.isServer(path) else { return nil }
    return try? WorkshopDatabase.open(path: path)
  }

  /// The value of `--name VALUE` or `--name=VALUE` anywhere on the command line but
  /// in the word being completed, unquoted as far as simple quoting goes, with `~/`
  /// expanded.
  static func option(_ name: String, in words: [String], except index: Int) -> String? {
    var value: String?
    for (position, word) in words.enumerated() where position != index {
      if word == name, position + 1 < words.count, position + 1 != index {
        value = words[position + 1]
      } else if word.hasPrefix(name + "=") {
        value = String(word.dropFirst(name.count + 1))
      }
    }
    return value.map(unquoted)
  }

  /// A shell word without surrounding quotes or backslash escapes, `~/` expanded.
  static func unquoted(_ word: String) -> String {
    var text = word
    if text.count >= 2, let first = text.first, first == "'" || first == "\"",
      text.last == first
    {
      text = String(text.dropFirst().dropLast())
    } else {
      text = text.replacingOccurrences(of: "\\ ", with: " ")
    }
    if text.hasPrefix("~/"), let home = environment["HOME"] {
      text = home + text.dropFirst()
    }
    return text
  }

  /// Folders (with a trailing `/`) and files with one of the extensions, whose paths
  /// begin with `prefix`.
  static func paths(_ prefix: String, extensions: Set<String>) -> [String] {
    let expanded = unquoted(prefix)
    let slash = expanded.lastIndex(of: "/")
    let folder = slash.map { String(expanded[...$0]) } ?? ""
    let start = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
    let shownFolder = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: folder.isEmpty ? "." : folder)
    else { return [] }
    return names.filter { $0.hasPrefix(start) && (!$0.hasPrefix(".") || start.hasPrefix(".")) }
      .sorted().compactMap { name in
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder)
        else { return nil }
        if isFolder.boolValue { return shownFolder + name + "/" }
        let suffix = name.split(separator: ".").last.map(String.init) ?? ""
        return extensions.contains(suffix) ? shownFolder + name : nil
      }
  }
}
