import Foundation
import SOSCore

/// A portable session file, in the JSON shape that SOSStore's `SessionFile` writes
/// (format 1), read and re-scored through SOSCore alone.
///
/// SOSStore is not a product of the root package, so a separate package cannot call
/// `SessionFile.decode`. This type does the same work with the same libraries:
/// Foundation's `JSONDecoder` on the same fields, the SHA-256 check of the scenario
/// text, the numbering check of the inputs, then loading and validating the scenario
/// text, replaying the inputs and scoring them. It leaves out SOSStore's strict JSON
/// syntax pass and the parsing of the wall-clock timestamps.
struct PortableSession: Codable, Sendable {
  struct ScenarioEntry: Codable, Sendable {
    var id: String
    var sha256: String
    var text: String
  }

  struct InputEntry: Codable, Sendable {
    var sequence: Int
    var kind: String
    var value: InputValue?
    var at: String
    var latencyMilliseconds: Int?

    enum CodingKeys: String, CodingKey {
      case sequence
      case kind
      case value
      case at
      case latencyMilliseconds = "latency_ms"
    }
  }

  /// A choose input stores a number, a write input its text.
  enum InputValue: Codable, Sendable {
    case number(Int)
    case text(String)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Int.self) {
        self = .number(number)
      } else {
        self = .text(try container.decode(String.self))
      }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .number(let number): try container.encode(number)
      case .text(let text): try container.encode(text)
      }
    }
  }

  /// Why a file was refused.
  struct Refusal: Error, CustomStringConvertible {
    var description: String
  }

  var format: Int
  var session: String
  var trainee: String
  var scenario: ScenarioEntry
  var seed: UInt64
  var mode: String
  var timed: Bool
  var started: String
  var finished: String?
  var status: String
  var inputs: [InputEntry]

  /// A finished session of `inputs` on `file`, as `sos export` would write it.
  init(playing inputs: [SessionInput], on file: ShippedBank.ScenarioFile, seed: UInt64) {
    format = 1
    session = "3f9a0c1e-5b7d-4e21-9c3a-0d6f2b8e4a17"
    trainee = "bench"
    scenario = ScenarioEntry(
      id: file.scenario.id, sha256: SHA256.hex(SHA256.digest(Array(file.text.utf8))),
      text: file.text)
    self.seed = seed
    mode = SessionOptions.Mode.assessment.rawValue
    timed = false
    started = "2025-03-01T09:00:00.000Z"
    finished = "2025-03-01T09:31:07.250Z"
    status = "finished"
    self.inputs = inputs.enumerated().map { sequence, input in
      let (kind, value): (String, InputValue?) =
        switch input {
        case .choose(let option): ("choose", .number(option))
        case .write(let text): ("write", .text(text))
        case .timeout: ("timeout", nil)
        case .undo: ("undo", nil)
        }
      return InputEntry(
        sequence: sequence, kind: kind, value: value,
        at: "2025-03-01T09:\(String(format: "%02d", sequence + 1)):00.000Z",
        latencyMilliseconds: nil)
    }
  }

  /// The file's bytes: pretty-printed with sorted keys, as SOSStore writes them.
  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }

  /// Decodes and checks a file: format, scenario hash, input numbering and kinds.
  static func decode(_ data: Data) throws -> (PortableSession, [SessionInput]) {
    let file = try JSONDecoder().decode(PortableSession.self, from: data)
    guard file.format == 1 else { throw Refusal(description: "format \(file.format)") }
    guard SessionOptions.Mode(rawValue: file.mode) != nil else {
      throw Refusal(description: "mode '\(file.mode)'")
    }
    guard SHA256.hex(SHA256.digest(Array(file.scenario.text.utf8))) == file.scenario.sha256
    else { throw Refusal(description: "the scenario text does not match its SHA-256") }
    var inputs: [SessionInput] = []
    for (position, entry) in file.inputs.enumerated() {
      guard entry.sequence == position else {
        throw Refusal(description: "input \(position) is numbered \(entry.sequence)")
      }
      switch (entry.kind, entry.value) {
      case ("choose", .number(let option)) where option > 0: inputs.append(.choose(option))
      case ("write", .text(let text)): inputs.append(.write(text))
      case ("timeout", _): inputs.append(.timeout)
      case ("undo", _): inputs.append(.undo)
      default: throw Refusal(description: "input \(position) is not understood")
      }
    }
    return (file, inputs)
  }

  /// The whole re-scoring path: decode, load and validate the scenario text, then
  /// replay the inputs and score them.
  static func rescore(_ data: Data) throws -> ScoreReport {
    let (file, inputs) = try decode(data)
    let loaded = ScenarioLoader.load(text: file.scenario.text, file: "session.json#scenario")
    guard let scenario = loaded.scenario else {
      throw Refusal(description: "the scenario in the file does not load")
    }
    let options = SessionOptions(
      mode: SessionOptions.Mode(rawValue: file.mode) ?? .assessment, timed: file.timed,
      seed: file.seed)
    // The scorer replays the log through the engine; a log that does not replay
    // is refused there, as `sos sessions` and `sos score` refuse it.
    switch Scorer(engine: Engine(scenario: scenario)).score(inputs: inputs, options: options) {
    case .success(let report): return report
    case .failure(let error):
      throw Refusal(description: "input \(error.index + 1) does not replay")
    }
  }
}
