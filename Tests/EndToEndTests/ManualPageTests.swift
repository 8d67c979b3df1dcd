import Foundation
import Testing

/// docs/sos.1, the committed manual page, against the commands as they are: a command
/// or option added without regenerating the page (README, "Manual page") fails here.
@Suite struct ManualPageTests {
  @Test func theManualNamesEveryCommandAndOption() throws {
    let page = try String(
      contentsOf: SOSProcess.repositoryRoot.appendingPathComponent("docs/sos.1"),
      encoding: .utf8)
    let outcome = try SOSProcess.run(["--experimental-dump-help"])
    let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    let root = try #require((json as? [String: Any])?["command"] as? [String: Any])
    var checked = 0
    func walk(_ command: [String: Any]) {
      for sub in command["subcommands"] as? [[String: Any]] ?? [] {
        guard let name = sub["commandName"] as? String, name != "help" else { continue }
        #expect(page.contains(".It Em \(name)\n"), "docs/sos.1 lacks the command \(name)")
        for argument in sub["arguments"] as? [[String: Any]] ?? [] {
          // An option with several spellings (--anonymise, --anonymize) is shown by one.
          let longs = (argument["names"] as? [[String: Any]] ?? [])
            .filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
          if let first = longs.first {
            #expect(
              longs.contains { page.contains("Fl -\($0)") },
              "docs/sos.1 lacks --\(first) of \(name)")
          }
        }
        checked += 1
        walk(sub)
      }
    }
    walk(root)
    #expect(checked > 20)
  }
}
