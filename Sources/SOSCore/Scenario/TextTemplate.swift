/// The placeholders a scenario's texts may use, filled in from the session as the
/// trainee reads them: `{clock}` (time since discovery, `T+2h15`), `{time}` (the time
/// of day, `13:05`; needs `starts_at`), `{day}` (the weekday; needs `starts_on`),
/// `{VARIABLE}` (a state variable's value) and `{STAKEHOLDER.label}`. `{{` and `}}`
/// write a brace.
public enum TextTemplate {
  /// A placeholder found in a text, with its offset in the text (in characters).
  public struct Placeholder: Hashable, Sendable {
    public var name: String
    public var offset: Int
  }

  /// The placeholders in `text`, in order; an unclosed `{` is one whose name runs to
  /// the end.
  public static func placeholders(in text: String) -> [Placeholder] {
    var found: [Placeholder] = []
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "{", index + 1 < characters.count, characters[index + 1] == "{" {
        index += 2
        continue
      }
      if character == "{" {
        var end = index + 1
        while end < characters.count, characters[end] != "}", characters[end] != "{",
          end - index <= 80
        {
          end += 1
        }
        let closed = end < characters.count && characters[end] == "}"
        let name = trimmed(characters[(index + 1)..<end])
        found.append(Placeholder(name: closed ? name : "{" + name, offset: index))
        index = closed ? end + 1 : end
        continue
      }
      index += 1
    }
    return found
  }

  /// `text` with every placeholder replaced by `value(name)` (kept as written when
  /// that gives `nil`), and `{{`, `}}` made single braces.
  public static func fill(_ text: String, _ value: (String) -> String?) -> String {
    guard text.contains("{") || text.contains("}") else { return text }
    var output = ""
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
      if (character == "{" && next == "{") || (character == "}" && next == "}") {
        output.append(character)
        index += 2
        continue
      }
      if character == "{", let close = characters[index...].firstIndex(of: "}"),
        close - index <= 81
      {
        let name = trimmed(characters[(index + 1)..<close])
        if let filled = value(name) {
          output += filled
          index = close + 1
          continue
        }
      }
      output.append(character)
      index += 1
    }
    return output
  }

  static func trimmed(_ characters: ArraySlice<Character>) -> String {
    String(characters.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
