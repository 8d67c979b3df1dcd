import Foundation
import SOSCore
import Testing

@testable import SOSStore

@Suite struct TraineeNamesTests {
  static func record(_ name: String, room: String?) -> SessionRecord {
    var record = SessionRecord(
      id: UUID(), trainee: name, cohort: "c", scenarioID: "s", scenarioHash: "h", seed: 1,
      mode: .assessment, timed: false, started: Sample.time(), finished: nil, status: .active)
    record.room = room
    return record
  }

  @Test func aNameInTwoRoomsIsTwoPeople() {
    let first = Self.record("Alex Morgan", room: "KXT-4MP-Q9W")
    let second = Self.record("Alex Morgan", room: "ABC-DEF-GHJ")
    let again = Self.record("Alex Morgan", room: "KXT-4MP-Q9W")
    let solo = Self.record("Sam", room: nil)
    let names = TraineeNames.distinct([first, second, again, solo])
    #expect(names[first.id] == "Alex Morgan (room KXT-4MP-Q9W)")
    #expect(names[again.id] == "Alex Morgan (room KXT-4MP-Q9W)")
    #expect(names[second.id] == "Alex Morgan (room ABC-DEF-GHJ)")
    #expect(names[solo.id] == "Sam")
  }

  @Test func aNameInOnePlaceIsShownAsItIs() {
    let room = Self.record("Alex", room: "KXT-4MP-Q9W")
    let played = Self.record("Alex", room: "KXT-4MP-Q9W")
    #expect(Set(TraineeNames.distinct([room, played]).values) == ["Alex"])
    let here = Self.record("Kim", room: nil)
    let there = Self.record("Kim", room: "KXT-4MP-Q9W")
    let names = TraineeNames.distinct([here, there])
    #expect(names[here.id] == "Kim")
    #expect(names[there.id] == "Kim (room KXT-4MP-Q9W)")
  }
}
