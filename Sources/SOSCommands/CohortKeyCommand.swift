import ArgumentParser
import SOSStore

struct CohortKeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "key",
    abstract: "Print the cohort's hand-in key, for trainees who hand in session files.",
    discussion: """
      Trainees who play on their own machines and hand in files play with \
      'sos play ID --hand-in-key KEY' (or SOS_HAND_IN_KEY=KEY); their exported files are \
      then sealed, and 'sos cohort import' refuses a sealed file that was changed after \
      it was written (--require-seal also refuses files without a seal). The key comes \
      from the cohort's secret, so it is the same every time. A seal stops edits made \
      by hand; a trainee who has the key and rebuilds the seal can still forge a file \
      (see facilitator-guide/cohorts.md). Exit status: 0, or 66 for an unknown cohort.
      """
  )

  @Argument(help: "The cohort's name.", completion: .custom(CompletionCandidates.cohortNames))
  var name: String

  @OptionGroup var database: DatabaseOptions

  func run() throws {
    let store = try database.openExisting()
    let cohort = try CohortLookup.named(name, in: store)
    let key = HandInKey(cohort: cohort)
    Output.out(
      key.text + "\n"
        + "Trainees play with: sos play ID --hand-in-key \(key.text)\n"
        + "Sealed files name key \(key.id); 'sos cohort import \(ShellWord.quote(cohort.name))"
        + " FILE…' checks them.\n")
  }
}
