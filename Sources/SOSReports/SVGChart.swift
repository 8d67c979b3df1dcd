import SOSCore

/// Inline SVG charts for the HTML report: a histogram of scores, horizontal bars of
/// means with their spread, and small share bars for table cells. Each chart is an
/// image with a `<title>` and a `<desc>` (named by `aria-labelledby`), drawn in
/// colours that keep at least 4.5:1 contrast on white, and printable.
enum SVGChart {
  /// One bar of a bar chart: a value from 0 to 100 and, optionally, its spread.
  struct Bar {
    var label: String
    var value: Double
    var spread: Double?
    /// What is written at the end of the bar, such as `72 ± 11`.
    var note: String
  }

  static let ink = "#1a1a1a"
  static let bar = "#1f4e79"
  static let grid = "#c8d1db"
  static let accent = "#9a3412"

  static func number(_ value: Double) -> String { ReportNumber.fixed(value, digits: 1) }

  /// The opening tag, title and description of a chart.
  static func open(id: String, width: Int, height: Int, title: String, description: String)
    -> String
  {
    "<svg class=\"chart\" role=\"img\" width=\"\(width)\" height=\"\(height)\""
      + " viewBox=\"0 0 \(width) \(height)\" aria-labelledby=\"\(id)-title \(id)-desc\">"
      + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
      + "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
  }

  /// A histogram of scores in bands of ten, with the pass mark as a dashed line.
  static func histogram(
    _ histogram: Histogram, passMark: Double?, id: String, title: String
  ) -> String {
    let width = 480
    let height = 250
    let left = 44.0
    let right = 12.0
    let top = 22.0
    let bottom = 46.0
    let plotWidth = Double(width) - left - right
    let plotHeight = Double(height) - top - bottom
    let slot = plotWidth / Double(max(histogram.bins.count, 1))
    let largest = max(histogram.largestCount, 1)
    let step = max(1, Int((Double(largest) / 5).rounded(.up)))
    let axisTop = ((largest + step - 1) / step) * step
    func y(_ count: Int) -> Double { top + plotHeight * (1 - Double(count) / Double(axisTop)) }

    let counts = histogram.bins.map { "\($0.lower)–\($0.upper): \($0.count)" }
    var svg = open(
      id: id, width: width, height: height, title: title,
      description: "Trainees per band of ten points. "
        + counts.joined(separator: "; ") + "."
        + (passMark.map { " The dashed line is the pass mark, \(ReportNumber.whole($0))." } ?? ""))
    for tick in stride(from: 0, through: axisTop, by: step) {
      let position = number(y(tick))
      svg +=
        "<line x1=\"\(number(left))\" y1=\"\(position)\" x2=\"\(number(left + plotWidth))\""
        + " y2=\"\(position)\" stroke=\"\(grid)\" stroke-width=\"1\"/>"
        + "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" text-anchor=\"end\""
        + " font-size=\"11\" fill=\"\(ink)\">\(tick)</text>"
    }
    for (index, bin) in histogram.bins.enumerated() {
      let x = left + slot * Double(index) + 4
      let barWidth = slot - 8
      if bin.count > 0 {
        svg +=
          "<rect x=\"\(number(x))\" y=\"\(number(y(bin.count)))\" width=\"\(number(barWidth))\""
          + " height=\"\(number(y(0) - y(bin.count)))\" fill=\"\(bar)\"/>"
          + "<text x=\"\(number(x + barWidth / 2))\" y=\"\(number(y(bin.count) - 4))\""
          + " text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">\(bin.count)</text>"
      }
      svg +=
        "<text x=\"\(number(x + barWidth / 2))\" y=\"\(number(top + plotHeight + 16))\""
        + " text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">\(bin.lower)–\(bin.upper)</text>"
    }
    svg +=
      "<line x1=\"\(number(left))\" y1=\"\(number(y(0)))\" x2=\"\(number(left + plotWidth))\""
      + " y2=\"\(number(y(0)))\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
    if let passMark {
      let x = left + plotWidth * min(max(passMark, 0), 100) / 100
      svg +=
        "<line x1=\"\(number(x))\" y1=\"\(number(top - 6))\" x2=\"\(number(x))\""
        + " y2=\"\(number(y(0)))\" stroke=\"\(accent)\" stroke-width=\"2\""
        + " stroke-dasharray=\"5 4\"/>"
        + "<text x=\"\(number(x + 4))\" y=\"\(number(top + 4))\" font-size=\"11\""
        + " fill=\"\(accent)\">pass \(ReportNumber.whole(passMark))</text>"
    }
    svg +=
      "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(height - 6)\" text-anchor=\"middle\""
      + " font-size=\"12\" fill=\"\(ink)\">overall score</text>"
      + "<text x=\"12\" y=\"\(number(top + plotHeight / 2))\" text-anchor=\"middle\""
      + " font-size=\"12\" fill=\"\(ink)\" transform=\"rotate(-90 12 \(number(top + plotHeight / 2)))\">"
      + "trainees</text>"
    return svg + "</svg>"
  }

