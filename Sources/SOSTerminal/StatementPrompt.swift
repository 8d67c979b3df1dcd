/// The continuation prompt of a multi-line statement on a terminal, showing the
/// characters typed so far: `  …  143/280 > `, or `  …  143 chars > ` without a limit
/// (`  …  1 char > ` for one).
enum StatementPrompt {
  /// Characters as a person counts them: grapheme clusters of the lines joined with
  /// `"\n"`.
  static func count(_ lines: [String]) -> Int {
    lines.joined(separator: "\n").count
  }

  /// The prompt for the next line; the count turns red once it is over the limit.
  static func continuation(count: Int, limit: Int?, palette: Palette) -> String {
    guard let limit else { return "  …  \(count) char\(count == 1 ? "" : "s") > " }
    let counted = count > limit ? palette.danger("\(count)") : "\(count)"
    return "  …  \(counted)/\(limit) > "
  }
}
