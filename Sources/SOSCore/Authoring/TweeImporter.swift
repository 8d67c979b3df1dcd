/// Turns a Twine story in Twee notation (Twee 3, and the Twee 1 and 2 of older tools)
/// into the skeleton of an SOS scenario: every passage becomes a node, every link a
/// choice, and a passage without links an ending. What Twine does not know — the
/// crisis clock, stakeholders, deadlines, quality points — is left for the author,
/// with comments saying where.
///
/// `:: Name [tags] {metadata}` starts a passage (Twee 2's `<x,y>` position is read
/// too); `StoryTitle` and `StoryData` (JSON with `start` and `format`) are read, the
/// story format's own passages are left out, and each passage's code is taken out of
/// its text (``TweePassageBody``), with one note per passage saying what went. A story
/// whose links cannot make a scenario — no passage without links, or a loop with no
/// way out — is refused, saying what to change in Twine.
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
  /// (SugarCube's, Harlowe's and Twee 1's) and the tags of code and media passages.
  static let specialNames: Set<String> = [
    "StoryTitle", "StoryData", "StoryInit", "StoryCaption", "StoryMenu", "StoryBanner",
    "StorySubtitle", "StoryAuthor", "StoryInterface", "StoryShare", "StorySettings",
    "PassageReady", "PassageDone", "PassageHeader", "PassageFooter", "StoryIncludes",
    "StoryDisplayTitle",
  ]
  static let specialTags: Set<String> = [
    "script", "stylesheet", "widget", "init", "startup", "header", "footer", "debug-header",
    "debug-footer", "debug-startup", "Twine.private", "Twine.image", "Twine.audio",
    "Twine.video", "Twine.vtt", "annotation",
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
    if let failure = publishedHTML(twee) { return .failure(failure) }
    // Windows and old Mac line ends, and a byte-order mark that editors add.
    let twee = twee.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
      .drop { $0 == "\u{FEFF}" }
    var raw: [Passage] = []
    var title: String?
    var start: String?
    var format: TweePassageBody.Format?
    var current: Passage?
    var body: [Substring] = []
    var lineNumber = 0

    var notes: [String] = []
    var skipped: [String] = []
    func close() {
      guard var passage = current else { return }
      passage.text = body.joined(separator: "\n").trimmingBlankLines()
      switch passage.name {
      case "StoryTitle":
        title = passage.text.isEmpty ? nil : passage.text
      case "StoryData":
        start = jsonString(named: "start", in: passage.text)
        format = TweePassageBody.Format(storyData: jsonString(named: "format", in: passage.text))
      case _
      where specialNames.contains(passage.name)
        || passage.tags.contains(where: specialTags.contains):
        skipped.append(passage.name)
      default:
        raw.append(passage)
      }
      body = []
    }

    for line in twee.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.hasPrefix("::") {
        close()
        let name = passageName(line.dropFirst(2))
        guard !name.isEmpty else {
          return .failure(
            Failure(
              message: "a passage header '::' with no name; in Twine, give the passage a name",
              line: lineNumber))
        }
        current = Passage(
          name: name, text: "", links: [], line: lineNumber, tags: passageTags(line.dropFirst(2)))
      } else if current != nil {
        body.append(line)
      }
    }
    close()

    // Code out of the text, after StoryData has said which story format it is.
    var passages: [Passage] = []
    var seenNames: Set<String> = []
    for var passage in raw {
      guard seenNames.insert(passage.name).inserted else {
        return .failure(
          Failure(
            message: "a second passage named '\(passage.name)'; in Twine, give each passage its"
              + " own name", line: passage.line))
      }
      let parsed = TweePassageBody(parsing: passage.text, format: format)
      if !parsed.dropped.isEmpty {
        notes.append(
          "line \(passage.line): '\(passage.name)': dropped "
            + parsed.dropped.joined(separator: "; ")
            + " (SOS shows plain text; the text of every branch is kept: turn conditions into"
            + " `text` wordings with `when`, facilitator-guide/authoring.md §6.18)")
      }
      var unique: [TweePassageBody.Link] = []
      for link in parsed.links where !unique.contains(link) { unique.append(link) }
      passage.text = parsed.prose
      passage.links = unique.map { ($0.label, $0.target) }
      passages.append(passage)
    }
    if !skipped.isEmpty {
      notes.append(
        "left out the story format's own passages (not story): " + skipped.joined(separator: ", "))
    }
    guard !passages.isEmpty else {
      return .failure(
        Failure(
          message: "no story passages found; a Twee passage starts with ':: Name' at the start"
            + " of a line", line: nil))
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
    for passage in passages {
      for missing in passage.links where ids[missing.target] == nil {
        notes.append(
          "line \(passage.line): the link to '\(missing.target)' in '\(passage.name)' has no"
            + " passage; it was left out")
      }
    }
    for index in passages.indices {
      passages[index].links = passages[index].links.filter { ids[$0.target] != nil }
    }
    if let start, !passages.contains(where: { $0.name == start }) {
      notes.append("StoryData names the start passage '\(start)', which is not in the file")
    }
    let startPassage =
      passages.first { $0.name == start } ?? passages.first { $0.name == "Start" } ?? passages[0]
    if let failure = structureFailure(passages, start: startPassage) {
      return .failure(failure)
    }

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
      "start: \(ids[startPassage.name] ?? "start")",
      "nodes:",
    ]
    var choiceCount = 0
    var endingCount = 0
    for passage in passages {
      guard let nodeID = ids[passage.name] else { continue }
      lines.append("  \(nodeID):")
      lines.append("    title: \(quoted(passage.name))")
      let text = passage.text.replacingOccurrences(of: "{", with: "{{")
        .replacingOccurrences(of: "}", with: "}}")
      lines.append("    text: \(quoted(text.isEmpty ? passage.name : text))")
      if passage.links.isEmpty {
        endingCount += 1
        lines.append("    ending: true")
        lines.append("    outcome: 50   # how well the crisis ended, 0-100: set it")
        continue
      }
      lines.append("    choices:")
      for link in passage.links {
        choiceCount += 1
        lines.append("      - text: \(quoted(link.label))")
        lines.append("        takes: 15m   # how long this action takes on the crisis clock")
        lines.append("        quality: { transparency: 0 }   # points per dimension, -5 to 5")
        lines.append("        goto: \(ids[link.target] ?? nodeID)")
      }
    }
    return .success(
      Import(
        yaml: lines.joined(separator: "\n") + "\n", nodes: passages.count, choices: choiceCount,
        endings: endingCount, notes: notes))
  }

  // MARK: - Refusals

  /// A published story (HTML), which holds passages but is not Twee.
  static func publishedHTML(_ text: String) -> Failure? {
    let opening = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(4096).lowercased()
    guard
      opening.hasPrefix("<!doctype") || opening.hasPrefix("<html")
        || opening.contains("<tw-storydata")
        || opening.hasPrefix("<tw-") || opening.contains("<div id=\"storearea\"")
    else { return nil }
    return Failure(
      message: "this is a published HTML story, not Twee: export it as Twee from Twine first"
        + " (Build → Export as Twee) and import that file", line: nil)
  }

  /// Why the passages' links cannot make a scenario: no ending can be reached from the
  /// start, or some passage the start leads to can reach none.
  static func structureFailure(_ passages: [Passage], start: Passage) -> Failure? {
    let byName = Dictionary(passages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var reachable: [String] = [start.name]
    var seen: Set<String> = [start.name]
    var index = 0
    while index < reachable.count {
      for link in byName[reachable[index]]?.links ?? [] where seen.insert(link.target).inserted {
        reachable.append(link.target)
      }
      index += 1
    }
    // Passages from which an ending can be reached, growing backwards from the endings.
    var ending: Set<String> = Set(passages.filter { $0.links.isEmpty }.map(\.name))
    var changed = true
    while changed {
      changed = false
      for passage in passages where !ending.contains(passage.name) {
        if passage.links.contains(where: { ending.contains($0.target) }) {
          ending.insert(passage.name)
          changed = true
        }
      }
    }
    let codeJumps =
      " (a jump made by code, <<goto>>, (goto:) or <<include>>, is not a link)"
    func named(_ names: [String]) -> String {
      let shown = names.prefix(6).map { "'\($0)'" }.joined(separator: ", ")
      return names.count > 6 ? shown + " …" : shown
    }
    if !ending.contains(start.name) {
      let hasEnding = passages.contains { $0.links.isEmpty }
      return Failure(
        message: "no ending can be reached from the start passage '\(start.name)': every way"
          + " from it loops back (\(named(reachable)))"
          + (hasEnding ? ", and no link leads to a passage without links" : "")
          + "; in Twine, link one of these passages to a passage with no links of its own,"
          + " which becomes an ending" + codeJumps, line: start.line)
    }
    if let stuck = reachable.first(where: { !ending.contains($0) }), let passage = byName[stuck] {
      let loop = reachable.filter { !ending.contains($0) }
      return Failure(
        message: "play can reach passage '\(stuck)' but no ending from it: every link from it"
          + " loops back (\(named(loop))); in Twine, give one of these passages a link to a"
          + " passage with no links (an ending), or towards one" + codeJumps, line: passage.line)
    }
    return nil
  }

  // MARK: - Pieces

  /// The tags in `Name [tags] {metadata}`.
  static func passageTags(_ header: Substring) -> [String] {
    var open: Substring.Index?
    var escaped = false
    for index in header.indices {
      if escaped {
        escaped = false
      } else if header[index] == "\\" {
        escaped = true
      } else if header[index] == "{" {
        return []
      } else if header[index] == "[" {
        open = index
        break
      }
    }
    guard let open, let close = header[open...].firstIndex(of: "]") else { return [] }
    return header[header.index(after: open)..<close].split(separator: " ").map(String.init)
  }

  /// The name in `Name [tags] {metadata}`, with Twee's escapes undone.
  static func passageName(_ header: Substring) -> String {
    var name = ""
    var escaped = false
    for index in header.indices {
      let character = header[index]
      if escaped {
        name.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "[" || character == "{" {
        break
      } else if character == "<", isTwee2Position(header[index...]) {
        break
      } else {
        name.append(character)
      }
    }
    return name.trimmingSpaces()
  }

  /// Twee 2's `<x,y>` position after a passage's name.
  static func isTwee2Position(_ text: Substring) -> Bool {
    guard let close = text.firstIndex(of: ">") else { return false }
    let inside = text[text.index(after: text.startIndex)..<close]
    let parts = inside.split(separator: ",")
    return parts.count == 2
      && parts.allSatisfy { part in
        let digits = String(part).trimmingSpaces()
        return !digits.isEmpty && digits.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
      }
  }

  /// A scenario id from a file name or passage name: lower-case letters and digits,
  /// other runs as '-' ("My Story" gives "my-story"); nil when nothing is left.
  public static func identifier(from name: String) -> String? {
    let id = nodeID(name)
    return id.isEmpty ? nil : id
  }

  /// A node id from a passage name: lower-case letters and digits, other runs as '-'.
  static func nodeID(_ name: String) -> String {
    var id = ""
    let folded = name.folding(options: .diacriticInsensitive, locale: nil).lowercased()
    for scalar in folded.unicodeScalars {
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
        // Characters a scenario file may not hold (SOS031): controls, invisible
        // text-direction marks, line and paragraph separators, non-characters.
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
          || (0x200E...0x200F).contains(scalar.value) || (0x2028...0x202E).contains(scalar.value)
          || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0xFEFF
          || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        {
          continue
        }
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
