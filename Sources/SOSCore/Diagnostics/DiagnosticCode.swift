/// The stable code of every kind of diagnostic, documented in
/// facilitator-guide/authoring.md. Codes are never reused for a different meaning.
public enum DiagnosticCode: String, Hashable, Sendable, Codable, CaseIterable {
  // MARK: - The file itself
  /// The file cannot be read.
  case unreadable = "SOS001"
  /// The file is larger than the size cap.
  case tooLarge = "SOS002"
  /// The file is empty or holds only comments.
  case empty = "SOS003"
  /// The file holds NUL or other binary bytes.
  case binary = "SOS004"
  /// The file is not valid UTF-8.
  case notUTF8 = "SOS005"
  /// YAML syntax, including duplicate keys.
  case yamlSyntax = "SOS006"
  /// Nesting deeper than the cap.
  case tooDeep = "SOS007"
  /// More YAML nodes than the budget, usually an alias bomb.
  case tooManyNodes = "SOS008"
  /// The top-level value is not a mapping, or there are several documents.
  case notAMapping = "SOS009"
  /// A `format` this version of SOS does not read.
  case unsupportedFormat = "SOS010"

  // MARK: - Schema
  /// A required field is missing.
  case missingField = "SOS011"
  /// A value has the wrong type.
  case wrongType = "SOS012"
  /// A field SOS does not know.
  case unknownField = "SOS013"
  /// A value outside the allowed set or range.
  case invalidValue = "SOS014"
  /// A duration that cannot be read.
  case badDuration = "SOS015"
  /// A negative duration.
  case negativeDuration = "SOS016"
  /// Two things of one kind share an id.
  case duplicateID = "SOS017"

  // MARK: - Semantics
  /// `start`, `goto` or an inject names a node that does not exist.
  case unknownNode = "SOS018"
  /// A stakeholder that is not declared.
  case unknownStakeholder = "SOS019"
  /// An effect names a state variable that is not declared.
  case unknownVariable = "SOS020"
  /// An expression that cannot be parsed.
  case expressionSyntax = "SOS021"
  /// An expression whose types do not fit.
  case expressionType = "SOS022"
  /// An expression names a node, choice, tag, stakeholder, deadline or variable
  /// that does not exist.
  case unknownName = "SOS023"
  /// A node with neither choices nor an ending.
  case deadEnd = "SOS024"
  /// No ending can be reached from the start.
  case noReachableEnding = "SOS025"
  /// A conditional goto without an unconditional last branch.
  case gotoWithoutFallback = "SOS026"
  /// An effect that does not fit its variable's type.
  case effectType = "SOS027"
  /// An ending node that also offers choices.
  case endingWithChoices = "SOS028"
  /// Two scenario files in one folder declare the same id.
  case duplicateScenarioID = "SOS029"
  /// Play can reach a node from which no ending can ever be reached: a loop with no
  /// way out.
  case trapped = "SOS030"
  /// A control character, an invisible text-direction character, a line or paragraph
  /// separator, or a noncharacter, refused at its line and column.
  case controlCharacter = "SOS031"

  // MARK: - Lint (warnings)
  /// A node no path reaches.
  case unreachableNode = "SOS101"
  /// A choice with no quality points.
  case noQuality = "SOS102"
  /// A decision whose options all score the same.
  case flatDecision = "SOS103"
  /// A deadline no path can meet in time.
  case unmeetableDeadline = "SOS104"
  /// An inject that can never fire.
  case deadInject = "SOS105"
  /// A required stakeholder that no path contacts.
  case uncontactedStakeholder = "SOS106"
  /// A statement prompt with no `must` facts.
  case noMustFacts = "SOS107"
  /// `goto: return` where no inject diverts play.
  case strayReturn = "SOS108"
  /// A decision where every option has a condition, so play may find none on offer.
  case mayStall = "SOS109"
  /// Across the scenario, the strongest option is also the longest at more than half
  /// of the decisions: length gives the answer away.
  case longestIsStrongest = "SOS110"
  /// A write option with its own `promise:`: the typed words make the promise.
  case writePromise = "SOS111"
  /// An `until` that some path reaches after the time it waits for, so the clock runs
  /// on to that time the next day.
  case untilPassed = "SOS112"
  /// A text that opens with a time of day the clock does not show on some path.
  case textTimeOfDay = "SOS113"
}