  /// Horizontal bars on a 0–100 scale, each with a whisker of ± its spread; a rule
  /// separates the first `separatorAfter` bars from the rest.
  static func bars(_ bars: [Bar], separatorAfter: Int? = nil, id: String, title: String)
    -> String
  {
    let width = 480
    let labelWidth = 150.0
    let noteWidth = 64.0
    let rowHeight = 26.0
    let top = 10.0
    let height = Int(top + rowHeight * Double(bars.count) + 30)
    let plotWidth = Double(width) - labelWidth - noteWidth
    func x(_ value: Double) -> Double { labelWidth + plotWidth * min(max(value, 0), 100) / 100 }

    var svg = open(
      id: id, width: width, height: height, title: title,
      description: "Mean score out of 100, with a line of ± one standard deviation. "
        + bars.map { "\($0.label): \($0.note)" }.joined(separator: "; ") + ".")
    for tick in stride(from: 0, through: 100, by: 25) {
      let position = number(x(Double(tick)))
      svg +=
        "<line x1=\"\(position)\" y1=\"\(number(top))\" x2=\"\(position)\""
        + " y2=\"\(number(top + rowHeight * Double(bars.count)))\" stroke=\"\(grid)\""
        + " stroke-width=\"1\"/>"
        + "<text x=\"\(position)\" y=\"\(number(top + rowHeight * Double(bars.count) + 16))\""
        + " text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">\(tick)</text>"
    }
    if let separatorAfter, separatorAfter > 0, separatorAfter < bars.count {
      let y = number(top + rowHeight * Double(separatorAfter))
      svg +=
        "<line x1=\"0\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"\(ink)\""
        + " stroke-width=\"1\" stroke-dasharray=\"2 3\"/>"
    }
    for (index, item) in bars.enumerated() {
      let rowTop = top + rowHeight * Double(index)
      let middle = rowTop + rowHeight / 2
      svg +=
        "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(middle + 4))\" text-anchor=\"end\""
        + " font-size=\"12\" fill=\"\(ink)\">\(HTMLText.escape(item.label))</text>"
        + "<rect x=\"\(number(labelWidth))\" y=\"\(number(rowTop + 5))\""
        + " width=\"\(number(x(item.value) - labelWidth))\" height=\"\(number(rowHeight - 10))\""
        + " fill=\"\(bar)\"/>"
      if let spread = item.spread, spread > 0 {
        let low = x(item.value - spread)
        let high = x(item.value + spread)
        svg +=
          "<line x1=\"\(number(low))\" y1=\"\(number(middle))\" x2=\"\(number(high))\""
          + " y2=\"\(number(middle))\" stroke=\"\(accent)\" stroke-width=\"2\"/>"
          + "<line x1=\"\(number(low))\" y1=\"\(number(middle - 5))\" x2=\"\(number(low))\""
          + " y2=\"\(number(middle + 5))\" stroke=\"\(accent)\" stroke-width=\"2\"/>"
          + "<line x1=\"\(number(high))\" y1=\"\(number(middle - 5))\" x2=\"\(number(high))\""
          + " y2=\"\(number(middle + 5))\" stroke=\"\(accent)\" stroke-width=\"2\"/>"
      }
      svg +=
        "<text x=\"\(number(labelWidth + plotWidth + 8))\" y=\"\(number(middle + 4))\""
        + " font-size=\"12\" fill=\"\(ink)\">\(HTMLText.escape(item.note))</text>"
    }
    return svg + "</svg>"
  }

  /// A small bar for a table cell showing a share (0…1).
  static func share(_ share: Double, id: String, title: String) -> String {
    let width = 100.0
    let filled = width * min(max(share, 0), 1)
    return
      "<svg class=\"share\" role=\"img\" width=\"100\" height=\"12\" viewBox=\"0 0 100 12\""
      + " aria-labelledby=\"\(id)\"><title id=\"\(id)\">\(HTMLText.escape(title))</title>"
      + "<rect x=\"0\" y=\"1\" width=\"100\" height=\"10\" fill=\"#e3e8ee\"/>"
      + "<rect x=\"0\" y=\"1\" width=\"\(number(filled))\" height=\"10\" fill=\"\(bar)\"/></svg>"
  }
}
