import Foundation

/// Outcomes gathered from several threads.
final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [(String, SOSProcess.Outcome)] = []

  func append(_ name: String, _ outcome: SOSProcess.Outcome) {
    lock.lock()
    items.append((name, outcome))
    lock.unlock()
  }

  var values: [(String, SOSProcess.Outcome)] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
