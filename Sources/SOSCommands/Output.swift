import Foundation
import SOSTerminal

/// Writing to standard output and standard error. Everything passes
/// ``Sanitizer/output(_:)`` on its way out, so no escape sequence, control or bidi
/// character from a scenario, a session file or a name reaches the terminal raw.
enum Output {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(Sanitizer.output(text).utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data(Sanitizer.output(text).utf8))
  }

  /// Pretty, key-sorted JSON with a final newline.
  static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "null\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
