import Testing

@testable import SOSCore

@Suite struct MinHeapTests {
  @Test func popsInAscendingOrder() {
    var generator = SeededGenerator(seed: 11)
    let values = (0..<500).map { _ in Int(generator.next() % 100) }
    var heap = MinHeap<Int>()
    for value in values { heap.push(value) }
    var popped: [Int] = []
    while let value = heap.popMin() { popped.append(value) }
    #expect(popped == values.sorted())
    #expect(heap.isEmpty)
    #expect(heap.popMin() == nil)
  }
}
