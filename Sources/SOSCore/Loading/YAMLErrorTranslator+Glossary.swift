extension YAMLErrorTranslator {
  /// Every problem libyaml's reader, scanner and parser can report, and Yams' composer
  /// adds, in an author's words. ``explain(_:in:)`` words the common mistakes more
  /// precisely; this table is what any other problem says, so that no message ever
  /// shows the parser's own vocabulary.
  static let glossary: [String: String] = [
    // The scanner: characters that cannot be read as YAML.
    "found character that cannot start any token":
      "this character cannot start a value; put a text that starts with it in quotes",
    "could not find expected ':'":
      "this line has no ':', but a field ('name: value') is expected here",
    "mapping values are not allowed in this context":
      "a ': ' here would start a new field, which cannot start here; a text that contains"
      + " ': ' must be in quotes",
    "mapping keys are not allowed in this context":
      "a '? ' cannot start a value here; a text that starts with '?' must be in quotes",
    "block sequence entries are not allowed in this context":
      "a list item ('- ') cannot start here; a text that starts with '-' must be in quotes",
    "found unexpected end of stream":
      "the file ends inside quotes; add the closing quote where the text ends",
    "found unexpected document indicator":
      "a line that starts with '---' or '...' ends the document inside quotes; add the"
      + " closing quote where the text ends",
    "found unknown escape character":
      "unknown escape after '\\' in double quotes; write '\\\\' for a backslash, or use"
      + " single quotes",
    "did not find expected hexdecimal number":
      "'\\x', '\\u' and '\\U' in double quotes must be followed by 2, 4 or 8 hexadecimal"
      + " digits; write '\\\\' for a backslash",
    "found invalid Unicode character escape code":
      "this '\\u' or '\\U' escape in double quotes does not name a character",
    "found a tab character that violates indentation":
      "a tab is used for indentation here; YAML indents with spaces only",
    "found a tab character where an indentation space is expected":
      "a tab is used for indentation here; YAML indents with spaces only",
    "found an indentation indicator equal to 0":
      "the indentation number after '|' or '>' must be 1 to 9",
    "did not find expected comment or line break":
      "unexpected text at the end of this line",
    "did not find expected alphabetic or numeric character":
      "'&' or '*' at the start of a value must be followed by a name; a text that starts"
      + " with '&' or '*' must be in quotes",
    "found unexpected ':'":
      "a ':' inside '[ … ]' or '{ … }' must be followed by a space; a text that contains"
      + " ':' must be in quotes",
    // The scanner: YAML tags ("!name") and directives ("%YAML"), which scenarios do
    // not use.
    "did not find the expected '>'":
      "'!<' at the start of a value opens a YAML tag that never closes with '>'; a text"
      + " that starts with '!' must be in quotes",
    "did not find expected whitespace or line break":
      "expected a space or the end of the line here",
    "did not find expected '!'":
      "a YAML tag must start with '!'; scenario files do not use tags",
    "did not find expected tag URI":
      "'!' at the start of a value must be followed by a tag name; a text that starts"
      + " with '!' must be in quotes",
    "did not find URI escaped octet":
      "'%' in a YAML tag must be followed by two hexadecimal digits; a text that starts"
      + " with '!' must be in quotes",
    "found an incorrect leading UTF-8 octet":
      "a '%' escape in a YAML tag is not valid UTF-8; a text that starts with '!' must"
      + " be in quotes",
    "found an incorrect trailing UTF-8 octet":
      "a '%' escape in a YAML tag is not valid UTF-8; a text that starts with '!' must"
      + " be in quotes",
    "found unknown directive name":
      "a line that starts with '%' is a YAML directive, and this one is unknown; remove"
      + " the line",
    "could not find expected directive name":
      "a line that starts with '%' must name a YAML directive; remove the line",
    "found unexpected non-alphabetical character":
      "a directive name after '%' may hold only letters and digits; remove the line",
    "did not find expected digit or '.' character":
      "the '%YAML' line must give a version such as 1.1",
    "found extremely long version number": "the version on the '%YAML' line is too long",
    "did not find expected version number":
      "the '%YAML' line must give a version such as 1.1",
    "did not find expected whitespace": "expected a space here",
    // The parser: the structure of the document.
    "did not find expected <stream-start>": "the file cannot be read from its start",
    "did not find expected <document start>":
      "unexpected text after the end of the scenario; start every top-level field at the"
      + " same column",
    "found undefined tag handle":
      "'!' at the start of a value marks a YAML tag that is not defined; a text that"
      + " starts with '!' must be in quotes",
    "did not find expected node content": "expected a value here",
    "did not find expected '-' indicator": "expected a list item ('- ') here",
    "did not find expected key":
      "expected a field ('name: value') here, lined up with the fields around it",
    "did not find expected ',' or ']'":
      "expected ',' before the next item, or ']' to close the list",
    "did not find expected ',' or '}'":
      "expected ',' before the next field, or '}' to close the braces",
    "found duplicate %YAML directive": "the '%YAML' line appears twice; remove one",
    "found incompatible YAML document":
      "the '%YAML' line asks for a YAML version SOS does not read; remove it",
    "found duplicate %TAG directive": "the same '%TAG' line appears twice; remove one",
    "Maximum nesting level reached, set with yaml_set_max_nest_level())":
      "nesting is too deep",
    // The reader: bytes that are not text.
    "control characters are not allowed": "a control character is not allowed in a scenario file",
    "invalid leading UTF-8 octet": "the file is not valid UTF-8 text",
    "incomplete UTF-8 octet sequence": "the file is not valid UTF-8 text",
    "invalid trailing UTF-8 octet": "the file is not valid UTF-8 text",
    "invalid length of a UTF-8 sequence": "the file is not valid UTF-8 text",
    "invalid Unicode character": "the file is not valid UTF-8 text",
    "incomplete UTF-16 character": "the file is not valid UTF-16 text",
    "unexpected low surrogate area": "the file is not valid UTF-16 text",
    "incomplete UTF-16 surrogate pair": "the file is not valid UTF-16 text",
    "expected low surrogate area": "the file is not valid UTF-16 text",
    "input is too long": "the file is too long",
    "input error": "the file cannot be read",
    // Yams' composer.
    "but found another document":
      "a scenario file holds one YAML document, but a second one starts here",
    "found undefined alias":
      "'*' refers to an anchor ('&name') that is not defined before it; a text that starts"
      + " with '*' must be in quotes",
  ]

  /// The glossary's words for a problem, or a plain fallback for one it does not know
  /// (a later libyaml may word its problems differently).
  static func words(for problem: String) -> String {
    glossary[problem] ?? "this is not valid YAML"
  }
}
