import Foundation
import SOSCore

/// The seal of a hand-in played with a ``HandInKey``: a chain of HMAC-SHA-256 codes
/// over the session's details, each input with its time and latency, and its end.
///
/// ```json
/// "seal" : { "key" : "3f9a0c1e", "start" : "…", "chain" : [ "…", "…" ], "end" : "…" }
/// ```
///
/// `start` covers the session (id, trainee, cohort, scenario id and hash, seed, mode,
/// timing, shuffling, start time); each `chain` entry covers one input and the code
/// before it; `end` covers the last code, the status, the finish time, the number of
/// inputs and the scores as written. Changing, adding, removing or reordering anything
/// breaks the chain from that point on, and ``check(_:with:)`` names the first place.
///
/// What it proves, and what it does not: a file that still matches was written by SOS
/// on a machine holding the key, or by someone who has the key and re-implemented the
/// chain. The key travels to every trainee who plays with it, so the seal stops edits
/// made by hand, not a determined trainee; live play is the trustworthy path.
public struct HandInSeal: Hashable, Sendable, Codable {
  /// The ``HandInKey/id`` of the key that made it.
  public var key: String
  /// The code over the session's details (32 hex digits).
  public var start: String
  /// One code per input, in order (32 hex digits each).
  public var chain: [String]
  /// The code over the end of the session (64 hex digits).
  public var end: String

  /// What a check found.
  public enum Verdict: Hashable, Sendable {
    /// Everything the seal covers is as it was sealed.
    case intact
    /// Something changed after sealing: what, in a phrase.
    case broken(String)
  }

  /// A seal as a file wrote it.
  init(key: String, start: String, chain: [String], end: String) {
    self.key = key
    self.start = start
    self.chain = chain
    self.end = end
  }

  /// Seals `file` as it stands (scores included) with `key`.
  public init(sealing file: SessionFile, with key: HandInKey) {
    let codes = Self.codes(file, key: key)
    self.key = key.id
    start = SHA256.hex(Array(codes.start.prefix(16)))
    chain = codes.chain.map { SHA256.hex(Array($0.prefix(16))) }
    end = SHA256.hex(codes.end)
  }

  /// Whether `file` is still what this seal sealed, recomputed with `key`.
  public func check(_ file: SessionFile, with key: HandInKey) -> Verdict {
    guard key.id == self.key else {
      return .broken("it was sealed with another key (\(self.key), not \(key.id))")
    }
    let expected = HandInSeal(sealing: file, with: key)
    guard expected.start == start.lowercased() else {
      return .broken(
        "the session's details (trainee, cohort, scenario, seed, mode or start time) changed")
    }
    for index in file.inputs.indices {
      guard index < chain.count else {
        return .broken("input \(index) and those after it were added")
      }
      guard expected.chain[index] == chain[index].lowercased() else {
        return .broken("input \(index) (its answer, time or latency) changed")
      }
    }
    guard chain.count == file.inputs.count else {
      return .broken("inputs after input \(file.inputs.count - 1) were removed")
    }
    guard expected.end == end.lowercased() else {
      return .broken("its status, finish time or scores changed")
    }
    return .intact
  }

  /// The full codes: start, one per input, end.
  private static func codes(_ file: SessionFile, key: HandInKey) -> (
    start: [UInt8], chain: [[UInt8]], end: [UInt8]
  ) {
    func code(_ before: [UInt8], _ fields: [String]) -> [UInt8] {
      var message = before
      for field in fields {
        message += Array("\(field.utf8.count):".utf8) + Array(field.utf8)
      }
      return HMACSHA256.authenticationCode(key: key.bytes, message: message)
    }
    let start = code(
      Array("sos hand-in seal 1".utf8),
      [
        file.session.uuidString.lowercased(), file.trainee, file.cohort ?? "", file.scenario.id,
        file.scenario.sha256.lowercased(), String(file.seed), file.mode.rawValue,
        String(file.timed), String(file.shuffles), Timestamp.string(file.started),
      ])
    var chain: [[UInt8]] = []
    var last = start
    for recorded in file.inputs {
      let (kind, value) = InputKind.parts(of: recorded.input)
      last = code(
        last,
        [
          String(recorded.sequence), kind.rawValue, value ?? "", recorded.choice ?? "",
          Timestamp.string(recorded.at), recorded.latencyMilliseconds.map(String.init) ?? "",
        ])
      chain.append(last)
    }
    let end = code(
      last,
      [
        file.status.rawValue, file.finished.map(Timestamp.string) ?? "",
        String(file.inputs.count), scoresText(file.scores),
      ])
    return (start, chain, end)
  }

  /// The scores in one canonical text (sorted keys), so a seal covers them too.
  private static func scoresText(_ scores: JSONValue?) -> String {
    guard let scores else { return "" }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(scores) else { return "?" }
    return String(decoding: data, as: UTF8.self)
  }
}
