import SOSCore

/// Realistic statements to analyse, taken from the shipped playthroughs, each with
/// the write task (channel, audience, required and forbidden phrasings) it answers.
struct StatementSample: Sendable {
  var text: String
  var channel: Channel
  var audience: String?
  var must: [Phrase]
  var avoid: [Phrase]
  /// The scenario it was written for, or a description of where it came from.
  var origin: String

  var wordCount: Int { text.split(whereSeparator: \.isWhitespace).count }

  /// Analyses the sample, as the scorer does for a typed statement.
  func analyze(with analyzer: StatementAnalyzer) -> StatementAnalysis {
    analyzer.analyze(
      text, channel: channel, audience: audience, must: must, avoid: avoid)
  }
}

extension ShippedBank {
  /// Every statement typed on a playthrough path, paired with the write task of the
  /// choice that asked for it.
  func statementSamples() -> [StatementSample] {
    var samples: [StatementSample] = []
    for file in playthroughs {
      guard let scenario = scenarios.first(where: { $0.path == "scenarios/\(file.file)" })
      else { continue }
      let choices = Dictionary(
        scenario.scenario.allChoices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for path in file.paths {
        var task: WriteTask?
        for step in path.steps {
          switch step {
          case .choose(let id):
            task = choices[id]?.write
          case .write(let text):
            guard let task else { continue }
            samples.append(
              StatementSample(
                text: text, channel: task.channel, audience: task.audience.value,
                must: task.must, avoid: task.avoid, origin: scenario.scenario.id))
          case .timeout:
            task = nil
          }
        }
      }
    }
    return samples
  }

  /// A long draft of about `characters` characters: every shipped statement in turn,
  /// repeated as needed and cut at a word boundary, as a facilitator might paste a
  /// long draft into `sos statement --channel email -` (no scenario phrasings).
  func longDraft(characters: Int) -> StatementSample? {
    let statements = playthroughs.flatMap(\.statements)
    guard !statements.isEmpty else { return nil }
    var text = ""
    var index = 0
    while text.count < characters {
      text += (text.isEmpty ? "" : "\n\n") + statements[index % statements.count]
      index += 1
    }
    var cut = text.prefix(characters)
    if let space = cut.lastIndex(where: \.isWhitespace) { cut = cut[..<space] }
    return StatementSample(
      text: String(cut), channel: .email, audience: nil, must: [], avoid: [],
      origin: "all shipped statements")
  }
}
