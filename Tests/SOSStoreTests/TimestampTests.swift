import Foundation
import Testing

@testable import SOSStore

@Suite struct TimestampTests {
  @Test func formatsUTCWithMilliseconds() {
    #expect(Timestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    #expect(
      Timestamp.string(Date(timeIntervalSince1970: 1_740_819_600.25)) == "2025-03-01T09:00:00.250Z")
    #expect(
      Timestamp.string(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    #expect(Timestamp.string(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    #expect(Timestamp.string(.distantFuture) == "4001-01-01T00:00:00.000Z")
    #expect(
      Timestamp.string(Date(timeIntervalSince1970: .infinity)) == "9999-12-31T23:59:59.999Z")
  }

  @Test func parsesWhatItWritesAndCommonVariants() {
    let date = Date(timeIntervalSince1970: 1_740_819_600.25)
    #expect(Timestamp.date("2025-03-01T09:00:00.250Z") == date)
    #expect(Timestamp.date("2025-03-01 09:00:00.25Z") == date)
    #expect(Timestamp.date("2025-03-01T10:00:00.250+01:00") == date)
    #expect(Timestamp.date("2025-03-01T09:00:00Z") == Date(timeIntervalSince1970: 1_740_819_600))
    #expect(Timestamp.date("2000-02-29T00:00:00Z") == Date(timeIntervalSince1970: 951_782_400))
  }

  @Test(arguments: [
    "", "2025-03-01", "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-03-01T24:00:00Z",
    "2025-03-01T09:00:00", "2025-03-01T09:00:00.Z", "2025-03-01T09:00:00Zjunk", "yesterday",
    "２０２５-03-01T09:00:00Z",
  ])
  func rejectsMalformedTimes(text: String) {
    #expect(Timestamp.date(text) == nil)
  }

  @Test func normalizedDatesSurviveTheRoundTrip() {
    var generator = SplitMix(seed: 9)
    for _ in 0..<1000 {
      let seconds = Double.random(in: -1e10...1e11, using: &generator)
      let date = Timestamp.normalized(Date(timeIntervalSince1970: seconds))
      #expect(Timestamp.date(Timestamp.string(date)) == date)
      #expect(Timestamp.normalized(date) == date)
    }
  }
}
