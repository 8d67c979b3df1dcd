import ArgumentParser

@main
struct SOS: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sos",
    abstract: "Play and assess crisis-communication scenarios.",
    version: "0.1.0",
    subcommands: []
  )
}
