/// Making untrusted text safe inside HTML (and XHTML) text and quoted attribute values.
package enum HTMLText {
  /// `text` cleaned of control characters, with `& < > " '` written as entities and
  /// the characters XML forbids (U+FFFE, U+FFFF) left out.
  package static func escape(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in ReportText.clean(text).unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      case "\u{FFFE}", "\u{FFFF}": break
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
