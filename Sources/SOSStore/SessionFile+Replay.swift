import SOSCore

// MARK: - Replaying a session file

extension SessionFile {
  /// Replays the file's inputs on the scenario text it carries and re-scores them, as
  /// `sos cohort import` does before storing it; `file` names it in error messages.
  ///
  /// Refuses a file whose scenario text does not load (or is another scenario than the
  /// file names), whose inputs do not replay (naming the first that does not), or that
  /// says it is finished while its inputs stop before an ending.
  public func replay(
    using replayer: inout SessionReplayer, file: String
  ) -> Result<ReplayedSession, SessionFileError> {
    let location = SourceLocation(file: file)
    let record = sessionRecord
    switch replayer.scenario(text: scenario.text, hash: record.scenarioHash, id: scenario.id) {
    case .success: break
    case .failure(let problem):
      return .failure(SessionFileError(.scenarioUnusable(problem.message), at: location))
    }
    let replayed = replayer.replay(record, inputs: inputs, scenarioText: scenario.text)
    guard let scored = replayed.scored else {
      return .failure(
        SessionFileError(.inputRefused(replayed.problem ?? "it does not replay"), at: location))
    }
    if status == .finished, !scored.state.finished {
      return .failure(SessionFileError(.endsEarly(node: scored.state.node), at: location))
    }
    return .success(replayed)
  }
}
