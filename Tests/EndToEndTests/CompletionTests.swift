import Foundation
import Testing

/// Shell completion: the scripts `sos --generate-completion-script` writes, and the
/// answers `sos` gives when those scripts call it back for scenario ids, cohort names
/// and session ids.
@Suite struct CompletionTests {
  /// What `sos` offers for the word at `index` of `words` (the command line as the
  /// shell split it, `sos` first) with the cursor at its end, as the completion
  /// scripts ask for it.
  static func complete(
    _ command: [String], _ argument: String, words: [String], index: Int,
    environment: [String: String] = [:]
  ) throws -> [String] {
    let outcome = try SOSProcess.run(
      ["---completion"] + command
        + ["--", argument, String(index), String(words[index].utf8.count)] + words,
      environment: environment)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr == "")
    return outcome.stdout.split(separator: "\n").map(String.init)
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func scriptsCompleteFilesAndCallBackForIds(shell: String) throws {
    let outcome = try SOSProcess.run(["--generate-completion-script", shell])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let script = outcome.stdout
    // Ids come from sos itself, at completion time.
    #expect(script.contains("---completion play -- positional@0"))
    #expect(script.contains("---completion resume -- positional@0"))
    #expect(script.contains("---completion cohort show -- positional@0"))
    // File arguments complete file names of their kind.
    for pattern in ["yaml", "twee", "json"] { #expect(script.contains(pattern), "\(pattern)") }
  }

  @Test func scenarioIdsComeFromTheScenarioFolder() throws {
    let ids = try Self.complete(
      ["play"], "positional@0", words: ["sos", "play", "no"], index: 2)
    #expect(ids == ["no-chicken"])
    let fixtures = "Tests/SOSCoreTests/Fixtures/valid"
    let fromOption = try Self.complete(
      ["play"], "positional@0", words: ["sos", "play", "", "--scenarios", fixtures], index: 2)
    #expect(fromOption.contains("minimal"))
    #expect(!fromOption.contains("no-chicken"))
  }

  @Test func aScenarioArgumentCompletesFilesOnceItLooksLikeAPath() throws {
    let files = try Self.complete(
      ["analyze"], "positional@0", words: ["sos", "analyze", "scenarios/sup"], index: 2)
    #expect(files == ["scenarios/supply-chain.yaml"])
    let folders = try Self.complete(
      ["graph"], "positional@0", words: ["sos", "graph", "./scen"], index: 2)
    #expect(folders == ["./scenarios/"])
  }

  @Test func cohortsAndSessionsComeFromTheDatabaseNamedOnTheLine() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    #expect(try workshop.run(["cohort", "create", "leeds-march"]).status == 0)
    _ = try workshop.play("no-chicken", ["1"])
    _ = try workshop.play("no-chicken", ["1"])
    let all = try workshop.sessions().compactMap {
      ($0["id"] as? String).map { String($0.prefix(8)) }
    }
    try #require(all.count == 2)
    #expect(try workshop.run(["abandon", all[0]]).status == 0)

    let cohorts = try Self.complete(
      ["cohort", "report"], "positional@0",
      words: ["sos", "cohort", "report", "le", "--db", workshop.db], index: 3)
    #expect(cohorts == ["leeds-march"])
    let option = try Self.complete(
      ["play"], "--cohort", words: ["sos", "play", "--db=\(workshop.db)", "--cohort", ""], index: 4)
    #expect(option == ["leeds-march"])
    // Resume offers only what can be resumed; debrief any session.
    let resumable = try Self.complete(
      ["resume"], "positional@0", words: ["sos", "resume", "", "--db", workshop.db], index: 2)
    #expect(resumable == [all[1]])
    let any = try Self.complete(
      ["debrief"], "positional@0", words: ["sos", "debrief", "", "--db", workshop.db], index: 2)
    #expect(Set(any) == Set(all))
  }

  @Test func completingNeverCreatesADatabase() throws {
    let folder = try SOSProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("missing.sqlite").path
    let offered = try Self.complete(
      ["resume"], "positional@0", words: ["sos", "resume", "", "--db", db], index: 2,
      environment: ["SOS_DB": db])
    #expect(offered == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }
}
