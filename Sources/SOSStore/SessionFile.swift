import Foundation
import SOSCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The portable session file (JSON) a trainee hands to a facilitator: the session,
/// its whole input log and the full scenario text it was played with, so it replays
/// and re-scores anywhere.
///
/// ```json
/// {
///   "format" : 1,
///   "inputs" : [ { "at" : "2025-03-01T09:00:12.345Z", "kind" : "choose",
///                  "latency_ms" : 5120, "sequence" : 0, "value" : 2 } ],
///   "mode" : "assessment", "scenario" : { "id" : "…", "sha256" : "…", "text" : "…" },
///   "seed" : 7, "session" : "3f9a0c1e-…", "started" : "2025-03-01T09:00:00.000Z",
///   "status" : "finished", "timed" : false, "trainee" : "Ada"
/// }
/// ```
///
/// Reading a file checks its shape, the scenario text against its SHA-256 and the
/// numbering of the inputs. `scores` is kept for people to read and never trusted:
/// scores are always recomputed by replaying the inputs.
public struct SessionFile: Hashable, Sendable {
  /// The format this version writes and reads.
  public static let currentFormat = 1
  /// The largest file read: 16 MiB, far above any real session.
  public static let maximumByteCount = 16 << 20

  /// The scenario a session was played with.
  public struct Scenario: Hashable, Sendable, Codable {
    /// The scenario's `id` field.
    public var id: String
    /// The SHA-256 of `text` (lower-case hex).
    public var sha256: String
    /// The scenario file's full text.
    public var text: String

    /// Creates a scenario entry; `sha256` is computed from `text`.
    public init(id: String, text: String) {
      self.id = id
      self.text = text
      self.sha256 = SHA256.hex(SHA256.digest(Array(text.utf8)))
    }
  }

  /// The file format (always ``currentFormat`` in a value).
  public var format: Int { Self.currentFormat }
  /// The session's id.
  public var session: UUID
  /// The trainee's name.
  public var trainee: String
  /// The cohort's name, if any.
  public var cohort: String?
  /// The scenario, with its full text.
  public var scenario: Scenario
  /// The seed of the session's randomness (written as a string when it is above 2^53,
  /// where JSON numbers lose precision in many readers).
  public var seed: UInt64
  /// Practice or assessment.
  public var mode: SessionOptions.Mode
  /// Whether decisions had a real-time limit.
  public var timed: Bool
  /// Whether the options were shown in an order drawn from the seed (`shuffled` in
  /// the file; a file without it predates shuffling and replays in file order).
  public var shuffles: Bool
  /// When play began.
  public var started: Date
  /// When the session was finished or abandoned, if it was.
  public var finished: Date?
  /// Active, finished or abandoned.
  public var status: SessionStatus
  /// The input log, numbered 0, 1, 2, …
  public var inputs: [RecordedInput]
  /// Scores as computed when the file was written, for people to read; never trusted.
  public var scores: JSONValue?
  /// The seal of a session played with a hand-in key (``HandInSeal``), if any.
  public var seal: HandInSeal?

  /// Creates a session file from a stored session, its inputs and its scenario text.
  ///
  /// Times are kept to the millisecond, as in the file.
  public init(
    session: SessionRecord, inputs: [RecordedInput], scenarioText: String,
    scores: JSONValue? = nil
  ) {
    self.session = session.id
    self.trainee = session.trainee
    self.cohort = session.cohort
    self.scenario = Scenario(id: session.scenarioID, text: scenarioText)
    self.seed = session.seed
    self.mode = session.mode
    self.timed = session.timed
    self.shuffles = session.shuffles
    self.started = Timestamp.normalized(session.started)
    self.finished = session.finished.map(Timestamp.normalized)
    self.status = session.status
    self.inputs = inputs.map { recorded in
      var recorded = recorded
      recorded.at = Timestamp.normalized(recorded.at)
      return recorded
    }
    self.scores = scores
  }

  /// The session as a record, as ``WorkshopDatabase/importSession(_:scenarioText:inputs:)``
  /// takes it.
  public var sessionRecord: SessionRecord {
    SessionRecord(
      id: session, trainee: trainee, cohort: cohort, scenarioID: scenario.id,
      scenarioHash: scenario.sha256.lowercased(), seed: seed, mode: mode, timed: timed,
      shuffles: shuffles, started: started, finished: finished, status: status)
  }

  // MARK: - Writing

  /// Seals the file as it now stands with `key`: call it last, once the scores are in.
  public mutating func seal(with key: HandInKey) {
    seal = nil
    seal = HandInSeal(sealing: self, with: key)
  }

