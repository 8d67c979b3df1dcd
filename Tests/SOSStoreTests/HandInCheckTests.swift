import Foundation
import SOSCore
import Testing

@testable import SOSStore

@Suite struct HandInCheckTests {
  /// A session of `count` answers, one every `every` seconds from 09:00, each taking
  /// `latency` ms, finished a minute after the last.
  static func file(count: Int = 6, every: Double = 20, latency: Int? = 4_000) -> SessionFile {
    let session = SessionRecord(
      id: UUID(), trainee: "Ada", cohort: nil, scenarioID: "s", scenarioHash: "",
      seed: 1, mode: .assessment, timed: latency != nil, started: Sample.time(0),
      finished: Sample.time(Double(count) * every + 60), status: .finished)
    let inputs = (0..<count).map { index in
      RecordedInput(
        sequence: index, input: .choose(1), at: Sample.time(Double(index + 1) * every),
        latencyMilliseconds: latency)
    }
    return SessionFile(session: session, inputs: inputs, scenarioText: "x")
  }

  static let now = Sample.time(86_400)

  @Test func anUntouchedLogHasNoFindings() {
    #expect(HandInCheck.findings(Self.file(), now: Self.now) == [])
    #expect(HandInCheck.findings(Self.file(latency: nil), now: Self.now) == [])
  }

  @Test func editedTimesAreNamed() {
    var file = Self.file()
    file.inputs[3].at = Sample.time(5)
    #expect(
      HandInCheck.findings(file, now: Self.now) == ["answer times go backwards at answer 4"])

    file = Self.file()
    for index in file.inputs.indices { file.inputs[index].at = Sample.time(30) }
    #expect(HandInCheck.findings(file, now: Self.now).contains("all 6 answers have the same time"))

    file = Self.file()
    file.inputs[5].at = Sample.time(10_000)
    #expect(
      HandInCheck.findings(file, now: Self.now) == [
        "answer times fall outside the session's start and end at answer 6"
      ])
  }

  @Test func aFutureDateIsNamed() {
    var file = Self.file()
    file.started = Self.now.addingTimeInterval(86_400 * 365)
    let findings = HandInCheck.findings(file, now: Self.now)
    #expect(findings.first?.hasPrefix("it says it started in the future") == true)
  }

  @Test func latenciesThatContradictTheTimesAreNamed() {
    var file = Self.file()
    file.inputs[2].latencyMilliseconds = 120_000
    #expect(
      HandInCheck.findings(file, now: Self.now) == [
        "recorded thinking time is longer than the time since the answer before at answer 3"
      ])
    file = Self.file(latency: 0)
    #expect(HandInCheck.findings(file, now: Self.now) == ["every answer took 0 ms"])
  }

  @Test func answersFasterThanAnyoneReadsAreNamed() {
    let file = Self.file(count: 8, every: 0.2, latency: nil)
    #expect(
      HandInCheck.findings(file, now: Self.now) == [
        "7 answers came less than half a second after the one before"
      ])
  }

  @Test func listsOfAnswersReadNaturally() {
    #expect(HandInCheck.list([3]) == "answer 3")
    #expect(HandInCheck.list([3, 4, 7]) == "answers 3, 4 and 7")
    #expect(HandInCheck.list([1, 2, 3, 4, 5, 6]) == "answers 1, 2, 3, 4 and 2 more")
  }
}
