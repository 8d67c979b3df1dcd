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
}
