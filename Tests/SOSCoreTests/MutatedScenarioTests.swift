import Foundation
import Testing

@testable import SOSCore

/// Mutants of the shipped scenarios, made by a seeded generator at the byte and line
/// level, go through the whole pipeline a scenario file meets: load and validate,
/// then (when valid) random playtests and a bounded search of its paths. None may
/// trap; an invalid mutant must be told where its error is; a valid one must play to
/// its endings and be analysed with scores in range.
///
/// Each scenario file gets its own mutants, seeded from its name, so editing one file
/// changes only that file's mutants. A failure names the file, the mutant's number and
/// the mutations, which is enough to make the same bytes again.
@Suite struct MutatedScenarioTests {
  /// Mutants per scenario file: 32 × the ten shipped files = 320.
  static let mutantsPerFile = 32
  /// Random playthroughs of each valid mutant.
  static let playtestRuns = 3
  /// States the bounds search may explore for each valid mutant: enough to reach
  /// endings, small enough that the 320 mutants take seconds in a debug build.
  static let searchBudget = 100

  @Test(arguments: PlaytesterTests.scenarioFiles)
  func mutantsAreRefusedWithALocationOrPlayedToTheEnd(file: String) throws {
    let url = PlaythroughTests.root.appendingPathComponent("scenarios/\(file)")
    let original = [UInt8](try Data(contentsOf: url))
    var mutator = ScenarioMutator(original: original, seed: ScenarioMutator.seed(for: file))
    var valid = 0
    var invalid = 0
    for index in 0..<Self.mutantsPerFile {
      let mutant = mutator.next()
      let name = "\(file) mutant \(index) (\(mutant.mutations.joined(separator: ", ")))"
      let result = ScenarioLoader.load(bytes: mutant.bytes, file: file)
      if let scenario = result.scenario {
        valid += 1
        check(scenario, seed: UInt64(index), name: name)
      } else {
        invalid += 1
        checkLocated(result, in: mutant, name: name)
      }
    }
    // Both paths are exercised for every file: the mutations are neither so gentle
    // that nothing breaks nor so harsh that nothing survives.
    #expect(valid >= 3, "\(file): only \(valid) valid mutants of \(Self.mutantsPerFile)")
    #expect(invalid >= 10, "\(file): only \(invalid) invalid mutants of \(Self.mutantsPerFile)")
  }

  /// A refused mutant has an error on a line of the file, not just a file name.
  func checkLocated(_ result: ScenarioLoadResult, in mutant: ScenarioMutator.Mutant, name: String) {
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(!errors.isEmpty, "\(name): refused without an error")
    let located = errors.filter { ($0.location.line ?? 0) >= 1 }
    #expect(!located.isEmpty, "\(name): no error has a line: \(errors.map(\.headline))")
    let lineCount = mutant.lineCount
    for error in located {
      let line = error.location.line ?? 0
      #expect((error.location.column ?? 1) >= 1, "\(name): column below 1: \(error.headline)")
      // Never past the end: an error at the end of a file without a final line break
      // is on its last line, where the source line can be shown.
      #expect(line <= lineCount, "\(name): line \(line) of \(lineCount): \(error.headline)")
    }
  }

  /// A valid mutant plays to an ending every time, and its bounds are scores.
  func check(_ scenario: Scenario, seed: UInt64, name: String) {
    let engine = Engine(scenario: scenario)
    let summary = Playtester(engine: engine).playtest(runs: Self.playtestRuns, seed: seed)
    #expect(summary.problems.isEmpty, "\(name): \(summary.problems)")
    #expect(summary.finished == Self.playtestRuns, "\(name): \(summary.finished) runs finished")
    for spread in [summary.overall, summary.timeliness, summary.communication] {
      #expect(spread.minimum >= 0 && spread.maximum <= 100, "\(name): \(spread)")
    }
    guard let bounds = ScoreBounds.analyze(engine, budget: Self.searchBudget) else {
      Issue.record("\(name): the search found no path to an ending")
      return
    }
    for range in [bounds.overall, bounds.timeliness, bounds.communication, bounds.outcome] {
      #expect(range.minimum.score <= range.maximum.score, "\(name): \(range)")
      #expect(range.minimum.score >= 0 && range.maximum.score <= 100, "\(name): \(range)")
    }
    // The search replays its extremes through the scorer and says when they differ.
    #expect(
      !bounds.reasons.contains { $0.hasPrefix("internal check") }, "\(name): \(bounds.reasons)")
  }
}

/// Makes mutants of one scenario file's bytes: each applies one to three edits of the
/// kinds a hurried author or a damaged file makes.
struct ScenarioMutator {
  /// One mutant and how it was made.
  struct Mutant {
    var bytes: [UInt8]
    var mutations: [String]
    /// Lines as the loader counts them: LF, CR LF and a CR alone each end one.
    var lineCount: Int {
      var breaks = 0
      for (index, byte) in bytes.enumerated() {
        if byte == UInt8(ascii: "\n") {
          breaks += 1
        } else if byte == UInt8(ascii: "\r"),
          index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")
        {
          breaks += 1
        }
      }
      return endsWithLineBreak || bytes.isEmpty ? breaks : breaks + 1
    }

    var endsWithLineBreak: Bool {
      bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r")
    }
  }

  /// The kinds of edit.
  enum Mutation: CaseIterable {
    case deleteLine
    case duplicateLine
    case swapLines
    case reindent
    case flipDigit
    case retarget
    case insertCharacter
    case truncate
  }

