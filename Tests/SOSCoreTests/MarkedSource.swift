import Foundation

@testable import SOSCore

/// A test source with the expected position of a finding marked inline by `1️⃣`, as
/// swift-format's tests do, instead of counting lines and columns by hand.
///
/// The position is counted here on its own terms, independently of ``SourceLines``:
/// a line ends at LF, CR LF or a lone CR, and columns count Unicode scalars.
struct MarkedSource {
  static let marker = "1️⃣"

  /// The source without its marker.
  let text: String
  /// Where the marker was, or `nil` when there was none.
  let position: SourcePosition?

  init(_ marked: String) {
    guard let range = marked.range(of: Self.marker) else {
      text = marked
      position = nil
      return
    }
    text = marked.replacingCharacters(in: range, with: "")
    var line = 1
    var column = 1
    var previous: Unicode.Scalar? = nil
    for scalar in marked[..<range.lowerBound].unicodeScalars {
      if scalar == "\n" && previous == "\r" {
        // The second half of a CR LF: the CR already ended the line.
      } else if scalar == "\n" || scalar == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      previous = scalar
    }
    position = SourcePosition(line: line, column: column)
  }
}
