import SOSCore

/// The scenario catalogue as an aligned text table.
public enum CatalogueTable {
  /// One row per scenario: id, title, kind, difficulty, minutes.
  public static func render(_ summaries: [ScenarioSummary], folder: String) -> String {
    guard !summaries.isEmpty else { return "No scenarios in \(folder).\n" }
    let header = ["ID", "TITLE", "KIND", "DIFFICULTY", "MINUTES"]
    let rows = summaries.map {
      [
        $0.id, Sanitizer.singleLine($0.title), $0.kind.rawValue, $0.difficulty.rawValue,
        String($0.minutes),
      ]
    }
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index == cells.count - 1 ? cell : cell.padding(toLength: widths[index])
      }.joined(separator: "  ")
    }
    let count = summaries.count
    return ([line(header)] + rows.map(line)).joined(separator: "\n")
      + "\n\n\(count) scenario\(count == 1 ? "" : "s") in \(folder). Play one with: sos play ID\n"
  }
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
