/// Which history a reader records and recalls.
public enum HistoryScope: Sendable {
  /// Commands typed at the `sos>` prompt, kept in the history file between sessions.
  case commands
  /// Answers typed during one play (option numbers, `status`, …): recalled with the
  /// arrow keys while that play lasts, never written to the history file, so they do
  /// not crowd out the shell's commands.
  case play
}
