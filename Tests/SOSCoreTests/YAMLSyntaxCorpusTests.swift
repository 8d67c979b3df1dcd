import Testing

@testable import SOSCore

/// Every syntax error libyaml can be made to report, each in a small broken file: the
/// first error must be placed at its cause (marked `1️⃣` in the source), say what the
/// case expects, and use none of the parser's own vocabulary.
@Suite struct YAMLSyntaxCorpusTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var marked: String
    var message: String
    var code: DiagnosticCode = .yamlSyntax
    var testDescription: String { name }
  }

  /// Words from inside the parser and the decoder that an author must never see.
  static let internalWords = [
    "stream", "scalar", "simple key", "token", "DecodingError", "CodingKeys", "Yams",
    "libyaml", "Node.", "Optional(", "while scanning", "while parsing", "did not find",
    "could not find", "context", "<document", "yaml_",
  ]

  static let cases: [Case] = [
    // Quotes opened and never closed.
    Case(
      name: "double quote to the end of the file",
      marked: "format: 1\ntitle: 1️⃣\"Server down\nkind: outage\n",
      message: "unclosed double quote opened here"),
    Case(
      name: "single quote to the end of the file",
      marked: "format: 1\ntitle: 1️⃣'Server down\nkind: outage\n",
      message: "unclosed single quote opened here"),
    Case(
      name: "double quote closed by the next quoted value",
      marked: "format: 1\ntitle: 1️⃣\"Server down\nkind: outage\nbriefing: \"The server\"\nrole: x\n",
      message: "unclosed double quote opened here"),
    Case(
      name: "single quote closed by an apostrophe further down",
      marked: "format: 1\ntitle: 1️⃣'Server down\nkind: outage\nrole: Duty manager's deputy\n",
      message: "unclosed single quote opened here"),
    Case(
      name: "quote in a choice runs into the next choice",
      marked: """
        nodes:
          first:
            choices:
              - id: tell
                text: 1️⃣"Tell everyone
                goto: done
              - id: wait
                text: "Wait"
                goto: done

        """,
      message: "unclosed double quote opened here"),
    Case(
      name: "a document marker inside quotes",
      marked: "title: 1️⃣\"Server down\n---\nkind: outage\n",
      message: "unclosed double quote opened here"),
    Case(
      name: "quote inside a list",
      marked: "contacts: [customers, 1️⃣\"press, regulator]\nquality: 1\n",
      message: "unclosed double quote opened here"),
    // Brackets and braces opened and never closed.
    Case(
      name: "list still open at the next field",
      marked: "contacts: 1️⃣[customers, press\nquality: 1\n",
      message: "unclosed '[' opened here"),
    Case(
      name: "braces still open at the next field",
      marked: """
        stakeholders:
          customers: 1️⃣{ label: Customers, required: true
          regulator: { label: Regulator }
        state:
          trust: 50

        """,
      message: "unclosed '{' opened here"),
    Case(
      name: "list still open at the end of the file",
      marked: "contacts: 1️⃣[customers, press",
      message: "unclosed '[' opened here"),
    Case(
      name: "braces still open at the end of the file",
      marked: "quality: 1️⃣{ transparency: 2\n\n",
      message: "unclosed '{' opened here"),
    Case(
      name: "list in a list item still open at the next item",
      marked: "choices:\n  - contacts: 1️⃣[a, b\n  - contacts: [c]\n",
      message: "unclosed '[' opened here"),
    // Items and values inside brackets.
    Case(
      name: "missing comma after a quoted item",
      marked: "contacts: [customers, \"press\" 1️⃣regulator]\n",
      message: "expected ',' before the next item, or ']' to close the list"),
    Case(
      name: "missing comma in braces",
      marked: "quality: { clarity: \"2\" 1️⃣transparency: 1 }\n",
      message: "expected ',' before the next field, or '}' to close the braces"),
    Case(
      name: "an empty item",
      marked: "contacts: [1️⃣, press]\n",
      message: "expected a value here"),
    // Quotes closed too early.
    Case(
      name: "apostrophe inside single quotes",
      marked: "title: 'Don'1️⃣t panic'\nkind: outage\n",
      message: "more text after the closing single quote"),
    Case(
      name: "double quote inside double quotes",
      marked: "title: \"He said \"1️⃣no\" to that\"\n",
      message: "more text after the closing double quote"),
    // Fields.
    Case(
      name: "a colon inside a plain value",
      marked: "format: 1\ntitle: Outage1️⃣: day 2\n",
      message: "a value that contains ': ' must be in quotes"),
    Case(
      name: "a field indented under a value",
      marked: "format: 1\ntitle: Fixture scenario\n  1️⃣kind: outage\n",
      message: "this field is indented more than the line above it"),
    Case(
      name: "a field out of line with the fields above",
      marked: "state:\n  trust: 50\n 1️⃣told: false\n",
      message: "this line is not lined up with the fields above it"),
    Case(
      name: "a text line without a field",
      marked: "briefing: The server went down\n1️⃣and customers are angry\nkind: outage\n",
      message: "this line has no ':'"),
    Case(
      name: "a text line without a field at the end",
      marked: "format: 1\n1️⃣stray words\n",
      message: "this line has no ':'"),
    Case(
      name: "a list item among fields",
      marked: "format: 1\n1️⃣- first\n",
      message: "a list item where a field is expected"),
    Case(
      name: "a list item on its field's line",
      marked: "contacts: 1️⃣- customers\n",
      message: "a list item ('- ') cannot start here"),
    Case(
      name: "a question mark starting a value",
      marked: "title: 1️⃣? Who knew\n",
      message: "a '? ' cannot start a value here"),
    Case(
      name: "a list item's field without its dash",
      marked: "deadlines:\n  - id: notify\n  1️⃣label: Notify\n",
      message: "does not start with '- '"),
    // Characters.
    Case(
      name: "an at sign starting a value",
      marked: "title: 1️⃣@handle replies\n",
      message: "a value cannot start with '@'"),
    Case(
      name: "a backtick starting a value",
      marked: "title: 1️⃣`code` red\n",
      message: "a value cannot start with '`'"),
    Case(
      name: "a tab indenting a field",
      marked: "state:\n1️⃣\ttrust: 50\n",
      message: "a tab is used for indentation here"),
    Case(
      name: "a tab indenting a text's next line",
      marked: "state:\n  trust: fifty\n1️⃣\tpercent\n",
      message: "a tab is used for indentation here"),
    Case(
      name: "a tab indenting a block text",
      marked: "briefing: |\n  The server\n1️⃣\t is down\n",
      message: "a tab is used for indentation here"),
    // Escapes in double quotes.
    Case(
      name: "a Windows path in double quotes",
      marked: "title: \"C:1️⃣\\path\"\n",
      message: "'\\p' is not an escape that double quotes know"),
    Case(
      name: "a short hexadecimal escape",
      marked: "title: \"1️⃣\\x4\"\n",
      message: "hexadecimal digits"),
    Case(
      name: "an escape that names no character",
      marked: "title: \"1️⃣\\uD800\"\n",
      message: "does not name a character"),
    // Block texts.
    Case(
      name: "indentation number zero",
      marked: "briefing: |1️⃣0\n  text\n",
      message: "the indentation number after '|' or '>' must be 1 to 9"),
    Case(
      name: "text on the block text's first line",
      marked: "briefing: | 1️⃣The server\n  is down\n",
      message: "after '|' or '>', the text starts on the next line"),
    // Anchors, aliases and tags.
    Case(
      name: "an ampersand alone",
      marked: "title: 1️⃣& more\n",
      message: "a value that starts with '&' must be in quotes"),
    Case(
      name: "stars around a word",
      marked: "title: 1️⃣*urgent* update\n",
      message: "a value that starts with '*' must be in quotes"),
    Case(
      name: "a star naming nothing",
      marked: "title: 1️⃣*urgent\n",
      message: "'*urgent' refers to '&urgent', which is not defined before it"),
    Case(
      name: "an unclosed verbatim tag",
      marked: "title: 1️⃣!<x\n",
      message: "a value that starts with '!' must be in quotes"),
    Case(
      name: "an undefined tag handle",
      marked: "title: 1️⃣!x!y z\n",
      message: "a value that starts with '!' must be in quotes"),
    Case(
      name: "a bad escape in a tag",
      marked: "title: 1️⃣!%zz x\n",
      message: "a value that starts with '!' must be in quotes"),
    // Directives and documents.
    Case(
      name: "an unknown directive",
      marked: "1️⃣%FOO\nformat: 1\n",
      message: "a line that starts with '%' is a YAML directive, and this one is unknown"),
    Case(
      name: "a percent sign alone",
      marked: "1️⃣%\nformat: 1\n",
      message: "a line that starts with '%' must name a YAML directive"),
    Case(
      name: "a YAML directive without a version",
      marked: "1️⃣%YAML x\n---\nformat: 1\n",
      message: "the '%YAML' line must give a version such as 1.1"),
    Case(
      name: "a YAML directive twice",
      marked: "%YAML 1.1\n1️⃣%YAML 1.1\n---\nformat: 1\n",
      message: "the '%YAML' line appears twice"),
    Case(
      name: "a YAML version SOS does not read",
      marked: "1️⃣%YAML 2.0\n---\nformat: 1\n",
      message: "asks for a YAML version SOS does not read"),
    Case(
      name: "a TAG directive without a handle",
      marked: "1️⃣%TAG x y\n---\nformat: 1\n",
      message: "a YAML tag must start with '!'"),
    Case(
      name: "a directive without a document marker",
      marked: "%YAML 1.1\n1️⃣format: 1\n",
      message: "after a '%' line, the scenario must start with a '---' line"),
    Case(
      name: "text after the end marker",
      marked: "format: 1\n...\n1️⃣title: x\n",
      message: "text after '...', which ends the scenario"),
    Case(
      name: "a field left of the first field",
      marked: "  format: 1\n1️⃣title: x\n",
      message: "this line starts left of the scenario's first field"),
    Case(
      name: "two documents",
      marked: "format: 1\n1️⃣---\ntitle: x\n",
      message: "a scenario file holds one YAML document, but a second one starts here",
      code: .notAMapping),
    Case(
      name: "a key used twice",
      marked: "format: 1\ntitle: a\n1️⃣title: b\n",
      message: "duplicate key 'title' in one mapping"),
    // Line endings: locations count a CR alone and CR LF as one line break.
    Case(
      name: "unclosed quote with CR line endings",
      marked: "format: 1\rtitle: 1️⃣\"Server down\rkind: outage\r",
      message: "unclosed double quote opened here"),
    Case(
      name: "colon in a value with CR LF line endings",
      marked: "format: 1\r\ntitle: Outage1️⃣: day 2\r\nkind: outage\r\n",
      message: "a value that contains ': ' must be in quotes"),
    Case(
      name: "unclosed list with mixed line endings",
      marked: "format: 1\r\nid: x\rcontacts: 1️⃣[a, b\nkind: outage\r\n",
      message: "unclosed '[' opened here"),
  ]

  @Test func corpusIsLarge() {
    #expect(Self.cases.count >= 30)
  }

  @Test(arguments: YAMLSyntaxCorpusTests.cases)
  func reportsTheCauseInPlainWords(_ example: Case) throws {
    let source = MarkedSource(example.marked)
    let result = ScenarioLoader.load(bytes: Array(source.text.utf8), file: "broken.yaml")
    let error = try #require(result.diagnostics.first { $0.severity == .error })
    let expected = try #require(source.position, "case has no marker")
    #expect(error.location.line == expected.line, "\(error.headline)")
    #expect(error.location.column == expected.column, "\(error.headline)")
    #expect(error.code == example.code, "\(error.headline)")
    #expect(error.message.contains(example.message), "\(error.headline)")
    for text in [error.message] + error.notes {
      for word in Self.internalWords {
        #expect(!text.contains(word), "'\(word)' in: \(text)")
      }
    }
    // The location is on a line of the file, at most one column past its end, so the
    // renderer can show the line and a caret under it.
    let line = try #require(result.source.flatMap { SourceLines($0).line(expected.line) })
    #expect(expected.column <= line.unicodeScalars.count + 1)
  }

  /// Every problem libyaml 0.2.5's reader, scanner and parser and Yams' composer can
  /// report, copied from their sources.
  static let parserProblems = [
    "found character that cannot start any token", "could not find expected ':'",
    "mapping values are not allowed in this context",
    "mapping keys are not allowed in this context",
    "block sequence entries are not allowed in this context",
    "found unexpected end of stream", "found unexpected document indicator",
    "found unknown escape character", "did not find expected hexdecimal number",
    "found invalid Unicode character escape code",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an indentation indicator equal to 0", "did not find expected comment or line break",
    "did not find expected alphabetic or numeric character", "found unexpected ':'",
    "did not find the expected '>'", "did not find expected whitespace or line break",
    "did not find expected '!'", "did not find expected tag URI",
    "did not find URI escaped octet", "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet", "found unknown directive name",
    "could not find expected directive name", "found unexpected non-alphabetical character",
    "did not find expected digit or '.' character", "found extremely long version number",
    "did not find expected version number", "did not find expected whitespace",
    "did not find expected <stream-start>", "did not find expected <document start>",
    "found undefined tag handle", "did not find expected node content",
    "did not find expected '-' indicator", "did not find expected key",
    "did not find expected ',' or ']'", "did not find expected ',' or '}'",
    "found duplicate %YAML directive", "found incompatible YAML document",
    "found duplicate %TAG directive",
    "Maximum nesting level reached, set with yaml_set_max_nest_level())",
    "control characters are not allowed", "invalid leading UTF-8 octet",
    "incomplete UTF-8 octet sequence", "invalid trailing UTF-8 octet",
    "invalid length of a UTF-8 sequence", "invalid Unicode character",
    "incomplete UTF-16 character", "unexpected low surrogate area",
    "incomplete UTF-16 surrogate pair", "expected low surrogate area", "input is too long",
    "input error", "but found another document", "found undefined alias",
  ]

  @Test func theGlossaryWordsEveryProblem() {
    for problem in Self.parserProblems {
      #expect(YAMLErrorTranslator.glossary[problem] != nil, "no words for '\(problem)'")
    }
  }

  /// Problems the corpus cannot provoke still get a located message in plain words.
  @Test(arguments: YAMLSyntaxCorpusTests.parserProblems)
  func anyProblemIsLocatedAndWorded(_ problem: String) {
    let source = SourceLines("format: 1\ntitle: x\n")
    let explanation = YAMLErrorTranslator.explain(
      YAMLErrorTranslator.Problem(
        problem: problem, position: SourcePosition(line: 2, column: 8),
        context: "while scanning something", contextPosition: SourcePosition(line: 2, column: 1)),
      in: source)
    #expect(explanation.position != nil)
    for text in [explanation.message] + explanation.notes {
      #expect(!text.isEmpty)
      for word in Self.internalWords {
        #expect(!text.contains(word), "'\(word)' in: \(text)")
      }
    }
  }

  /// Random files of YAML's punctuation, with every kind of line ending: whatever the
  /// first error is, it is on a line of the file and in plain words.
  @Test func randomBrokenFilesAreLocatedAndWorded() {
    var generator = SplitMix64(seed: 13)
    let pieces = [
      "a", "b: ", "- ", ":", "'", "\"", "[", "]", "{", "}", ",", "#", " ", "  ", "\t", "\n",
      "\r", "\r\n", "|", ">", "&x", "*x", "!", "%", "?", "@", "\\", "---", "...", "é",
      "title: ", "  text: ", "\u{7}",
    ]
    for _ in 0..<600 {
      let count = Int(generator.next() % 40)
      let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
        .joined()
      let result = ScenarioLoader.load(bytes: Array(text.utf8), file: "random.yaml")
      let lines = SourceLines(result.source ?? text)
      for diagnostic in result.diagnostics {
        for words in [diagnostic.message] + diagnostic.notes {
          for word in Self.internalWords {
            #expect(!words.contains(word), "'\(word)' in \(words) for \(text.debugDescription)")
          }
        }
        guard [.yamlSyntax, .controlCharacter, .notAMapping].contains(diagnostic.code) else {
          continue
        }
        let line = diagnostic.location.line ?? 0
        let column = diagnostic.location.column ?? 0
        #expect(line >= 1 && column >= 1, "\(diagnostic.headline) for \(text.debugDescription)")
        let length = lines.line(line)?.unicodeScalars.count ?? -1
        #expect(column <= length + 1, "\(diagnostic.headline) for \(text.debugDescription)")
      }
    }
  }

  @Test func everyGlossaryEntryIsInPlainWords() {
    for (problem, words) in YAMLErrorTranslator.glossary {
      #expect(!words.isEmpty, "\(problem)")
      for word in Self.internalWords {
        #expect(!words.contains(word), "'\(word)' in the words for '\(problem)'")
      }
    }
  }
}
