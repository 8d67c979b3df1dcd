/// Turns a Twine story in Twee 3 notation into the skeleton of an SOS scenario: every
/// passage becomes a node, every link a choice, and a passage without links an
/// ending. What Twine does not know — the crisis clock, stakeholders, deadlines,
/// quality points — is left for the author, with comments saying where.
///
/// Twee 3: `:: Name [tags] {metadata}` starts a passage; `StoryTitle` and `StoryData`
/// (JSON with `start`) are special; links are `[[Target]]`, `[[Label->Target]]`,
/// `[[Target<-Label]]` and `[[Label|Target]]`.
public enum TweeImporter {
  /// A passage of the story.
  struct Passage {
    var name: String
    var text: String
    var links: [(label: String, target: String)]
    var line: Int
    var tags: [String] = []
  }

  /// Passages that belong to the story format, not the story: Twine's special names
  /// (SugarCube's and Harlowe's) and the tags of code passages.
  static let specialNames: Set<String> = [
    "StoryTitle", "StoryData", "StoryInit", "StoryCaption", "StoryMenu", "StoryBanner",
    "StorySubtitle", "StoryAuthor", "StoryInterface", "StoryShare", "StorySettings",
    "PassageReady", "PassageDone", "PassageHeader", "PassageFooter", "StoryIncludes",
  ]
  static let specialTags: Set<String> = [
    "script", "stylesheet", "widget", "startup", "header", "footer", "debug-header",
    "debug-footer", "debug-startup", "Twine.private", "annotation",
  ]

  /// Why a Twee file cannot be imported, with the 1-based line where it shows.
  public struct Failure: Error, Hashable, Sendable {
    public var message: String
    public var line: Int?
  }

  /// The result: the scenario text and what the author still has to do.
  public struct Import: Hashable, Sendable {
    public var yaml: String
    public var nodes: Int
    public var choices: Int
    public var endings: Int
    public var notes: [String]
  }

  /// Converts Twee text; `id` names the scenario.
  public static func convert(_ twee: String, id: String, kind: CrisisKind) -> Result<
    Import, Failure
  > {
    var passages: [Passage] = []
    var title: String?
    var start: String?
    var current: Passage?
    var body: [Substring] = []
    var lineNumber = 0

    var notes: [String] = []
    var skipped: [String] = []
    func close() {
      guard var passage = current else { return }
      let text = body.joined(separator: "\n").trimmingBlankLines()
      switch passage.name {
      case "StoryTitle":
        title = text.isEmpty ? nil : text
      case "StoryData":
        start = jsonString(named: "start", in: text)
      case _
      where specialNames.contains(passage.name)
        || passage.tags.contains(where: specialTags.contains):
        skipped.append(passage.name)
      default:
        let (prose, links) = extractLinks(text)
        let (plain, dropped) = plainText(prose)
        if !dropped.isEmpty {
          notes.append(
            "line \(passage.line): '\(passage.name)': dropped "
              + dropped.joined(separator: ", ") + " (SOS shows plain text; conditions belong in"
              + " `when` and `text` variants, facilitator-guide/authoring.md §6.18)")
        }
        passage.text = plain
        passage.links = links
        passages.append(passage)
      }
      body = []
    }

    for line in twee.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      if line.hasPrefix("::") {
        close()
        let name = passageName(line.dropFirst(2))
        guard !name.isEmpty else {
          return .failure(Failure(message: "a passage header '::' with no name", line: lineNumber))
        }
        current = Passage(
          name: name, text: "", links: [], line: lineNumber, tags: passageTags(line.dropFirst(2)))
      } else if current != nil {
        body.append(line)
      }
    }
    close()
    if !skipped.isEmpty {
      notes.append(
        "left out the story format's own passages (not story): " + skipped.joined(separator: ", "))
    }
    let trimmed = twee.drop { $0.isWhitespace }
    if passages.isEmpty, trimmed.hasPrefix("<") {
      return .failure(
        Failure(
          message:
            "this is a published HTML story, not Twee: in Twine, use Build → Export as Twee,"
            + " and import that file", line: nil))
    }
    guard !passages.isEmpty else {
      return .failure(
        Failure(message: "no passages found; a Twee 3 passage starts with ':: Name'", line: nil))
    }

    // Node ids from passage names, unique.
    var ids: [String: String] = [:]
    var used: Set<String> = ["return"]
    for passage in passages {
      var base = nodeID(passage.name)
      if base.isEmpty { base = "passage" }
      var candidate = base
      var counter = 2
      while used.contains(candidate) {
        candidate = "\(base)-\(counter)"
        counter += 1
      }
      used.insert(candidate)
      ids[passage.name] = candidate
    }
    let startName =
      start.flatMap { name in passages.first { $0.name == name }?.name }
      ?? passages.first { $0.name == "Start" }?.name ?? passages[0].name

