import SOSCore

/// Inline SVG charts for the HTML report: a histogram of scores, horizontal bars of
/// means with their spread, and small share bars for table cells. Each chart is an
/// image with a `<title>` and a `<desc>` (named by `aria-labelledby`), drawn in
/// colours that keep at least 4.5:1 contrast on white, and printable. Charts have a
/// fixed `viewBox` and scale down to the width of a phone.
///
/// Skewed scores (see ``ScoreStatistics/skewed``) are drawn by their median and
/// quartiles: the histogram gets a box above the bars from Q1 to Q3 with the median
/// marked, and a bar of the means chart becomes the median, in another colour, with a
/// whisker from Q1 to Q3 instead of ± 1 SD.
enum SVGChart {
  /// One bar of a bar chart: a value from 0 to 100 and, optionally, its spread (a
  /// whisker of ± `spread`) or its range (a whisker from `range.lower` to
  /// `range.upper`, drawn for a median with its quartiles, in the median colour).
  struct Bar {
    var label: String
    var value: Double
    var spread: Double?
    var range: (lower: Double, upper: Double)?
    /// What is written at the end of the bar, such as `72 ± 11`.
    var note: String
    /// The bar in words, for the chart's description: `mean 72 ± 11`.
    var description: String
  }

  static let ink = "#1a1a1a"
  static let bar = "#1f4e79"
  static let grid = "#c8d1db"
  static let accent = "#9a3412"
  /// The colour of a bar that shows a median rather than a mean.
  static let median = "#5b2a86"

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

  /// A histogram of scores in bands of ten, with the pass mark as a dashed line and,
  /// for skewed scores, a box from the first to the third quartile with the median.
  static func histogram(
    _ histogram: Histogram, passMark: Double?,
    quartiles: (lower: Double, median: Double, upper: Double)? = nil, id: String, title: String
  ) -> String {
    let width = 480
    let height = quartiles == nil ? 250 : 274
    let left = 44.0
    let right = 12.0
    let top = quartiles == nil ? 22.0 : 46.0
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
        + (passMark.map { " The dashed line is the pass mark, \(ReportNumber.whole($0))." } ?? "")
        + (quartiles.map {
          " The scores are skewed: the box above the bars runs from the first quartile,"
            + " \(ReportNumber.whole($0.lower)), to the third, \(ReportNumber.whole($0.upper)),"
            + " and the line in it is the median, \(ReportNumber.whole($0.median))."
        } ?? ""))
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
    if let quartiles {
      func x(_ score: Double) -> Double { left + plotWidth * min(max(score, 0), 100) / 100 }
      let low = x(quartiles.lower)
      let high = x(quartiles.upper)
      let middle = x(quartiles.median)
      let boxTop = 8.0
      let boxHeight = 14.0
      svg +=
        "<rect x=\"\(number(low))\" y=\"\(number(boxTop))\" width=\"\(number(max(high - low, 1)))\""
        + " height=\"\(number(boxHeight))\" fill=\"#ece4f3\" stroke=\"\(median)\" stroke-width=\"1.5\"/>"
        + "<line x1=\"\(number(middle))\" y1=\"\(number(boxTop - 3))\" x2=\"\(number(middle))\""
        + " y2=\"\(number(boxTop + boxHeight + 3))\" stroke=\"\(median)\" stroke-width=\"3\"/>"
      let label =
        "median \(ReportNumber.whole(quartiles.median)) · IQR"
        + " \(ReportNumber.whole(quartiles.lower))–\(ReportNumber.whole(quartiles.upper))"
      // The label goes on the side of the box with more room.
      let labelRight = high + 6 + 130 <= Double(width) || low - 6 < 130
      svg +=
        "<text x=\"\(number(labelRight ? high + 6 : low - 6))\" y=\"\(number(boxTop + 11))\""
        + " text-anchor=\"\(labelRight ? "start" : "end")\" font-size=\"11\" fill=\"\(median)\">"
        + "\(label)</text>"
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
    let width = 520
    let labelWidth = 150.0
    let noteWidth = 104.0
    let rowHeight = 26.0
    let top = 10.0
    let height = Int(top + rowHeight * Double(bars.count) + 30)
    let plotWidth = Double(width) - labelWidth - noteWidth
    func x(_ value: Double) -> Double { labelWidth + plotWidth * min(max(value, 0), 100) / 100 }

    var svg = open(
      id: id, width: width, height: height, title: title,
      description: "Scores out of 100: the mean, with a line of ± one standard deviation;"
        + " where the scores are skewed, the median, with a line from the first to the third"
        + " quartile. " + bars.map { "\($0.label): \($0.description)" }.joined(separator: "; ")
        + ".")
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
        + " fill=\"\(item.range == nil ? bar : median)\"/>"
      let whisker: (low: Double, high: Double)? =
        item.range.map { (x($0.lower), x($0.upper)) }
        ?? item.spread.flatMap { spread in
          spread > 0 ? (x(item.value - spread), x(item.value + spread)) : nil
        }
      if let whisker {
        let low = whisker.low
        let high = whisker.high
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
