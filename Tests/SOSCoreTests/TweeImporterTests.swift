import Testing

@testable import SOSCore

@Suite struct TweeImporterTests {
  static let story = """
    :: StoryTitle
    The "Late" Delivery

    :: StoryData
    { "ifid": "D674C58C", "format": "Harlowe", "start": "Call comes in" }

    :: Call comes in {"position":"100,100"}
    A customer calls: her order is three days late.
    [[Apologise and check the order->Check]]
    [[Blame the courier|Courier]]
    [[Courier<-Say nothing]]

    :: Check [good]
    You find the parcel stuck at the depot.
    [[Done]]
    [[Nowhere]]

    :: Courier
    She posts about it online.

    :: Done
    It arrives the next morning.

    """

  @Test func passagesBecomeNodesAndLinksChoices() throws {
    let imported = try TweeImporter.convert(Self.story, id: "late", kind: .supplyChain).get()
    #expect(imported.nodes == 4)
    #expect(imported.choices == 4)
    #expect(imported.endings == 2)
    #expect(
      imported.notes == [
        "line 13: the link to 'Nowhere' in 'Check' has no passage; it was left out"
      ])
    let result = ScenarioLoader.load(text: imported.yaml, file: "late.yaml")
    let scenario = try #require(result.scenario, "\(result.diagnostics.map(\.headline))")
    #expect(scenario.title == "The \"Late\" Delivery")
    #expect(scenario.start.value == "call-comes-in")
    let first = try #require(scenario.nodes.first { $0.id == "call-comes-in" })
    #expect(first.text == "A customer calls: her order is three days late.")
    #expect(
      first.choices.map(\.text) == [
        "Apologise and check the order", "Blame the courier", "Say nothing",
      ])
    #expect(
      first.choices.map { $0.goto.targets.map(\.value) } == [["check"], ["courier"], ["courier"]])
    #expect(scenario.endings.map(\.id).sorted() == ["courier", "done"])
  }

  @Test func namesBecomeUniqueIDs() {
    #expect(TweeImporter.nodeID("Call comes in!") == "call-comes-in")
    #expect(TweeImporter.nodeID("Ça va?") == "a-va")
    let twee = ":: A b\n[[A-b]]\n:: A-b\nEnd.\n"
    let imported = try? TweeImporter.convert(twee, id: "dup", kind: .outage).get()
    #expect(imported?.yaml.contains("  a-b-2:") == true)
  }

  @Test func notTweeIsRefused() {
    guard case .failure(let failure) = TweeImporter.convert("just text", id: "x", kind: .outage)
    else {
      Issue.record("text without passages should be refused")
      return
    }
    #expect(failure.message.hasPrefix("no passages found"))
  }

  @Test func formatPassagesAreLeftOutAndCodeIsDroppedWithANote() throws {
    let twee = """
      :: StoryTitle
      Server down

      :: Story Stylesheet [stylesheet]
      body { color: red; }

      :: Story JavaScript [script]
      window.x = 1;

      :: StoryInit
      <<set $trust to 50>>

      :: Start
      The server is down. <<set $trust to 50>> <span class="x">Panic</span> {now}.
      [[Tell customers->Tell]]

      :: Tell
      You tell them. <<if $trust > 40>>Good.<</if>>
      """
    let result = try TweeImporter.convert(twee, id: "down", kind: .outage).get()
    #expect(result.nodes == 2)
    #expect(!result.yaml.contains("Stylesheet"))
    #expect(!result.yaml.contains("<<"))
    #expect(!result.yaml.contains("<span"))
    #expect(result.yaml.contains("text: \"The server is down. Panic {{now}}.\""))
    #expect(result.yaml.contains("text: \"You tell them. Good.\""))
    #expect(result.notes.contains { $0.contains("'Start': dropped macros (<<…>>), HTML tags") })
    #expect(
      result.notes.contains {
        $0.contains("left out the story format's own passages (not story): Story Stylesheet,")
      })
    #expect(ScenarioLoader.load(text: result.yaml, file: "down.yaml").scenario != nil)
  }

  @Test func aPublishedHTMLStoryIsToldToExportTwee() {
    let html = "<html><body><tw-storydata name=\"x\"></tw-storydata></body></html>"
    guard case .failure(let failure) = TweeImporter.convert(html, id: "x", kind: .outage) else {
      Issue.record("an HTML story was imported")
      return
    }
    #expect(failure.message.contains("Export as Twee"))
  }
}
