/// Item analysis of one decision point across a cohort: the share of trainees choosing
/// each option, the mean overall score of those who chose it, a discrimination index
/// that says whether strong and weak trainees decided differently, and the item–rest
/// correlation that says the same using every trainee.
///
/// **Discrimination.** The trainees who met the decision are ranked by overall score
/// (highest first; ties keep the order the responses were given in). The upper and
/// lower groups are the top and bottom 27 % of them: `g = round(0.27 × n)`, at least 1
/// and at most `n / 2`, so the groups never overlap. For each option,
///
///     D(option) = (chosen in the upper group − chosen in the lower group) / g
///
/// and for the decision, `D = p(upper took the best) − p(lower took the best)`, where
/// "the best" is an option as strong as the strongest on offer. D runs from −1 to 1.
/// The overall score includes the decision's own points, so D is uncorrected.
///
/// **Item–rest correlation.** The item score is 1 when the trainee took the strongest
/// option and 0 when not; the rest score is the mean credit (0…1) of the trainee's
/// first answers at the *other* decisions of the scenario they met (``Response/rest``).
/// The item's own answer is left out of the rest, so the correlation is not inflated by
/// the item itself, as it is for D. The mean rather than the sum, because scenarios
/// branch and trainees meet different numbers of decisions; where every trainee meets
/// the same ones, the mean is the sum divided by a constant and the correlation is the
/// same. ``itemRest`` is the point-biserial correlation of the two (Pearson's r with
/// one variable 0/1) over the trainees who met at least one other decision; `nil` with
/// fewer than three of them, or when either score does not vary (everyone took the
/// strongest option, say). About +0.3 or more: the decision agrees with the rest of
/// the scenario on who did well; near 0: it measures something else, or chance;
/// negative: those who did well elsewhere tended to miss the strongest option here.
///
/// **Flags.** A decision is flagged when at least ``minimumForFlag`` trainees met it
/// and `|D| ≥ 0.3` (Ebel's line between marginal and reasonably good items): positive,
/// strong and weak trainees part ways there; negative, weaker trainees took the
/// strongest option more often, which is worth checking in the scenario. With fewer
/// than ``settledCount`` trainees the analysis is ``indicative``: D rests on groups of
/// two to four, where one trainee moves it by a quarter to a half, so D alone does not
/// flag: the item–rest correlation must agree, at least +0.3 for `separates` and at
/// most −0.3 for `reversed`.
public struct ItemAnalysis: Hashable, Sendable, Codable {
  /// Why a decision stands out.
  public enum Flag: String, Hashable, Sendable, Codable {
    /// Strong trainees took the strongest option and weak ones did not (D ≥ 0.3, and
    /// with fewer than ``ItemAnalysis/settledCount`` trainees also r ≥ 0.3).
    case separates
    /// Weaker trainees took the strongest option more often (D ≤ −0.3, and with fewer
    /// than ``ItemAnalysis/settledCount`` trainees also r ≤ −0.3).
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
    /// The mean credit (0…1) of the trainee's first answers at the scenario's other
    /// decisions; `nil` when they met no other.
    public var rest: Double?

    /// Creates a response.
    public init(
      overall: Double, choice: String, choiceText: String, tookBest: Bool, rest: Double? = nil
    ) {
      self.overall = overall
      self.choice = choice
      self.choiceText = choiceText
      self.tookBest = tookBest
      self.rest = rest
    }
  }

  /// The share of the ranked trainees in each of the upper and lower groups.
  public static let groupShare = 0.27
  /// The size of |D| from which a decision is flagged.
  public static let flagThreshold = 0.3
  /// The fewest trainees who must meet a decision before it can be flagged (with
  /// fewer, groups of one or two make D jump between −1, 0 and 1).
  public static let minimumForFlag = 6
  /// The number of trainees from which item statistics settle; with fewer the analysis
  /// is indicative, and a flag needs the item–rest correlation to agree with D.
  public static let settledCount = 15
  /// The size of the item–rest correlation that must agree with D to flag a decision
  /// met by fewer than ``settledCount`` trainees.
  public static let correlationThreshold = 0.3

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
  /// The point-biserial correlation of taking the strongest option with the rest
  /// score, −1…1; `nil` when fewer than three trainees have a rest score or either does
  /// not vary.
  public var itemRest: Double?
  /// How many trainees the item–rest correlation is computed over: those who met the
  /// decision and at least one other.
  public var itemRestCount: Int
  /// Whether fewer than ``settledCount`` trainees met the decision.
  public var indicative: Bool
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

    let rested = responses.compactMap { response in
      response.rest.map { (item: response.tookBest ? 1.0 : 0.0, rest: $0) }
    }
    itemRestCount = rested.count
    itemRest = Correlation.pearson(rested.map(\.item), rested.map(\.rest))
    indicative = reachedCount < Self.settledCount
    flag = Self.flag(
      discrimination: discrimination, itemRest: itemRest, reached: reachedCount)
  }

  /// The flag a decision gets: `|D| ≥ 0.3` with at least ``minimumForFlag`` trainees;
  /// below ``settledCount`` trainees, only when the item–rest correlation agrees.
  static func flag(discrimination: Double?, itemRest: Double?, reached: Int) -> Flag? {
    guard let discrimination, reached >= minimumForFlag else { return nil }
    // A little tolerance, so that 0.3 computed as 0.29999… still counts.
    let settled = reached >= settledCount
    if discrimination >= flagThreshold - 1e-9 {
      guard settled || (itemRest ?? 0) >= correlationThreshold - 1e-9 else { return nil }
      return .separates
    }
    if discrimination <= -flagThreshold + 1e-9 {
      guard settled || (itemRest ?? 0) <= -correlationThreshold + 1e-9 else { return nil }
      return .reversed
    }
    return nil
  }

  /// The option most of the lower group chose (ties: the scenario's order), if any.
  public var lowerGroupChoice: Option? {
    options.filter { $0.lower > 0 }.max { left, right in left.lower < right.lower }
      .flatMap { top in options.first { $0.lower == top.lower } }
  }
}
