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

extension TraineeNamesTests {
  static func record(_ name: String, site: String?, id: String) -> SessionRecord {
    var record = Self.record(name, room: nil)
    record.site = site
    record.traineeID = id
    return record
  }

  @Test func aNameAtTwoSitesIsTwoPeopleUntilMerged() {
    let leeds = Self.record("Alex Morgan", site: "Leeds", id: "a1")
    let bristol = Self.record("Alex Morgan", site: "Bristol", id: "b2")
    let names = TraineeNames.distinct([leeds, bristol])
    #expect(names[leeds.id] == "Alex Morgan (Leeds)")
    #expect(names[bristol.id] == "Alex Morgan (Bristol)")
    // Merged: one person, one name, wherever they played.
    var merged = bristol
    merged.traineeID = "a1"
    #expect(Set(TraineeNames.distinct([leeds, merged]).values) == ["Alex Morgan"])
  }
}

/// Trainee ids as the store gives them: by name and site, merged on request.
@Suite struct TraineeIdentityTests {
  @Test(arguments: TestStore.engines)
  func theSameNameAtTwoSitesIsTwoTraineesUntilMerged(store: TestStore) throws {
    let database = try store.make()
    _ = try database.createCohort(name: "c", at: Sample.time())
    func play(_ name: String, site: String?) throws -> SessionRecord {
      var new = Sample.newSession(trainee: name, cohort: "c")
      new.site = site
      return try database.createSession(new)
    }
    let leeds = try play("Alex Morgan", site: "Leeds")
    let again = try play("Alex Morgan", site: "Leeds")
    let bristol = try play("Alex Morgan", site: "Bristol")
    #expect(leeds.traineeID == again.traineeID)
    #expect(leeds.traineeID != bristol.traineeID)
    #expect(try database.cohorts().first?.traineeCount == 2)
    let trainees = try database.trainees(cohort: "c")
    #expect(trainees.count == 2)
    #expect(
      trainees.map(\.places).sorted { $0.first ?? "" < $1.first ?? "" } == [["Bristol"], ["Leeds"]])
    let names = TraineeNames.distinct(try database.sessions(cohort: "c"))
    #expect(Set(names.values) == ["Alex Morgan (Leeds)", "Alex Morgan (Bristol)"])

    let keep = try #require(leeds.traineeID)
    let other = try #require(bristol.traineeID)
    #expect(try database.mergeTrainees(keep: String(keep.prefix(8)), others: [other]) == 1)
    #expect(try database.cohorts().first?.traineeCount == 1)
    #expect(
      Set(TraineeNames.distinct(try database.sessions(cohort: "c")).values) == ["Alex Morgan"])
    #expect(throws: WorkshopDatabaseError.self) {
      try database.mergeTrainees(keep: "zzzz", others: [keep])
    }
  }
}

extension TraineeIdentityTests {
  /// A session stored before sites were kept is the same person as that name played
  /// here at any site later, but never the same as a name in a live room.
  @Test(arguments: TestStore.engines)
  func unsitedSessionsKeepTheirTraineeButNotInARoom(store: TestStore) throws {
    let database = try store.make()
    let old = try database.createSession(Sample.newSession(trainee: "Alex Morgan"))
    var sited = Sample.newSession(trainee: "Alex Morgan")
    sited.site = "Leeds"
    let later = try database.createSession(sited)
    #expect(old.site == nil && later.site == "Leeds")
    #expect(later.traineeID == old.traineeID)
    _ = try database.openRoom(
      WorkshopDatabase.NewRoom(
        code: "KXT4MPQ9W", tokenHash: "h", cohort: "room", scenarioID: "loyalty-data-exposed",
        scenarioText: Sample.scenarioText, mode: .assessment, timed: false))
    let joined = try database.joinRoom(
      code: "KXT4MPQ9W", trainee: "Alex Morgan", tokenHash: "t", seed: 1)
    #expect(joined.site == "KXT4MPQ9W")
    #expect(joined.traineeID != old.traineeID)
  }
}
