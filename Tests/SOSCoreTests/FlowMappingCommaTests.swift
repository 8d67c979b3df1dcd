import Testing

@testable import SOSCore

/// A comma in an unquoted value of a flow mapping (`{ text: a, b }`) splits the value:
/// the unknown field it makes gets a note to quote the value, and only then.
@Suite struct FlowMappingCommaTests {
  /// The notes of the first error of a scenario whose start node has `choice`.
  static func notes(choice: String) throws -> [String] {
    let text = """
      format: 1
      id: fixture
      title: Fixture
      kind: outage
      cluster: accidental
      difficulty: introductory
      minutes: 10
      role: Duty manager
      briefing: A test.
      stakeholders:
        customers: { label: Customers }
      start: first
      nodes:
        first:
          text: What now?
          choices:
            \(choice)
        done:
          text: Over.
          ending: true
          outcome: 50
      """
    let result = ScenarioLoader.load(text: text, file: "fixture.yaml")
    let first = try #require(result.diagnostics.first { $0.severity == .error })
    #expect(first.code == .unknownField)
    return first.notes
  }

  @Test func wordsAfterACommaGetANoteWithTheValueQuoted() throws {
    #expect(
      try Self.notes(choice: "- { text: Wait, then see, goto: done }") == [
        "a comma inside { … } ends a value, so 'text' is only 'Wait'; if the comma belongs"
          + " to the text, put the value in quotes: text: \"Wait, then see\""
      ])
  }

  @Test func aColonAfterTheCommaIsPartOfTheQuotedValue() throws {
    let notes = try Self.notes(choice: "- { text: Update, next one at: 13:00, goto: done }")
    #expect(notes.first?.hasSuffix("text: \"Update, next one at: 13:00\"") == true)
  }

  @Test func quotesInTheValueAreEscaped() throws {
    let notes = try Self.notes(choice: "- { text: Say \"sorry\", then act, goto: done }")
    #expect(notes.first?.hasSuffix(#"text: "Say \"sorry\", then act""#) == true)
  }

  @Test func aMisspeltFieldGetsNoCommaNote() throws {
    #expect(try Self.notes(choice: "- { text: Wait, goto: done, feedbak: Good. }") == [])
  }

  @Test func anUnknownFieldAfterAQuotedValueGetsNoCommaNote() throws {
    #expect(try Self.notes(choice: "- { text: \"Wait\", then see, goto: done }") == [])
  }

  @Test func anUnknownFieldOnItsOwnLineGetsNoCommaNote() throws {
    let choice = """
      - text: Wait
              then see:
              goto: done
      """
    #expect(try Self.notes(choice: choice) == [])
  }
}
