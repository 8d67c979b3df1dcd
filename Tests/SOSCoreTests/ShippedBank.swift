import Foundation

/// The shipped scenario bank as Tests/shipped-scenarios.txt lists it: an author's own
/// file in scenarios/ is not part of it, so it cannot make a bank test fail.
enum ShippedBank {
  /// The repository's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The bank's file names in scenarios/, in the manifest's order.
  static let files: [String] = {
    let manifest = root.appendingPathComponent("Tests/shipped-scenarios.txt")
    let text = (try? String(contentsOf: manifest, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }()
}
