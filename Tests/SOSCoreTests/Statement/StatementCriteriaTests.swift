import Testing

@testable import SOSCore

@Suite struct StatementCriteriaTests {
  static func criterion(
    _ id: String, _ text: String, channel: Channel = .social, audience: String? = nil,
    must: [Phrase] = [], avoid: [Phrase] = []
  ) -> StatementCriterion? {
    // The criterion as judged, before a text too short to be a statement fails them all
    // (see `textsThatAreNotStatementsFailEveryCriterion`).
    StatementAnalyzer().evaluation(text, channel: channel, audience: audience, limit: nil)
      .criteria(must: must, avoid: avoid).first { $0.id == id }
  }

  /// A neutral sentence that gives a short example the substance that criteria passed
  /// by absence need (see `substanceLevel`), without tripping any of them.
  static let substance = " Our engineers are replacing the server in Leeds since 9am."

  static func result(
    _ id: String, _ text: String, channel: Channel = .social, audience: String? = nil
  ) -> StatementCriterion.Result? {
    let padded =
      StatementEvaluation.absenceCriteria.contains(id) && text.split(separator: " ").count < 12
      ? text + substance : text
    return criterion(id, padded, channel: channel, audience: audience)?.result
  }

  @Test func absenceOfFaultsNeedsSomeSubstance() {
    // Nothing concrete: the faults it avoids earn nothing; a little: half.
    #expect(Self.criterion("jargon", "We are sorry about all of this.")?.result == .fail)
    #expect(Self.criterion("jargon", "We are sorry about the outage.")?.result == .partial)
    #expect(Self.result("jargon", "We are sorry.") == .pass)
    let few = StatementAnalyzer().analyze("ok", channel: .social)
    let more = StatementAnalyzer().analyze(
      "We are sorry: our app was down this morning. We are fixing it now.", channel: .social)
    #expect(few.score < more.score)
  }

  @Test func apology() {
    let real = Self.criterion("apology", "We apologise for the delay to your order.")
    #expect(real?.result == .pass)
    #expect(real?.evidence == ["apologise"])
    #expect(real?.advice == "")
    #expect(Self.result("apology", "We are deeply sorry that we let you down.") == .pass)
    #expect(Self.result("apology", "Please accept our apologies.") == .pass)
    let conditional = Self.criterion("apology", "We're sorry if anyone was upset by the post.")
    #expect(conditional?.result == .partial)
    #expect(conditional?.evidence.first == "sorry if")
    #expect(Self.result("apology", "Sorry, but our staff followed policy.") == .partial)
    #expect(Self.result("apology", "We apologise for any inconvenience caused.") == .partial)
    #expect(Self.result("apology", "We are sorry that you feel that way.") == .partial)
    #expect(Self.result("apology", "We regret the disruption.") == .partial)
    #expect(Self.result("apology", "We were sorry to hear about your visit.") == .partial)
    #expect(Self.result("apology", "The app is down. We are fixing it.") == .fail)
    #expect(Self.result("apology", "We will not apologise for our policy.") == .fail)
  }

  @Test func empathy() {
    #expect(Self.result("empathy", "We know how worrying this is.") == .pass)
    #expect(Self.result("empathy", "This must be frustrating.") == .pass)
    #expect(Self.result("empathy", "Our thoughts are with the families.") == .pass)
    #expect(Self.result("empathy", "If you are worried, call us.") == .partial)
    #expect(Self.result("empathy", "The app is down from 9am.") == .fail)
  }

