/// A room's join code: nine characters from an alphabet without look-alikes (no 0/O,
/// 1/l/I), shown in three groups (`KXT-4MP-Q9W`), about 44 bits of randomness, easy
/// to read aloud and to type.
public enum JoinCode {
  /// The characters a code is made of.
  static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

  /// A new random code.
  public static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    let characters = (0..<9).map { _ in
      alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
    }
    return String(characters[0..<3]) + "-" + String(characters[3..<6]) + "-"
      + String(characters[6..<9])
  }

  /// The code as typed, normalised: upper case, groups joined with hyphens, spaces
  /// and hyphens where the typist put them ignored; `nil` when it cannot be a code.
  public static func normalized(_ typed: String) -> String? {
    let characters = typed.uppercased().filter { $0 != "-" && $0 != " " }
    guard characters.count == 9, characters.allSatisfy(alphabet.contains) else { return nil }
    let letters = Array(characters)
    return String(letters[0..<3]) + "-" + String(letters[3..<6]) + "-" + String(letters[6..<9])
  }
}
