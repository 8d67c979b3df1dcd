import SOSCore

/// The scenario catalogue as an aligned text table.
public enum CatalogueTable {
  /// One row per scenario: id, title, kind, difficulty, minutes; then how many, and
  /// `playCommand` (inside the shell: `play ID`).
  public static func render(
    _ summaries: [ScenarioSummary], folder: String, playCommand: String = "sos play ID"
  ) -> String {
    guard !summaries.isEmpty else { return "No scenarios in \(folder).\n" }
    let header = ["ID", "TITLE", "KIND", "DIFFICULTY", "MINUTES"]
    let rows = summaries.map {
      [
        $0.id, Sanitizer.singleLine($0.title), $0.kind.rawValue, $0.difficulty.rawValue,
        String($0.minutes),
      ]
    }
    let count = summaries.count
    return TextTable.render(header: header, rows: rows)
      + "\n\(count) scenario\(count == 1 ? "" : "s") in \(folder). Play one with: \(playCommand)\n"
  }
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
