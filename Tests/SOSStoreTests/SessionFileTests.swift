import Foundation
import SOSCore
import Testing

@testable import SOSStore

@Suite struct SessionFileTests {
  private static func sample(seed: UInt64 = 7, scores: JSONValue? = nil) -> SessionFile {
    let session = SessionRecord(
      id: UUID(uuidString: "3F9A0C1E-2B4D-4E6F-8A1B-2C3D4E5F6A7B") ?? UUID(), trainee: "Ada",
      cohort: "spring", scenarioID: "loyalty-data-exposed",
      scenarioHash: SHA256.hex(SHA256.digest(Array(Sample.scenarioText.utf8))), seed: seed,
      mode: .assessment, timed: true, started: Sample.time(0.25), finished: Sample.time(900),
      status: .finished)
    let inputs = Sample.inputs.enumerated().map { index, input in
      RecordedInput(
        sequence: index, input: input, at: Sample.time(Double(index) * 10.5),
        latencyMilliseconds: index == 2 ? nil : 1000 + index)
    }
    return SessionFile(
      session: session, inputs: inputs, scenarioText: Sample.scenarioText, scores: scores)
  }

  /// The sample's JSON as an object to edit.
  private static func sampleObject() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: sample().encode())
    return try #require(object as? [String: Any])
  }

  private static func decode(_ object: [String: Any]) throws -> Result<
    SessionFile, SessionFileError
  > {
    SessionFile.decode(try JSONSerialization.data(withJSONObject: object), file: "s.json")
  }

  private static func message(_ text: String) -> String? {
    guard case .failure(let error) = SessionFile.decode(Data(text.utf8), file: "s.json") else {
      return nil
    }
    return error.message
  }

  // MARK: - Round trips

  @Test func roundTripGivesTheSameValueAndTheSameBytes() throws {
    let file = Self.sample(scores: .object(["composite": .number(72.5), "grade": .string("B")]))
    let data = file.encode()
    let decoded = try SessionFile.decode(data, file: "s.json").get()
    #expect(decoded == file)
    #expect(decoded.encode() == data)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"latency_ms\" : 1000"))
    #expect(text.contains("\"started\" : \"2025-03-01T09:00:00.250Z\""))
    #expect(text.contains("\"value\" : 2"))
    #expect(text.contains("\"format\" : 1"))
    #expect(text.hasSuffix("}\n"))
  }

  @Test func largestSeedIsWrittenAsAStringAndReadBack() throws {
    let file = Self.sample(seed: UInt64.max)
    let data = file.encode()
    #expect(String(decoding: data, as: UTF8.self).contains("\"seed\" : \"18446744073709551615\""))
    #expect(try SessionFile.decode(data, file: "s.json").get().seed == UInt64.max)

    let exact = Self.sample(seed: 1 << 53)
    #expect(String(decoding: exact.encode(), as: UTF8.self).contains("\"seed\" : 9007199254740992"))
    #expect(try SessionFile.decode(exact.encode(), file: "s.json").get().seed == 1 << 53)

    var object = try Self.sampleObject()
    object["seed"] = NSNumber(value: UInt64.max - 1)
    #expect(try Self.decode(object).get().seed == UInt64.max - 1)
  }

  @Test(arguments: TestStore.engines) func databaseExportImportsIntoAnotherDatabase(
    store: TestStore
  ) throws {
    let source = try store.make()
    let session = try source.createSession(Sample.newSession(seed: UInt64.max))
    for (index, input) in Sample.inputs.enumerated() {
      try source.appendInput(
        sessionID: session.id, input: input, at: Sample.time(Double(index) + 0.0015),
        latencyMilliseconds: index)
    }
    let exported = try source.sessionFile(id: session.id)
    let decoded = try SessionFile.decode(exported.encode(), file: "s.json").get()
    #expect(decoded == exported)

    let target = try store.make()
    #expect(try target.importSession(decoded) == .imported)
    #expect(try target.importSession(decoded) == .alreadyPresent)
    // A session file carries no trainee id: the importing database gives its own.
    var imported = try #require(try target.session(id: session.id))
    let original = try #require(try source.session(id: session.id))
    #expect(imported.traineeID != nil)
    imported.traineeID = original.traineeID
    #expect(imported == original)
    #expect(try target.inputs(sessionID: session.id) == source.inputs(sessionID: session.id))
    #expect(
      throws: WorkshopDatabaseError.sessionNotFound(
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).uuidString.lowercased())
    ) {
      try source.sessionFile(id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
    }
  }

  @Test func scoresAreKeptButNeverRequired() throws {
    var object = try Self.sampleObject()
    object["scores"] = ["composite": 100, "ledger": [["points": 5]]]
    let file = try Self.decode(object).get()
    #expect(
      file.scores
        == .object(["composite": .number(100), "ledger": .array([.object(["points": .number(5)])])])
    )
    object["scores"] = nil
    #expect(try Self.decode(object).get().scores == nil)
  }

  // MARK: - Syntax errors with positions

  @Test func brokenJSONGivesLineAndColumn() {
    #expect(
      Self.message("{\n  \"format\": 1,\n  \"session\": ,\n}")
        == "s.json:3:14: error: invalid JSON: unexpected character ','; expected a value")
    #expect(
      Self.message("{\n  \"trainee\": \"Zoë\" \"x\"}")
        == "s.json:2:20: error: invalid JSON: unexpected character '\"'; expected ',' or '}'")
    #expect(
      Self.message("{\"inputs\": [1, 2,]}")
        == "s.json:1:18: error: invalid JSON: unexpected character ']'; expected a value")
    #expect(
      Self.message("{\"a\": 1\n\n")
        == "s.json:3:1: error: invalid JSON: unexpected end of file; expected ',' or '}'")
    #expect(
      Self.message("{\n \"trainee\": \"Ada\n\"}")
        == "s.json:2:17: error: invalid JSON: control character in a string (write a newline as \\n)"
    )
    #expect(
      Self.message("{\"a\": \"open")
        == "s.json:1:7: error: invalid JSON: string is not closed (it starts here)")
    #expect(
      Self.message("{} {}")
        == "s.json:1:4: error: invalid JSON: unexpected character '{' after the end of the JSON")
    #expect(
      Self.message("{'format': 1}")
        == "s.json:1:2: error: invalid JSON: unexpected character '''; expected a key in double quotes"
    )
  }

  @Test func emptyGarbageAndHugeFilesGiveClearErrors() {
    #expect(Self.message("") == "s.json: error: file is empty")
    #expect(Self.message(" \n\t\n") == "s.json: error: file is empty")
    var generator = SplitMix(seed: 1)
    let garbage = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
    guard case .failure(let error) = SessionFile.decode(garbage, file: "g.bin") else {
      Issue.record("garbage decoded")
      return
    }
    #expect(error.message.hasPrefix("g.bin:1:"))
    #expect(error.message.contains("error: invalid JSON"))

    let huge = Data(count: 50 << 20)
    guard case .failure(let tooLarge) = SessionFile.decode(huge, file: "big.json") else {
      Issue.record("a 50 MiB file decoded")
      return
    }
    #expect(
      tooLarge.message == "big.json: error: file is 50.0 MiB; session files are limited to 16 MiB")
    #expect(
      Self.message("[1, 2]") == "s.json: error: not a session file: expected a JSON object")
  }

  @Test func deepNestingIsRefusedWithoutCrashing() {
    let deep = "{\"scores\": " + String(repeating: "[", count: 100_000)
    let message = Self.message(deep)
    #expect(message == "s.json:1:523: error: invalid JSON: nesting is deeper than 512 levels")
  }

  @Test func loadChecksExistenceAndSizeBeforeReading() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    let missing = folder.path + "/missing.json"
    #expect(
      SessionFile.load(path: missing)
        == .failure(SessionFileError(.notFound, at: SourceLocation(file: missing))))

    let big = folder.path + "/big.json"
    #expect(FileManager.default.createFile(atPath: big, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: big))
    try handle.truncate(atOffset: 50 << 20)
    try handle.close()
    #expect(
      SessionFile.load(path: big)
        == .failure(
          SessionFileError(.tooLarge(byteCount: 50 << 20), at: SourceLocation(file: big))))

    let good = folder.path + "/good.json"
    #expect(FileManager.default.createFile(atPath: good, contents: Self.sample().encode()))
    #expect(try SessionFile.load(path: good).get() == Self.sample())
  }

  // MARK: - Shape problems

  @Test func missingFieldsAreNamed() throws {
    var object = try Self.sampleObject()
    object["inputs"] = nil
    #expect(try Self.decode(object).failureMessage == "s.json: error: missing field 'inputs'")

    object = try Self.sampleObject()
    var inputs = try #require(object["inputs"] as? [[String: Any]])
    inputs[1]["kind"] = nil
    object["inputs"] = inputs
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: missing field 'inputs[1].kind'")

    object = try Self.sampleObject()
    var scenario = try #require(object["scenario"] as? [String: Any])
    scenario["text"] = nil
    object["scenario"] = scenario
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: missing field 'scenario.text'")
  }

  @Test func wrongTypesAreNamed() throws {
    var object = try Self.sampleObject()
    object["seed"] = true
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: wrong type for 'seed': expected a whole number of 0 or more")
    object["seed"] = -1
    #expect(
      try Self.decode(object).failureProblem
        == .wrongType(field: "seed", expected: "a whole number of 0 or more"))
    object["seed"] = "12"
    #expect(try Self.decode(object).get().seed == 12)

    object = try Self.sampleObject()
    object["timed"] = "yes"
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: wrong type for 'timed': expected true or false")

    object = try Self.sampleObject()
    object["inputs"] = "none"
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: wrong type for 'inputs': expected a list")

    object = try Self.sampleObject()
    object["trainee"] = NSNull()
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: wrong type for 'trainee': expected a value, not null")
  }

  @Test func badValuesAreNamed() throws {
    var object = try Self.sampleObject()
    object["format"] = 2
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: unsupported session file format 2; this sos reads format 1")

    object = try Self.sampleObject()
    object["mode"] = "exam"
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: invalid value for 'mode': 'exam' (expected practice or assessment)")

    object = try Self.sampleObject()
    object["session"] = "not-a-uuid"
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: invalid value for 'session': 'not-a-uuid' is not a UUID")

    object = try Self.sampleObject()
    var inputs = try #require(object["inputs"] as? [[String: Any]])
    inputs[0]["kind"] = "dance"
    object["inputs"] = inputs
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: invalid value for 'inputs[0].kind': unknown kind 'dance' (expected choose, write, timeout, undo or inject)"
    )

    for bad: Any in [0, -3, "two", 1.5, "1.5"] {
      inputs[0]["kind"] = "choose"
      inputs[0]["value"] = bad
      object["inputs"] = inputs
      #expect(
        try Self.decode(object).failureMessage
          == "s.json: error: invalid value for 'inputs[0].value': a choose input needs a positive option number"
      )
    }
    inputs[0]["value"] = "3"
    object["inputs"] = inputs
    #expect(try Self.decode(object).get().inputs[0].input == .choose(3))

    inputs[0]["at"] = "yesterday"
    object["inputs"] = inputs
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: invalid value for 'inputs[0].at': 'yesterday' is not an ISO 8601 time such as 2025-03-01T09:00:00.000Z"
    )
  }

  // MARK: - Integrity

  @Test func alteredScenarioTextIsRefused() throws {
    var object = try Self.sampleObject()
    var scenario = try #require(object["scenario"] as? [String: Any])
    scenario["text"] = Sample.scenarioText.replacingOccurrences(of: "exposed", with: "safe")
    object["scenario"] = scenario
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: scenario text does not match its sha256; the file was altered")
  }

  /// A text checked once is not hashed again, but an altered text that claims its hash
  /// is still refused: only the very same bytes are taken as checked.
  @Test func scenarioTextsCheckedBeforeSpareNoAlteredText() throws {
    let texts = ScenarioTextHashes()
    let original = Self.sample().encode()
    #expect(throws: Never.self) {
      try SessionFile.decode(original, file: "a.json", texts: texts).get()
    }
    #expect(throws: Never.self) {
      try SessionFile.decode(original, file: "b.json", texts: texts).get()
    }
    var object = try Self.sampleObject()
    var scenario = try #require(object["scenario"] as? [String: Any])
    scenario["text"] = Sample.scenarioText.replacingOccurrences(of: "exposed", with: "safe")
    object["scenario"] = scenario
    let altered = try JSONSerialization.data(withJSONObject: object)
    #expect(
      SessionFile.decode(altered, file: "s.json", texts: texts).failureMessage
        == "s.json: error: scenario text does not match its sha256; the file was altered")
    let claimed = try #require((object["scenario"] as? [String: Any])?["sha256"] as? String)
    #expect(
      texts.hash(of: Sample.scenarioText + " ", claimed: claimed)
        == SHA256.hex(SHA256.digest(Array((Sample.scenarioText + " ").utf8))))
  }

  @Test func inputsMustBeNumberedWithoutGaps() throws {
    var object = try Self.sampleObject()
    var inputs = try #require(object["inputs"] as? [[String: Any]])
    inputs.remove(at: 1)
    object["inputs"] = inputs
    #expect(
      try Self.decode(object).failureMessage
        == "s.json: error: inputs[1] has sequence 2; expected 1 (inputs are numbered 0, 1, 2, … without gaps)"
    )
    inputs = try #require(try Self.sampleObject()["inputs"] as? [[String: Any]])
    inputs[0]["sequence"] = 1
    object["inputs"] = inputs
    #expect(try Self.decode(object).failureProblem == .sequenceGap(position: 0, found: 1))
  }
}

extension Result where Success == SessionFile, Failure == SessionFileError {
  fileprivate var failureMessage: String? {
    guard case .failure(let error) = self else { return nil }
    return error.message
  }

  fileprivate var failureProblem: SessionFileError.Problem? {
    guard case .failure(let error) = self else { return nil }
    return error.problem
  }
}
