/// Plain-text tables: columns padded to their widest cell, numbers aligned right.
enum TextColumns {
  /// The header and rows as lines; `numeric` columns are aligned right. Cells longer
  /// than `limit` characters are cut with an ellipsis.
  static func render(
    header: [String], rows: [[String]], numeric: Set<Int> = [], limit: Int = 48
  ) -> [String] {
    let cut = rows.map { row in
      row.map { cell in cell.count > limit ? String(cell.prefix(limit - 1)) + "…" : cell }
    }
    var widths = header.map(\.count)
    for row in cut {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { index, cell in
        let width = index < widths.count ? widths[index] : cell.count
        return numeric.contains(index) ? cell.leftPadded(width) : cell.padding(toLength: width)
      }
      var text = padded.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    return [line(header)] + cut.map(line)
  }
}
