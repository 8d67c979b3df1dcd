import ArgumentParser
import SOSReports

struct CohortCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cohort",
    abstract: "Gather, score, report and export a cohort's sessions.",
    discussion: """
      A cohort is a workshop group. Trainees file sessions under it with \
      'sos play ID --cohort NAME' (on a shared machine, all with the same --db or SOS_DB), \
      or hand in session files that 'sos cohort import' replays and re-scores. Reports and \
      exports always replay every session: scores are never read from files.
      """,
    subcommands: [
      CohortCreateCommand.self, CohortListCommand.self, CohortShowCommand.self,
      CohortImportCommand.self, CohortReportCommand.self, CohortExportCommand.self,
      CohortKeyCommand.self,
    ]
  )
}

extension ReportFormat: ExpressibleByArgument {}