  /// The file's bytes: pretty-printed JSON with sorted keys and a final newline, so
  /// the same session always gives the same bytes.
  public func encode() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(self)
      data.append(UInt8(ascii: "\n"))
      return data
    } catch {
      // Every field is a string, an integer, a boolean or a finite number.
      preconditionFailure("a session file always encodes: \(error)")
    }
  }

  // MARK: - Reading

  /// Reads and checks the session file at `path`, refusing files larger than
  /// ``maximumByteCount`` before reading them. `texts` spares hashing a scenario text
  /// an earlier file carried too (see ``decode(_:file:texts:)``).
  public static func load(
    path: String, texts: ScenarioTextHashes? = nil
  ) -> Result<SessionFile, SessionFileError> {
    let location = SourceLocation(file: path)
    // Non-blocking, so that a FIFO or a device named as a session file is refused at
    // once instead of waiting for a writer that never comes.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { return .failure(SessionFileError(.notFound, at: location)) }
      return .failure(SessionFileError(.unreadable(Errno.text(code)), at: location))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(SessionFileError(.unreadable(Errno.text(errno)), at: location))
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      return .failure(SessionFileError(.unreadable("it is a folder"), at: location))
    }
    if info.st_mode & S_IFMT != S_IFREG {
      return .failure(SessionFileError(.unreadable("it is not a regular file"), at: location))
    }
    if Int(info.st_size) > maximumByteCount {
      return .failure(SessionFileError(.tooLarge(byteCount: Int(info.st_size)), at: location))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= maximumByteCount {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(SessionFileError(.unreadable(Errno.text(errno)), at: location))
      }
      bytes += chunk[0..<count]
    }
    return decode(bytes: bytes, file: path, texts: texts)
  }

  /// Decodes and checks a session file's bytes; `file` names it in error messages.
  ///
  /// The scenario text is checked against its SHA-256 as always; with `texts`, a text
  /// with the same bytes as one checked before is not hashed again.
  public static func decode(
    _ data: Data, file: String, texts: ScenarioTextHashes? = nil
  ) -> Result<SessionFile, SessionFileError> {
    decode(bytes: [UInt8](data), file: file, texts: texts)
  }

  /// ``decode(_:file:texts:)`` for bytes in an array.
  static func decode(
    bytes: [UInt8], file: String, texts: ScenarioTextHashes? = nil
  ) -> Result<SessionFile, SessionFileError> {
    let location = SourceLocation(file: file)
    if bytes.count > maximumByteCount {
      return .failure(SessionFileError(.tooLarge(byteCount: bytes.count), at: location))
    }
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    if bytes.allSatisfy(whitespace.contains) {
      return .failure(SessionFileError(.empty, at: location))
    }
    // The usual file, read in one pass; anything else (every file refused among them)
    // takes the general path, which says what is wrong.
    if let file = SessionFileReader.read(bytes, texts: texts) { return .success(file) }
    return decodeInGeneral(bytes, location: location, texts: texts)
  }

  /// Decodes a session file's bytes the general way: the strict syntax check, then
  /// Foundation's decoder. Every refusal's message comes from here.
  static func decodeInGeneral(
    _ bytes: [UInt8], location: SourceLocation, texts: ScenarioTextHashes?
  ) -> Result<SessionFile, SessionFileError> {
    // Foundation's decoder accepts some invalid JSON (trailing commas, raw newlines in
    // strings) and cannot say where an error is; check the syntax strictly first.
    if let failure = JSONSyntaxChecker.firstError(in: bytes) {
      let (line, column) = JSONSyntaxChecker.lineAndColumn(ofByte: failure.offset, in: bytes)
      var at = location
      at.line = line
      at.column = column
      return .failure(SessionFileError(.syntax(failure.reason), at: at))
    }
    do {
      let decoder = JSONDecoder()
      if let texts, let key = ScenarioTextHashes.userInfoKey { decoder.userInfo[key] = texts }
      return .success(try decoder.decode(SessionFile.self, from: Data(bytes)))
    } catch let error as DecodingProblem {
      return .failure(SessionFileError(error.problem, at: location))
    } catch let error as DecodingError {
      return .failure(translate(error, location: location))
    } catch {
      return .failure(SessionFileError(.syntax("\(error)"), at: location))
    }
  }

  private static func translate(_ error: DecodingError, location: SourceLocation)
    -> SessionFileError
  {
    switch error {
    case .keyNotFound(let key, let context):
      return SessionFileError(
        .missingField(fieldPath(context.codingPath + [key])), at: location)
    case .valueNotFound(_, let context):
      return SessionFileError(
        .wrongType(field: fieldPath(context.codingPath), expected: "a value, not null"),
        at: location)
    case .typeMismatch(let type, let context):
      return SessionFileError(
        .wrongType(field: fieldPath(context.codingPath), expected: describe(type)), at: location)
    case .dataCorrupted(let context) where !context.codingPath.isEmpty:
      return SessionFileError(
        .invalidValue(field: fieldPath(context.codingPath), reason: context.debugDescription),
        at: location)
    default:
      // The syntax was checked first, so this is a limit of Foundation's parser.
      return SessionFileError(.syntax("the JSON decoder refused it: \(error)"), at: location)
    }
  }

  /// `inputs[2].kind` for a decoder's coding path.
  static func fieldPath(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return text
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    case is Int.Type, is Int64.Type: return "an integer"
    case is UInt64.Type, is UInt.Type: return "a whole number of 0 or more"
    case is Double.Type: return "a number"
    case is [Any].Type: return "a list"
    case is [String: Any].Type: return "a JSON object"
    default: return "\(type)"
    }
  }
}
