import Foundation

/// Values gathered from several threads.
final class Collected<Item>: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [Item] = []

  func append(_ item: Item) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }

  var values: [Item] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}

extension Collected where Item == (String, SOSProcess.Outcome) {
  func append(_ name: String, _ outcome: SOSProcess.Outcome) {
    append((name, outcome))
  }
}
