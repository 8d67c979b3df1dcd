/// Rows of cells as aligned columns of text, for catalogues and listings.
public enum TextTable {
  /// The header and rows, each column as wide as its widest cell, two spaces apart.
  public static func render(header: [String], rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index == cells.count - 1 ? cell : cell.padding(toLength: widths[index])
      }.joined(separator: "  ")
    }
    return all.map(line).joined(separator: "\n") + "\n"
  }
}