    var lines: [String] = [
      "# Imported from Twine by `sos import-twee`. The story's passages are nodes, its",
      "# links are choices and passages without links are endings. Still to do (see",
      "# facilitator-guide/authoring.md): the role and briefing, stakeholders and whom",
      "# each choice contacts, the time each choice takes, quality points, deadlines,",
      "# injects, a typed statement, and each ending's outcome.",
      "format: 1",
      "id: \(id)",
      "title: \(quoted(title ?? "Imported story"))",
      "kind: \(kind.rawValue)",
      "cluster: \(ScenarioTemplate.usualCluster(for: kind).rawValue)",
      "difficulty: introductory",
      "minutes: 15",
      "role: \(quoted("The person in charge (describe the trainee's role)"))",
      "briefing: \(quoted("Describe the organisation and the moment the crisis is discovered."))",
      "stakeholders:",
      "  customers: { label: Customers, required: true }",
      "start: \(ids[startName] ?? "start")",
      "nodes:",
    ]
    var choiceCount = 0
    var endingCount = 0
    for passage in passages {
      guard let nodeID = ids[passage.name] else { continue }
      lines.append("  \(nodeID):")
      lines.append("    title: \(quoted(passage.name))")
      lines.append("    text: \(quoted(passage.text.isEmpty ? passage.name : passage.text))")
      let links = passage.links.filter { ids[$0.target] != nil }
      for missing in passage.links where ids[missing.target] == nil {
        notes.append(
          "line \(passage.line): the link to '\(missing.target)' in '\(passage.name)' has no"
            + " passage; it was left out")
      }
      if links.isEmpty {
        endingCount += 1
        lines.append("    ending: true")
        lines.append("    outcome: 50   # how well the crisis ended, 0-100: set it")
        continue
      }
      lines.append("    choices:")
      for link in links {
        choiceCount += 1
        lines.append("      - text: \(quoted(link.label))")
        lines.append("        takes: 15m   # how long this action takes on the crisis clock")
        lines.append("        quality: { transparency: 0 }   # points per dimension, -5 to 5")
        lines.append("        goto: \(ids[link.target] ?? nodeID)")
      }
    }
    if endingCount == 0 {
      notes.append("no passage is without links, so the scenario has no ending yet")
    }
    return .success(
      Import(
        yaml: lines.joined(separator: "\n") + "\n", nodes: passages.count, choices: choiceCount,
        endings: endingCount, notes: notes))
  }

  // MARK: - Pieces

  /// The tags in `Name [tags] {metadata}`.
  static func passageTags(_ header: Substring) -> [String] {
    guard let open = header.firstIndex(of: "["), let close = header[open...].firstIndex(of: "]")
    else { return [] }
    return header[header.index(after: open)..<close].split(separator: " ").map(String.init)
  }

  /// Prose without story-format code: `<<macros>>`, `(harlowe: macros)`, `<html>` tags,
  /// `$variables` and `_temporaries`; braces doubled, as SOS texts write a brace. Also
  /// says what kinds of thing went.
  static func plainText(_ prose: String) -> (String, [String]) {
    var text = prose
    var dropped: [String] = []
    func remove(_ pattern: String, _ what: String) {
      guard let regex = try? Regex(pattern) else { return }
      let cleaned = text.replacing(regex, with: "")
      if cleaned != text { dropped.append(what) }
      text = cleaned
    }
    remove(#"<<[\s\S]*?>>"#, "macros (<<…>>)")
    remove(
      #"\((set|if|else|unless|put|print|display|link|goto|either|cond|for|replace|append|prepend|show|hide|live|stop|after|enchant|click)\b[^)]*\)\[?"#,
      "Harlowe macros")
    remove(#"</?[a-zA-Z][^>]*>"#, "HTML tags")
    remove(#"\$[A-Za-z_][A-Za-z0-9_.]*"#, "variables")
    text = text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    return (lines.joined(separator: "\n").trimmingBlankLines(), dropped)
  }

  /// The name in `Name [tags] {metadata}`, with Twee's escapes undone.
  static func passageName(_ header: Substring) -> String {
    var name = ""
    var escaped = false
    for character in header {
      if escaped {
        name.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "[" || character == "{" {
        break
      } else {
        name.append(character)
      }
    }
    return name.trimmingSpaces()
  }

  /// The passage's prose without its links, and the links as (label, target).
  static func extractLinks(_ text: String) -> (String, [(label: String, target: String)]) {
    var prose = ""
    var links: [(label: String, target: String)] = []
    var rest = Substring(text)
    while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
      prose += rest[..<open.lowerBound]
      let inside = String(rest[open.upperBound..<close.lowerBound])
      if let arrow = inside.range(of: "->") {
        links.append(
          (String(inside[..<arrow.lowerBound]), String(inside[arrow.upperBound...])))
      } else if let back = inside.range(of: "<-") {
        links.append((String(inside[back.upperBound...]), String(inside[..<back.lowerBound])))
      } else if let bar = inside.firstIndex(of: "|") {
        links.append((String(inside[..<bar]), String(inside[inside.index(after: bar)...])))
      } else {
        links.append((inside, inside))
      }
      rest = rest[close.upperBound...]
    }
    prose += rest
    return (
      prose.trimmingBlankLines(),
      links.map { ($0.label.trimmingSpaces(), $0.target.trimmingSpaces()) }
    )
  }

  /// A node id from a passage name: lower-case letters and digits, other runs as '-'.
  static func nodeID(_ name: String) -> String {
    var id = ""
    for scalar in name.lowercased().unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        id.unicodeScalars.append(scalar)
      } else if !id.isEmpty, id.last != "-" {
        id.append("-")
      }
    }
    while id.last == "-" { id.removeLast() }
    return String(id.prefix(60))
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\t": output += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }

  /// The value of `"key": "value"` in a small JSON object, without a JSON parser.
  static func jsonString(named key: String, in json: String) -> String? {
    guard let keyRange = json.range(of: "\"\(key)\"") else { return nil }
    let afterKey = json[keyRange.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" }
    guard afterKey.first == "\"" else { return nil }
    var value = ""
    var escaped = false
    for character in afterKey.dropFirst() {
      if escaped {
        value.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        return value
      } else {
        value.append(character)
      }
    }
    return nil
  }
}

extension String {
  func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }

  func trimmingBlankLines() -> String {
    trimmingSpaces()
  }
}
