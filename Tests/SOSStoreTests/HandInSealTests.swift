import Foundation
import SOSCore
import Testing

@testable import SOSStore

/// Hand-in keys and seals (facilitator-guide/cohorts.md, "Sealed hand-ins"): a sealed
/// file survives writing and reading untouched, and any change to what it covers is
/// named.
@Suite struct HandInSealTests {
  static let secret = (0..<32).map { UInt8($0 * 7 % 256) }
  static let key = HandInKey(cohortSecret: secret)

  /// A finished session of `Sample.inputs`, as an export writes it, sealed.
  static func sealedFile() -> SessionFile {
    let session = Sample.newSession()
    let record = SessionRecord(
      id: UUID(uuidString: "3f9a0c1e-0000-4000-8000-000000000001") ?? UUID(),
      trainee: session.trainee, cohort: "room", scenarioID: session.scenarioID,
      scenarioHash: "", seed: session.seed, mode: .practice, timed: true, shuffles: true,
      started: Sample.time(), finished: Sample.time(120), status: .finished)
    let inputs = Sample.inputs.enumerated().map { index, input in
      RecordedInput(
        sequence: index, input: input, at: Sample.time(Double(index + 1) * 20),
        latencyMilliseconds: 4000 + index, choice: index == 0 ? "call-legal" : nil)
    }
    var file = SessionFile(
      session: record, inputs: inputs, scenarioText: Sample.scenarioText,
      scores: .object(["overall": .number(55), "grade": .string("Not yet")]))
    file.seal(with: key)
    return file
  }

  /// The file written and read back, as an import reads it.
  static func roundTrip(_ file: SessionFile) throws -> SessionFile {
    try JSONDecoder().decode(SessionFile.self, from: file.encode())
  }

  @Test func keysReadBackFromTheirTextAndForgiveLookAlikes() throws {
    let text = Self.key.text
    #expect(text.hasPrefix("SOS-"))
    #expect(text.count == 4 + 24 + 5)
    #expect(HandInKey(text: text) == Self.key)
    #expect(HandInKey(text: text.lowercased().replacingOccurrences(of: "-", with: " ")) == Self.key)
    let lookAlikes = text.replacingOccurrences(of: "0", with: "O")
      .replacingOccurrences(of: "1", with: "l")
    #expect(HandInKey(text: lookAlikes) == Self.key)
    #expect(HandInKey(text: "SOS-1234") == nil)
    #expect(HandInKey(text: String(text.dropLast()) + "U") == nil)
    #expect(HandInKey(text: "") == nil)
    // Another cohort, another key and id; the same cohort, the same key every time.
    let other = HandInKey(cohortSecret: Self.secret.map { $0 ^ 1 })
    #expect(other != Self.key)
    #expect(other.id != Self.key.id)
    #expect(HandInKey(cohortSecret: Self.secret) == Self.key)
    #expect(Self.key.id.count == 8)
  }

  @Test func anUntouchedFileKeepsItsSeal() throws {
    let file = try Self.roundTrip(Self.sealedFile())
    let seal = try #require(file.seal)
    #expect(seal.key == Self.key.id)
    #expect(seal.chain.count == Sample.inputs.count)
    #expect(seal.check(file, with: Self.key) == .intact)
  }

  @Test(arguments: [
    ("trainee", "session's details"),
    ("seed", "session's details"),
    ("started", "session's details"),
    ("statement", "input 1"),
    ("answer", "input 0"),
    ("time", "input 2"),
    ("latency", "input 4"),
    ("choice", "input 0"),
    ("added", "input 5 and those after it were added"),
    ("removed", "inputs after input 3 were removed"),
    ("status", "status, finish time or scores"),
    ("finished", "status, finish time or scores"),
    ("scores", "status, finish time or scores"),
  ])
  func everyChangeIsNamed(change: String, named: String) throws {
    var file = try Self.roundTrip(Self.sealedFile())
    switch change {
    case "trainee": file.trainee = "Bea"
    case "seed": file.seed += 1
    case "started": file.started = Sample.time(-60)
    case "statement": file.inputs[1].input = .write("We are very sorry.")
    case "answer": file.inputs[0].input = .choose(3)
    case "time": file.inputs[2].at = Sample.time(61)
    case "latency": file.inputs[4].latencyMilliseconds = 1
    case "choice": file.inputs[0].choice = "call-press"
    case "added":
      file.inputs.append(RecordedInput(sequence: 5, input: .choose(1), at: Sample.time(119)))
    case "removed": file.inputs.removeLast()
    case "status": file.status = .abandoned
    case "finished": file.finished = Sample.time(100)
    case "scores": file.scores = .object(["overall": .number(100), "grade": .string("Not yet")])
    default: Issue.record("unknown change \(change)")
    }
    let verdict = try #require(file.seal).check(try Self.roundTrip(file), with: Self.key)
    guard case .broken(let what) = verdict else {
      Issue.record("\(change): the seal still holds")
      return
    }
    #expect(what.contains(named), "\(change): \(what)")
  }

  @Test func aSealFromAnotherKeyIsNotTakenForThisOne() throws {
    let file = Self.sealedFile()
    let other = HandInKey(cohortSecret: Self.secret.map { $0 ^ 1 })
    guard case .broken(let what) = try #require(file.seal).check(file, with: other) else {
      Issue.record("another key matched")
      return
    }
    #expect(what.contains("another key"))
  }

  @Test func aForgedSealWithTheRightKeyIdStillFails() throws {
    // A trainee who edits the file and copies the key id into a made-up seal.
    var file = Self.sealedFile()
    file.inputs[1].input = .write("Exemplary statement.")
    var seal = try #require(file.seal)
    seal.chain = seal.chain.map { _ in String(repeating: "0", count: 32) }
    file.seal = seal
    #expect(seal.check(file, with: Self.key) != .intact)
  }
}
