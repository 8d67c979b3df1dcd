import Foundation
import Testing

/// Garbage typed at a prompt gets a short message and the same prompt again, never an
/// exit, and nothing from it reaches the screen as a control character; afterwards
/// valid answers play on to the ending.
@Suite struct PromptGarbageTests {
  /// Lines no choice prompt accepts, as raw bytes, with a name for messages.
  static let garbage: [(name: String, bytes: [UInt8])] = [
    ("letters", Array("abc".utf8)),
    ("a word and a number", Array("option 1".utf8)),
    ("zero", Array("0".utf8)),
    ("beyond the options", Array("9".utf8)),
    ("negative", Array("-1".utf8)),
    ("huge", Array("99999999999".utf8)),
    ("beyond Int", Array("99999999999999999999999999".utf8)),
    ("empty line", []),
    ("spaces", Array("   ".utf8)),
    ("tab", [0x09]),
    ("CSI colour", Array("\u{1B}[31m".utf8)),
    ("OSC title", Array("\u{1B}]0;x\u{07}".utf8)),
    ("escape then text", Array("\u{1B}[2J\u{1B}[Hgotcha".utf8)),
    ("control characters", [0x01, 0x02, 0x08, 0x7F]),
    ("NUL", [0x00]),
    ("invalid UTF-8", [0xFF, 0xFE, 0xC3, 0x28]),
    ("5,000 characters", Array(String(repeating: "x", count: 5000).utf8)),
    ("5,000 digits", Array(String(repeating: "7", count: 5000).utf8)),
    ("carriage return alone", [0x0D]),
    ("a 2 MiB line", [UInt8](repeating: UInt8(ascii: "9"), count: 2 << 20)),
  ]

  @Test func garbageAtAChoicePromptGetsAMessageAndTheSamePrompt() throws {
    let scenario = try ScriptedScenario.load("loyalty-data-exposed")
    let script = try scenario.script("strong")
    let workshop = try Workshop()
    defer { workshop.remove() }
    var input: [UInt8] = []
    for (_, bytes) in Self.garbage { input += bytes + [0x0A] }
    for line in script.lines { input += Array(line.utf8) + [0x0A] }

    let outcome = try workshop.run(
      ["play", "scenarios/\(scenario.file)", "--as", "T", "--seed", "7"], input: Data(input))
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr == "")

    // Up to the first answer taken, the output is the first decision, then the same
    // prompt once per garbage line and once for the answer, each after one message.
    let firstTaken = try #require(outcome.stdout.range(of: "\n→ "))
    let atFirst = String(outcome.stdout[..<firstTaken.lowerBound])
    let prompt = Transcript.choicePrompt(offering: try scenario.offeredCount(after: script, 0))
    let parts = atFirst.components(separatedBy: prompt)
    #expect(parts.count == Self.garbage.count + 2)
    for (index, (name, _)) in Self.garbage.enumerated() where index + 1 < parts.count {
      let message = parts[index + 1].trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(!message.isEmpty, "\(name): no message")
      #expect(!message.contains("\n"), "\(name): more than one line: \(message)")
      #expect(message.count <= 120, "\(name): a long message: \(message.prefix(200))")
    }
    #expect(parts.last == "")

    // No escape byte, bell or other control character from the input is echoed.
    let controls = outcome.stdout.unicodeScalars.filter {
      $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
    }
    #expect(controls.isEmpty, "control characters on stdout: \(controls.map(\.value))")

    // And play went on to the ending with the valid answers.
    let session = try workshop.onlySession()
    #expect(session["status"] as? String == "finished")
    #expect(session["decisions"] as? Int == script.lines.count)
  }

  @Test func anEmptyStatementGetsAMessageAndTheSamePrompt() throws {
    let scenario = try ScriptedScenario.load("loyalty-data-exposed")
    let script = try scenario.script("strong")
    let first = try #require(script.inputs.indices.first { script.isStatement($0) })
    let blanks = ["", "   ", "\t"]
    var lines = script.lines
    lines.insert(contentsOf: blanks, at: first)
    let workshop = try Workshop()
    defer { workshop.remove() }

    let outcome = try workshop.play("scenarios/\(scenario.file)", lines)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let statements = script.inputs.indices.filter { script.isStatement($0) }.count
    #expect(Transcript.count("statement> ", in: outcome.stdout) == statements + blanks.count)
    let message = "A statement cannot be empty."
    #expect(Transcript.count(message, in: outcome.stdout) == blanks.count)
    // Each message comes right after a statement prompt, and the prompt follows it.
    #expect(
      Transcript.count("statement> \n\(message)", in: outcome.stdout) == blanks.count)
    let session = try workshop.onlySession()
    #expect(session["status"] as? String == "finished")
    #expect(session["decisions"] as? Int == script.lines.count)
  }
}
