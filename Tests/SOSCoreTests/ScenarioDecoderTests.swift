import Testing

@testable import SOSCore

/// Decoding of every construct of the format, checked value by value.
@Suite struct ScenarioDecoderTests {
  static let complete = """
    format: 1
    id: complete
    title: Every construct
    kind: data-breach
    cluster: preventable
    difficulty: advanced
    minutes: 25
    role: Head of Customer Care
    briefing: |
      A researcher emails.
    starts_at: "09:00"
    time_limit: 2m
    stakeholders:
      customers: { label: Affected customers, required: true }
      regulator: { label: Supervisory authority, required: true, description: The DPA }
      media: { label: Press }
    state: { trust: 60, facts_confirmed: false, owner: "nobody" }
    deadlines:
      - id: regulator-notice
        label: Notify the supervisory authority
        by: 72h
        met: contacted(regulator)
      - id: holding
        label: First public statement
        by: 1h
        grace: 5h
        weight: 2
        met: tagged(public-statement)
    cadence:
      - { stakeholder: customers, every: 24h, weight: 2, label: Customer updates }
    injects:
      - id: reporter
        at: 3h
        unless: tagged(public-statement)
        text: A reporter calls.
        effects: { add: { trust: -10 } }
        tags: [press-aware]
        goto: press
    start: discovery
    nodes:
      discovery:
        text: 09:00. An email arrives.
        time_limit: 45s
        on_timeout: { takes: 20m, text: You hesitate., goto: discovery }
        choices:
          - id: convene
            text: Convene the crisis team
            takes: 45m
            when: trust > 10
            contacts: [customers]
            quality: { transparency: 1, accountability: 2 }
            posture: rebuild
            plan: [research, resources]
            effects: { set: { facts_confirmed: true, owner: "legal" } }
            feedback: Facts first.
            hint: Who needs to know?
            promise: { to: customers, within: 24h, label: next update }
            goto:
              - { when: facts_confirmed, to: post }
              - { to: press }
          - text: Say nothing
            takes: 10m
            posture: deny
            quality: { transparency: -2 }
            goto: press
      post:
        text: Write the post.
        choices:
          - id: write-post
            text: Write it yourself
            takes: 30m
            tags: [public-statement]
            contacts: [customers, regulator]
            quality: { clarity: 1 }
            write:
              channel: social
              audience: customers
              prompt: Write the first public post.
              must:
                - { id: what-happened, any: [exposed, breach], label: What happened }
              avoid:
                - { id: minimising, any: ["only a small number"] }
              limit: 200
            goto: done
      press:
        text: The press is calling.
        choices:
          - text: Call back
            takes: 15m
            contacts: [media]
            quality: { empathy: 1 }
            goto: return
          - text: Ignore it
            quality: { empathy: -1 }
            goto: done
      done:
        title: Recovered
        text: It is over.
        ending: true
        outcome: 85
    reflection:
      - What did you know at 10:00?
    scoring:
      weights: { timeliness: 50, communication: 40, outcome: 10 }
      pass: 70

    """

  func load(_ text: String) -> ScenarioLoadResult {
    ScenarioLoader.load(text: text, file: "complete.yaml")
  }

