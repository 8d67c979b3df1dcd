import Testing
import Yams

@testable import SOSCore

/// Broken and hostile files get one clear diagnostic, never a hang, trap or crash.
@Suite struct HostileFileTests {
  func firstError(_ bytes: [UInt8]) -> Diagnostic? {
    let result = ScenarioLoader.load(bytes: bytes, file: "hostile.yaml")
    #expect(result.scenario == nil)
    return result.diagnostics.first { $0.severity == .error }
  }

  @Test func emptyFile() {
    let error = firstError([])
    #expect(error?.code == .empty)
    #expect(error?.location.text == "hostile.yaml")
    #expect(error?.message == "file is empty")
  }

  @Test func whitespaceOnly() {
    #expect(firstError(Array(" \n\n  \n".utf8))?.code == .empty)
  }

  @Test func commentsOnly() {
    let error = firstError(Array("# nothing here\n# still nothing\n".utf8))
    #expect(error?.code == .empty)
    #expect(error?.message == "file holds no YAML content")
  }

  @Test func thirtyMegabytes() {
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 30 << 20)
    let error = firstError(bytes)
    #expect(error?.code == .tooLarge)
    #expect(error?.message == "file is 30.0 MiB; scenario files are limited to 1 MiB")
    #expect(error?.location.line == nil)
  }

  @Test func deepFlowNesting() {
    let text =
      "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = firstError(Array(text.utf8))
    #expect(error?.code == .tooDeep)
    #expect(error?.location.line == 1)
    #expect(error?.location.column == 103)  // the top-level mapping is level 1
  }

  @Test func deepBlockSequenceNesting() {
    let text = "a:\n" + String(repeating: "- ", count: 100_000) + "x\n"
    let error = firstError(Array(text.utf8))
    #expect(error?.code == .tooDeep)
    #expect(error?.location.line == 2)
  }

  @Test func deepIndentedMappings() {
    var text = ""
    for depth in 0..<150 {
      text += String(repeating: " ", count: depth) + "k\(depth):\n"
    }
    text += String(repeating: " ", count: 150) + "v: 1\n"
    let error = firstError(Array(text.utf8))
    #expect(error?.code == .tooDeep)
    #expect(error?.location.line == 101)
  }

  @Test func deepIndentedMappingsWithCROrCRLFLineEndings() {
    for ending in ["\r", "\r\n"] {
      var text = ""
      for depth in 0..<150 {
        text += String(repeating: " ", count: depth) + "k\(depth):" + ending
      }
      let error = firstError(Array(text.utf8))
      #expect(error?.code == .tooDeep)
      #expect(error?.location.line == 101)
    }
  }

  @Test func nestingJustUnderTheCapIsParsed() {
    let text = "a: " + String(repeating: "[", count: 90) + String(repeating: "]", count: 90)
    // Not a scenario, but it must reach the decoder rather than be refused as too deep.
    #expect(firstError(Array(text.utf8))?.code == .unknownField)
  }

  @Test func billionLaughs() {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      let items = Array(repeating: previous, count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(items)]\n"
    }
    let error = firstError(Array(text.utf8))
    #expect(error?.code == .tooManyNodes)
  }

  @Test func binaryBytes() {
    var bytes = Array("format: 1\nid: x\n".utf8)
    bytes += [0x00, 0x01, 0x02, 0xFF]
    let error = firstError(bytes)
    #expect(error?.code == .binary)
    #expect(error?.location.line == 3)
    #expect(error?.location.column == 1)
  }

  @Test func notUTF8() {
    var bytes = Array("format: 1\ntitle: caf".utf8)
    bytes += [0xE9, 0x0A]  // Latin-1 é
    let error = firstError(bytes)
    #expect(error?.code == .notUTF8)
    #expect(error?.message == "file is not valid UTF-8 text (byte 0xE9)")
    #expect(error?.location.line == 2)
    #expect(error?.location.column == 11)
  }

  @Test func truncatedUTF8Sequence() {
    let bytes = Array("title: ".utf8) + [0xE2, 0x82]
    #expect(firstError(bytes)?.code == .notUTF8)
  }

  @Test func overlongAndSurrogateEncodingsAreRejected() {
    #expect(SourceGuard.firstInvalidUTF8(in: [0xC0, 0xAF]) == 0)
    #expect(SourceGuard.firstInvalidUTF8(in: [0x41, 0xED, 0xA0, 0x80]) == 1)
    #expect(SourceGuard.firstInvalidUTF8(in: Array("naïve – ok ✓ 𝄞".utf8)) == nil)
  }

  @Test func byteOrderMarkIsAccepted() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("- a\n".utf8)
    #expect(firstError(bytes)?.code == .notAMapping)
  }

  @Test func undefinedAlias() {
    let error = firstError(Array("a: *missing\n".utf8))
    #expect(error?.code == .yamlSyntax)
    #expect(error?.location.line == 1)
  }

  @Test func tabIndentation() {
    let error = firstError(Array("a:\n\tb: 1\n".utf8))
    #expect(error?.code == .yamlSyntax)
    #expect(error?.location.line == 2)
  }

  // MARK: - Characters YAML refuses, each at its line and column

  /// The first error of a marked source (see ``MarkedSource``): it must be at the mark.
  func located(_ marked: String, file: String = "hostile.yaml") -> Diagnostic? {
    let source = MarkedSource(marked)
    let error = firstError(Array(source.text.utf8))
    #expect(error?.location.line == source.position?.line, "\(error?.headline ?? "no error")")
    #expect(error?.location.column == source.position?.column, "\(error?.headline ?? "no error")")
    return error
  }

  @Test func bellInATitle() {
    let error = located("format: 1\ntitle: Server1️⃣\u{7} down\n")
    #expect(error?.code == .controlCharacter)
    #expect(error?.message == "control character U+0007 (bell) is not allowed in a scenario file")
    #expect(error?.notes.isEmpty == false)
    // The text comes back with the refusal, so that the line and a caret can be shown.
    let result = ScenarioLoader.load(bytes: Array("title: a\u{7}\n".utf8), file: "f.yaml")
    #expect(result.source == "title: a\u{7}\n")
  }

  @Test func escapeSequenceInATitle() {
    let error = located("title: 1️⃣\u{1B}[31mred\n")
    #expect(error?.message == "control character U+001B (escape) is not allowed in a scenario file")
  }

  @Test func controlCharacterInsideQuotes() {
    #expect(located("title: \"Server1️⃣\u{7} down\"\n")?.code == .controlCharacter)
    #expect(located("title: 'Server1️⃣\u{8} down'\n")?.message.contains("U+0008 (backspace)") == true)
  }

  @Test func controlCharacterAtTheVeryStart() {
    #expect(located("1️⃣\u{7}format: 1\n")?.code == .controlCharacter)
    // A byte order mark is dropped and takes no column (so the mark goes before it).
    #expect(located("1️⃣\u{FEFF}\u{7}format: 1\n")?.code == .controlCharacter)
  }

  @Test func nulIsNamedAndLocated() {
    let error = located("format: 1\ntitle: a1️⃣\u{0}b\n")
    #expect(error?.code == .binary)
    #expect(error?.message == "file holds binary data (a NUL byte), not YAML text")
    #expect(error?.notes.contains { $0.contains("U+0000") } == true)
    #expect(located("1️⃣\u{FEFF}\u{0}")?.code == .binary)
  }

  @Test func c1NextLine() {
    let error = located("format: 1\ntitle: Server1️⃣\u{85}down\n")
    #expect(
      error?.message == "control character U+0085 (next line) is not allowed in a scenario file")
  }

  @Test func deleteVerticalTabAndFormFeed() {
    #expect(located("title: a1️⃣\u{7F}\n")?.message.contains("U+007F (delete)") == true)
    #expect(located("title: a1️⃣\u{B}\n")?.message.contains("U+000B (vertical tab)") == true)
    #expect(located("a: 1\n1️⃣\u{C}\nb: 2\n")?.message.contains("U+000C (form feed)") == true)
    #expect(located("title: a1️⃣\u{1}\n")?.message.contains("control character U+0001 is") == true)
  }

  @Test func bidiOverrideInsideAQuotedTitle() {
    let error = located("format: 1\ntitle: \"Refund 1️⃣\u{202E}05$\"\n")
    #expect(error?.code == .controlCharacter)
    #expect(
      error?.message
        == "invisible text-direction character U+202E (right-to-left override) is not allowed"
        + " in a scenario file")
    #expect(located("title: a1️⃣\u{2066}b\u{2069}\n")?.message.contains("U+2066") == true)
  }

  @Test func lineSeparatorsAndNoncharacters() {
    // YAML counts U+2028 as a line break where editors may not: refused before it can
    // move every location after it.
    let separator = located("title: a1️⃣\u{2028}b\nkind: outage\n")
    #expect(separator?.message == "U+2028 (line separator) is not allowed in a scenario file")
    #expect(located("title: a1️⃣\u{2029}\n")?.message.contains("paragraph separator") == true)
    #expect(located("title: a1️⃣\u{FFFE}\n")?.message.contains("U+FFFE is not a character") == true)
  }

  @Test func controlCharacterAfterCROnlyAndMixedLineEndings() {
    #expect(located("a: 1\rb: 2\rc: 1️⃣\u{7}\r")?.code == .controlCharacter)
    #expect(located("a: 1\r\nb: 2\rc: 3\nd: 1️⃣\u{1B}\r\n")?.code == .controlCharacter)
  }

  @Test func invalidUTF8AfterCROnlyLineEndings() {
    var bytes = Array("format: 1\rtitle: caf".utf8)
    bytes += [0xE9, 0x0D]
    let error = firstError(bytes)
    #expect(error?.code == .notUTF8)
    #expect(error?.location.line == 2)
    #expect(error?.location.column == 11)
  }

  @Test func tabsInsideValuesAreAllowed() {
    let result = ScenarioLoader.load(
      bytes: Array("title: \"a\tb\"\nrole:\tx\n".utf8), file: "tabs.yaml")
    #expect(!result.diagnostics.contains { $0.code == .controlCharacter })
    #expect(!result.diagnostics.contains { $0.code == .yamlSyntax })
  }

  @Test func loadingTextAlsoRefusesControlCharacters() {
    let result = ScenarioLoader.load(text: "title: a\u{7}\n", file: "stored")
    #expect(result.diagnostics.first?.code == .controlCharacter)
    #expect(result.diagnostics.first?.location.text == "stored:1:9")
  }

  @Test func readerErrorsFromTheParserAreLocatedToo() {
    // The guard refuses these first; should the parser's reader ever report one, its
    // offset (in Characters) still becomes a line and column.
    let text = "a: 1\r\nb: x\u{7}\n"
    let explanation = YAMLErrorTranslator.explain(
      YamlError.reader(
        problem: "control characters are not allowed", offset: 9, value: 7, yaml: text),
      in: text)
    #expect(explanation.code == .controlCharacter)
    #expect(explanation.position == SourcePosition(line: 2, column: 5))
    #expect(explanation.message.contains("U+0007 (bell)"))
  }

  @Test func randomBytesNeverCrash() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<300 {
      let length = Int(generator.next() % 400)
      let alphabet = Array("abc:-[]{}&*!|>'\"#\n  \t?,%@`0123456789".utf8)
      let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      _ = ScenarioLoader.load(bytes: bytes, file: "fuzz.yaml")
    }
  }
}

/// A small seeded generator for reproducible test input.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
