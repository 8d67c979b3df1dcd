/// How long a statement is, counted the way its channel counts.
///
/// The text is measured without the spaces and line breaks around it.
/// - SMS: GSM-7 septets, where the extension characters `^ { } \ [ ] ~ |` and `€` count
///   two; if any character is outside the GSM-7 alphabet (curly quotes, emoji, most
///   accented capitals) the message goes as UCS-2 and every UTF-16 code unit counts one,
///   and a 160 limit becomes 70 (any other limit scales by 7/16).
/// - Social posts, e-mails, memos and regulator notices: characters, as extended
///   grapheme clusters (an emoji or "é" is one).
struct MessageLength: Hashable, Sendable {
  /// What `count` counts.
  enum Unit: String, Hashable, Sendable, Codable {
    case characters
    case gsm7 = "gsm-7 septets"
    case ucs2 = "ucs-2 code units"
  }

  var count: Int
  var unit: Unit
  /// The characters that forced UCS-2, first occurrence of each, as written.
  var nonGSM: [String]
  /// Character offset (in the untrimmed text) where the count first passes `limit`.
  var overflowOffset: Int?

  static func measure(_ text: String, channel: Channel, limit: Int?) -> MessageLength {
    measure(Array(text), channel: channel, limit: limit)
  }

  /// The length of a statement's characters: counted on their codes when they are plain
  /// ASCII and the channel counts characters, else as above.
  static func measure(_ characters: StatementCharacters, channel: Channel, limit: Int?)
    -> MessageLength
  {
    guard characters.isPlainASCII, channel != .sms else {
      return measure(Array(characters), channel: channel, limit: limit)
    }
    // The ASCII characters that are white space: tab, line feed, vertical tab, form
    // feed, carriage return and space.
    func isWhitespace(_ code: UInt8) -> Bool { (code >= 9 && code <= 13) || code == 32 }
    let codes = characters.codes
    var start = 0
    var end = codes.count
    while start < end, isWhitespace(codes[start]) { start += 1 }
    while end > start, isWhitespace(codes[end - 1]) { end -= 1 }
    let count = end - start
    var overflow: Int?
    if let limit, count > limit { overflow = start + max(limit, 0) }
    return MessageLength(count: count, unit: .characters, nonGSM: [], overflowOffset: overflow)
  }

  /// The length of a text already cut into `characters`.
  static func measure(_ characters: [Character], channel: Channel, limit: Int?) -> MessageLength {
    var start = 0
    var end = characters.count
    while start < end, characters[start].isWhitespace { start += 1 }
    while end > start, characters[end - 1].isWhitespace { end -= 1 }
    let body = characters[start..<end]
    guard channel == .sms else {
      var overflow: Int?
      if let limit, body.count > limit { overflow = start + max(limit, 0) }
      return MessageLength(
        count: body.count, unit: .characters, nonGSM: [], overflowOffset: overflow)
    }
    var septets = 0
    var utf16 = 0
    var nonGSM: [String] = []
    var septetOverflow: Int?
    var utf16Overflow: Int?
    let gsmLimit = limit ?? 160
    let ucsLimit = ucs2Limit(gsmLimit)
    for (offset, character) in body.enumerated() {
      var cost = 0
      for scalar in character.unicodeScalars {
        if gsmBasic.contains(scalar) {
          cost += 1
        } else if gsmExtension.contains(scalar) {
          cost += 2
        } else {
          cost += 1
          if nonGSM.count < 8, !nonGSM.contains(String(character)) {
            nonGSM.append(String(character))
          }
        }
      }
      septets += cost
      utf16 += character.utf16.count
      if septetOverflow == nil, septets > gsmLimit { septetOverflow = start + offset }
      if utf16Overflow == nil, utf16 > ucsLimit { utf16Overflow = start + offset }
    }
    if nonGSM.isEmpty {
      return MessageLength(count: septets, unit: .gsm7, nonGSM: [], overflowOffset: septetOverflow)
    }
    return MessageLength(count: utf16, unit: .ucs2, nonGSM: nonGSM, overflowOffset: utf16Overflow)
  }

  /// The UCS-2 limit for a GSM-7 limit: 160 → 70.
  static func ucs2Limit(_ gsmLimit: Int) -> Int {
    gsmLimit >= 0 ? gsmLimit * 7 / 16 : gsmLimit
  }

  /// The GSM 03.38 basic character set.
  static let gsmBasic: Set<Unicode.Scalar> = Set(
    ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
      + "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)
  /// The GSM 03.38 extension table: each costs an escape plus the character.
  static let gsmExtension: Set<Unicode.Scalar> = Set("^{}\\[~]|€\u{0C}".unicodeScalars)
}
