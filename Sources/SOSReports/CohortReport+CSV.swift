import SOSCore

// MARK: - CSV

extension CohortReport {
  /// The columns of the CSV report, in order: those a spreadsheet needs first, then
  /// the outcome, whether the attempt passed, the session's id, practice or assessment,
  /// and what import found odd about the hand-in.
  public static var csvColumns: [String] {
    [
      "trainee", "scenario", "status", "started", "finished", "overall", "timeliness",
      "communication",
    ]
      + QualityDimension.allCases.map(\.rawValue)
      + ["grade", "outcome", "passed", "session", "mode", "flags"]
  }

  /// One row per session (RFC 4180: CRLF line ends, fields quoted where needed).
  /// Scores are given, with one decimal, for sessions played to an ending; a dimension
  /// nothing spoke to is left empty.
  public func csv() -> String {
    var text = CSVText.record(Self.csvColumns)
    for row in analysis.sessions {
      var fields = [
        ReportText.clean(row.trainee), row.scenario, row.status.rawValue, row.started,
        row.finished ?? "", ReportNumber.score(row.overall), ReportNumber.score(row.timeliness),
        ReportNumber.score(row.communication),
      ]
      fields += row.dimensions.map { ReportNumber.score($0.score) }
      fields += [
        row.grade ?? "", ReportNumber.score(row.outcome),
        row.passed.map { $0 ? "yes" : "no" } ?? "", row.session, row.mode.rawValue,
        ReportText.clean(row.flags.joined(separator: "; ")),
      ]
      text += CSVText.record(fields)
    }
    return text
  }
}
