import Foundation
import SOSCore

/// What a session file's own log says about whether it was edited by hand.
///
/// A session file is plain JSON: anyone can change its answers, times and latencies
/// and re-hash its scenario text. Replaying proves only that the answers are legal, so
/// import also reads the log the way a suspicious facilitator would: times that go
/// backwards or are all the same, times outside the session, a session that claims to
/// happen in the future, latencies longer than the time that passed, and answers that
/// come faster than anyone can read. Each finding is a sentence for a report; none of
/// them proves an edit, so import flags and keeps the session unless `--strict`.
public enum HandInCheck {
  /// Slack for clocks and rounding: a second.
  static let slack: TimeInterval = 1
  /// An answer this soon after the one before was not read.
  static let tooFast: TimeInterval = 0.5

  /// The findings about `file`, judged at `now`.
  public static func findings(_ file: SessionFile, now: Date) -> [String] {
    var findings: [String] = []
    let inputs = file.inputs
    let future = now.addingTimeInterval(5 * 60)
    if file.started > future {
      findings.append("it says it started in the future (\(Timestamp.string(file.started)))")
    }
    if let finished = file.finished {
      if finished > future {
        findings.append("it says it finished in the future (\(Timestamp.string(finished)))")
      }
      if finished < file.started.addingTimeInterval(-slack) {
        findings.append("it says it finished before it started")
      }
    }
    if inputs.count >= 3, Set(inputs.map(\.at)).count == 1 {
      findings.append("all \(inputs.count) answers have the same time")
    }
    var backwards: [Int] = []
    var outside: [Int] = []
    var overlong: [Int] = []
    var fast = 0
    var previous: Date?
    for (index, recorded) in inputs.enumerated() {
      let number = index + 1
      if let previous, recorded.at < previous.addingTimeInterval(-slack) {
        backwards.append(number)
      }
      if recorded.at < file.started.addingTimeInterval(-slack)
        || file.finished.map({ recorded.at > $0.addingTimeInterval(slack) }) == true
      {
        outside.append(number)
      }
      // The time since the answer before (or since the start, for the first).
      let gap = recorded.at.timeIntervalSince(previous ?? file.started)
      if let latency = recorded.latencyMilliseconds, gap >= 0,
        Double(latency) / 1000 > gap + slack
      {
        overlong.append(number)
      }
      if previous != nil, gap >= 0, gap < tooFast { fast += 1 }
      previous = recorded.at
    }
    if !backwards.isEmpty {
      findings.append("answer times go backwards at \(list(backwards))")
    }
    if !outside.isEmpty {
      findings.append("answer times fall outside the session's start and end at \(list(outside))")
    }
    if !overlong.isEmpty {
      findings.append(
        "recorded thinking time is longer than the time since the answer before at \(list(overlong))"
      )
    }
    let latencies = inputs.compactMap(\.latencyMilliseconds)
    if latencies.count >= 3, latencies.allSatisfy({ $0 == 0 }) {
      findings.append("every answer took 0 ms")
    }
    if fast >= 3, findings.allSatisfy({ !$0.hasPrefix("all ") }) {
      findings.append("\(fast) answers came less than half a second after the one before")
    }
    return findings
  }

  /// `answer 3`, `answers 3, 4 and 7`, `answers 3, 4, 5 and 9 more`.
  static func list(_ numbers: [Int]) -> String {
    let shown = numbers.prefix(4).map(String.init)
    let more = numbers.count - shown.count
    if numbers.count == 1 { return "answer \(numbers[0])" }
    if more > 0 { return "answers " + shown.joined(separator: ", ") + " and \(more) more" }
    return "answers " + shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
  }
}
