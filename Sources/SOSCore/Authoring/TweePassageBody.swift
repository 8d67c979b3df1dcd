/// What one Twee passage gives an SOS node: its prose with the story format's code
/// taken out, its links, and a list of what was taken out, for the author's note.
///
/// The three story formats write code in passages differently, and a Twee file
/// does not always say which it uses, so every kind is recognised unless the
/// format is known not to use it:
/// - SugarCube: `<<macro …>>` and `<</macro>>`, `<<script>>…<</script>>`, `_temporary`
///   variables, `/% comments %/`, `!` headings; links in `<<link>>`, `<<button>>`,
///   `<<actions>>` and `<<choice>>`, and `<<link "Label">>…<<goto "Target">>…<</link>>`.
/// - Harlowe: `(macro: …)` with its hooks `[…]`, named hooks `|name>[…]`, columns
///   `|==|`, whitespace braces `{…}`; links in `(link-goto:)`, `(click-goto:)` and
///   `(link: "Label")[(goto: "Target")]`.
/// - Chapbook: the vars section above a `--` line, modifier lines such as `[if x]`,
///   `[else]`, `[continued]`, `[JavaScript]` and `[note]` with their code or notes,
///   and inserts `{…}`; links in `{link to: 'Target', label: 'Label'}`.
/// - All: `<script>` and `<style>` with their contents, HTML tags, `$variables`,
///   `/* */` and `<!-- -->` comments, and setter links' assignments `[[a|b][$x to 1]]`.
///
/// The text inside a condition's branches is kept, every branch of it: the author
/// turns it into `text` wordings with `when` (the note says so). A link inside a
/// branch becomes an ordinary choice.
struct TweePassageBody {
  /// A link to another passage.
  struct Link: Hashable {
    var label: String
    var target: String
  }

  /// The story formats the importer tells apart.
  enum Format {
    case sugarCube, harlowe, chapbook, other

    /// The format named in StoryData's `format`, or nil when none is named.
    init?(storyData name: String?) {
      guard let name else { return nil }
      switch name.lowercased() {
      case "sugarcube": self = .sugarCube
      case "harlowe": self = .harlowe
      case "chapbook": self = .chapbook
      default: self = .other
      }
    }
  }

  var prose: String
  var links: [Link]
  /// What was removed, in the order first met, each named once (`macros <<set>>, <<if>>`).
  var dropped: [String]

  /// Reads a passage's text; `format` is the story's format where StoryData names it.
  init(parsing text: String, format: Format?) {
    var reader = Reader(format: format)
    reader.read(text)
    prose = reader.finishedProse()
    links = reader.links
    dropped = reader.droppedSummary()
  }
}

// MARK: - The reader

