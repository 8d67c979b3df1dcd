/// The formats a report can be rendered in.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
  case text
  case markdown = "md"
  case html
  case csv
  case json
}
