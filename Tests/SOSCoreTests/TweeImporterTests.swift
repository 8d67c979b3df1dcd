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
    #expect(TweeImporter.nodeID("Ça va?") == "ca-va")
    #expect(TweeImporter.identifier(from: "My Story") == "my-story")
    #expect(TweeImporter.identifier(from: "日本") == nil)
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
    #expect(failure.message.hasPrefix("no story passages found"))
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
    #expect(result.yaml.contains("text: \"The server is down. Panic.\""))
    #expect(result.yaml.contains("text: \"You tell them. Good.\""))
    #expect(
      result.notes.contains {
        $0.contains(
          "'Start': dropped macros <<set>>; inserts {now}; HTML <span> (SOS shows plain text")
      })
    #expect(result.notes.filter { $0.contains("'Start'") }.count == 1)
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
    #expect(failure.message.contains("export it as Twee from Twine first"))
    let doctype = "<!DOCTYPE html>\n<html>\n:: Not a passage\n</html>"
    guard case .failure(let other) = TweeImporter.convert(doctype, id: "x", kind: .outage) else {
      Issue.record("an HTML page was imported")
      return
    }
    #expect(other.message.contains("export it as Twee from Twine first"))
  }

  // MARK: - Links and code of each story format

  func body(_ text: String, _ format: TweePassageBody.Format? = nil) -> TweePassageBody {
    TweePassageBody(parsing: text, format: format)
  }

  @Test func everyLinkFormIsAChoice() {
    let parsed = body(
      """
      [[Plain]] [[Go->on->Far]] [[Back<-to<-Home]] [[Say|Said]] [[Set|Setter][$x to 1]]
      [[ ->Empty]] [[Plain]]
      """)
    #expect(
      parsed.links.map { [$0.label, $0.target] } == [
        ["Plain", "Plain"], ["Go->on", "Far"], ["to<-Home", "Back"], ["Say", "Said"],
        ["Set", "Setter"], ["Empty", "Empty"], ["Plain", "Plain"],
      ])
    #expect(parsed.prose.isEmpty)
    #expect(parsed.dropped == ["setter links' assignments"])
  }

  @Test func sugarCubeLinkMacrosAreChoicesAndOtherMacrosGo() {
    let parsed = body(
      """
      !!The alarm
      <<set $map to [[0,1],[1,0]]>>The hall is hot, _temp degrees.
      <<link "Wake the engineer">><<set $calls -= 1>><<goto "Engineer">><</link>>
      <<link "Call IT" "IT desk">><</link>> <<button [[Leave|Car park]]>><</button>>
      <<actions [[Stay]] [[Run]]>> <<goto "Nowhere">>
      <<linkreplace "Look">>You see smoke.<</linkreplace>>
      <<script>>State.variables.x = 1;<</script>>
      /% the end %/
      """, .sugarCube)
    #expect(
      parsed.links.map { [$0.label, $0.target] } == [
        ["Wake the engineer", "Engineer"], ["Call IT", "IT desk"], ["Leave", "Car park"],
        ["Stay", "Stay"], ["Run", "Run"],
      ])
    #expect(parsed.prose == "The alarm\nThe hall is hot, degrees.\n\nYou see smoke.")
    #expect(
      parsed.dropped == [
        "macros <<set>>, <<link>>, <<goto>>, <<button>>, <<actions>> …",
        "variables _temp", "comments", "JavaScript",
      ])
  }

  @Test func harloweMacrosAndHooksGoAndTheirLinksStay() {
    let parsed = body(
      """
      (set: _row to $grid's ($x - 1) )(if: $x is 1)[The lid is loose.](else:)[It's fine.]
      |map>[(display: "Map")]
      (link-goto: "Call the mayor", "Mayor")(link-goto: "Lab")
      (link: "Post first")[(set: $posted to true)(goto: "Social")]
      $seen[You were here.] {
        (cycling-link: bind $tone, "calm", "urgent")
      }
      |==|
      """, .harlowe)
    #expect(
      parsed.links.map { [$0.label, $0.target] } == [
        ["Call the mayor", "Mayor"], ["Lab", "Lab"], ["Post first", "Social"],
      ])
    #expect(parsed.prose == "The lid is loose.It's fine.\n\nYou were here.")
    #expect(parsed.dropped.contains("named hooks"))
    #expect(parsed.dropped.first?.hasPrefix("macros (set:), (if:), (else:), (display:)") == true)
  }

  @Test func chapbookVarsModifiersAndInsertsGo() {
    let parsed = body(
      """
      key: false
      visits (visits > 0): visits + 1
      --
      The archive.
      [if key]
      \t[[Unlock->Records]]
      [else]
      \t*Locked.*
      [JavaScript]
      write('x');
      [continued]
      {reveal link: 'Ask', passage: 'Key'} {back link} {key}
      {link to: 'Desk', label: 'Walk to the desk'}
      """, .chapbook)
    #expect(
      parsed.links.map { [$0.label, $0.target] } == [
        ["Unlock", "Records"], ["Walk to the desk", "Desk"],
      ])
    #expect(parsed.prose == "The archive.\n\n*Locked.*")
    #expect(
      parsed.dropped == [
        "modifiers [if], [else], [javascript], [continued]",
        "inserts {reveal link}, {back link}, {key}, {link to}",
        "Chapbook vars section", "JavaScript",
      ])
  }

  @Test func htmlScriptsStylesAndCommentsGoWithTheirContents() {
    let parsed = body(
      """
      Before<script>alert("x")</script> <style>p { color: red }</style><!-- note -->
      /* hidden */<div class="a">after<br>next</div>
      """, .sugarCube)
    #expect(parsed.prose == "Before\n\nafter\nnext")
    #expect(parsed.dropped == ["HTML <div>, <br>", "comments", "JavaScript", "CSS"])
  }

  @Test func aPlainParenthesisInSugarCubeProseStays() {
    #expect(body("(Note: call back.)", .sugarCube).prose == "(Note: call back.)")
    #expect(body("_Nothing_ is missing", .chapbook).prose == "_Nothing_ is missing")
  }

  @Test func twee2PositionsAndEscapedNamesAreRead() throws {
    let twee = ":: Start [a] <10,20>\n[[Go->B]]\n:: B <30,40>\nEnd.\n:: A \\[1\\] [t]\nx\n"
    let imported = try TweeImporter.convert(twee, id: "t2", kind: .outage).get()
    #expect(imported.yaml.contains("title: \"B\""))
    #expect(imported.yaml.contains("goto: b\n"))
    #expect(imported.yaml.contains("title: \"A [1]\""))
    #expect(TweeImporter.passageTags(":: A \\[b\\] [c d]".dropFirst(2)) == ["c", "d"])
  }

  @Test func unclosedCodeGoesToTheEndOfItsLine() {
    let parsed = body("Smoke.<<if $x\nStill here [[half\n(set: $y to (1\nLast.", nil)
    #expect(parsed.prose == "Smoke.\nStill here half\n\nLast.")
    #expect(parsed.dropped == ["an unclosed <<", "an unclosed [[", "an unclosed (set:"])
    #expect(parsed.links.isEmpty)
  }

  @Test func windowsAndOldMacLineEndsAndAByteOrderMarkAreRead() throws {
    for twee in [
      "\u{FEFF}:: StoryTitle\r\nBOM\r\n:: Start\r\n[[On]]\r\n:: On\r\nEnd.\r\n",
      ":: StoryTitle\rBOM\r:: Start\r[[On]]\r:: On\rEnd.\r",
    ] {
      let imported = try TweeImporter.convert(twee, id: "le", kind: .outage).get()
      #expect(imported.yaml.contains("title: \"BOM\"\n"))
      #expect(imported.nodes == 2)
      #expect(imported.choices == 1)
    }
  }

  // MARK: - Stories that cannot be scenarios

  @Test func aLoopWithoutAnEndingIsRefusedSayingWhatToChange() {
    let twee = ":: Start\n[[Ask->Wait]]\n\n:: Wait\n[[Again->Start]]\n\n:: Lonely\nEnd.\n"
    guard case .failure(let failure) = TweeImporter.convert(twee, id: "x", kind: .outage) else {
      Issue.record("a story with no reachable ending was imported")
      return
    }
    #expect(failure.line == 1)
    #expect(
      failure.message
        == "no ending can be reached from the start passage 'Start': every way from it loops"
        + " back ('Start', 'Wait'), and no link leads to a passage without links; in Twine,"
        + " link one of these passages to a passage with no links of its own, which becomes an"
        + " ending (a jump made by code, <<goto>>, (goto:) or <<include>>, is not a link)")
  }

  @Test func aLoopOffTheWayIsRefusedAtItsPassage() {
    let twee =
      ":: Start\n[[Trap]]\n[[End]]\n:: Trap\n[[Trap 2]]\n:: Trap 2\n[[Trap]]\n:: End\nDone.\n"
    guard case .failure(let failure) = TweeImporter.convert(twee, id: "x", kind: .outage) else {
      Issue.record("a story with a loop and no way out was imported")
      return
    }
    #expect(failure.line == 4)
    #expect(failure.message.hasPrefix("play can reach passage 'Trap' but no ending from it"))
    #expect(failure.message.contains("in Twine"))
  }

  @Test func twoPassagesWithOneNameAreRefused() {
    let twee = ":: Start\nA\n:: Start\nB\n"
    guard case .failure(let failure) = TweeImporter.convert(twee, id: "x", kind: .outage) else {
      Issue.record("a duplicate passage name was imported")
      return
    }
    #expect(failure.line == 3)
  }
}