extension TweePassageBody {
  /// One pass over a passage, character by character, after the block-level code
  /// (comments, scripts, styles, Chapbook's vars section and modifiers) is gone.
  fileprivate struct Reader {
    let format: Format?
    var output = ""
    var links: [Link] = []
    var sugarCubeMacros: [String] = []
    var harloweMacros: [String] = []
    var chapbookInserts: [String] = []
    var chapbookModifiers: [String] = []
    var htmlTags: [String] = []
    var variables: [String] = []
    var blocks: [String] = []
    /// The open hooks: true for a hook opened by a link macro waiting for its `(goto:)`.
    var hooks: [Bool] = []
    /// A `<<link "Label">>` or `(link: "Label")` whose target a later goto gives.
    var pendingLabel: String?

    init(format: Format?) { self.format = format }

    var allowsHarlowe: Bool { format == nil || format == .harlowe }
    var allowsChapbook: Bool { format == nil || format == .chapbook }
    var allowsTemporaries: Bool { format != .chapbook }

    mutating func read(_ text: String) {
      var text = removingBlocks(text)
      if allowsChapbook { text = removingChapbookStructure(text) }
      let characters = Array(text)
      var index = 0
      while index < characters.count {
        index = step(characters, at: index)
      }
    }

    // MARK: Blocks

    /// Comments, scripts and styles, with everything inside them.
    mutating func removingBlocks(_ text: String) -> String {
      var text = text
      let blockPatterns: [(open: String, close: String, what: String)] = [
        ("/*", "*/", "comments"), ("<!--", "-->", "comments"), ("/%", "%/", "comments"),
        ("<<script", "<</script>>", "JavaScript"), ("<script", "</script>", "JavaScript"),
        ("<style", "</style>", "CSS"),
      ]
      for pattern in blockPatterns {
        var result = ""
        var rest = Substring(text)
        var found = false
        while let open = rest.range(of: pattern.open, options: .caseInsensitive) {
          result += rest[..<open.lowerBound]
          found = true
          if let close = rest[open.upperBound...].range(
            of: pattern.close, options: .caseInsensitive)
          {
            rest = rest[close.upperBound...]
          } else {
            rest = rest[rest.endIndex...]
          }
        }
        result += rest
        if found {
          Self.note(&blocks, pattern.what)
          text = result
        }
      }
      return text
    }

    /// Chapbook's vars section (the lines above a `--` line, each `name: value`)
    /// and its modifier lines (`[if key]`, `[else]`, `[continued]`); the contents of
    /// `[JavaScript]` and `[note]` go with them.
    mutating func removingChapbookStructure(_ text: String) -> String {
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if let separator = lines.firstIndex(where: { $0.trimmingSpaces() == "--" }),
        separator > 0,
        lines[..<separator].allSatisfy({ $0.trimmingSpaces().isEmpty || Self.isVarsLine($0) }),
        lines[..<separator].contains(where: { !$0.trimmingSpaces().isEmpty })
      {
        lines.removeSubrange(...separator)
        Self.note(&blocks, "Chapbook vars section")
      }
      var kept: [String] = []
      var skipping = false
      for line in lines {
        if let modifier = Self.modifier(line) {
          let name = modifier.split(separator: " ").first.map(String.init) ?? modifier
          Self.note(&chapbookModifiers, "[\(name.lowercased())]")
          let lower = name.lowercased()
          skipping = lower == "javascript" || lower == "note" || lower == "n.b."
          if skipping { Self.note(&blocks, lower == "javascript" ? "JavaScript" : "notes") }
          continue
        }
        if !skipping { kept.append(line) }
      }
      return kept.joined(separator: "\n")
    }

    /// `name: value` or `name (condition): value`, as in a Chapbook vars section.
    static func isVarsLine(_ line: String) -> Bool {
      let line = line.trimmingSpaces()
      guard let first = line.first, first.isLetter || first == "_" || first == "$" else {
        return false
      }
      let name = line.prefix { $0.isLetter || $0.isNumber || "_$.".contains($0) }
      let rest = line.dropFirst(name.count).drop { $0 == " " }
      if rest.first == ":" { return true }
      guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return false }
      return rest[rest.index(after: close)...].drop { $0 == " " }.first == ":"
    }

    /// The inside of a line that is only a Chapbook modifier, `[if key == true]`.
    static func modifier(_ line: String) -> String? {
      let line = line.trimmingSpaces()
      guard line.hasPrefix("["), !line.hasPrefix("[["), line.hasSuffix("]"), !line.hasSuffix("]]")
      else { return nil }
      let inside = line.dropFirst().dropLast()
      guard let first = inside.first, first.isLetter, !inside.contains("["), !inside.contains("]")
      else { return nil }
      return String(inside)
    }

    // MARK: Inline code