  /// Characters an insertion may add besides printable ASCII: YAML's indicators,
  /// tabs and carriage returns, accents, a combining mark, an emoji, a byte order mark,
  /// a right-to-left override and NUL.
  static let characters: [String] = [
    "\t", "\r", ":", "-", "#", "'", "\"", "{", "}", "[", "]", "&", "*", "!", "|", ">", "%",
    "@", "`", "é", "e\u{301}", "—", "🙂", "\u{FEFF}", "\u{202E}", "\u{0}",
  ]

  let original: [UInt8]
  private var generator: SeededGenerator

  init(original: [UInt8], seed: UInt64) {
    self.original = original
    generator = SeededGenerator(seed: seed)
  }

  /// A seed from a file name (FNV-1a), the same on every platform and run.
  static func seed(for name: String) -> UInt64 {
    name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0100_0000_01B3 }
  }

  mutating func next() -> Mutant {
    var mutant = Mutant(bytes: original, mutations: [])
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      let mutation = Mutation.allCases.randomElement(using: &generator) ?? .deleteLine
      if let description = apply(mutation, to: &mutant.bytes) {
        mutant.mutations.append(description)
      }
    }
    return mutant
  }

  /// Applies one edit; returns what it did, or `nil` when the file offered no place
  /// for it.
  mutating func apply(_ mutation: Mutation, to bytes: inout [UInt8]) -> String? {
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map(Array.init)
    guard !lines.isEmpty else { return nil }
    let line = Int.random(in: lines.indices, using: &generator)
    let description: String
    switch mutation {
    case .deleteLine:
      lines.remove(at: line)
      description = "delete line \(line + 1)"
    case .duplicateLine:
      lines.insert(lines[line], at: line)
      description = "duplicate line \(line + 1)"
    case .swapLines:
      let other = min(line + Int.random(in: 1...5, using: &generator), lines.count - 1)
      lines.swapAt(line, other)
      description = "swap lines \(line + 1) and \(other + 1)"
    case .reindent:
      let indent = lines[line].prefix { $0 == UInt8(ascii: " ") }.count
      switch Int.random(in: 0..<3, using: &generator) {
      case 0:
        lines[line].insert(contentsOf: [UInt8](repeating: 0x20, count: 1 + indent % 2), at: 0)
        description = "indent line \(line + 1) further"
      case 1 where indent > 0:
        lines[line].removeFirst(min(indent, 1 + Int.random(in: 0...1, using: &generator)))
        description = "indent line \(line + 1) less"
      default:
        guard indent > 0 else { return nil }
        lines[line][0] = UInt8(ascii: "\t")
        description = "tab in the indentation of line \(line + 1)"
      }
    case .flipDigit:
      let digits = bytes.indices.filter { (0x30...0x39).contains(bytes[$0]) }
      guard let offset = digits.randomElement(using: &generator) else { return nil }
      let digit = UInt8(ascii: "0") + UInt8(Int.random(in: 0...9, using: &generator))
      bytes[offset] = digit == bytes[offset] ? (digit == 0x39 ? 0x30 : digit + 1) : digit
      return "flip the digit at byte \(offset)"
    case .retarget:
      return retarget(&bytes)
    case .insertCharacter:
      let boundaries = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
      let offset = boundaries.randomElement(using: &generator) ?? 0
      let character =
        Bool.random(using: &generator)
        ? String(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
        : Self.characters.randomElement(using: &generator) ?? "?"
      bytes.insert(contentsOf: Array(character.utf8), at: offset)
      return "insert \(character.unicodeScalars.map { "U+\(String($0.value, radix: 16))" }) "
        + "at byte \(offset)"
    case .truncate:
      // Cut after the `format:` line, so the file still says what it is: an empty
      // or comment-only file has no line to point at.
      guard let format = Self.range(of: Array("\nformat:".utf8), in: bytes),
        let end = bytes[format.upperBound...].firstIndex(of: UInt8(ascii: "\n")),
        end + 1 < bytes.count
      else { return nil }
      let offset = Int.random(in: (end + 1)..<bytes.count, using: &generator)
      bytes.removeSubrange(offset...)
      return "truncate at byte \(offset)"
    }
    bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    return description
  }

  /// Points one `goto:` or `to:` at another id the file already names.
  mutating func retarget(_ bytes: inout [UInt8]) -> String? {
    guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let pattern = /^(\s*-?\s*(?:goto|to):\s+)([a-z0-9][a-z0-9-]*)\s*$/
    let targets = lines.indices.compactMap { index in
      lines[index].wholeMatch(of: pattern).map { (index, String($0.1), String($0.2)) }
    }
    let ids = Set(targets.map(\.2)).sorted()
    guard let (index, prefix, id) = targets.randomElement(using: &generator),
      let other = ids.filter({ $0 != id }).randomElement(using: &generator)
    else { return nil }
    lines[index] = prefix + other
    bytes = Array(lines.joined(separator: "\n").utf8)
    return "goto \(other) instead of \(id) on line \(index + 1)"
  }

  /// The first occurrence of `needle` in `bytes`.
  static func range(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
    guard needle.count <= bytes.count else { return nil }
    for start in 0...(bytes.count - needle.count)
    where bytes[start..<start + needle.count].elementsEqual(needle) {
      return start..<start + needle.count
    }
    return nil
  }
}
