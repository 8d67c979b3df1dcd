/// The points table of the statement analyser: every criterion, its quality dimension,
/// the most it can earn in each profile, and the advice given when it is not passed.
///
/// A pass earns the full points, a partial half, a fail none. A weight of 0 leaves the
/// criterion out of that profile's analysis (a regulator is not owed an apology or
/// told what to do). The weights make an expert holding statement (apology, empathy,
/// the facts, what to do, the next update, where to get help, in plain words and within
/// the limit) score 85 or more, and a defensive, vague, blaming or jargon-laden one 40
/// or less.
///
/// | id | dimension | social | sms | email | staff | regulator |
/// |---|---|---|---|---|---|---|
/// | apology | accountability | 12 | 8 | 12 | 4 | – |
/// | empathy | empathy | 10 | 4 | 10 | 6 | – |
/// | ownership | accountability | 8 | 4 | 8 | 4 | 8 |
/// | blame | accountability | 8 | 6 | 8 | 6 | 8 |
/// | what-happened | transparency | 8 | 8 | 8 | 8 | 12 |
/// | who-affected | transparency | 6 | 6 | 8 | 6 | 10 |
/// | what-to-do | actionability | 10 | 10 | 10 | 12 | – |
/// | what-we-are-doing | actionability | 8 | 8 | 8 | 8 | 12 |
/// | next-update | transparency | 8 | 6 | 8 | 6 | 10 |
/// | where-help | actionability | 8 | 8 | 8 | 10 | – |
/// | known-unknown | transparency | 4 | 2 | 6 | 4 | 8 |
/// | speculation | transparency | 6 | 4 | 6 | 4 | 8 |
/// | over-promising | accountability | 6 | 4 | 6 | 4 | 6 |
/// | jargon | clarity | 6 | 4 | 6 | 4 | 2 |
/// | readability | clarity | 6 | 4 | 6 | 4 | 4 |
/// | sentence-length | clarity | 4 | 2 | 4 | 4 | 2 |
/// | channel-length | clarity | 8 | 10 | 4 | 4 | 2 |
/// | repetition | clarity | 4 | 4 | 4 | 4 | 4 |
/// | greeting | empathy | – | – | 4 | – | – |
/// | sender | accountability | – | 4 | 4 | – | – |
/// | contact-point | actionability | – | – | – | – | 10 |
/// | consequences | transparency | – | – | – | – | 8 |
/// | must:<id> | transparency | 6 each | | | | |
/// | avoid:<id> | accountability | 6 each | | | | |
enum StatementRubric {
  /// What a row of the table checks, so that the analyser picks a row's check by a
  /// number rather than by comparing its id with every other.
  enum Check: Int, CaseIterable {
    case apology, empathy, ownership, blame, whatHappened, whoAffected, whatToDo
    case whatWeAreDoing, nextUpdate, whereHelp, knownUnknown, speculation, overPromising
    case jargon, readability, sentenceLength, channelLength, repetition, greeting, sender
    case contactPoint, consequences
    /// A row whose id the analyser does not know: it always fails.
    case unknown

    /// The check of the row with this id.
    init(id: String) {
      switch id {
      case "apology": self = .apology
      case "empathy": self = .empathy
      case "ownership": self = .ownership
      case "blame": self = .blame
      case "what-happened": self = .whatHappened
      case "who-affected": self = .whoAffected
      case "what-to-do": self = .whatToDo
      case "what-we-are-doing": self = .whatWeAreDoing
      case "next-update": self = .nextUpdate
      case "where-help": self = .whereHelp
      case "known-unknown": self = .knownUnknown
      case "speculation": self = .speculation
      case "over-promising": self = .overPromising
      case "jargon": self = .jargon
      case "readability": self = .readability
      case "sentence-length": self = .sentenceLength
      case "channel-length": self = .channelLength
      case "repetition": self = .repetition
      case "greeting": self = .greeting
      case "sender": self = .sender
      case "contact-point": self = .contactPoint
      case "consequences": self = .consequences
      default: self = .unknown
      }
    }
  }

  /// The check of each row of `rows`, in the same order.
  static let checks: [Check] = rows.map { Check(id: $0.id) }

  /// The row that holds each check (by `Check.rawValue`), if one does.
  static let rowOfCheck: [Int?] = Check.allCases.map { check in
    check == .unknown ? nil : checks.firstIndex(of: check)
  }

  /// A row of the table.
  struct Row: Hashable, Sendable {
    var id: String
    var label: String
    var dimension: QualityDimension
    /// Points by profile, in the order social, sms, email, staff, regulator.
    var weights: [Int]
    /// Advice when the criterion is not passed (the analyser may say something sharper).
    var advice: String

    func max(for profile: StatementProfile) -> Int {
      let column: Int
      switch profile {
      case .social: column = 0
      case .sms: column = 1
      case .email: column = 2
      case .staff: column = 3
      case .regulator: column = 4
      }
      return column < weights.count ? weights[column] : 0
    }
  }

