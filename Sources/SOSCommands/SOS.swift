import ArgumentParser

/// The `sos` command and its subcommands; `sos` and `sos-pg` run it.
public struct SOS: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "sos",
    abstract: "Play and assess crisis-communication scenarios.",
    discussion: """
      Trainees play branching crisis scenarios on a simulated clock, and get a debrief \
      that explains every point. Facilitators write scenarios as YAML files, check \
      them with validate and lint, and score whole cohorts. Run 'sos' alone for the \
      interactive shell.
      """,
    version: "0.1.0",
    subcommands: [
      ShellCommand.self, PlayCommand.self, ResumeCommand.self, SessionsCommand.self,
      DebriefCommand.self, ScoreCommand.self, ExportCommand.self, CohortCommand.self,
      ListCommand.self, AbandonCommand.self, AnalyzeCommand.self, PlaytestCommand.self,
      GraphCommand.self, NewCommand.self, ImportTweeCommand.self, StatementCommand.self,
      ValidateCommand.self,
      LintCommand.self, ServeCommand.self, RoomCommand.self, JoinCommand.self,
      DatabaseCommand.self, TraineeCommand.self,
    ],
    defaultSubcommand: ShellCommand.self
  )

  public init() {}
}