  @Test func decodesTopLevel() throws {
    let result = load(Self.complete)
    #expect(result.diagnostics == [])
    let scenario = try #require(result.scenario)
    #expect(scenario.format == 1)
    #expect(scenario.id == "complete")
    #expect(scenario.kind == .dataBreach)
    #expect(scenario.cluster == .preventable)
    #expect(scenario.difficulty == .advanced)
    #expect(scenario.minutes == 25)
    #expect(scenario.briefing == "A researcher emails.\n")
    #expect(scenario.startsAt == 540)
    #expect(scenario.timeLimit == ClockDuration(seconds: 120))
    #expect(scenario.start == Located("discovery", at: SourcePosition(line: 39, column: 8)))
    #expect(scenario.reflection == ["What did you know at 10:00?"])
    #expect(
      scenario.scoring
        == ScoringSettings(
          timelinessWeight: 50, communicationWeight: 40, outcomeWeight: 10, pass: 70))
  }

  @Test func decodesStakeholdersStateDeadlinesCadenceInjects() throws {
    let scenario = try #require(load(Self.complete).scenario)
    #expect(
      scenario.stakeholders == [
        Stakeholder(
          id: "customers", label: "Affected customers", required: true,
          position: SourcePosition(line: 14, column: 3)),
        Stakeholder(
          id: "regulator", label: "Supervisory authority", required: true,
          description: "The DPA", position: SourcePosition(line: 15, column: 3)),
        Stakeholder(id: "media", label: "Press", position: SourcePosition(line: 16, column: 3)),
      ])
    #expect(scenario.variables.map(\.name) == ["trust", "facts_confirmed", "owner"])
    #expect(
      scenario.variables.map(\.initial) == [.integer(60), .boolean(false), .text("nobody")])
    #expect(scenario.deadlines.map(\.id) == ["regulator-notice", "holding"])
    let holding = scenario.deadlines[1]
    #expect(holding.by == .hours(1))
    #expect(holding.grace == .hours(5))
    #expect(holding.weight == 2)
    #expect(holding.met.source == "tagged(public-statement)")
    #expect(holding.met.position == SourcePosition(line: 28, column: 10))
    #expect(scenario.deadlines[0].grace == .zero)
    #expect(scenario.deadlines[0].weight == 1)
    let cadence = try #require(scenario.cadence.first)
    #expect(cadence.stakeholder.value == "customers")
    #expect(cadence.every == .hours(24))
    #expect(cadence.weight == 2)
    #expect(cadence.label == "Customer updates")
    let inject = try #require(scenario.injects.first)
    #expect(inject.id == "reporter")
    #expect(inject.at == .hours(3))
    #expect(inject.when == nil)
    #expect(inject.unless?.source == "tagged(public-statement)")
    #expect(inject.effects.add.map(\.amount) == [-10])
    #expect(inject.tags == ["press-aware"])
    #expect(inject.goto?.value == "press")
  }

  @Test func decodesNodesAndChoices() throws {
    let scenario = try #require(load(Self.complete).scenario)
    #expect(scenario.nodes.map(\.id) == ["discovery", "post", "press", "done"])
    let discovery = try #require(scenario.node("discovery"))
    #expect(discovery.timeLimit == ClockDuration(seconds: 45))
    #expect(discovery.onTimeout?.takes == .minutes(20))
    #expect(discovery.onTimeout?.text == "You hesitate.")
    #expect(discovery.onTimeout?.goto?.value == "discovery")
    let convene = discovery.choices[0]
    #expect(convene.id == "convene")
    #expect(convene.takes == .minutes(45))
    #expect(convene.when?.source == "trust > 10")
    #expect(convene.contacts.map(\.value) == ["customers"])
    #expect(convene.quality == [.transparency: 1, .accountability: 2])
    #expect(convene.posture == .rebuild)
    #expect(convene.plan == [.research, .resources])
    #expect(convene.effects.set.map(\.value) == [.boolean(true), .text("legal")])
    #expect(convene.feedback == "Facts first.")
    #expect(convene.hint == "Who needs to know?")
    #expect(convene.promise?.to.value == "customers")
    #expect(convene.promise?.within == .hours(24))
    #expect(convene.promise?.label == "next update")
    guard case .branches(let branches) = convene.goto else {
      Issue.record("expected conditional goto")
      return
    }
    #expect(branches.map(\.to.value) == ["post", "press"])
    #expect(branches[0].when?.source == "facts_confirmed")
    #expect(branches[1].when == nil)
    // A choice without an id gets <node>.<n>.
    #expect(discovery.choices[1].id == "discovery.2")
    #expect(discovery.choices[1].takes == .minutes(10))
    #expect(discovery.choices[1].posture == .deny)

    let write = try #require(scenario.node("post")?.choices[0].write)
    #expect(write.channel == .social)
    #expect(write.audience.value == "customers")
    #expect(
      write.must == [
        Phrase(id: "what-happened", any: ["exposed", "breach"], label: "What happened")
      ])
    #expect(write.avoid == [Phrase(id: "minimising", any: ["only a small number"])])
    #expect(write.characterLimit == 200)

    let press = try #require(scenario.node("press"))
    if case .returnToDiverted = press.choices[0].goto {
    } else {
      Issue.record("expected goto: return")
    }
    #expect(press.choices[1].takes == .zero)
    let done = try #require(scenario.node("done"))
    #expect(done.isEnding)
    #expect(done.outcome == 85)
    #expect(done.title == "Recovered")
    #expect(done.choices.isEmpty)
  }

  @Test func summaryCountsTheShape() throws {
    let scenario = try #require(load(Self.complete).scenario)
    let summary = ScenarioSummary(scenario, file: "complete.yaml")
    #expect(summary.nodes == 4)
    #expect(summary.decisions == 3)
    #expect(summary.endings == 1)
    #expect(summary.injects == 1)
    #expect(summary.deadlines == 2)
    #expect(summary.statements == 1)
  }

  @Test func defaultsApplyWhenFieldsAreAbsent() throws {
    let minimal = """
      format: 1
      id: minimal
      title: Minimal
      kind: outage
      cluster: victim
      difficulty: introductory
      minutes: 5
      role: Manager
      briefing: Short.
      stakeholders: { staff: { label: Staff } }
      start: a
      nodes:
        a: { text: Go., choices: [{ text: Done, goto: b }] }
        b: { text: End., ending: true, outcome: 0 }
      """
    let scenario = try #require(load(minimal).scenario)
    #expect(scenario.timeLimit == ClockDuration(seconds: 90))
    #expect(scenario.startsAt == nil)
    #expect(scenario.scoring == ScoringSettings())
    #expect(scenario.variables.isEmpty)
    #expect(scenario.stakeholders[0].required == false)
    #expect(scenario.nodes[0].choices[0].id == "a.1")
    #expect(scenario.nodes[0].choices[0].quality.isEmpty)
  }

  @Test func reportsSeveralIndependentErrorsInOneRun() {
    let text = Self.complete
      .replacingOccurrences(of: "minutes: 25", with: "minutes: lots")
      .replacingOccurrences(of: "difficulty: advanced", with: "difficulty: expert")
    let codes = load(text).diagnostics.map(\.code)
    #expect(codes == [.invalidValue, .wrongType])
  }
}
