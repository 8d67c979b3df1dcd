import SOSReports
import Testing

@Suite struct ReportFormatTests {
  @Test func formatsAreNamedAsOnTheCommandLine() {
    #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "md", "html", "csv", "json"])
  }
}
