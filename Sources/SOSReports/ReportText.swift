import Foundation

/// Making untrusted text (trainee names, statements, scenario text) safe for each
/// output format.
public enum ReportText {
  /// Control characters and escape sequences removed; line breaks kept.
  public static func clean(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var skippingEscape = false
    for scalar in text.unicodeScalars {
      if skippingEscape {
        // The final byte of a CSI sequence ends it; anything else keeps skipping.
        if (0x40...0x7E).contains(scalar.value), scalar != "[" { skippingEscape = false }
        continue
      }
      switch scalar.value {
      case 0x1B: skippingEscape = true
      case 0x0A: output.append(scalar)
      case 0x09: output.append(" ")
      case 0x00...0x1F, 0x7F...0x9F: break
      default: output.append(scalar)
      }
    }
    return String(output)
  }

  /// Safe inside a Markdown table cell or paragraph: cleaned, with the characters
  /// that would start markup escaped and line breaks turned into spaces.
  public static func markdown(_ text: String) -> String {
    var output = ""
    for character in clean(text) {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#":
        output.append("\\")
        output.append(character)
      case "\n":
        output.append(" ")
      default:
        output.append(character)
      }
    }
    return output
  }

  /// Pretty JSON with sorted keys and a final newline.
  public static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "null\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
