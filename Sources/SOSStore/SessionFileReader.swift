import Foundation
import SOSCore

/// Reads a session file of the usual shape straight from its bytes, in one pass: the
/// fast path of ``SessionFile/decode(_:file:texts:)``, which otherwise checks the
/// syntax with ``JSONSyntaxChecker`` and decodes with Foundation's `JSONDecoder`.
///
/// It only ever says yes or "not sure": ``read(_:texts:)`` gives a file only when the
/// bytes are valid JSON by the checker's strict rules and the decoder would give the
/// very same file, and `nil` for anything else — a syntax error, a missing or
/// mistyped field, a refused value, but also anything merely unusual (a byte order
/// mark, an unknown key, an escaped key, a number with a fraction where an integer
/// goes, a lone surrogate, deep nesting). The caller then takes the slow path, so
/// every refusal and its message come from one place, as before.
///
/// A scenario text that is byte for byte, as written in the JSON, one that
/// `texts` saw checked against the same hash is neither validated, unescaped nor
/// hashed again: the file gets the text already read (which also shares its storage).
struct SessionFileReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private let texts: ScenarioTextHashes?

  /// The deepest nesting read here (in `scores`); deeper files take the slow path.
  static let maximumDepth = 64
  /// The largest integer read here (the largest seed a file writes as a number);
  /// larger ones take the slow path.
  static let maximumInteger = 1 << 53

  private init(_ bytes: UnsafeBufferPointer<UInt8>, texts: ScenarioTextHashes?) {
    self.bytes = bytes
    self.texts = texts
  }

  /// The session file in `bytes`, when it has the usual shape and passes every check
  /// that ``SessionFile/decode(_:file:texts:)`` makes; otherwise `nil`.
  static func read(_ bytes: [UInt8], texts: ScenarioTextHashes? = nil) -> SessionFile? {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = SessionFileReader(buffer, texts: texts)
      return reader.file()
    }
  }

  // MARK: - The file

  /// The top-level fields as read.
  private struct Fields {
    var format: Int?
    var session: UUID?
    var trainee: String?
    var cohort: String?
    var scenario: ScenarioEntry?
    var seed: UInt64?
    var mode: SessionOptions.Mode?
    var timed: Bool?
    var shuffles = false
    var started: Date?
    var finished: Date?
    var status: SessionStatus?
    var inputs: [RecordedInput]?
    var scores: JSONValue?
    var seal: HandInSeal?
  }

  /// The scenario entry as read: the text, and where it was written if it still
  /// needs its hash checked.
  private struct ScenarioEntry {
    var id: String
    var sha256: String
    var text: String
    /// The bytes between the text's quotes, when the text was read (not recognised).
    var written: Range<Int>?
  }

  private mutating func file() -> SessionFile? {
    var fields = Fields()
    var seen: Set<SessionFile.CodingKeys> = []
    skipWhitespace()
    guard var more = open(UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
    while more {
      guard let key = key(), let field = SessionFile.CodingKeys(rawValue: key),
        seen.insert(field).inserted, read(field, into: &fields),
        let next = next(close: UInt8(ascii: "}"))
      else { return nil }
      more = next
    }
    skipWhitespace()
    guard index == bytes.count, fields.format == SessionFile.currentFormat,
      let session = fields.session, let trainee = fields.trainee,
      let scenario = fields.scenario, let seed = fields.seed, let mode = fields.mode,
      let timed = fields.timed, let started = fields.started, let status = fields.status,
      let inputs = fields.inputs
    else { return nil }
    for (position, recorded) in inputs.enumerated() where recorded.sequence != position {
      return nil
    }
    guard checked(scenario) else { return nil }
    var file = SessionFile(
      session: SessionRecord(
        id: session, trainee: trainee, cohort: fields.cohort, scenarioID: scenario.id,
        scenarioHash: scenario.sha256, seed: seed, mode: mode, timed: timed,
        shuffles: fields.shuffles, started: started, finished: fields.finished,
        status: status),
      inputs: [], scenarioText: "")
    // Set as read: the initialiser would round the times and hash the text again.
    file.scenario.sha256 = scenario.sha256
    file.scenario.text = scenario.text
    file.started = started
    file.finished = fields.finished
    file.inputs = inputs
    file.scores = fields.scores
    file.seal = fields.seal
    return file
  }

  /// Reads the value of a top-level field; whether it is one the decoder takes.
  private mutating func read(_ field: SessionFile.CodingKeys, into fields: inout Fields) -> Bool {
    switch field {
    case .format:
      fields.format = integer()
      return fields.format != nil
    case .session:
      fields.session = string().flatMap(UUID.init(uuidString:))
      return fields.session != nil
    case .trainee:
      fields.trainee = string()
      return fields.trainee.map(WorkshopDatabase.isValidName) == true
    case .cohort:
      if literal("null") { return true }
      fields.cohort = string()
      return fields.cohort != nil
    case .scenario:
      fields.scenario = scenarioEntry()
      return fields.scenario != nil
    case .seed:
      fields.seed = seedValue()
      return fields.seed != nil
    case .mode:
      fields.mode = string().flatMap(SessionOptions.Mode.init(rawValue:))
      return fields.mode != nil
    case .timed:
      fields.timed = boolean()
      return fields.timed != nil
    case .shuffled:
      if literal("null") { return true }
      guard let value = boolean() else { return false }
      fields.shuffles = value
      return true
    case .started:
      fields.started = string().flatMap(Timestamp.date)
      return fields.started != nil
    case .finished:
      if literal("null") { return true }
      fields.finished = string().flatMap(Timestamp.date)
      return fields.finished != nil
    case .status:
      fields.status = string().flatMap(SessionStatus.init(rawValue:))
      return fields.status != nil
    case .inputs:
      fields.inputs = inputList()
      return fields.inputs != nil
    case .scores:
      // `null` reads as no scores, as `decodeIfPresent` reads it.
      guard let value = jsonValue(depth: 1) else { return false }
      fields.scores = value == .null ? nil : value
      return true
    case .seal:
      if literal("null") { return true }
      fields.seal = handInSeal()
      return fields.seal != nil
    }
  }

  /// Whether the scenario text has the hash written beside it, remembering a text
  /// checked here so that the next file with the same bytes is spared.
  private func checked(_ scenario: ScenarioEntry) -> Bool {
    guard let written = scenario.written else { return true }  // recognised: checked before
    let claimed = scenario.sha256.lowercased()
    guard let texts else {
      return SHA256.hex(SHA256.digest(Array(scenario.text.utf8))) == claimed
    }
    guard texts.hash(of: scenario.text, claimed: scenario.sha256) == claimed else {
      return false
    }
    texts.remember(
      scenario.text, hash: claimed,
      writtenAs: Array(UnsafeBufferPointer(rebasing: bytes[written])))
    return true
  }

  private mutating func scenarioEntry() -> ScenarioEntry? {
    var id: String?
    var sha256: String?
    var text: String?
    var written: Range<Int>?
    var seen: Set<String> = []
    guard var more = open(UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
    while more {
      guard let key = key(), seen.insert(key).inserted else { return nil }
      switch key {
      case "id":
        id = string()
        guard id != nil else { return nil }
      case "sha256":
        sha256 = string()
        guard sha256 != nil else { return nil }
      case "text":
        if let sha256, let known = recognisedText(claimed: sha256) {
          text = known
        } else {
          let start = index + 1
          text = string()
          guard text != nil else { return nil }
          written = start..<(index - 1)
        }
      default:
        return nil
      }
      guard let next = next(close: UInt8(ascii: "}")) else { return nil }
      more = next
    }
    guard let id, let sha256, let text else { return nil }
    return ScenarioEntry(id: id, sha256: sha256, text: text, written: written)
  }

  /// The text at `index` when its written bytes are those of a text checked before
  /// against `claimed`, moving past it; otherwise `nil`, leaving `index` where it was.
  private mutating func recognisedText(claimed: String) -> String? {
    guard let texts, index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      return nil
    }
    let rest = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
    guard let (text, length) = texts.text(claimed: claimed, writtenAtStartOf: rest),
      length < rest.count, rest[length] == UInt8(ascii: "\"")
    else { return nil }
    index += length + 2
    return text
  }

  private mutating func seedValue() -> UInt64? {
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "\"") {
      guard let text = string(), !text.isEmpty, text.utf8.count <= 20,
        text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
      else { return nil }
      return UInt64(text)
    }
    guard let number = integer(), number >= 0 else { return nil }
    return UInt64(number)
  }

  private mutating func handInSeal() -> HandInSeal? {
    var key: String?
    var start: String?
    var chain: [String]?
    var end: String?
    var seen: Set<String> = []
    guard var more = open(UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
    while more {
      guard let field = self.key(), seen.insert(field).inserted else { return nil }
      switch field {
      case "key": key = string()
      case "start": start = string()
      case "end": end = string()
      case "chain": chain = stringList()
      default: return nil
      }
      guard let next = next(close: UInt8(ascii: "}")) else { return nil }
      more = next
    }
    guard let key, let start, let chain, let end else { return nil }
    return HandInSeal(key: key, start: start, chain: chain, end: end)
  }

  private mutating func stringList() -> [String]? {
    var list: [String] = []
    guard var more = open(UInt8(ascii: "["), close: UInt8(ascii: "]")) else { return nil }
    while more {
      guard let text = string(), let next = next(close: UInt8(ascii: "]")) else { return nil }
      list.append(text)
      more = next
    }
    return list
  }

  // MARK: - Inputs

  private mutating func inputList() -> [RecordedInput]? {
    var inputs: [RecordedInput] = []
    guard var more = open(UInt8(ascii: "["), close: UInt8(ascii: "]")) else { return nil }
    while more {
      guard let recorded = input(), let next = next(close: UInt8(ascii: "]")) else {
        return nil
      }
      inputs.append(recorded)
      more = next
    }
    return inputs
  }

  /// The fields of an input, as they are read (any order).
  private enum InputField: String {
    case sequence
    case kind
    case value
    case at
    case latencyMilliseconds = "latency_ms"
    case choice
  }

  /// An input's fields as read, before its kind says what its value must be.
  private struct InputFields {
    var sequence: Int?
    var kind: InputKind?
    var value: InputValue?
    var at: Date?
    var latency: Int?
    var choice: String?
  }

  /// An input's value, before its kind says what it must be.
  private enum InputValue {
    case number(Int)
    case text(String)
    case other
  }

  private mutating func input() -> RecordedInput? {
    var fields = InputFields()
    var seen: Set<InputField> = []
    guard var more = open(UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
    while more {
      guard let key = key(), let field = InputField(rawValue: key),
        seen.insert(field).inserted, read(field, into: &fields),
        let next = next(close: UInt8(ascii: "}"))
      else { return nil }
      more = next
    }
    guard let sequence = fields.sequence, let kind = fields.kind, let at = fields.at else {
      return nil
    }
    let input: SessionInput
    switch (kind, fields.value) {
    case (.choose, .number(let number)) where number > 0:
      input = .choose(number)
    case (.choose, .text(let text)):
      guard let number = InputKind.optionNumber(text) else { return nil }
      input = .choose(number)
    case (.write, .text(let text)):
      input = .write(text)
    case (.timeout, _):
      input = .timeout
    case (.undo, _):
      input = .undo
    case (.inject, .text(let id)):
      input = .inject(id)
    default:
      return nil
    }
    guard fields.choice == nil || kind == .choose else { return nil }
    return RecordedInput(
      sequence: sequence, input: input, at: at, latencyMilliseconds: fields.latency,
      choice: fields.choice)
  }

  /// Reads the value of an input's field; whether it is one the decoder takes.
  private mutating func read(_ field: InputField, into fields: inout InputFields) -> Bool {
    switch field {
    case .sequence:
      fields.sequence = integer()
      return fields.sequence != nil
    case .kind:
      fields.kind = string().flatMap(InputKind.init(rawValue:))
      return fields.kind != nil
    case .value:
      guard index < bytes.count else { return false }
      switch bytes[index] {
      case UInt8(ascii: "\""):
        guard let text = string() else { return false }
        fields.value = .text(text)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard let number = integer() else { return false }
        fields.value = .number(number)
      default:
        // Ignored by a timeout or an undo; refused for the others in `input()`.
        guard jsonValue(depth: 3) != nil else { return false }
        fields.value = .other
      }
      return true
    case .at:
      fields.at = string().flatMap(Timestamp.date)
      return fields.at != nil
    case .latencyMilliseconds:
      if literal("null") { return true }
      guard let number = integer(), number >= 0 else { return false }
      fields.latency = number
      return true
    case .choice:
      if literal("null") { return true }
      fields.choice = string()
      return fields.choice != nil
    }
  }

  // MARK: - JSON

  /// Moves past the bracket `open` at `index` and the white space after it: `true`
  /// when a member or element follows, `false` when the container was empty (moving
  /// past `close` too), `nil` when `open` is not there.
  private mutating func open(_ open: UInt8, close: UInt8) -> Bool? {
    guard index < bytes.count, bytes[index] == open else { return nil }
    index += 1
    skipWhitespace()
    guard index < bytes.count, bytes[index] == close else { return true }
    index += 1
    return false
  }

  /// After a member or element: `true` past a comma (another follows), `false` past
  /// `close` (the container ends), `nil` for anything else.
  private mutating func next(close: UInt8) -> Bool? {
    skipWhitespace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: ","):
      index += 1
      skipWhitespace()
      return true
    case close:
      index += 1
      return false
    default:
      return nil
    }
  }

  /// A member's key and the colon after it, leaving `index` at the value. Keys must
  /// be plain (no escapes): two keys that differ only in how they are escaped would
  /// be one key to the decoder and two to the syntax check.
  private mutating func key() -> String? {
    guard let key = plainKey() else { return nil }
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    skipWhitespace()
    return key
  }

  /// A key of printable ASCII without escapes, or `nil`.
  private mutating func plainKey() -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    let start = index + 1
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
      guard (0x20...0x7E).contains(bytes[end]), bytes[end] != UInt8(ascii: "\\") else {
        return nil
      }
      end += 1
    }
    guard end < bytes.count else { return nil }
    index = end + 1
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// A string at `index`, checked as ``JSONSyntaxChecker`` checks it and unescaped as
  /// the decoder unescapes it; `nil` for anything else (including a lone surrogate).
  private mutating func string() -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    index += 1
    let start = index
    // Plain bytes up to the closing quote or the first escape.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { return nil }
      if byte < 0x80 {
        index += 1
      } else {
        guard let length = utf8SequenceLength(at: index) else { return nil }
        index += length
      }
    }
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "\"") {
      index += 1
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
    }
    var text = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: text, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard let scalar = escape() else { return nil }
        UTF8.encode(scalar) { text.append($0) }
      case 0x00..<0x20:
        return nil
      case 0x80...0xFF:
        guard let length = utf8SequenceLength(at: index) else { return nil }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        index += length
      default:
        text.append(byte)
        index += 1
      }
    }
    return nil
  }

  /// The character an escape at `index` stands for, moving past it.
  private mutating func escape() -> Unicode.Scalar? {
    guard index + 1 < bytes.count else { return nil }
    let letter = bytes[index + 1]
    index += 2
    switch letter {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
      return Unicode.Scalar(letter)
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      guard let unit = hexUnit() else { return nil }
      switch unit {
      case 0xD800...0xDBFF:
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { return nil }
        index += 2
        guard let low = hexUnit(), (0xDC00...0xDFFF).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
      case 0xDC00...0xDFFF:
        return nil
      default:
        return Unicode.Scalar(unit)
      }
    default:
      return nil
    }
  }

  /// Four hex digits at `index`, moving past them.
  private mutating func hexUnit() -> UInt16? {
    guard index + 4 <= bytes.count else { return nil }
    var unit: UInt16 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      unit = unit << 4 | UInt16(digit)
      index += 1
    }
    return unit
  }

  /// An integer without fraction or exponent (and not `-0`), of at most
  /// ``maximumInteger`` either way.
  private mutating func integer() -> Int? {
    var position = index
    let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    let first = position
    var value = 0
    while position < bytes.count,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
    {
      value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
      position += 1
      guard value <= Self.maximumInteger else { return nil }
    }
    let digits = position - first
    guard digits > 0, digits == 1 || bytes[first] != UInt8(ascii: "0"), !(negative && value == 0)
    else { return nil }
    if position < bytes.count,
      bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: "e")
        || bytes[position] == UInt8(ascii: "E")
    {
      return nil
    }
    index = position
    return negative ? -value : value
  }

  private mutating func boolean() -> Bool? {
    if literal("true") { return true }
    if literal("false") { return false }
    return nil
  }

  /// Whether `word` is at `index`, moving past it if it is.
  private mutating func literal(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let matches = word.withUTF8Buffer { expected in
      expected.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]))
    }
    if matches { index += count }
    return matches
  }

  /// Any JSON value, as ``JSONValue``'s decoder reads it, nested at most
  /// ``maximumDepth`` deep; `nil` also for a number that is not a finite `Double` (or
  /// is -0) and for an object with two keys a `Dictionary` takes for one.
  private mutating func jsonValue(depth: Int) -> JSONValue? {
    guard depth <= Self.maximumDepth, index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      var members: [String: JSONValue] = [:]
      guard var more = open(UInt8(ascii: "{"), close: UInt8(ascii: "}")) else { return nil }
      while more {
        guard let key = key(), members[key] == nil, let value = jsonValue(depth: depth + 1),
          let next = next(close: UInt8(ascii: "}"))
        else { return nil }
        members[key] = value
        more = next
      }
      return .object(members)
    case UInt8(ascii: "["):
      var elements: [JSONValue] = []
      guard var more = open(UInt8(ascii: "["), close: UInt8(ascii: "]")) else { return nil }
      while more {
        guard let value = jsonValue(depth: depth + 1), let next = next(close: UInt8(ascii: "]"))
        else { return nil }
        elements.append(value)
        more = next
      }
      return .array(elements)
    case UInt8(ascii: "\""):
      return string().map(JSONValue.string)
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      return boolean().map(JSONValue.bool)
    case UInt8(ascii: "n"):
      return literal("null") ? .null : nil
    default:
      return number().map(JSONValue.number)
    }
  }

  /// A number by JSON's grammar, when it is a finite `Double` other than -0.
  private mutating func number() -> Double? {
    let start = index
    var position = index
    func digits() -> Int {
      let first = position
      while position < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
      {
        position += 1
      }
      return position - first
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    let integerStart = position
    let integerDigits = digits()
    guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0")
    else { return nil }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { return nil }
    }
    if position < bytes.count,
      bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")
    {
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard digits() > 0 else { return nil }
    }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard let value = Double(text), value.isFinite, value != 0 || value.sign == .plus else {
      return nil
    }
    index = position
    return value
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        index += 1
      default:
        return
      }
    }
  }
  /// The length of the well-formed UTF-8 sequence at `start`, or `nil`.
  private func utf8SequenceLength(at start: Int) -> Int? {
    UTF8Sequence.length(in: bytes, at: start)
  }
}
