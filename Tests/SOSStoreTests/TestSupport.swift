import Foundation
import SOSCore
import SOSStore

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
  let path: String

  init() {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("sos-store-tests-\(UUID().uuidString.lowercased())").path
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

enum Sample {
  static let scenarioText = """
    format: 1
    id: loyalty-data-exposed
    title: Loyalty database exposed
    # é — non-ASCII text is kept byte for byte
    """

  /// 2025-03-01T09:00:00.000Z plus `seconds`.
  static func time(_ seconds: Double = 0) -> Date {
    Date(timeIntervalSince1970: 1_740_819_600 + seconds)
  }

  static func newSession(
    trainee: String = "Ada", cohort: String? = nil, seed: UInt64 = 7, started: Double = 0
  ) -> NewSession {
    NewSession(
      trainee: trainee, cohort: cohort, scenarioID: "loyalty-data-exposed",
      scenarioText: scenarioText, seed: seed, mode: .assessment, timed: true,
      started: time(started))
  }

  static let inputs: [SessionInput] = [
    .choose(2), .write("We are sorry.\nYour data was exposed — here is what to do."), .timeout,
    .undo, .choose(1),
  ]
}

/// The permission bits of the file at `path`, or `nil` if there is none.
func permissions(_ path: String) -> Int? {
  let attributes = try? FileManager.default.attributesOfItem(atPath: path)
  return (attributes?[.posixPermissions] as? NSNumber)?.intValue
}

/// Collects values from several threads.
final class Collector<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [Value] = []

  func append(_ value: Value) {
    lock.lock()
    items.append(value)
    lock.unlock()
  }

  var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
