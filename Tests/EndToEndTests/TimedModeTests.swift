import Foundation
import Testing

/// Timed play in plain mode: with nothing typed, the decision's real-time limit runs
/// out, the timeout outcome happens (by default: hesitate, the clock moves on 15
/// minutes, the decision is asked again), and the latency is recorded.
@Suite struct TimedModeTests {
  /// A tiny scenario with short limits: 2 s for the scenario, 3 s and a 10-minute
  /// `on_timeout` at its second decision. (Each limit also bounds how long a busy
  /// machine may take between showing a prompt again and the test answering it.)
  static let drill = """
    format: 1
    id: timed-drill
    title: A timed drill
    kind: outage
    cluster: accidental
    difficulty: introductory
    minutes: 2
    role: Duty manager, Riverside Broadband
    starts_at: "09:00"
    time_limit: 2s
    briefing: |
      The broadband service in the Riverside area is down.
    stakeholders:
      customers: { label: Affected customers, required: true }
    start: first
    nodes:
      first:
        title: The phones ring
        text: Customers cannot get online.
        choices:
          - id: post-update
            text: Post a status update
            takes: 15m
            contacts: [customers]
            quality: { transparency: 2 }
            goto: second
          - id: wait
            text: Wait for the engineers
            takes: 1h
            quality: { transparency: -2 }
            goto: second
      second:
        title: The engineers call
        text: They need another hour.
        time_limit: 3s
        on_timeout:
          takes: 10m
          text: You hesitate, and the engineers hang up to get on with it.
        choices:
          - id: tell-customers
            text: Tell customers when the service will be back
            takes: 10m
            contacts: [customers]
            quality: { transparency: 1 }
            goto: end
      end:
        ending: true
        outcome: 60
        text: The service comes back at 11:15.

    """

  @Test func runningOutOfTimeHesitatesAndAsksAgain() throws {
    let workshop = try Workshop()
    defer { workshop.remove() }
    let file = workshop.folder.appendingPathComponent("timed-drill.yaml")
    try Self.drill.write(to: file, atomically: true, encoding: .utf8)
    let live = try workshop.start(["play", file.path, "--timed", "--as", "T", "--seed", "7"])

    // First decision: nothing typed for 2 s; the default hesitation, 15 minutes.
    let first = try live.waitForPrompt(number: 2, matching: Transcript.choicePrompt)
    let afterFirst = try #require(first.range(of: "Time is up.")).upperBound
    let hesitation = String(first[afterFirst...])
    #expect(hesitation.contains("You hesitate, and the crisis does not wait: the clock moves on."))
    #expect(hesitation.contains("T+15m (09:15)"))
    #expect(hesitation.contains("1. Post a status update"))
    try live.type("1")

    // Second decision: its own 3 s limit and its own timeout rule, 10 minutes.
    let second = try live.waitForPrompt(number: 4, matching: Transcript.choicePrompt)
    #expect(second.contains("T+30m (09:30)"))
    let afterSecond = try #require(second.range(of: "Time is up.", options: .backwards))
      .upperBound
    let timeout = String(second[afterSecond...])
    #expect(timeout.contains("You hesitate, and the engineers hang up to get on with it."))
    #expect(timeout.contains("T+40m (09:40)"))
    try live.type("1")
    try live.wait(for: "the ending") { $0.contains("The service comes back at 11:15.") }
    #expect(try live.finish() == 0, "\(live.stderr)")
    #expect(Transcript.count("Time is up.", in: live.stdout) == 2)

    // The record: timeout, answer, timeout, answer, with wall-clock latencies.
    let session = try workshop.onlySession()
    #expect(session["status"] as? String == "finished")
    let id = try #require(session["id"] as? String)
    let export = try workshop.run(["export", id])
    let record = try #require(
      try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
    #expect(record["timed"] as? Bool == true)
    let inputs = try #require(record["inputs"] as? [[String: Any]])
    #expect(inputs.map { $0["kind"] as? String } == ["timeout", "choose", "timeout", "choose"])
    let latencies = inputs.map { $0["latency_ms"] as? Int ?? -1 }
    #expect(latencies[0] >= 2000 && latencies[2] >= 3000, "latencies \(latencies)")
    #expect(latencies.allSatisfy { $0 >= 0 })
  }
}