  @Test func ownership() {
    let owned = Self.criterion("ownership", "We made a mistake and we take full responsibility.")
    #expect(owned?.result == .pass)
    #expect(owned?.evidence == ["We made a mistake", "we take full responsibility"])
    #expect(Self.result("ownership", "This was our error.") == .pass)
    let passive = Self.criterion("ownership", "Mistakes were made. Some data was exposed.")
    #expect(passive?.result == .fail)
    #expect(passive?.evidence == ["Mistakes were made", "was exposed"])
    #expect(Self.result("ownership", "An error occurred overnight.") == .fail)
    // A "we" in the sentence names the agent.
    #expect(
      Self.result("ownership", "Your data was exposed when we changed a setting.") == .partial)
    #expect(Self.result("ownership", "Data was exposed by our contractor.") == .partial)
    #expect(Self.result("ownership", "We got this wrong. Data was exposed.") == .partial)
    #expect(Self.result("ownership", "We did not make a mistake.") == .partial)
  }

  @Test func blame() {
    #expect(Self.result("blame", "We made a mistake and we are fixing it.") == .pass)
    let shifted = Self.criterion("blame", "This was caused by a third-party supplier.")
    #expect(shifted?.result == .fail)
    #expect(shifted?.evidence == ["third-party", "supplier"])
    #expect(Self.result("blame", "The passenger was belligerent.") == .fail)
    #expect(Self.result("blame", "It was user error, beyond our control.") == .fail)
    #expect(
      Self.result("blame", "Our supplier erred, but it was our mistake to trust them.") == .partial)
  }

  @Test func whatHappened() {
    #expect(Self.result("what-happened", "Our app has been down since 7am.") == .pass)
    #expect(Self.result("what-happened", "There was an outage.") == .partial)
    #expect(Self.result("what-happened", "We care about our customers.") == .fail)
  }

  @Test func whoAffected() {
    #expect(Self.result("who-affected", "If you bought a kettle in May, read on.") == .pass)
    #expect(Self.result("who-affected", "About 4,000 customers are affected.") == .pass)
    #expect(Self.result("who-affected", "Customers in Leeds have no power.") == .pass)
    #expect(Self.result("who-affected", "We are sorry, customers.") == .partial)
    #expect(Self.result("who-affected", "An outage happened.") == .fail)
  }

  @Test func whatToDo() {
    let told = Self.criterion("what-to-do", "Do not eat the bars. Return them for a refund.")
    #expect(told?.result == .pass)
    #expect(told?.evidence == ["Do not eat the bars", "Return them for"])
    #expect(Self.result("what-to-do", "Please change your password today.") == .pass)
    #expect(Self.result("what-to-do", "If you bought one, stop using it.") == .pass)
    #expect(Self.result("what-to-do", "You should check your statement.") == .pass)
    #expect(Self.result("what-to-do", "You do not need to do anything.") == .pass)
    #expect(Self.result("what-to-do", "You may wish to check your statement.") == .partial)
    #expect(Self.result("what-to-do", "We checked the systems and we should check again.") == .fail)
    #expect(Self.result("what-to-do", "Update: the app is back.") == .fail)
    #expect(
      Self.result("what-to-do", "There is no need to take any action.", channel: .memo) == .partial)
  }

  @Test func whatWeAreDoing() {
    #expect(Self.result("what-we-are-doing", "Our engineers are replacing the router.") == .pass)
    #expect(
      Self.result("what-we-are-doing", "We have stopped sales and recalled the bars.") == .pass)
    #expect(Self.result("what-we-are-doing", "We will refund every customer.") == .pass)
    #expect(Self.result("what-we-are-doing", "We are looking into it.") == .partial)
    #expect(Self.result("what-we-are-doing", "We take this very seriously.") == .partial)
    #expect(Self.result("what-we-are-doing", "The app is down.") == .fail)
    #expect(Self.result("what-we-are-doing", "We will not comment.") == .fail)
  }

  @Test func nextUpdate() {
    let timed = Self.criterion("next-update", "We will update you by 5pm today.")
    #expect(timed?.result == .pass)
    #expect(timed?.evidence == ["We will update you by 5pm today"])
    #expect(Self.result("next-update", "Next update within 24 hours.") == .pass)
    #expect(Self.result("next-update", "We will email you again tomorrow at 9am.") == .pass)
    #expect(Self.result("next-update", "We'll keep you updated.") == .partial)
    #expect(Self.result("next-update", "The app is down.") == .fail)
  }

  @Test func whereHelp() {
    #expect(Self.result("where-help", "Call 0800 123 4567.") == .pass)
    #expect(Self.result("where-help", "See northwind.example/help.") == .pass)
    #expect(Self.result("where-help", "Email help@northwind.example.") == .pass)
    #expect(Self.result("where-help", "DM @NorthwindHelp.") == .pass)
    #expect(
      Self.result("where-help", "Questions? Call Priya on ext 4410.", channel: .memo) == .pass)
    #expect(Self.result("where-help", "Please contact us.") == .partial)
    #expect(Self.result("where-help", "The app is down.") == .fail)
  }

  @Test func knownUnknown() {
    #expect(
      Self.result("known-unknown", "We do not yet know how many people are affected.") == .pass)
    #expect(Self.result("known-unknown", "We are still investigating the cause.") == .pass)
    #expect(Self.result("known-unknown", "The app is down.") == .fail)
  }

  @Test func speculation() {
    #expect(Self.result("speculation", "The app is down. We are fixing it.") == .pass)
    #expect(Self.result("speculation", "It was probably a power cut.") == .partial)
    let guesses = Self.criterion(
      "speculation", "We think it may have been caused by a storm. It is likely fixed.")
    #expect(guesses?.result == .fail)
    #expect(guesses?.evidence == ["We think", "may have been caused", "likely"])
    #expect(Self.result("speculation", "We will fix it as soon as possible.") == .pass)
  }

  @Test func overPromising() {
    #expect(Self.result("over-promising", "We will update you at 5pm.") == .pass)
    #expect(Self.result("over-promising", "Your data is completely secure.") == .partial)
    #expect(Self.result("over-promising", "We guarantee this will never happen again.") == .fail)
  }

  @Test func jargon() {
    #expect(Self.result("jargon", "We will use the backup to fix it.") == .pass)
    let one = Self.criterion("jargon", "We will utilize the backup.")
    #expect(one?.result == .partial)
    #expect(one?.evidence == ["utilize"])
    #expect(one?.advice == "Use plain words: \"use\" for \"utilize\".")
    let many = Self.criterion("jargon", "We will remediate the root cause of the exfiltration.")
    #expect(many?.result == .fail)
    #expect(many?.evidence == ["remediate", "root cause", "exfiltration"])
    // A regulator may read legal and technical terms, not minimising ones.
    #expect(
      Self.result(
        "jargon", "Pursuant to Article 33, the root cause was a misconfiguration.",
        channel: .regulatorNotice) == .pass)
    #expect(
      Self.result("jargon", "We regret the inconvenience.", channel: .regulatorNotice)
        == .partial)
  }

  @Test func readability() {
    #expect(Self.result("readability", "We are sorry. The app is down. We will fix it.") == .pass)
    let hard = Self.criterion(
      "readability",
      "Notwithstanding comprehensive organisational investigations, unanticipated "
        + "infrastructural irregularities necessitated temporary operational discontinuation.")
    #expect(hard?.result == .fail)
    #expect(hard?.evidence.contains("comprehensive") == true)
  }

  @Test func sentenceLength() {
    #expect(Self.result("sentence-length", "We are sorry. The app is down.") == .pass)
    let long = Array(repeating: "word", count: 30).joined(separator: " ") + "."
    let criterion = Self.criterion("sentence-length", long)
    #expect(criterion?.result == .fail)
    #expect(criterion?.evidence == ["word word word word word word word word…"])
    let medium = Array(repeating: "word", count: 38).joined(separator: " ") + "."
    #expect(Self.criterion("sentence-length", medium + Self.substance)?.result == .partial)
  }

  @Test func channelLength() {
    #expect(Self.result("channel-length", "We are sorry.") == .pass)
    let long = String(repeating: "We are sorry. ", count: 25)
    let social = Self.criterion("channel-length", long)
    #expect(social?.result == .fail)
    #expect(social?.advice == "Cut it to 280 characters (it is 349).")
    let words = String(repeating: "We are fixing it now. ", count: 70)
    #expect(
      Self.criterion("channel-length", words + Self.substance, channel: .email)?.result == .partial)
    #expect(
      Self.criterion("channel-length", words + Self.substance, channel: .regulatorNotice)?.result
        == .pass)
  }

  @Test func mustAndAvoidPhrases() {
    let must = [
      Phrase(id: "what-happened", any: ["exposed", "publicly readable"]),
      Phrase(id: "what-to-do", any: ["change your password"], label: "Tells them to act"),
    ]
    let avoid = [Phrase(id: "minimising", any: ["only a small number", "not sensitive"])]
    let analysis = StatementAnalyzer().analyze(
      "We exposed your e-mail address. Changing your passwords is wise. Only a small "
        + "number of people were affected.",
      channel: .social, must: must, avoid: avoid)
    let happened = analysis.criterion("must:what-happened")
    #expect(happened?.result == .pass)
    #expect(happened?.evidence == ["exposed"])
    #expect(happened?.label == "Says what-happened")
    let action = analysis.criterion("must:what-to-do")
    #expect(action?.result == .pass)
    #expect(action?.evidence == ["Changing your passwords"])
    #expect(action?.label == "Tells them to act")
    let minimising = analysis.criterion("avoid:minimising")
    #expect(minimising?.result == .fail)
    #expect(minimising?.evidence == ["Only a small number"])
    #expect(minimising?.dimension == .accountability)

    let silent = StatementAnalyzer().analyze(
      "We are sorry." + Self.substance, channel: .social, must: must, avoid: avoid)
    #expect(silent.criterion("must:what-happened")?.result == .fail)
    #expect(
      silent.criterion("must:what-happened")?.advice
        == "Say it plainly, in words such as \"exposed\".")
    #expect(silent.criterion("avoid:minimising")?.result == .pass)
  }

  @Test func textsThatAreNotStatementsFailEveryCriterion() {
    for text in [
      "", "   \n\t", "?!…", "😀😀", "https://northwind.example/help", "ok", "1", "asdf",
      "test test test test test", "Sorry.", "Lorem ipsum dolor sit amet, consectetur adipiscing.",
      "asdf jkl qwer zxcv hjkl uiop", "Sorry for the inconvenience, thanks for patience",
    ] {
      let analysis = StatementAnalyzer().analyze(text, channel: .social)
      #expect(analysis.score == 0, "\(text)")
      #expect(analysis.nonsense != nil, "\(text)")
      #expect(!analysis.isStatement)
      #expect(analysis.criteria.allSatisfy { $0.result == .fail && $0.points == 0 })
      #expect(analysis.criteria.allSatisfy { $0.advice.hasPrefix("This is not yet a statement") })
    }
    // Plain, short and in non-native English is still a statement.
    #expect(
      StatementAnalyzer().analyze("We say sorry. Please not try payment again.", channel: .sms)
        .isStatement)
  }

  @Test func audienceChoosesTheProfile() {
    #expect(StatementProfile.of(channel: .social, audience: "customers") == .social)
    #expect(StatementProfile.of(channel: .email, audience: "front-line agents") == .staff)
    #expect(
      StatementProfile.of(channel: .email, audience: "Data Protection Authority") == .regulator)
    #expect(StatementProfile.of(channel: .memo, audience: nil) == .staff)
    #expect(StatementProfile.of(channel: .regulatorNotice, audience: "customers") == .regulator)
    let notice = StatementAnalyzer().analyze(
      "We exposed data on 4 March.", channel: .regulatorNotice)
    #expect(notice.criterion("apology") == nil)
    #expect(notice.criterion("empathy") == nil)
    #expect(notice.criterion("what-to-do") == nil)
  }

  @Test func scoreIsPointsOverMaximumRoundedHalfUp() {
    let analysis = StatementAnalyzer().analyze("We are sorry. The app is down.", channel: .sms)
    let earned = analysis.criteria.reduce(0) { $0 + $1.points }
    let available = analysis.criteria.reduce(0) { $0 + $1.max }
    #expect(analysis.uncapped == Int((Double(earned) * 100 / Double(available)).rounded()))
    #expect(analysis.score == min(analysis.uncapped, analysis.caps.first?.ceiling ?? 100))
    for criterion in analysis.criteria {
      switch criterion.result {
      case .pass: #expect(criterion.points == criterion.max && criterion.advice.isEmpty)
      case .partial: #expect(criterion.points == criterion.max / 2 && !criterion.advice.isEmpty)
      case .fail: #expect(criterion.points == 0 && !criterion.advice.isEmpty)
      }
    }
  }
}
