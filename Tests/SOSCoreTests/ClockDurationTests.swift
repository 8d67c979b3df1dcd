import Testing

@testable import SOSCore

@Suite struct ClockDurationTests {
  @Test(arguments: [
    ("45m", 2700), ("2h30m", 9000), ("3d", 259_200), ("90s", 90), ("0", 0), ("0m", 0),
    ("1d12h", 129_600), ("1h0m", 3600),
  ])
  func parsesValidDurations(text: String, seconds: Int) {
    #expect(ClockDuration.parse(text) == .success(ClockDuration(seconds: seconds)))
  }

  @Test func rejectsMalformedDurations() {
    #expect(ClockDuration.parse("") == .failure(.empty))
    #expect(ClockDuration.parse("-5m") == .failure(.negative))
    #expect(ClockDuration.parse("45") == .failure(.missingUnit(offset: 0)))
    #expect(ClockDuration.parse("2h45") == .failure(.missingUnit(offset: 2)))
    #expect(ClockDuration.parse("30m2h") == .failure(.unitOrder("h", offset: 4)))
    #expect(ClockDuration.parse("1h1h") == .failure(.unitOrder("h", offset: 3)))
    #expect(ClockDuration.parse("5x") == .failure(.unexpected("x", offset: 1)))
    #expect(ClockDuration.parse("h") == .failure(.unexpected("h", offset: 0)))
    #expect(ClockDuration.parse("400d") == .failure(.tooLong))
    #expect(ClockDuration.parse("99999999999999999999d") == .failure(.tooLong))
  }

  @Test func printsCompactForm() {
    #expect(ClockDuration(seconds: 9000).description == "2h30m")
    #expect(ClockDuration.zero.description == "0m")
    #expect(ClockDuration(seconds: 90).description == "1m30s")
    #expect(ClockDuration(seconds: -900).description == "-15m")
    #expect(ClockDuration(seconds: 129_600).description == "1d12h")
  }
}