  static let rows: [Row] = [
    Row(
      id: "apology", label: "Apology", dimension: .accountability, weights: [12, 8, 12, 4, 0],
      advice: "Say sorry plainly and for what: \"We are sorry that …\"."),
    Row(
      id: "empathy", label: "Empathy", dimension: .empathy, weights: [10, 4, 10, 6, 0],
      advice: "Acknowledge how the reader feels: \"We know how worrying this is.\""),
    Row(
      id: "ownership", label: "Ownership", dimension: .accountability, weights: [8, 4, 8, 4, 8],
      advice: "Say in the active voice what you did: \"we made a mistake\", \"we are responsible\"."
    ),
    Row(
      id: "blame", label: "No blame-shifting", dimension: .accountability,
      weights: [8, 6, 8, 6, 8],
      advice:
        "Do not point at suppliers, \"third parties\" or customers: own the problem and the fix."
    ),
    Row(
      id: "what-happened", label: "What happened", dimension: .transparency,
      weights: [8, 8, 8, 8, 12],
      advice: "Say what happened and when, in one plain sentence."),
    Row(
      id: "who-affected", label: "Who is affected", dimension: .transparency,
      weights: [6, 6, 8, 6, 10],
      advice: "Say exactly who is affected: \"customers who bought … between … and …\"."),
    Row(
      id: "what-to-do", label: "What the reader should do", dimension: .actionability,
      weights: [10, 10, 10, 12, 0],
      advice:
        "Tell the reader what to do, as an instruction: \"Do not use …\", \"Change your password\"."
    ),
    Row(
      id: "what-we-are-doing", label: "What we are doing", dimension: .actionability,
      weights: [8, 8, 8, 8, 12],
      advice: "Say what you are doing now, concretely: \"Our engineers are replacing …\"."),
    Row(
      id: "next-update", label: "Next update", dimension: .transparency,
      weights: [8, 6, 8, 6, 10],
      advice: "Promise the next update with a time: \"We will update you by 5pm today.\""),
    Row(
      id: "where-help", label: "Where to get help", dimension: .actionability,
      weights: [8, 8, 8, 10, 0],
      advice: "Give a phone number, a web address or a named person to contact."),
    Row(
      id: "known-unknown", label: "Known and not yet known", dimension: .transparency,
      weights: [4, 2, 6, 4, 8],
      advice: "Say plainly what you do not know yet: \"We do not yet know how many …\"."),
    Row(
      id: "speculation", label: "No speculation", dimension: .transparency,
      weights: [6, 4, 6, 4, 8],
      advice: "Do not guess at causes: say what is confirmed and when you will know more."),
    Row(
      id: "over-promising", label: "No over-promising", dimension: .accountability,
      weights: [6, 4, 6, 4, 6],
      advice:
        "Promise only what you control: drop absolutes like \"guarantee\" and \"never again\"."
    ),
    Row(
      id: "jargon", label: "Plain words", dimension: .clarity, weights: [6, 4, 6, 4, 2],
      advice: "Use plain words."),
    Row(
      id: "readability", label: "Readability", dimension: .clarity, weights: [6, 4, 6, 4, 4],
      advice: "Use shorter words and sentences."),
    Row(
      id: "sentence-length", label: "Sentence length", dimension: .clarity,
      weights: [4, 2, 4, 4, 2],
      advice: "Keep sentences to 20 words or fewer; split the long ones."),
    Row(
      id: "channel-length", label: "Length", dimension: .clarity, weights: [8, 10, 4, 4, 2],
      advice: "Cut it down to fit the channel."),
    Row(
      id: "repetition", label: "Says each thing once", dimension: .clarity,
      weights: [4, 4, 4, 4, 4],
      advice: "Say each thing once: a second apology or stock phrase adds nothing."),
    Row(
      id: "greeting", label: "Greets the reader", dimension: .empathy, weights: [0, 0, 4, 0, 0],
      advice: "Open the e-mail to the reader: \"Dear Ms Okafor,\" or \"Dear customer,\"."),
    Row(
      id: "sender", label: "Names the sender", dimension: .accountability,
      weights: [0, 4, 4, 0, 0],
      advice:
        "Say who it is from: the organisation first in a text (\"Wrenfield: …\"), a named"
        + " person and role at the end of an e-mail."),
    Row(
      id: "contact-point", label: "A contact point", dimension: .actionability,
      weights: [0, 0, 0, 0, 10],
      advice:
        "Give the regulator a named contact with a direct line or address (for a personal-data"
        + " breach, the data protection officer)."),
    Row(
      id: "consequences", label: "Likely consequences", dimension: .transparency,
      weights: [0, 0, 0, 0, 8],
      advice:
        "Say what could happen to the people affected (phishing, fraud, injury) and how likely"
        + " it is."),
  ]

  /// Points for each scenario `must` fact.
  static let mustPoints = 6
  /// Points for each scenario `avoid` phrasing.
  static let avoidPoints = 6
  /// Below this many words, criteria passed by the absence of a fault (no blame, no
  /// jargon, readable, short enough, no forbidden phrasing) earn only half: a
  /// statement that says nothing avoids every fault.
  static let substantialWords = 12

  /// Readability bands by profile: (pass FKGL ≤, pass FRE ≥, partial FKGL ≤, partial FRE ≥).
  static func readabilityBands(_ profile: StatementProfile) -> (
    passGrade: Double, passEase: Double, partialGrade: Double, partialEase: Double
  ) {
    profile == .regulator ? (12, 40, 14, 30) : (8, 60, 10, 50)
  }

  /// Sentence length: a pass averages at most 20 words with none over 35; a partial
  /// averages at most 25.
  static let sentenceAveragePass = 20.0
  static let sentenceLongest = 35
  static let sentenceAveragePartial = 25.0

  /// E-mails and memos have a guidance length in words; over it is a partial.
  static let guidanceWords = 300

  /// "a", "a and b", "a, b and c".
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
  }
}
