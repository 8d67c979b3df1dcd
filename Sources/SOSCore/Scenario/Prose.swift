/// Text written in a scenario file's YAML blocks, made ready for a screen or a report.
public enum Prose {
  /// Joins the lines of each paragraph, as YAML block text breaks them where its
  /// author's editor did, so that the terminal can wrap them to its own width. Blank
  /// lines, list items and indented lines keep their breaks.
  public static func reflow(_ text: String) -> String {
    var output = ""
    var previousJoinable = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      let blank = trimmed.isEmpty
      let keepsBreak = blank || line.first == " " || startsListItem(trimmed)
      if output.isEmpty {
        output = String(line)
      } else if previousJoinable && !keepsBreak {
        output += " " + line
      } else {
        output += "\n" + line
      }
      previousJoinable = !blank
    }
    return output
  }

  public static func startsListItem(_ line: Substring) -> Bool {
    if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") { return true }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 3 else { return false }
    let rest = line.dropFirst(digits.count)
    return rest.hasPrefix(". ") || rest.hasPrefix(") ")
  }
}
