import Foundation
import SOSCore
import Testing

@testable import SOSStore

/// `SessionFileReader` may only ever read a file exactly as the general path (the
/// strict syntax check and Foundation's decoder) reads it, and must leave every other
/// file, every refused one among them, to the general path.
@Suite struct SessionFileReaderTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Fuzz/Corpus/session-file").standardized

  /// A finished session with every kind of input, a cohort, a seal and scores.
  static func sample(seed: UInt64 = 7, scores: JSONValue? = nil) -> SessionFile {
    let session = SessionRecord(
      id: UUID(uuidString: "3F9A0C1E-2B4D-4E6F-8A1B-2C3D4E5F6A7B") ?? UUID(), trainee: "Zoë",
      cohort: "spring", scenarioID: "loyalty-data-exposed",
      scenarioHash: SHA256.hex(SHA256.digest(Array(Sample.scenarioText.utf8))), seed: seed,
      mode: .assessment, timed: true, shuffles: true, started: Sample.time(0.25),
      finished: Sample.time(900), status: .finished)
    let inputs = Sample.inputs.enumerated().map { index, input in
      RecordedInput(
        sequence: index, input: input, at: Sample.time(Double(index) * 10.5),
        latencyMilliseconds: index == 2 ? nil : 1000 + index,
        choice: index == 0 ? "apologise" : nil)
    }
    var file = SessionFile(
      session: session, inputs: inputs, scenarioText: Sample.scenarioText, scores: scores)
    file.seal(with: HandInKey(cohortSecret: Array(repeating: 7, count: 32)))
    return file
  }

  static let scores = JSONValue.object([
    "composite": .number(72.5), "grade": .string("B \"good\" / é 😀"), "zero": .number(0),
    "one": .number(1), "tiny": .number(1e-7), "big": .number(1.2345678901234567e300),
    "negative": .number(-3.25), "flags": .array([.bool(true), .bool(false), .null]),
    "nested": .object(["ledger": .array([.object(["points": .number(5)])])]),
  ])

  /// The general path's reading of `text`.
  static func general(_ text: String) -> Result<SessionFile, SessionFileError> {
    general(Array(text.utf8))
  }

  static func general(_ bytes: [UInt8]) -> Result<SessionFile, SessionFileError> {
    SessionFile.decodeInGeneral(bytes, location: SOSCore.SourceLocation(file: "s.json"), texts: nil)
  }

  /// Whether the reader read `bytes`; when it did, the general path must have read the
  /// very same file (equal, and equal byte for byte when encoded again).
  @discardableResult
  static func agree(_ bytes: [UInt8], texts: ScenarioTextHashes? = nil) -> Bool {
    guard let read = SessionFileReader.read(bytes, texts: texts) else { return false }
    switch general(bytes) {
    case .success(let decoded):
      #expect(read == decoded)
      #expect(read.encode() == decoded.encode())
      #expect(Array(read.scenario.text.utf8) == Array(decoded.scenario.text.utf8))
    case .failure(let error):
      Issue.record("the reader read a file the general path refuses: \(error.message)")
    }
    return true
  }

  // MARK: - Files it reads

  @Test func readsTheFuzzCorpusAsTheGeneralPathDoes() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)
      .filter { $0.hasSuffix(".json") }
    #expect(names.count >= 4)
    for name in names {
      let bytes = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(name)))
      #expect(Self.agree(bytes), "\(name)")
    }
  }

  @Test func readsWrittenFilesAsTheGeneralPathDoes() {
    for file in [
      Self.sample(), Self.sample(scores: Self.scores), Self.sample(seed: 0),
      Self.sample(seed: 1 << 53), Self.sample(seed: UInt64.max),
    ] {
      #expect(Self.agree(Array(file.encode())))
      #expect(SessionFileReader.read(Array(file.encode())) == file)
    }
    var active = Self.sample()
    active.finished = nil
    active.status = .active
    active.cohort = nil
    active.seal = nil
    #expect(Self.agree(Array(active.encode())))
  }

  /// Escapes, key order, white space and `null` for optional fields, as a person or
  /// another program might write them.
  @Test func readsHandWrittenVariantsAsTheGeneralPathDoes() throws {
    let hash = SHA256.hex(SHA256.digest(Array("id: a\n/é😀\u{0}\t\"\\".utf8)))
    let text = """
       {"trainee":"Z\\u00f6e \\ud83d\\ude00","format":1,"session":"3f9a0c1e-2b4d-4e6f-8a1b-2c3d4e5f6a7b",
      "scenario":{"text":"id: a\\n\\/\\u00e9\\uD83D\\uDE00\\u0000\\t\\"\\\\","sha256":"\(hash.uppercased())",
      "id":"a"},"seed":"18446744073709551615","mode":"practice","timed":false,"shuffled":null,
      "started":"2025-03-01T09:00:00.25+01:00","finished":null,"status":"abandoned",
      "cohort":null,"seal":null,"scores":null,"inputs":[
      {"sequence":0,"kind":"choose","value":"3","at":"2025-03-01T09:00:12Z","latency_ms":null},
      {"sequence":1,"kind":"timeout","value":[1.5,{"x":null}],"at":"2025-03-01 09:00:13.5Z"},
      {"sequence":2,"kind":"undo","at":"2025-03-01T09:00:14.123456Z","choice":null},
      {"sequence":3,"kind":"write","value":"line\\r\\nline\\b\\f","at":"2025-03-01T09:00:15Z"}
      ]}\r\n\t
      """
    #expect(Self.agree(Array(text.utf8)))
    let file = try #require(SessionFileReader.read(Array(text.utf8)))
    #expect(file.trainee == "Zöe 😀")
    #expect(file.scenario.text == "id: a\n/é😀\u{0}\t\"\\")
    #expect(file.seed == UInt64.max)
    #expect(
      file.inputs.map(\.input) == [.choose(3), .timeout, .undo, .write("line\r\nline\u{8}\u{C}")])
  }

  // MARK: - Files it leaves to the general path

  /// Unusual but valid files: the general path reads them; the reader says "not sure".
  @Test(arguments: [
    ("a byte order mark", "{", "\u{FEFF}{"),
    ("an unknown key", "\"format\" : 1,", "\"format\" : 1, \"extra\" : true,"),
    ("an escaped key", "\"format\" : 1", "\"form\\u0061t\" : 1"),
    ("a seed above 2^53", "\"seed\" : 7", "\"seed\" : 9007199254740993"),
    ("a key that is not ASCII", "\"scores\" : {", "\"scores\" : {\"é\": 1,"),
    ("a deep score", "\"scores\" : {", "\"scores\" : {\"d\": " + deep(70) + ","),
  ])
  func leavesUnusualFilesToTheGeneralPath(what: String, find: String, replace: String) throws {
    let bytes = Self.edited(Self.sample(scores: .object(["a": .number(1)])), find, replace)
    #expect(SessionFileReader.read(bytes) == nil, "\(what)")
    #expect(throws: Never.self, "\(what)") { try Self.general(bytes).get() }
  }

  static func deep(_ levels: Int) -> String {
    String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
  }

  /// Files the general path refuses: the reader never reads one, so `decode` gives
  /// the general path's message, position and all.
  @Test(arguments: [
    ("\"format\" : 1", "\"format\" : 2"),
    ("\"format\" : 1", "\"format\" : 1.0"),
    ("\"format\" : 1", "\"format\" : 1, \"format\" : 1"),
    ("\"timed\" : true", "\"timed\" : \"yes\""),
    ("\"timed\" : true", "\"timed\" : null"),
    ("\"trainee\" : \"Zoë\"", "\"trainee\" : \" \""),
    ("\"trainee\" : \"Zoë\"", "\"trainee\" : \"Zo\u{1}\""),
    ("\"trainee\" : \"Zoë\"", "\"trainee\" : \"Zo\\ud800\""),
    ("\"trainee\" : \"Zoë\"", "\"trainee\" : \"Zo\\x\""),
    ("\"seed\" : 7", "\"seed\" : -7"),
    ("\"seed\" : 7", "\"seed\" : 07"),
    ("\"seed\" : 7", "\"seed\" : \"\""),
    ("\"seed\" : 7", "\"seed\" : 99999999999999999999999"),
    ("\"sequence\" : 1", "\"sequence\" : 2"),
    ("\"latency_ms\" : 1000", "\"latency_ms\" : -1"),
    ("\"kind\" : \"choose\"", "\"kind\" : \"dance\""),
    ("\"value\" : 2", "\"value\" : 0"),
    ("\"value\" : 2", "\"value\" : \"two\""),
    ("\"value\" : 2", "\"value\" : null"),
    ("\"mode\" : \"assessment\"", "\"mode\" : \"exam\""),
    ("\"status\" : \"finished\"", "\"status\" : \"done\""),
    ("\"started\" : \"2025", "\"started\" : \"1025x"),
    ("\"shuffled\" : true", "\"shuffled\" : 1"),
    ("\"id\" : \"loyalty-data-exposed\"", "\"id\" : 5"),
    ("format: 1", "format: 2"),
    ("\"chain\" : [", "\"chain\" : [ 1,"),
    ("\"inputs\" : [", "\"inputs\" : [ ,"),
    ("{", "{ \"a\" : 1e400, "),
  ])
  func leavesRefusedFilesToTheGeneralPath(find: String, replace: String) {
    let bytes = Self.edited(Self.sample(scores: Self.scores), find, replace)
    #expect(SessionFileReader.read(bytes) == nil)
    guard case .failure(let error) = Self.general(bytes) else {
      // Some edits are refused only by some fields (`1e400` is ignored as unknown).
      return
    }
    #expect(SessionFile.decode(Data(bytes), file: "s.json").failureMessage == error.message)
  }

  @Test func leavesEveryTruncatedFileToTheGeneralPath() {
    let bytes = Array(Self.sample(scores: Self.scores).encode())
    for end in stride(from: 1, to: bytes.count - 2, by: 7) {
      let cut = Array(bytes[..<end])
      #expect(SessionFileReader.read(cut) == nil)
      guard case .failure(let error) = Self.general(cut) else {
        Issue.record("the general path read a file cut at \(end)")
        continue
      }
      #expect(SessionFile.decode(Data(cut), file: "s.json").failureMessage == error.message)
    }
  }

  /// Thousands of files with a few random edits each (bytes changed, removed,
  /// repeated or inserted): whenever the reader reads one, the general path reads the
  /// same file; whenever the general path refuses one, so does `decode`, in its words.
  @Test func agreesWithTheGeneralPathOnRandomlyEditedFiles() throws {
    let tokens =
      [
        "\"", "\\", "{", "}", "[", "]", ",", ":", "0", "9", "-", ".", "e", " ", "\n", "u", "n",
        "\\u0000", "\\ud800", "null", "1.0", "-0", "1e400", "\"x\": 1, ", "\u{FEFF}", "é",
      ].map { Array($0.utf8) } + [[0x00], [0x80], [0xC3], [0xFF], [0xED, 0xA0, 0x80]]
    let corpusFile = try [UInt8](
      Data(contentsOf: Self.corpus.appendingPathComponent("minimal-finished.json")))
    var generator = SplitMix(seed: 14)
    var read = 0
    var refused = 0
    let texts = ScenarioTextHashes()
    for original in [Array(Self.sample(scores: Self.scores).encode()), corpusFile] {
      #expect(SessionFileReader.read(original, texts: texts) != nil)
      for _ in 0..<1500 {
        var bytes = original
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
          let at = Int.random(in: 0..<bytes.count, using: &generator)
          let length = min(Int.random(in: 1...8, using: &generator), bytes.count - at)
          switch Int.random(in: 0..<4, using: &generator) {
          case 0: bytes[at] = tokens.randomElement(using: &generator)?.first ?? 0
          case 1: bytes.removeSubrange(at..<(at + length))
          case 2: bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
          default: bytes.insert(contentsOf: tokens.randomElement(using: &generator) ?? [], at: at)
          }
          if bytes.isEmpty { bytes = [0x20] }
        }
        // With the texts checked before, and without: the same answer.
        let withTexts = Self.agree(bytes, texts: texts)
        #expect(Self.agree(bytes) == withTexts)
        if withTexts { read += 1 }
        // (A file of white space only is refused as empty before either path.)
        if case .failure(let error) = Self.general(bytes), bytes.contains(where: { $0 > 0x20 }) {
          refused += 1
          #expect(
            SessionFile.decode(Data(bytes), file: "s.json", texts: texts).failureMessage
              == error.message)
        }
      }
    }
    // Both kinds were tried.
    #expect(read > 100)
    #expect(refused > 1000)
  }

  // MARK: - Scenario texts checked before

  @Test func aTextCheckedBeforeIsRecognisedOnlyByTheSameBytesAndHash() throws {
    let texts = ScenarioTextHashes()
    let file = Self.sample()
    let bytes = Array(file.encode())
    let first = try #require(SessionFileReader.read(bytes, texts: texts))
    let second = try #require(SessionFileReader.read(bytes, texts: texts))
    #expect(first == file)
    #expect(second == file)

    // The same text written another way is read and checked again.
    let escaped = Self.edited(file, "# é", "# \\u00e9")
    #expect(try #require(SessionFileReader.read(escaped, texts: texts)) == file)

    // An altered text that claims the known hash, of the same length or longer.
    for (find, replace) in [
      ("database exposed", "database exposes"), ("exposed\\n", "exposed!\\n"),
    ] {
      let altered = Self.edited(file, find, replace)
      #expect(SessionFileReader.read(altered, texts: texts) == nil)
      #expect(
        SessionFile.decode(Data(altered), file: "s.json", texts: texts).failureMessage
          == "s.json: error: scenario text does not match its sha256; the file was altered")
    }
  }

  // MARK: - Helpers

  /// The file's bytes with the first `find` replaced by `replace`.
  static func edited(_ file: SessionFile, _ find: String, _ replace: String) -> [UInt8] {
    let text = String(decoding: file.encode(), as: UTF8.self)
    guard let range = text.range(of: find) else {
      Issue.record("no '\(find)' in the sample")
      return []
    }
    return Array(text.replacingCharacters(in: range, with: replace).utf8)
  }
}

extension Result where Success == SessionFile, Failure == SessionFileError {
  fileprivate var failureMessage: String? {
    guard case .failure(let error) = self else { return nil }
    return error.message
  }
}
