import Foundation
import Testing

@Suite struct StatementCommandTests {
  let strong =
    "Northwind Power: we're sorry. Homes in Leeds LS6 lost power at 9am. Engineers are on "
    + "site. Do not use candles. Next update 2pm. Help: 0800 123 4567"

  @Test func jsonHasTheDocumentedShape() throws {
    let outcome = try SOSProcess.run(["statement", "--json", "--channel", "sms", strong])
    #expect(outcome.status == 0)
    #expect(outcome.stderr == "")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let score = try #require(json["score"] as? Int)
    #expect((85...100).contains(score))
    #expect(json["channel"] as? String == "sms")
    #expect(json["length"] as? Int == strong.count)
    #expect(json["limit"] as? Int == 160)
    let readability = try #require(json["readability"] as? [String: Any])
    #expect(readability["fre"] is Double)
    #expect(readability["fkgl"] is Double)
    let criteria = try #require(json["criteria"] as? [[String: Any]])
    #expect(criteria.count == 19)
    #expect(json["caps"] is [Any])
    #expect(json["uncapped"] is Int)
    for criterion in criteria {
      for key in ["id", "label", "result", "points", "max", "evidence"] {
        #expect(criterion[key] != nil, "\(key) missing")
      }
    }
    let apology = try #require(criteria.first { $0["id"] as? String == "apology" })
    #expect(apology["result"] as? String == "pass")
    #expect(apology["evidence"] as? [String] == ["sorry"])
    #expect(outcome.stdout.contains("\"criteria\" : ["))
  }

  @Test func emailJSONHasANullLimit() throws {
    let outcome = try SOSProcess.run(["statement", "--json", "--channel", "email", strong])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("\"limit\" : null"))
  }

  @Test func dashReadsStandardInput() throws {
    let outcome = try SOSProcess.run(
      ["statement", "--channel", "social", "-"], stdin: strong + "\n")
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("Score "))
    #expect(outcome.stdout.contains("PASS  Apology"))
    #expect(outcome.stdout.contains("\"0800 123 4567\""))
    #expect(!outcome.stdout.contains("\u{1B}["))
  }

  @Test func emptyStatementExits65() throws {
    let argument = try SOSProcess.run(["statement", "   "])
    #expect(argument.status == 65)
    #expect(argument.stderr == "error: the statement is empty\n")
    #expect(argument.stdout == "")
    let input = try SOSProcess.run(["statement", "-"], stdin: "\n\n")
    #expect(input.status == 65)
    #expect(input.stderr == "error: the statement is empty\n")
  }

  @Test func unknownChannelExits64WithTheList() throws {
    let outcome = try SOSProcess.run(["statement", "--channel", "fax", "Hello"])
    #expect(outcome.status == 64)
    #expect(
      outcome.stderr.contains(
        "unknown channel 'fax'; use one of: social, sms, email, memo, regulator-notice"))
    #expect(outcome.stdout == "")
  }
}
