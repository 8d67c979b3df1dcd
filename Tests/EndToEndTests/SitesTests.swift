import Foundation
import Testing

/// A programme at several sites: each session carries where it was played, the same
/// name at two sites is two trainees in every report until a facilitator merges them,
/// and the cohort report groups results by site.
@Suite struct SitesTests {
  @Test func theSameNameAtTwoSitesStaysTwoPeopleUntilMerged() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let scenario = try ScriptedScenario.load("broken-cello")
    let script = try scenario.script("strong")
    #expect(try workshop.run(["cohort", "create", "spring"]).status == 0)
    for site in ["Leeds", "Bristol"] {
      let played = try workshop.run(
        [
          "play", "scenarios/\(scenario.file)", "--as", "Alex Morgan", "--seed", "7",
          "--cohort", "spring", "--site", site,
        ], stdin: script.stdin)
      #expect(played.status == 0, "\(played.stderr)")
    }
    for format in ["text", "md", "json", "html"] {
      let report = try workshop.run(["cohort", "report", "spring", "--format", format])
      #expect(report.status == 0, "\(report.stderr)")
      #expect(report.stdout.contains("Alex Morgan (Leeds)"), "\(format)")
      #expect(report.stdout.contains("Alex Morgan (Bristol)"), "\(format)")
    }
    let text = try workshop.run(["cohort", "report", "spring"]).stdout
    #expect(text.contains("2 sessions (2 finished) · 2 trainees"))
    #expect(text.contains("\nSites\n"))
    #expect(text.contains(/Bristol +1 +1 +1 +98\.4 +1 of 1/))

    let list = try workshop.run(["trainee", "list", "--cohort", "spring", "--json"])
    let trainees = try #require(
      try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    let ids = trainees.compactMap { ($0["id"] as? String).map { String($0.prefix(8)) } }
    #expect(ids.count == 2)
    let merged = try workshop.run(["trainee", "merge"] + ids)
    #expect(merged.status == 0, "\(merged.stderr)")
    let after = try workshop.run(["cohort", "report", "spring"]).stdout
    #expect(after.contains("2 sessions (2 finished) · 1 trainee"))
    #expect(!after.contains("Alex Morgan (Leeds)"))
    let wrong = try workshop.run(["trainee", "merge", "zzzz", ids[0]])
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("is not a trainee id"))
  }
}
