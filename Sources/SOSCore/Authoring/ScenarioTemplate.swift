/// A starter scenario for `sos new`: small, complete, commented, and clean under
/// `sos validate` and `sos lint`, so an author edits something that already works.
public enum ScenarioTemplate {
  /// The SCCT cluster a kind of crisis usually falls in, as a starting point.
  public static func usualCluster(for kind: CrisisKind) -> CrisisCluster {
    switch kind {
    case .naturalDisaster: return .victim
    case .recall, .outage, .supplyChain: return .accidental
    case .dataBreach, .misconduct, .prDisaster, .customerHarm, .miscommunication, .keyAccount:
      return .preventable
    }
  }

  /// The starter text. `id` must already be a valid id; `title` is quoted as needed.
  public static func starter(id: String, title: String, kind: CrisisKind) -> String {
    let quotedTitle =
      "\""
      + title.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    return """
      # yaml-language-server: $schema=../schema/scenario.schema.json
      #
      # A starter scenario made by `sos new`. Every field is explained in
      # facilitator-guide/authoring.md. Check your changes as you go:
      #   sos validate FILE   errors that stop the scenario loading
      #   sos lint FILE       warnings about what is probably not meant
      #   sos play FILE       play it (add --mode practice for hints and feedback)
      format: 1
      id: \(id)
      title: \(quotedTitle)
      kind: \(kind.rawValue)
      cluster: \(usualCluster(for: kind).rawValue)   # victim | accidental | preventable (SCCT)
      difficulty: introductory   # introductory | intermediate | advanced
      minutes: 15                # expected real playing time
      role: Duty manager, Example Company
      starts_at: "09:00"         # the time of day at T+0
      briefing: |
        Describe the organisation, the trainee's role, and the moment the crisis is
        discovered. The clock starts at T+0, when the briefing ends.
      stakeholders:
        customers: { label: Customers, required: true }
        staff: { label: Front-line staff, required: true }
        media: { label: Press }
      state:
        trust: 50                # numbers, true/false or texts; changed by effects
      deadlines:
        - id: first-statement
          label: First public statement within the first hour
          by: 1h
          grace: 2h              # credit falls to nothing over this span after `by`
          weight: 2
          met: tagged(public-statement)
      cadence:
        - { stakeholder: customers, every: 4h, label: Regular updates to customers }
      injects:
        - id: reporter-calls
          at: 1h30m
          unless: tagged(public-statement)   # silence is punished
          text: A reporter calls and asks why the company has said nothing.
          effects: { add: { trust: -10 } }
      start: discovery
      nodes:
        discovery:
          title: The first call
          text: |
            Say what has just happened, who noticed, and what is known so far.
          choices:
            - id: statement-now
              text: Write a short holding statement for customers now
              takes: 20m
              tags: [public-statement]
              contacts: [media]
              posture: rebuild
              plan: [communications, timeline]
              quality: { transparency: 2, empathy: 1 }
              write:
                channel: social          # social (280) | sms (160) | email | memo | regulator-notice
                audience: customers
                prompt: Write the first post. Say what happened, what to do, and when you will update.
                must:
                  - { id: what-happened, label: Says what happened, any: [problem, fault, outage, "went wrong"] }
                  - { id: next-update, label: Says when the next update comes, any: ["next update", "update you"] }
                avoid:
                  - { id: minimising, label: Minimising, any: ["minor issue", "small number"] }
              feedback: A prompt, honest first word sets the story before others do.
              hint: What do customers need to hear first, and when will they hear more?
              goto: staff
            - id: wait
              text: Wait until the facts are confirmed
              takes: 2h
              plan: [research]
              quality: { transparency: -2 }
              effects: { add: { trust: -5 } }
              feedback: Silence is also a message; others fill it.
              goto: staff
        staff:
          title: The front line
          text: |
            Staff are getting questions they cannot answer.
          choices:
            - id: brief-staff
              text: Brief staff with what to say and who to pass difficult cases to
              takes: 30m
              contacts: [staff]
              plan: [communications, resources]
              quality: { coverage: 2, clarity: 1 }
              feedback: Staff are your first spokespeople.
              hint: Who will customers ask first?
              goto: update
            - id: no-comment
              text: Tell staff to say "no comment"
              takes: 5m
              contacts: [staff]
              posture: diminish
              quality: { coverage: -1, transparency: -2 }
              effects: { add: { trust: -5 } }
              feedback: Customers hear "no comment" from people who clearly know something.
              goto: update
        update:
          title: The next update
          text: |
            An hour later, the cause is known and a fix is under way.
          choices:
            - id: update-customers
              text: Update customers with the cause, the fix and when it will be done
              takes: 30m
              contacts: [customers, media]
              posture: rebuild
              plan: [timeline]
              quality: { transparency: 2, actionability: 1 }
              effects: { add: { trust: 10 } }
              feedback: Regular, candid updates make the first statement believable.
              goto:
                - { when: trust >= 55 and met(first-statement), to: recovered }
                - { when: trust < 40, to: lost }
                - { to: contained }
            - id: blame-supplier
              text: Say a supplier caused it and it is out of your hands
              takes: 15m
              contacts: [customers]
              posture: deny
              quality: { accountability: -3 }
              effects: { add: { trust: -10 } }
              feedback: Customers blame the name on the door, whoever the supplier was.
              goto:
                - { when: trust < 40, to: lost }
                - { to: contained }
        recovered:
          title: Trusted more than before
          ending: true
          outcome: 90
          text: Customers praise the quick, honest updates.
        contained:
          title: Contained
          ending: true
          outcome: 60
          text: The story fades, but trust has dipped.
        lost:
          title: Lost them
          ending: true
          outcome: 10
          text: Customers leave, and the story runs for days.
      reflection:
        - What did you know at T+0 that you could have said at once?
        - Who heard about the crisis from someone other than you?

      """
  }
}