    /// Reads what starts at `index` and returns where reading goes on.
    mutating func step(_ characters: [Character], at index: Int) -> Int {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      switch character {
      case "[" where next == "[":
        return link(characters, at: index)
      case "<" where next == "<":
        return sugarCubeMacro(characters, at: index)
      case "<" where next.map { $0.isLetter || $0 == "/" } == true:
        return htmlTag(characters, at: index)
      case "(" where allowsHarlowe:
        if let end = harloweMacro(characters, at: index) { return end }
      case "$" where next.map { $0.isLetter || $0 == "_" } == true:
        return variable(characters, at: index)
      case "_"
      where allowsTemporaries && next?.isLetter == true
        && (index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)):
        return variable(characters, at: index)
      case "{":
        return brace(characters, at: index)
      case "}":
        return index + 1
      case "|" where allowsHarlowe:
        if let end = namedHookOpening(characters, at: index) { return end }
      case "[" where !hooks.isEmpty:
        hooks.append(false)
        return index + 1
      case "]" where !hooks.isEmpty:
        if hooks.removeLast() { pendingLabel = nil }
        return closingHookName(characters, at: index + 1)
      default:
        break
      }
      output.append(character)
      return index + 1
    }

    /// `[[Label->Target]]`, `[[Target<-Label]]`, `[[Label|Target]]`, `[[Target]]`,
    /// each perhaps with a setter, `[[Label|Target][$x to 1]]`.
    mutating func link(_ characters: [Character], at index: Int) -> Int {
      guard let close = find(["]", "]"], in: characters, from: index + 2) else {
        Self.note(&blocks, "an unclosed [[")
        return index + 2
      }
      var inside = String(characters[(index + 2)..<close])
      if let setter = inside.range(of: "][") {
        inside = String(inside[..<setter.lowerBound])
        Self.note(&blocks, "setter links' assignments")
      }
      if let link = Self.parseLink(inside) { links.append(link) }
      return close + 2
    }

    /// The label and target of a link's inside, by Twine's rules: the rightmost
    /// `->`, else the leftmost `<-`, else the first `|`.
    static func parseLink(_ inside: String) -> Link? {
      var label: String
      var target: String
      if let arrow = inside.range(of: "->", options: .backwards) {
        label = String(inside[..<arrow.lowerBound])
        target = String(inside[arrow.upperBound...])
      } else if let back = inside.range(of: "<-") {
        label = String(inside[back.upperBound...])
        target = String(inside[..<back.lowerBound])
      } else if let bar = inside.firstIndex(of: "|") {
        label = String(inside[..<bar])
        target = String(inside[inside.index(after: bar)...])
      } else {
        label = inside
        target = inside
      }
      label = label.trimmingSpaces()
      target = target.trimmingSpaces()
      guard !target.isEmpty else { return nil }
      return Link(label: label.isEmpty ? target : label, target: target)
    }

    /// `<<name arguments>>` or `<</name>>`; link macros give links.
    mutating func sugarCubeMacro(_ characters: [Character], at index: Int) -> Int {
      guard let close = find([">", ">"], in: characters, from: index + 2) else {
        Self.note(&blocks, "an unclosed <<")
        return endOfLine(characters, from: index)
      }
      let inside = String(characters[(index + 2)..<close])
      let closing = inside.hasPrefix("/")
      let name = String(
        inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
      let arguments = String(inside.dropFirst((closing ? 1 : 0) + name.count))
      Self.note(&sugarCubeMacros, name.isEmpty ? "<<…>>" : "<<\(name)>>")
      let lower = name.lowercased()
      if closing {
        if lower == "link" || lower == "button" { pendingLabel = nil }
      } else {
        switch lower {
        case "link", "button", "actions", "choice", "click", "linkappend", "linkprepend",
          "linkreplace":
          linksInMacro(arguments, linking: ["link", "button", "click"].contains(lower))
        case "goto":
          if let label = pendingLabel, let target = Self.macroTargets(arguments).first {
            links.append(Link(label: label, target: target))
            pendingLabel = nil
          }
        default:
          break
        }
      }
      return close + 2
    }

    /// The links a link macro names: `[[…]]` in its arguments, or `"Label" "Target"`;
    /// a lone `"Label"` of a macro that navigates waits for a `<<goto>>`.
    mutating func linksInMacro(_ arguments: String, linking: Bool) {
      let characters = Array(arguments)
      var found = false
      var index = 0
      while let open = find(["[", "["], in: characters, from: index),
        let close = find(["]", "]"], in: characters, from: open + 2)
      {
        var inside = String(characters[(open + 2)..<close])
        if let setter = inside.range(of: "][") { inside = String(inside[..<setter.lowerBound]) }
        if let link = Self.parseLink(inside) {
          links.append(link)
          found = true
        }
        index = close + 2
      }
      guard !found, linking else { return }
      let strings = Self.quotedStrings(arguments)
      if strings.count >= 2 {
        links.append(Link(label: strings[0], target: strings[1]))
      } else if let label = strings.first {
        pendingLabel = label
      }
    }

    /// The passage a `<<goto>>` or `(goto:)` names: `"Target"` or `[[Target]]`.
    static func macroTargets(_ arguments: String) -> [String] {
      if let open = arguments.range(of: "[["),
        let close = arguments[open.upperBound...].range(of: "]]"),
        let link = parseLink(String(arguments[open.upperBound..<close.lowerBound]))
      {
        return [link.target]
      }
      return quotedStrings(arguments)
    }

    /// The quoted strings among macro arguments, `"a"`, `'b'` or `` `c` ``.
    static func quotedStrings(_ text: String) -> [String] {
      var strings: [String] = []
      var quote: Character?
      var current = ""
      var escaped = false
      let characters = Array(text)
      for (index, character) in characters.enumerated() {
        if let open = quote {
          if escaped {
            current.append(character)
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == open {
            strings.append(current)
            current = ""
            quote = nil
          } else {
            current.append(character)
          }
        } else if character == "\"" || character == "`"
          || (character == "'" && !isPossessive(characters, index))
        {
          quote = character
        }
      }
      return strings
    }

    /// An apostrophe after a letter, digit or `$name` is Harlowe's possessive
    /// (`$dungeon's (1)`), not a quote.
    static func isPossessive(_ characters: [Character], _ index: Int) -> Bool {
      index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber)
    }

    /// `<tag …>` or `</tag>`; a line break stays a line break.
    mutating func htmlTag(_ characters: [Character], at index: Int) -> Int {
      guard let close = characters[index...].firstIndex(of: ">") else {
        output.append("<")
        return index + 1
      }
      let inside = String(characters[(index + 1)..<close])
      let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
      guard !name.isEmpty, !inside.contains("\n\n") else {
        output.append("<")
        return index + 1
      }
      Self.note(&htmlTags, "<\(name.lowercased())>")
      if ["br", "p", "div"].contains(name.lowercased()) { output.append("\n") }
      return close + 1
    }

    /// `(name: …)` with balanced parentheses and quotes; nil when it is not a macro.
    mutating func harloweMacro(_ characters: [Character], at index: Int) -> Int? {
      var cursor = index + 1
      while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
      let nameStart = cursor
      while cursor < characters.count,
        characters[cursor].isLetter || characters[cursor].isNumber || characters[cursor] == "-"
      {
        cursor += 1
      }
      guard cursor > nameStart, characters[nameStart].isLetter, cursor < characters.count,
        characters[cursor] == ":"
      else { return nil }
      let name = String(characters[nameStart..<cursor]).lowercased()
      guard let close = matchingParenthesis(characters, from: index) else {
        Self.note(&blocks, "an unclosed (\(name):")
        return endOfLine(characters, from: index)
      }
      let arguments = String(characters[(cursor + 1)..<close])
      Self.note(&harloweMacros, "(\(name):)")
      switch name {
      case "link-goto", "click-goto", "link-reveal-goto":
        let strings = Self.quotedStrings(arguments)
        if strings.count >= 2 {
          links.append(Link(label: strings[0], target: strings[1]))
        } else if let only = strings.first {
          links.append(Link(label: only, target: only))
        } else if let target = Self.macroTargets(arguments).first {
          links.append(Link(label: target, target: target))
        }
      case "link", "link-reveal", "link-repeat", "click", "link-rerun":
        pendingLabel = Self.quotedStrings(arguments).first
      case "goto", "go-to":
        if let label = pendingLabel, let target = Self.macroTargets(arguments).first {
          links.append(Link(label: label, target: target))
          pendingLabel = nil
        }
      default:
        break
      }
      return openingHook(characters, after: close + 1, linking: name.hasPrefix("link"))
    }

    /// The index just past `)` matching the `(` at `index`, minding quotes.
    func matchingParenthesis(_ characters: [Character], from index: Int) -> Int? {
      var depth = 0
      var quote: Character?
      var cursor = index
      while cursor < characters.count {
        let character = characters[cursor]
        if let open = quote {
          if character == "\\" {
            cursor += 1
          } else if character == open {
            quote = nil
          }
        } else if character == "\"" || (character == "'" && !Self.isPossessive(characters, cursor))
        {
          quote = character
        } else if character == "(" {
          depth += 1
        } else if character == ")" {
          depth -= 1
          if depth == 0 { return cursor }
        }
        cursor += 1
      }
      return nil
    }

    /// After a macro or a variable: a hook `[` (not a link) opens, and its `]` goes too.
    mutating func openingHook(_ characters: [Character], after index: Int, linking: Bool = false)
      -> Int
    {
      var cursor = index
      while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\t" {
        cursor += 1
      }
      guard cursor < characters.count, characters[cursor] == "[",
        cursor + 1 >= characters.count || characters[cursor + 1] != "["
      else { return index }
      hooks.append(linking)
      return cursor + 1
    }

    /// `|name>[`: a named hook opens.
    mutating func namedHookOpening(_ characters: [Character], at index: Int) -> Int? {
      var cursor = index + 1
      while cursor < characters.count, characters[cursor].isLetter || characters[cursor].isNumber {
        cursor += 1
      }
      guard cursor > index + 1, cursor + 1 < characters.count, characters[cursor] == ">",
        characters[cursor + 1] == "["
      else { return nil }
      Self.note(&blocks, "named hooks")
      hooks.append(false)
      return cursor + 2
    }

    /// After a hook's `]`: a `<name|` that names it goes too.
    func closingHookName(_ characters: [Character], at index: Int) -> Int {
      guard index < characters.count, characters[index] == "<" else { return index }
      var cursor = index + 1
      while cursor < characters.count, characters[cursor].isLetter || characters[cursor].isNumber {
        cursor += 1
      }
      guard cursor > index + 1, cursor < characters.count, characters[cursor] == "|" else {
        return index
      }
      return cursor + 1
    }

    /// `$name`, `$name.property`, `_name`; a Harlowe hook may follow.
    mutating func variable(_ characters: [Character], at index: Int) -> Int {
      var cursor = index + 1
      while cursor < characters.count,
        characters[cursor].isLetter || characters[cursor].isNumber || characters[cursor] == "_"
          || (characters[cursor] == "."
            && cursor + 1 < characters.count && characters[cursor + 1].isLetter)
      {
        cursor += 1
      }
      Self.note(&variables, String(characters[index..<cursor]))
      return allowsHarlowe ? openingHook(characters, after: cursor) : cursor
    }

    /// `{insert}` on one line (Chapbook), or a lone Harlowe whitespace brace.
    mutating func brace(_ characters: [Character], at index: Int) -> Int {
      var cursor = index + 1
      while cursor < characters.count, characters[cursor] != "}", characters[cursor] != "\n",
        characters[cursor] != "{"
      {
        cursor += 1
      }
      let inside = String(characters[(index + 1)..<min(cursor, characters.count)])
      guard cursor < characters.count, characters[cursor] == "}",
        let first = inside.trimmingSpaces().first, first.isLetter || first == "$" || first == "_"
      else {
        return index + 1
      }
      let insert = inside.trimmingSpaces()
      let name =
        insert.split(separator: ":", maxSplits: 1).first.map { String($0).trimmingSpaces() }
        ?? insert
      Self.note(&chapbookInserts, "{\(name)}")
      if name.lowercased() == "link to" {
        let strings = Self.quotedStrings(insert)
        if let target = strings.first {
          links.append(Link(label: strings.count > 1 ? strings[1] : target, target: target))
        }
      }
      return cursor + 1
    }

    // MARK: Results

    /// Where the line holding `index` ends: what an unclosed macro leaves is dropped.
    func endOfLine(_ characters: [Character], from index: Int) -> Int {
      characters[index...].firstIndex(of: "\n") ?? characters.count
    }

    func find(_ pair: [Character], in characters: [Character], from start: Int) -> Int? {
      var index = start
      while index + 1 < characters.count {
        if characters[index] == pair[0], characters[index + 1] == pair[1] { return index }
        index += 1
      }
      return nil
    }

    static func note(_ list: inout [String], _ item: String) {
      if !list.contains(item) { list.append(item) }
    }

    /// The prose with spaces collapsed, lines that are only punctuation left out (what
    /// stays of `[[North]] |` or `> [[Start]]`), SugarCube's `!` headings made plain, and
    /// at most one blank line in a row.
    func finishedProse() -> String {
      var lines: [String] = []
      for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if format != .harlowe, format != .chapbook, line.hasPrefix("!") {
          line = String(line.drop { $0 == "!" }).trimmingSpaces()
        }
        if !line.isEmpty, !line.contains(where: { $0.isLetter || $0.isNumber }) { continue }
        if line.isEmpty, lines.last?.isEmpty ?? true { continue }
        lines.append(line)
      }
      // What stood between a word and its full stop ("Panic {now}.") leaves a space.
      let characters = Array(lines.joined(separator: "\n").trimmingSpaces())
      var prose = ""
      for (index, character) in characters.enumerated() {
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        let after = index + 2 < characters.count ? characters[index + 2] : nil
        if character == " ", let next, ".,;:!?".contains(next),
          after.map({ $0.isWhitespace }) ?? true, prose.last.map({ !$0.isWhitespace }) ?? false
        {
          continue
        }
        prose.append(character)
      }
      return prose
    }

    func droppedSummary() -> [String] {
      func list(_ kind: String, _ items: [String]) -> String? {
        guard !items.isEmpty else { return nil }
        let shown = items.prefix(5).joined(separator: ", ")
        return "\(kind) \(shown)\(items.count > 5 ? " …" : "")"
      }
      return [
        list("macros", sugarCubeMacros), list("macros", harloweMacros),
        list("modifiers", chapbookModifiers), list("inserts", chapbookInserts),
        list("HTML", htmlTags), list("variables", variables),
      ].compactMap { $0 } + blocks
    }
  }
}
