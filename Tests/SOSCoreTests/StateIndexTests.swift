import Testing

@testable import SOSCore

@Suite struct StateIndexTests {
  /// A key of `words` at `clock`, with a past of `points` settled when given.
  private func key(_ words: [UInt64], clock: Int, points: Double? = nil) -> SearchKey {
    var past: SearchKey.Past?
    if let points, let scenario = try? CohortAnalysisTests.scenario() {
      var timeline = Timeline(Timeline.Layout(scenario))
      timeline.settledPoints = points
      past = SearchKey.Past(timeline: timeline, history: SearchKey.History())
    }
    return SearchKey(situation: SearchKey.Situation(words: words), clock: clock, past: past)
  }

  @Test func findsEveryKeyAddedAndNoOther() {
    var generator = SeededGenerator(seed: 5)
    var index = StateIndex()
    var keys: [SearchKey] = []
    // Enough keys for the table to grow several times; words of varied lengths,
    // some equal to others' but at another clock.
    for number in 0..<20_000 {
      let length = Int(generator.next() % 5)
      let words = (0..<length).map { _ in generator.next() % 7 }
      let key = key(words, clock: Int(generator.next() % 50) * 60)
      if index.find(key) != nil { continue }
      index.add(key, number: Int32(number))
      keys.append(key)
    }
    #expect(index.count == keys.count)
    var numbers = Set<Int32>()
    for key in keys {
      let found = index.find(key)
      #expect(found != nil)
      if let found { numbers.insert(found) }
    }
    #expect(numbers.count == keys.count)
    #expect(index.find(key([99, 99, 99, 99, 99, 99], clock: 0)) == nil)
  }

  @Test func tellsKeysApartByClockLengthAndPast() {
    var index = StateIndex()
    index.add(key([1, 2], clock: 60), number: 7)
    #expect(index.find(key([1, 2], clock: 60)) == 7)
    #expect(index.find(key([1, 2], clock: 120)) == nil)
    #expect(index.find(key([1, 2, 0], clock: 60)) == nil)
    #expect(index.find(key([1], clock: 60)) == nil)
    let withPast = key([1, 2], clock: 60, points: 1)
    #expect(withPast.past != nil)
    #expect(index.find(withPast) == nil)
    index.add(key([1, 2], clock: 60, points: 1), number: 8)
    #expect(index.find(key([1, 2], clock: 60, points: 1)) == 8)
    #expect(index.find(key([1, 2], clock: 60, points: 2)) == nil)
    #expect(index.find(key([1, 2], clock: 60)) == 7)
    let words: [UInt64] = [1, 2]
    #expect(
      index.find(
        words: words, digest: SearchKey.Situation.digest(of: words), clock: 60, past: nil) == 7)
    index.removeAll()
    #expect(index.count == 0)
    #expect(index.find(key([1, 2], clock: 60)) == nil)
  }
}
