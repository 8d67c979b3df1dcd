import SOSCore

/// Renders a statement analysis for the terminal, as plain text or JSON.
///
/// JSON comes from `StatementAnalysis`'s `Codable` conformance. The text form reads well
/// without colour: a header with the score, the length and the readability figures, a
/// line for a text that is not yet a statement and one for each cap that lowers the
/// score, then one line per criterion marked PASS, PART or FAIL with its
/// points, the evidence in quotes, and the advice on the next line.
///
/// ```
/// Score 88/100 (social)
/// Length 212/280 characters
/// Readability: reading ease 71.3, grade 6.2 (48 words, 4 sentences, 66 syllables)
/// Capped at 70 (the criteria earn 79): a guess or guarantee that may have to be withdrawn — "probably"
///
/// PASS  Apology                      12/12  "We are sorry"
/// PART  Next update                   4/8   "We will update you"
///       → Give the next update a time: "by 5pm today", "within 24 hours".
/// ```
public enum StatementReport {
  /// "1 word", "2 words".
  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// The analysis as text; `colour` adds ANSI colour to the PASS/PART/FAIL marks.
  public static func render(_ analysis: StatementAnalysis, colour: Bool = false) -> String {
    var lines: [String] = []
    lines.append("Score \(analysis.score)/100 (\(heading(analysis)))")
    let limit = analysis.limit.map { "/\($0)" } ?? ""
    // The unit is named in the plural ("characters", "words").
    let unit =
      analysis.length == 1 && analysis.lengthUnit.hasSuffix("s")
      ? String(analysis.lengthUnit.dropLast()) : analysis.lengthUnit
    lines.append("Length \(analysis.length)\(limit) \(unit)")
    let readability = analysis.readability
    lines.append(
      "Readability: reading ease \(decimal(readability.fre)), grade \(decimal(readability.fkgl)) "
        + "(\(count(readability.words, "word")), \(count(readability.sentences, "sentence")), "
        + "\(count(readability.syllables, "syllable")))")
    if let nonsense = analysis.nonsense {
      lines.append("Not yet a statement: \(oneLine(nonsense)).")
    }
    if let summary = analysis.capSummary {
      lines.append(oneLine(summary))
    }
    for cap in analysis.caps.dropFirst() where cap.ceiling < analysis.uncapped {
      lines.append("Also caps it at \(cap.ceiling): \(oneLine(cap.reason))")
    }
    lines.append("")
    let labelWidth = min(32, analysis.criteria.map(\.label.count).max() ?? 0)
    for criterion in analysis.criteria {
      let points = "\(criterion.points)/\(criterion.max)"
      var line =
        mark(criterion.result, colour: colour) + "  " + padded(criterion.label, labelWidth)
        + "  " + padded(points, 6)
      if !criterion.evidence.isEmpty {
        line += " " + criterion.evidence.map { "\"\(oneLine($0))\"" }.joined(separator: ", ")
      }
      lines.append(trimmedEnd(line))
      if !criterion.advice.isEmpty {
        lines.append("      → " + oneLine(criterion.advice))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func heading(_ analysis: StatementAnalysis) -> String {
    var parts = [analysis.channel.rawValue]
    if let audience = analysis.audience, !audience.isEmpty { parts.append("for \(audience)") }
    if analysis.profile.rawValue != analysis.channel.rawValue {
      parts.append("weighed as \(analysis.profile.rawValue)")
    }
    return parts.joined(separator: ", ")
  }

  private static func mark(_ result: StatementCriterion.Result, colour: Bool) -> String {
    let (word, code): (String, String)
    switch result {
    case .pass: (word, code) = ("PASS", "32")
    case .partial: (word, code) = ("PART", "33")
    case .fail: (word, code) = ("FAIL", "31")
    }
    return colour ? "\u{1B}[\(code)m\(word)\u{1B}[0m" : word
  }

  /// One decimal, as the analysis stores it.
  static func decimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  private static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// Evidence on one line: line breaks and tabs become spaces, control characters go.
  private static func oneLine(_ text: String) -> String {
    String(
      text.unicodeScalars.compactMap { scalar -> Character? in
        if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
        if scalar.properties.generalCategory == .control { return nil }
        return Character(scalar)
      })
  }

  private static func trimmedEnd(_ text: String) -> String {
    var result = text
    while result.last == " " { result.removeLast() }
    return result
  }

}
