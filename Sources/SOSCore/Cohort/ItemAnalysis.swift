/// Item analysis of one decision point across a cohort: the share of trainees choosing
/// each option, the mean overall score of those who chose it, and a discrimination
/// index that says whether strong and weak trainees decided differently.
///
/// The trainees who met the decision are ranked by overall score (highest first; ties
/// keep the order the responses were given in). The upper and lower groups are the
/// top and bottom 27 % of them: `g = round(0.27 × n)`, at least 1 and at most `n / 2`,
/// so the groups never overlap. For each option,
///
///     D(option) = (chosen in the upper group − chosen in the lower group) / g
///
/// and for the decision, `D = p(upper took the best) − p(lower took the best)`, where
/// "the best" is an option as strong as the strongest on offer. D runs from −1 to 1.
/// A decision is flagged when at least ``minimumForFlag`` trainees met it and
/// `|D| ≥ 0.3` (Ebel's line between marginal and reasonably good items): positive,
/// strong and weak trainees part ways there; negative, weaker trainees took the
/// strongest option more often, which is worth checking in the scenario.
public struct ItemAnalysis: Hashable, Sendable, Codable {
  /// Why a decision stands out.
  public enum Flag: String, Hashable, Sendable, Codable {
    /// Strong trainees took the strongest option and weak ones did not (D ≥ 0.3).
    case separates
    /// Weaker trainees took the strongest option more often (D ≤ −0.3).
    case reversed
  }

  /// One option at the decision and who chose it.
  public struct Option: Hashable, Sendable, Codable {
    public var id: String
    public var text: String
    /// Whether it is as strong as the strongest option at the decision.
    public var best: Bool
    /// How many trainees chose it.
    public var chosen: Int
    /// `chosen / reached`, 0…1.
    public var share: Double
    /// The mean overall score of those who chose it; `nil` when nobody did.
    public var meanOverall: Double?
    /// How many of the upper group chose it.
    public var upper: Int
    /// How many of the lower group chose it.
    public var lower: Int
    /// `(upper − lower) / groupSize`; `nil` when fewer than two trainees met the decision.
    public var discrimination: Double?
  }

  /// One trainee's answer at the decision.
  public struct Response: Hashable, Sendable {
    /// The trainee's overall score in the attempt.
    public var overall: Double
    /// The option chosen (by id).
    public var choice: String
    /// The option's text, for an option the scenario version at hand does not have.
    public var choiceText: String
    /// Whether the option was as strong as the strongest on offer.
    public var tookBest: Bool

    /// Creates a response.
    public init(overall: Double, choice: String, choiceText: String, tookBest: Bool) {
      self.overall = overall
      self.choice = choice
      self.choiceText = choiceText
      self.tookBest = tookBest
    }
  }

  /// The share of the ranked trainees in each of the upper and lower groups.
  public static let groupShare = 0.27
  /// The size of |D| from which a decision is flagged.
  public static let flagThreshold = 0.3
  /// The fewest trainees who must meet a decision before it can be flagged (with
  /// fewer, groups of one or two make D jump between −1, 0 and 1).
  public static let minimumForFlag = 6

  /// The node's id.
  public var node: String
  public var title: String?
  /// How many trainees met the decision.
  public var reached: Int
  /// The size of each of the upper and lower groups (0 when fewer than two met it).
  public var groupSize: Int
  /// How many of the upper group took the strongest option.
  public var upperTookBest: Int
  /// How many of the lower group took the strongest option.
  public var lowerTookBest: Int
  /// The decision's discrimination index, −1…1; `nil` when fewer than two met it.
  public var discrimination: Double?
  public var flag: Flag?
  /// The options in the scenario's order, then any others that were chosen.
  public var options: [Option]

  /// The size of the upper and lower groups among `count` ranked trainees.
  public static func groupSize(for count: Int) -> Int {
    guard count >= 2 else { return 0 }
    let size = Int((groupShare * Double(count)).rounded())
    return min(max(size, 1), count / 2)
  }

  /// Analyses the responses at one decision. `choices` are the node's options in the
  /// scenario's order, with whether each is as strong as the strongest.
  public init(
    node: String, title: String?, choices: [(id: String, text: String, best: Bool)],
    responses: [Response]
  ) {
    self.node = node
    self.title = title
    reached = responses.count
    let size = Self.groupSize(for: responses.count)
    groupSize = size
    let ranked = responses.enumerated().sorted { left, right in
      left.element.overall != right.element.overall
        ? left.element.overall > right.element.overall : left.offset < right.offset
    }.map(\.element)
    let upperGroup = Array(ranked.prefix(size))
    let lowerGroup = size > 0 ? Array(ranked.suffix(size)) : []
    upperTookBest = upperGroup.filter(\.tookBest).count
    lowerTookBest = lowerGroup.filter(\.tookBest).count
    discrimination =
      size > 0 ? Double(upperTookBest - lowerTookBest) / Double(size) : nil

    var listed = choices
    for response in responses where !listed.contains(where: { $0.id == response.choice }) {
      listed.append((response.choice, response.choiceText, response.tookBest))
    }
    let reachedCount = responses.count
    options = listed.map { choice in
      let takers = responses.filter { $0.choice == choice.id }
      let upper = upperGroup.filter { $0.choice == choice.id }.count
      let lower = lowerGroup.filter { $0.choice == choice.id }.count
      return Option(
        id: choice.id, text: choice.text, best: choice.best, chosen: takers.count,
        share: reachedCount > 0 ? Double(takers.count) / Double(reachedCount) : 0,
        meanOverall: ScoreStatistics.mean(takers.map(\.overall)), upper: upper, lower: lower,
        discrimination: size > 0 ? Double(upper - lower) / Double(size) : nil)
    }

    flag = nil
    if let discrimination, reachedCount >= Self.minimumForFlag {
      // A little tolerance, so that 0.3 computed as 0.29999… still counts.
      if discrimination >= Self.flagThreshold - 1e-9 {
        flag = .separates
      } else if discrimination <= -Self.flagThreshold + 1e-9 {
        flag = .reversed
      }
    }
  }

  /// The option most of the lower group chose (ties: the scenario's order), if any.
  public var lowerGroupChoice: Option? {
    options.filter { $0.lower > 0 }.max { left, right in left.lower < right.lower }
      .flatMap { top in options.first { $0.lower == top.lower } }
  }
}
