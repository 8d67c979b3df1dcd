import Foundation
import SOSCore

/// A problem found while decoding a session file that `DecodingError` cannot say.
struct DecodingProblem: Error {
  var problem: SessionFileError.Problem
}

extension SessionFile: Codable {
  enum CodingKeys: String, CodingKey {
    case format
    case session
    case trainee
    case cohort
    case scenario
    case seed
    case mode
    case timed
    case shuffled
    case started
    case finished
    case status
    case inputs
    case scores
    case seal
  }

  /// Seeds up to 2^53 are written as JSON numbers, larger ones as strings.
  static let largestNumericSeed: UInt64 = 1 << 53

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let format = try container.decode(Int.self, forKey: .format)
    guard format == Self.currentFormat else {
      throw DecodingProblem(problem: .unsupportedFormat(format))
    }
    let sessionText = try container.decode(String.self, forKey: .session)
    guard let session = UUID(uuidString: sessionText) else {
      throw invalid(.session, "'\(sessionText)' is not a UUID")
    }
    self.session = session
    trainee = try container.decode(String.self, forKey: .trainee)
    guard WorkshopDatabase.isValidName(trainee) else {
      throw invalid(.trainee, "a trainee name needs visible characters")
    }
    cohort = try container.decodeIfPresent(String.self, forKey: .cohort)
    scenario = try container.decode(Scenario.self, forKey: .scenario)
    seed = try container.decode(SeedValue.self, forKey: .seed).value
    let modeText = try container.decode(String.self, forKey: .mode)
    guard let mode = SessionOptions.Mode(rawValue: modeText) else {
      throw invalid(.mode, "'\(modeText)' (expected practice or assessment)")
    }
    self.mode = mode
    timed = try container.decode(Bool.self, forKey: .timed)
    // Files written before options were shuffled replay in file order.
    shuffles = try container.decodeIfPresent(Bool.self, forKey: .shuffled) ?? false
    started = try Self.time(in: container, forKey: .started)
    if container.contains(.finished), try !container.decodeNil(forKey: .finished) {
      finished = try Self.time(in: container, forKey: .finished)
    } else {
      finished = nil
    }
    let statusText = try container.decode(String.self, forKey: .status)
    guard let status = SessionStatus(rawValue: statusText) else {
      throw invalid(.status, "'\(statusText)' (expected active, finished or abandoned)")
    }
    self.status = status
    inputs = try container.decode([InputEntry].self, forKey: .inputs).map(\.recorded)
    // Scores are informative only: a file whose scores cannot be read is still used.
    scores = try? container.decodeIfPresent(JSONValue.self, forKey: .scores)
    seal = try container.decodeIfPresent(HandInSeal.self, forKey: .seal)

    let hashes = ScenarioTextHashes.userInfoKey.flatMap {
      decoder.userInfo[$0] as? ScenarioTextHashes
    }
    let hash =
      hashes?.hash(of: scenario.text, claimed: scenario.sha256)
      ?? SHA256.hex(SHA256.digest(Array(scenario.text.utf8)))
    guard hash == scenario.sha256.lowercased() else {
      throw DecodingProblem(problem: .scenarioHashMismatch)
    }
    for (position, recorded) in inputs.enumerated() where recorded.sequence != position {
      throw DecodingProblem(problem: .sequenceGap(position: position, found: recorded.sequence))
    }

    func invalid(_ key: CodingKeys, _ reason: String) -> DecodingProblem {
      DecodingProblem(problem: .invalidValue(field: key.stringValue, reason: reason))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode(session.uuidString.lowercased(), forKey: .session)
    try container.encode(trainee, forKey: .trainee)
    try container.encodeIfPresent(cohort, forKey: .cohort)
    try container.encode(scenario, forKey: .scenario)
    if seed <= Self.largestNumericSeed {
      try container.encode(seed, forKey: .seed)
    } else {
      try container.encode(String(seed), forKey: .seed)
    }
    try container.encode(mode.rawValue, forKey: .mode)
    try container.encode(timed, forKey: .timed)
    try container.encode(shuffles, forKey: .shuffled)
    try container.encode(Timestamp.string(started), forKey: .started)
    try container.encodeIfPresent(finished.map(Timestamp.string), forKey: .finished)
    try container.encode(status.rawValue, forKey: .status)
    try container.encode(inputs.map(InputEntry.init), forKey: .inputs)
    try container.encodeIfPresent(scores, forKey: .scores)
    try container.encodeIfPresent(seal, forKey: .seal)
  }

