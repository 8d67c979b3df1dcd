import Foundation
import SOSCore
import SOSStore
import SOSTerminal

/// Decides whether a hand-in (a session file) may be scored or imported: its scenario
/// text must be a version the facilitator has — a file in the scenario folder or a
/// text already in the database — unless `--trust-scenario-text` says otherwise, and
/// its log is read for signs of editing (``HandInCheck``), and a sealed file must
/// still match its seal (``HandInSeal``) when a cohort here issued the key.
struct HandInVerifier {
  /// SHA-256 hashes of the scenario folder's files.
  let libraryHashes: Set<String>
  let folder: String
  let store: WorkshopDatabase?
  let trust: Bool
  /// Refuse a file without a seal.
  let requireSeal: Bool
  /// The hand-in keys of the database's cohorts, by key id.
  let keys: [String: HandInKey]

  init(folder: String, store: WorkshopDatabase?, trust: Bool, requireSeal: Bool = false) {
    self.folder = folder
    self.store = store
    self.trust = trust
    self.requireSeal = requireSeal
    var keys: [String: HandInKey] = [:]
    for cohort in (try? store?.cohorts()) ?? [] {
      let key = HandInKey(cohort: cohort)
      keys[key.id] = key
    }
    self.keys = keys
    var hashes: Set<String> = []
    for file in ScenarioLibrary(directory: folder).files() {
      guard case .success(let read) = ScenarioLibrary.read(file) else { continue }
      let text = String(decoding: read.bytes, as: UTF8.self)
      hashes.insert(SHA256.hex(SHA256.digest(Array(text.utf8))))
    }
    libraryHashes = hashes
  }

  /// Whether the facilitator has the scenario text with this hash.
  func knows(_ hash: String) -> Bool {
    let hash = hash.lowercased()
    if libraryHashes.contains(hash) { return true }
    guard let store, let stored = try? store.hasScenarioText(hash: hash) else { return false }
    return stored
  }

  /// A refusal, as the line to print.
  struct Refusal: Error {
    var message: String
  }

  /// The flags to keep with `file`'s session, or a refusal naming `path`: a broken
  /// seal, a missing one with `requireSeal`, an unknown scenario text without
  /// `--trust-scenario-text`, or (with `strict`) any finding.
  func verify(_ file: SessionFile, path: String, strict: Bool, now: Date = Date()) -> Result<
    [String], Refusal
  > {
    var flags = HandInCheck.findings(file, now: now)
    if let seal = file.seal {
      if let key = keys[seal.key.lowercased()] {
        if case .broken(let what) = seal.check(file, with: key) {
          return .failure(
            Refusal(
              message: "\(path): error: its hand-in seal is broken: \(what) after SOS wrote"
                + " the file. Ask the trainee for the file as exported"))
        }
      } else {
        flags.append(
          "it is sealed with a hand-in key no cohort here issued (key \(seal.key)),"
            + " so the seal could not be checked")
      }
    } else if requireSeal {
      return .failure(
        Refusal(
          message: "\(path): error: it has no hand-in seal, and --require-seal asks for one"
            + " (the trainee plays with 'sos play ID --hand-in-key KEY'; see 'sos cohort key')"))
    }
    if !knows(file.scenario.sha256) {
      guard trust else {
        return .failure(
          Refusal(
            message: "\(path): error: its text of scenario '\(file.scenario.id)' (sha256"
              + " \(file.scenario.sha256.prefix(12))…) is not a version you have: it is neither"
              + " in \(folder) nor in the database. Score it against your own copy, or accept"
              + " it on purpose with --trust-scenario-text (every report then marks it)"))
      }
      flags.insert(
        "its scenario text is not one of yours (accepted with --trust-scenario-text)", at: 0)
    }
    if strict, !flags.isEmpty {
      return .failure(
        Refusal(message: "\(path): error: refused with --strict: " + flags.joined(separator: "; ")))
    }
    return .success(flags)
  }
}
