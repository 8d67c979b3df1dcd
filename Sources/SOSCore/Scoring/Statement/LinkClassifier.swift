/// Recognises web and e-mail addresses in a lower-cased chunk of text.
enum LinkClassifier {
  static func isEmail(_ chunk: String) -> Bool {
    let parts = chunk.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty
    else { return false }
    let localAllowed = local.allSatisfy { character in
      character.isASCII
        && (character.isLetter || character.isNumber || "._%+-'".contains(character))
    }
    return localAllowed && isHost(Substring(domain), requireKnownDomain: false)
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
        label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
      else { return false }
    }
    guard last.count >= 2, last.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
    return !requireKnownDomain || StatementLexicon.topLevelDomains.contains(String(last))
  }
}