  private static func time(
    in container: KeyedDecodingContainer<CodingKeys>, forKey key: CodingKeys
  ) throws -> Date {
    let text = try container.decode(String.self, forKey: key)
    guard let date = Timestamp.date(text) else {
      throw DecodingProblem(
        problem: .invalidValue(
          field: key.stringValue,
          reason: "'\(text)' is not an ISO 8601 time such as 2025-03-01T09:00:00.000Z"))
    }
    return date
  }
}

/// A seed written as a JSON number or, above 2^53, as a string of digits.
private struct SeedValue: Decodable {
  var value: UInt64

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(UInt64.self) {
      value = number
      return
    }
    if let text = try? container.decode(String.self), !text.isEmpty,
      text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      let number = UInt64(text)
    {
      value = number
      return
    }
    throw DecodingError.typeMismatch(
      UInt64.self,
      DecodingError.Context(
        codingPath: decoder.codingPath,
        debugDescription: "expected a whole number from 0 to 2^64-1"))
  }
}

/// One input as a session file writes it:
/// `{"sequence": 0, "kind": "choose", "value": 2, "at": "…", "latency_ms": 5120}`.
private struct InputEntry: Codable {
  var recorded: RecordedInput

  enum CodingKeys: String, CodingKey {
    case sequence
    case kind
    case value
    case at
    case latencyMilliseconds = "latency_ms"
    case choice
  }

  init(_ recorded: RecordedInput) {
    self.recorded = recorded
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func invalid(_ key: CodingKeys, _ reason: String) -> DecodingProblem {
      let path = SessionFile.fieldPath(container.codingPath + [key])
      return DecodingProblem(problem: .invalidValue(field: path, reason: reason))
    }
    let sequence = try container.decode(Int.self, forKey: .sequence)
    let kindText = try container.decode(String.self, forKey: .kind)
    guard let kind = InputKind(rawValue: kindText) else {
      throw invalid(.kind, InputKind.describe(.unknownKind(kindText)))
    }
    let input: SessionInput
    switch kind {
    case .choose:
      let option: Int?
      if let number = try? container.decode(Int.self, forKey: .value) {
        option = number > 0 ? number : nil
      } else if let text = try? container.decode(String.self, forKey: .value) {
        option = InputKind.optionNumber(text)
      } else {
        guard container.contains(.value) else {
          throw DecodingError.keyNotFound(
            CodingKeys.value,
            DecodingError.Context(
              codingPath: container.codingPath, debugDescription: "a choose needs an option"))
        }
        option = nil
      }
      guard let option else {
        throw invalid(.value, "a choose input needs a positive option number")
      }
      input = .choose(option)
    case .write:
      input = .write(try container.decode(String.self, forKey: .value))
    case .timeout:
      input = .timeout
    case .undo:
      input = .undo
    case .inject:
      input = .inject(try container.decode(String.self, forKey: .value))
    }
    let atText = try container.decode(String.self, forKey: .at)
    guard let at = Timestamp.date(atText) else {
      throw invalid(.at, "'\(atText)' is not an ISO 8601 time such as 2025-03-01T09:00:00.000Z")
    }
    let latency = try container.decodeIfPresent(Int.self, forKey: .latencyMilliseconds)
    if let latency, latency < 0 {
      throw invalid(.latencyMilliseconds, "a latency cannot be negative")
    }
    let choice = try container.decodeIfPresent(String.self, forKey: .choice)
    if let choice, kind != .choose {
      throw invalid(.choice, "only a choose input names the option chosen ('\(choice)')")
    }
    recorded = RecordedInput(
      sequence: sequence, input: input, at: at, latencyMilliseconds: latency, choice: choice)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(recorded.sequence, forKey: .sequence)
    switch recorded.input {
    case .choose(let option):
      try container.encode(InputKind.choose.rawValue, forKey: .kind)
      try container.encode(option, forKey: .value)
      try container.encodeIfPresent(recorded.choice, forKey: .choice)
    case .write(let text):
      try container.encode(InputKind.write.rawValue, forKey: .kind)
      try container.encode(text, forKey: .value)
    case .timeout:
      try container.encode(InputKind.timeout.rawValue, forKey: .kind)
    case .undo:
      try container.encode(InputKind.undo.rawValue, forKey: .kind)
    case .inject(let id):
      try container.encode(InputKind.inject.rawValue, forKey: .kind)
      try container.encode(id, forKey: .value)
    }
    try container.encode(Timestamp.string(recorded.at), forKey: .at)
    try container.encodeIfPresent(recorded.latencyMilliseconds, forKey: .latencyMilliseconds)
  }
}
