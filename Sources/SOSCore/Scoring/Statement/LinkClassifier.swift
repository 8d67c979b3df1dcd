/// Recognises web and e-mail addresses in a lower-cased chunk of text.
enum LinkClassifier {
  static func isEmail(_ chunk: String) -> Bool {
    let parts = chunk.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty
    else { return false }
    let localAllowed = local.allSatisfy { character in
      isASCIILetterOrDigit(character) || (character.isASCII && "._%+-'".contains(character))
    }
    return localAllowed && isHost(Substring(domain), requireKnownDomain: false)
  }

  /// An ASCII letter: what `isASCII && isLetter` says, read from the code.
  static func isASCIILetter(_ character: Character) -> Bool {
    guard let code = character.asciiValue else { return false }
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  }

  /// An ASCII letter or digit: what `isASCII && (isLetter || isNumber)` says.
  static func isASCIILetterOrDigit(_ character: Character) -> Bool {
    guard let code = character.asciiValue else { return false }
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  }

  static func isURL(_ chunk: String) -> Bool {
    if chunk.hasPrefix("http://") || chunk.hasPrefix("https://") {
      return chunk.count > 10
    }
    if chunk.hasPrefix("www.") {
      return chunk.count > 6
    }
    let host = chunk.prefix { $0 != "/" }
    let hasPath = host.count < chunk.count
    return isHost(host, requireKnownDomain: !hasPath)
  }

  /// Two or more dot-separated labels of letters, digits and hyphens, the last one
  /// letters only; without a path the last label must be a common top-level domain, so
  /// that "sorry.We" (a missing space) is not taken for a link.
  static func isHost(_ host: Substring, requireKnownDomain: Bool) -> Bool {
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, let last = labels.last else { return false }
    for label in labels {
      guard !label.isEmpty,
        label.allSatisfy({ isASCIILetterOrDigit($0) || $0 == "-" })
      else { return false }
    }
    guard last.count >= 2, last.allSatisfy(isASCIILetter) else { return false }
    return !requireKnownDomain || StatementLexicon.topLevelDomains.contains(String(last))
  }

  // MARK: - ASCII

  /// `isEmail` of a lower-cased ASCII chunk given as its bytes: the same reading, as in
  /// ASCII each character is one byte (no "\r\n" is in a chunk).
  static func isEmail(ascii chunk: UnsafeBufferPointer<UInt8>) -> Bool {
    // Exactly one "@", with something before it.
    guard let at = chunk.firstIndex(of: 64), at > 0,
      !chunk[(at + 1)...].contains(64)
    else { return false }
    for byte in chunk[..<at] where !isLetterOrDigit(byte) {
      // "._%+-'"
      guard byte == 46 || byte == 95 || byte == 37 || byte == 43 || byte == 45 || byte == 39
      else { return false }
    }
    return isHost(
      ascii: UnsafeBufferPointer(rebasing: chunk[(at + 1)...]), requireKnownDomain: false)
  }

  /// `isURL` of a lower-cased ASCII chunk given as its bytes.
  static func isURL(ascii chunk: UnsafeBufferPointer<UInt8>) -> Bool {
    if starts(chunk, "http://") || starts(chunk, "https://") {
      return chunk.count > 10
    }
    if starts(chunk, "www.") {
      return chunk.count > 6
    }
    let hostEnd = chunk.firstIndex(of: 47) ?? chunk.count
    let hasPath = hostEnd < chunk.count
    return isHost(
      ascii: UnsafeBufferPointer(rebasing: chunk[..<hostEnd]), requireKnownDomain: !hasPath)
  }

  /// `isHost` of ASCII bytes.
  static func isHost(ascii host: UnsafeBufferPointer<UInt8>, requireKnownDomain: Bool) -> Bool {
    // Labels between dots, none empty, of letters, digits and hyphens; at least two.
    var labels = 1
    var labelStart = 0
    for (offset, byte) in host.enumerated() {
      if byte == 46 {
        guard offset > labelStart else { return false }
        labels += 1
        labelStart = offset + 1
      } else if !isLetterOrDigit(byte) && byte != 45 {
        return false
      }
    }
    guard labels >= 2, host.count > labelStart else { return false }
    let last = UnsafeBufferPointer(rebasing: host[labelStart...])
    guard last.count >= 2, last.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) })
    else { return false }
    return !requireKnownDomain
      || StatementLexicon.topLevelDomains.contains(String(decoding: last, as: UTF8.self))
  }

  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
  }

  private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
    let length = prefix.utf8CodeUnitCount
    guard bytes.count >= length else { return false }
    return prefix.withUTF8Buffer { head in bytes[..<length].elementsEqual(head) }
  }
}
